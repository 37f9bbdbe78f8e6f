import type { PolicyData } from '../content/schema.ts';
import { parseDuration } from '../i18n/format.ts';

/** One change to a version's structured data. */
export interface DataEvent {
  /** Stable dotted path: `processors.cloudflare`, `retention.security-logs.period`. */
  path: string;
  /** The list or field the change is in, such as `processors` or `minimumAge`. */
  subject: string;
  /** The entry's id within its list, when there is one. */
  id?: string;
  /** The field that changed inside an entry, when only a field changed. */
  field?: string;
  type: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
  /** Material changes need the notice period; editorial ones do not. */
  material: boolean;
}

/** The field that identifies an entry of each keyed list: lists are compared by it, never by position. */
export const KEYED_LISTS = {
  contacts: 'id',
  dataCollected: 'id',
  purposes: 'id',
  processors: 'id',
  retention: 'id',
  cookies: 'category',
  rights: 'right',
} as const;
type KeyedList = keyof typeof KEYED_LISTS;

const CONSENT_STRICTNESS = { 'not-required': 0, required: 1, explicit: 2 } as const;

/**
 * Approximate days of an ISO duration (a month as 30 days), for wording a
 * change as longer or shorter. Never for deciding one: P1M is 28 to 31 days,
 * so material rules use `durationRange`.
 */
export function durationDays(iso: string): number {
  const p = parseDuration(iso);
  return p.years * 365 + p.months * 30 + p.weeks * 7 + p.days;
}

/** The fewest and the most days an ISO duration can span: months are 28 to 31 days, years 365 or 366. */
export function durationRange(iso: string): { min: number; max: number } {
  const p = parseDuration(iso);
  const exact = p.weeks * 7 + p.days;
  return { min: p.years * 365 + p.months * 28 + exact, max: p.years * 366 + p.months * 31 + exact };
}

// A duration that can turn out longer than before (P30D → P1M is 31 days in some months).
const canBeLonger = (before: unknown, after: unknown) =>
  before === undefined || after === undefined || durationRange(String(after)).max > durationRange(String(before)).min;

const added = (before: unknown, after: unknown) => {
  const old = new Set((before as unknown[] | undefined) ?? []);
  return ((after as unknown[] | undefined) ?? []).some((item) => !old.has(item));
};

// Fields whose change never changes what is done with the data: a title, a contact's display name, the
// grouping of data categories on the page, and the stated reason for keeping data.
const EDITORIAL_FIELDS = new Set(['title.', 'contacts.label', 'dataCollected.group', 'retention.reason']);

/**
 * Rules that make a change material: anything that lets more data go to more
 * places or other recipients, for more or other purposes, for longer, or
 * changes how readers exercise their rights or gives them fewer. Only the
 * fields in EDITORIAL_FIELDS and changes that narrow processing are editorial,
 * so a field added to the schema is material until a rule says otherwise.
 */
function isMaterial(subject: string, type: DataEvent['type'], field: string | undefined, before: unknown, after: unknown): boolean {
  // A new contact is a new address readers write to with their requests: renaming a contact's id would otherwise swap it unnoticed.
  if (type === 'added') return ['dataCollected', 'purposes', 'processors', 'retention', 'cookies', 'contacts'].includes(subject);
  if (type === 'removed') return ['rights', 'retention', 'transferSafeguards'].includes(subject);
  const rule = `${subject}.${field ?? ''}`;
  if (EDITORIAL_FIELDS.has(rule)) return false;
  switch (rule) {
    case 'processors.locations':
    case 'processors.data':
    case 'cookies.providers':
      return added(before, after);
    case 'retention.period':
    case 'requests.respondWithin':
      return canBeLonger(before, after);
    case 'noticePeriod.':
      // Material unless the new period can never be shorter than the old one.
      return durationRange(String(after)).min < durationRange(String(before)).max;
    case 'minimumAge.':
      return Number(after) < Number(before);
    case 'cookies.consent':
      return CONSENT_STRICTNESS[after as keyof typeof CONSENT_STRICTNESS] < CONSENT_STRICTNESS[before as keyof typeof CONSENT_STRICTNESS];
    default:
      return true;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Lists every change between two versions' data as events with stable paths,
 * before and after values, and a material or editorial class. Deterministic:
 * events follow the schema's field order, then the new version's list order.
 */
export function diffData(before: PolicyData, after: PolicyData): DataEvent[] {
  const events: DataEvent[] = [];
  const push = (event: Omit<DataEvent, 'material'>) =>
    events.push({ ...event, material: isMaterial(event.subject, event.type, event.field, event.before, event.after) });
  // Not facts about the processing: the dates and the change are the comparison itself; `imported` says where
  // a version was first published and `fallback` which translations are missing, neither of which readers are told.
  const skip = new Set(['$schema', 'effective', 'announced', 'change', 'imported', 'fallback']);
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])].filter((k) => !skip.has(k));
  for (const key of keys) {
    const [old, next] = [(before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key]];
    if (same(old, next)) continue;
    if (key in KEYED_LISTS) {
      diffList(key as KeyedList, old as Record<string, unknown>[], next as Record<string, unknown>[], push);
    } else if (key === 'transferSafeguards') {
      for (const item of next as string[])
        if (!(old as string[]).includes(item)) push({ path: `${key}.${item}`, subject: key, id: item, type: 'added', after: item });
      for (const item of old as string[])
        if (!(next as string[]).includes(item)) push({ path: `${key}.${item}`, subject: key, id: item, type: 'removed', before: item });
    } else if (typeof next === 'object' && next !== null && typeof old === 'object' && old !== null) {
      for (const field of [...new Set([...Object.keys(next), ...Object.keys(old)])]) {
        const [a, b] = [(old as Record<string, unknown>)[field], (next as Record<string, unknown>)[field]];
        if (!same(a, b)) push({ path: `${key}.${field}`, subject: key, field, type: 'changed', before: a, after: b });
      }
    } else {
      push({ path: key, subject: key, type: 'changed', before: old, after: next });
    }
  }
  return events;
}

// `upTo: false` says what leaving it out says; only `true` is a fact about the rule.
const fact = (list: KeyedList, field: string, value: unknown) => (list === 'retention' && field === 'upTo' && value === false ? undefined : value);

function diffList(list: KeyedList, before: Record<string, unknown>[], after: Record<string, unknown>[], push: (e: Omit<DataEvent, 'material'>) => void): void {
  const key = KEYED_LISTS[list];
  const oldById = new Map(before.map((item) => [String(item[key]), item]));
  const newIds = new Set(after.map((item) => String(item[key])));
  for (const item of after) {
    const id = String(item[key]);
    const old = oldById.get(id);
    if (!old) {
      push({ path: `${list}.${id}`, subject: list, id, type: 'added', after: item });
      continue;
    }
    for (const field of [...new Set([...Object.keys(item), ...Object.keys(old)])]) {
      if (same(fact(list, field, old[field]), fact(list, field, item[field]))) continue;
      push({ path: `${list}.${id}.${field}`, subject: list, id, field, type: 'changed', before: old[field], after: item[field] });
    }
  }
  for (const item of before) {
    const id = String(item[key]);
    if (!newIds.has(id)) push({ path: `${list}.${id}`, subject: list, id, type: 'removed', before: item });
  }
}
