import type { BaseData } from '../content/schema.ts';
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

/** What the data diff needs to know about a kind's data. */
export interface DiffRules {
  /** Lists compared by a key field, never by position: list name to key field. */
  keyedLists: Record<string, string>;
  /** Lists of plain values, compared as sets. */
  setLists: readonly string[];
  /** `list.field` paths whose `false` means the same as leaving the field out. */
  falseIsAbsent?: readonly string[];
  /** Object fields that change as one fact (a law is its country and region together): one event, never one per field. */
  wholeObjects?: readonly string[];
  /** Whether one change needs the notice period. */
  isMaterial(event: Omit<DataEvent, 'material'>): boolean;
}

// The titles and the notice period are common to every kind, so their rules are the core's.
function isMaterial(rules: DiffRules, event: Omit<DataEvent, 'material'>): boolean {
  if (event.subject === 'title') return false;
  // Material unless the new period can never be shorter than the old one.
  if (event.subject === 'noticePeriod') return durationRange(String(event.after)).min < durationRange(String(event.before)).max;
  return rules.isMaterial(event);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Lists every change between two versions' data as events with stable paths,
 * before and after values, and a material or editorial class. Deterministic:
 * events follow the schema's field order, then the new version's list order.
 */
export function diffData(before: BaseData, after: BaseData, rules: DiffRules): DataEvent[] {
  const events: DataEvent[] = [];
  const push = (event: Omit<DataEvent, 'material'>) => events.push({ ...event, material: isMaterial(rules, event) });
  // Not facts about the processing: the dates and the change are the comparison itself; `imported` says where
  // a version was first published and `fallback` which translations are missing, neither of which readers are told.
  const skip = new Set(['$schema', 'effective', 'announced', 'change', 'imported', 'fallback']);
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])].filter((k) => !skip.has(k));
  for (const key of keys) {
    const [old, next] = [(before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key]];
    if (same(old, next)) continue;
    // An optional list left out is an empty list: removing every contact removes each one.
    const [oldList, nextList] = [old ?? [], next ?? []];
    if (Object.hasOwn(rules.keyedLists, key) && Array.isArray(oldList) && Array.isArray(nextList)) {
      diffList(rules, key, oldList as Record<string, unknown>[], nextList as Record<string, unknown>[], push);
    } else if (rules.setLists.includes(key) && Array.isArray(oldList) && Array.isArray(nextList)) {
      for (const item of nextList as string[])
        if (!(oldList as string[]).includes(item)) push({ path: `${key}.${item}`, subject: key, id: item, type: 'added', after: item });
      for (const item of oldList as string[])
        if (!(nextList as string[]).includes(item)) push({ path: `${key}.${item}`, subject: key, id: item, type: 'removed', before: item });
    } else if (typeof next === 'object' && next !== null && typeof old === 'object' && old !== null && !rules.wholeObjects?.includes(key)) {
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

function diffList(
  rules: DiffRules,
  list: string,
  before: Record<string, unknown>[],
  after: Record<string, unknown>[],
  push: (e: Omit<DataEvent, 'material'>) => void,
): void {
  const key = rules.keyedLists[list]!;
  // A field whose `false` says what leaving it out says: only `true` is a fact.
  const fact = (field: string, value: unknown) => (value === false && rules.falseIsAbsent?.includes(`${list}.${field}`) ? undefined : value);
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
      if (same(fact(field, old[field]), fact(field, item[field]))) continue;
      push({ path: `${list}.${id}.${field}`, subject: list, id, field, type: 'changed', before: old[field], after: item[field] });
    }
  }
  for (const item of before) {
    const id = String(item[key]);
    if (!newIds.has(id)) push({ path: `${list}.${id}`, subject: list, id, type: 'removed', before: item });
  }
}
