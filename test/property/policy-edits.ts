import fc from 'fast-check';
import { cookieCategories, legalBases, retentionEvents, rightNames, safeguards } from '../../src/kinds/privacy/schema.ts';

/*
 * Random edits of a policy version, as an author (or a hostile pull request)
 * could make them: every field of the front-matter added, removed or changed to
 * a valid or an invalid value, and the text reworded, restructured or given
 * components and links. Edits are plain data, so a failing case prints readably.
 */

/** One change to the front-matter, applied by `applyDataEdit`. List indexes wrap around the list's length. */
export type DataEdit =
  | { op: 'set'; path: ReadonlyArray<string | number>; value: unknown }
  | { op: 'delete'; path: ReadonlyArray<string | number> }
  | { op: 'push'; list: string; value: unknown }
  | { op: 'remove'; list: string; index: number };

/** One change to the body, made in the translation too unless `mirror` is false. */
export interface TextEdit {
  kind: 'append' | 'remove-paragraph' | 'reword' | 'rename-heading' | 'drop-heading-id' | 'add-section';
  text: string;
  mirror: boolean;
}

// Each arbitrary takes `valid`: true keeps to values the schema accepts (the edits can still break a rule
// that spans fields, such as a reference or the notice period), false mixes in wrong ones on purpose.
const pick = <T>(valid: boolean, good: readonly T[], bad: readonly T[]) => fc.constantFrom(...(valid ? good : [...good, ...bad]));

const text = (valid: boolean) =>
  fc.oneof(
    pick(valid, ['Payment data', 'Support chats', 'Keep you signed in', 'Datos de pago', '“Quoted” & <b>bold</b>', 'a'.repeat(200)], ['']),
    fc.string({ minLength: 1, maxLength: 24 }),
  );
const slug = (valid: boolean) => pick(valid, ['payment', 'support', 'ads', 'registration', 'hosting', 'logs', 'privacy', 'cdn'], ['Bad Slug']);
const country = (valid: boolean) => pick(valid, ['PA', 'US', 'DE', 'IE', 'CO'], ['XX', 'us']);
const duration = (valid: boolean) => pick(valid, ['P7D', 'P30D', 'P90D', 'P180D', 'P1Y', 'P7Y', 'P1M', 'P2W', 'P0D'], ['P', 'P1.5D', '90 days']);
const retentionEvent = (valid: boolean) => pick(valid, retentionEvents, ['forever']);
const wrongType = fc.constantFrom(42, true, null, 'oops', [], {});

// The fields of each list entry and the values each may take.
const fields = (valid: boolean): Record<string, Record<string, fc.Arbitrary<unknown>>> => ({
  contacts: { id: slug(valid), label: text(valid), email: pick(valid, ['dpo@example.com', 'privacy@example.com'], ['not-an-email']) },
  dataCollected: { id: slug(valid), group: pick(valid, ['personal', 'billing'], ['Bad Group']), label: text(valid), description: text(valid) },
  purposes: { id: slug(valid), label: text(valid), legalBasis: pick(valid, legalBases, ['whim']) },
  processors: {
    id: slug(valid),
    name: text(valid),
    purpose: text(valid),
    data: fc.array(pick(valid, ['registration', 'payment'], ['nothing']), { minLength: valid ? 1 : 0, maxLength: 3 }),
    locations: fc.array(country(valid), { minLength: valid ? 1 : 0, maxLength: 3 }),
    safeguard: pick(valid, safeguards, ['handshake']),
    url: pick(valid, ['https://new.example/privacy'], ['http://insecure.example/', 'javascript:alert(1)', 'not a url']),
    subProcessorOf: pick(valid, ['hosting', 'cdn'], ['nobody']),
  },
  retention: {
    id: slug(valid),
    data: text(valid),
    period: duration(valid),
    after: retentionEvent(valid),
    until: retentionEvent(valid),
    upTo: fc.boolean(),
    reason: text(valid),
  },
  cookies: {
    category: pick(valid, cookieCategories, ['tracking']),
    purpose: text(valid),
    consent: pick(valid, ['not-required', 'required', 'explicit'], ['maybe']),
    providers: fc.array(pick(valid, ['first-party', 'hosting', 'cdn'], ['nobody']), { maxLength: 3 }),
  },
  rights: { right: pick(valid, rightNames, ['free-lunch']), description: text(valid) },
});
// The fields an added entry always has; the others it may leave out.
const REQUIRED: Record<string, string[]> = {
  contacts: ['id', 'label', 'email'],
  dataCollected: ['id', 'group', 'label', 'description'],
  purposes: ['id', 'label'],
  processors: ['id', 'name', 'purpose', 'data', 'locations', 'safeguard', 'url'],
  retention: ['id', 'data'],
  cookies: ['category', 'consent', 'providers'],
  rights: ['right', 'description'],
};
// Fields that may be left out, for the valid edits that delete one.
const OPTIONAL: Record<string, string[]> = {
  purposes: ['legalBasis'],
  processors: ['subProcessorOf'],
  retention: ['after', 'upTo', 'reason'],
  cookies: ['purpose'],
};

const scalars = (valid: boolean): Record<string, fc.Arbitrary<unknown>> => ({
  title: text(valid),
  minimumAge: valid ? fc.integer({ min: 0, max: 21 }) : fc.oneof(fc.integer({ min: 0, max: 25 }), fc.constantFrom(16.5, '16', -1)),
  noticePeriod: duration(valid),
  imported: pick<unknown>(valid, [true, false], ['yes']),
  fallback: pick<unknown>(valid, [[]], [['es'], ['fr'], ['xx-yy']]),
  transferSafeguards: fc.array(pick(valid, safeguards, ['handshake']), { minLength: valid ? 1 : 0, maxLength: 3 }),
  ...(valid ? {} : { surprise: text(valid) }),
});
const objects = (valid: boolean): Record<string, Record<string, fc.Arbitrary<unknown>>> => ({
  controller: { name: text(valid), locality: pick(valid, ['Panama City', 'Medellín'], ['']), country: country(valid) },
  requests: { contact: pick(valid, ['privacy', 'dpo'], ['nobody']), respondWithin: duration(valid) },
  change: { summary: valid ? text(true) : fc.constantFrom('', 'TODO: say what changed', 42) },
});

const set = (path: ReadonlyArray<string | number>, value: fc.Arbitrary<unknown>) =>
  fc.record({ op: fc.constant('set' as const), path: fc.constant(path), value });

function listEdit(list: string, valid: boolean): fc.Arbitrary<DataEdit> {
  const all = fields(valid)[list]!;
  const entry = fc.record(all, { requiredKeys: REQUIRED[list] as never });
  const field = fc.constantFrom(...Object.keys(all));
  const deletable = valid ? (OPTIONAL[list] ?? []) : Object.keys(all);
  return fc.oneof(
    fc.record({ op: fc.constant('push' as const), list: fc.constant(list), value: entry }),
    fc.record({ op: fc.constant('remove' as const), list: fc.constant(list), index: fc.nat(5) }),
    fc.tuple(fc.nat(5), field).chain(([i, f]) => set([list, i, f], valid ? all[f]! : fc.oneof({ weight: 5, arbitrary: all[f]! }, wrongType))),
    ...(deletable.length ? [fc.tuple(fc.nat(5), fc.constantFrom(...deletable)).map(([i, f]): DataEdit => ({ op: 'delete', path: [list, i, f] }))] : []),
  );
}

/** Any one change to the front-matter of a source-locale file; with `valid`, only to values the schema accepts. */
export function dataEdit(valid: boolean): fc.Arbitrary<DataEdit> {
  const broken = [
    fc.constantFrom(...['title', 'minimumAge', 'contacts', 'controller', 'requests', 'cookies'].map((key): DataEdit => ({ op: 'delete', path: [key] }))),
    fc
      .tuple(fc.constantFrom(['contacts'], ['processors'], ['controller'], ['requests'], ['retention', 0]), wrongType)
      .map(([path, value]): DataEdit => ({ op: 'set', path, value })),
  ];
  return fc.oneof(
    { weight: 7, arbitrary: fc.oneof(...Object.keys(fields(valid)).map((list) => listEdit(list, valid))) },
    { weight: 3, arbitrary: fc.oneof(...Object.entries(scalars(valid)).map(([key, value]) => set([key], value))) },
    {
      weight: 3,
      arbitrary: fc.oneof(...Object.entries(objects(valid)).flatMap(([key, all]) => Object.entries(all).map(([f, value]) => set([key, f], value)))),
    },
    ...(valid ? [] : broken.map((arbitrary) => ({ weight: 1, arbitrary }))),
  );
}

const goodSnippets = [
  'A new paragraph about how we use your data.',
  'Read [our terms](https://example.com/terms) and [how long we keep data](#retention).',
  '<Purposes />',
  '<Cookies />',
  '<Rights />',
  '<TransferSafeguards />',
  '<Contact />',
  'Changes are announced <NoticePeriod /> ahead; requests are answered within <ResponseTime />.',
  '* one\n* two',
  '| a | b |\n| - | - |\n| 1 | 2 |',
];
const badSnippets = [
  'See [a section that does not exist](#nowhere).',
  '[Click](javascript:alert(1))',
  '<DataCollected group="billing" />',
  '<Email contact="nobody" />',
  '<Unknown />',
  '<script>alert(1)</script>',
  'Total: {1 + 1}',
];

/** Any one change to the text; with `valid`, made in the translation too and with nothing the checks refuse on sight. */
export function textEdit(valid: boolean): fc.Arbitrary<TextEdit> {
  return fc.record({
    kind: valid
      ? fc.constantFrom('append', 'remove-paragraph', 'reword', 'rename-heading', 'add-section')
      : fc.constantFrom('append', 'remove-paragraph', 'reword', 'rename-heading', 'drop-heading-id', 'add-section'),
    text: valid
      ? fc.oneof(pick(true, goodSnippets, []), fc.stringMatching(/^[A-Za-z][A-Za-z ,.]{0,30}$/))
      : fc.oneof(pick(false, goodSnippets, badSnippets), fc.string({ maxLength: 30 })),
    mirror: valid ? fc.constant(true) : fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
  });
}

/** Applies one data edit to a parsed front-matter object, in place; an edit that does not fit the data does nothing. */
export function applyDataEdit(data: Record<string, unknown>, edit: DataEdit): void {
  if (edit.op === 'push' || edit.op === 'remove') {
    const list = data[edit.list];
    if (!Array.isArray(list)) return;
    if (edit.op === 'push') list.push(structuredClone(edit.value));
    else if (list.length > 0) list.splice(edit.index % list.length, 1);
    return;
  }
  let target: unknown = data;
  const path = [...edit.path];
  const last = path.pop()!;
  for (const step of path) {
    if (typeof target !== 'object' || target === null) return;
    const container = target as Record<string | number, unknown>;
    target = Array.isArray(container) ? container[(step as number) % Math.max(container.length, 1)] : container[step];
  }
  if (typeof target !== 'object' || target === null) return;
  if (Array.isArray(target)) {
    if (target.length > 0 && edit.op === 'set') target[(last as number) % target.length] = structuredClone(edit.value);
    return;
  }
  if (edit.op === 'delete') delete (target as Record<string, unknown>)[last];
  else (target as Record<string, unknown>)[last] = structuredClone(edit.value);
}

/** Applies one text edit to a body; `n` is which paragraph or heading it touches. */
export function applyTextEdit(body: string, edit: TextEdit, n: number, locale: string): string {
  const blocks = body.split(/\n{2,}/);
  const headings = blocks.map((b, i) => (b.startsWith('## ') ? i : -1)).filter((i) => i >= 0);
  const paragraphs = blocks.map((b, i) => (!b.startsWith('## ') && !b.startsWith('<') ? i : -1)).filter((i) => i >= 0);
  const pick = (list: number[]) => list[n % Math.max(list.length, 1)];
  const h = pick(headings);
  const p = pick(paragraphs);
  switch (edit.kind) {
    case 'append':
      blocks.push(edit.text);
      break;
    case 'remove-paragraph':
      if (p !== undefined) blocks.splice(p, 1);
      break;
    case 'reword':
      if (p !== undefined) blocks[p] = `${blocks[p]} ${locale === 'es' ? 'Además,' : 'Also,'} ${edit.text}`;
      break;
    case 'rename-heading':
      if (h !== undefined) blocks[h] = blocks[h]!.replace(/^## ([^{]*?)( \{#|$)/, `## $1 ${locale === 'es' ? 'y más' : 'and more'}$2`);
      break;
    case 'drop-heading-id':
      if (h !== undefined) blocks[h] = blocks[h]!.replace(/ \{#[^}]*\}$/, '');
      break;
    case 'add-section':
      blocks.push(`## ${locale === 'es' ? 'Novedades' : 'News'} {#news}`, edit.text);
      break;
  }
  return `${blocks.join('\n\n').trimEnd()}\n`;
}
