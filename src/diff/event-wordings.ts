import type { TFunction } from 'i18next';
import type { Locale } from '../config.ts';
import type { PolicyVersion } from '../content/load-policies.ts';
import { formatCountry, formatDuration, formatList } from '../i18n/format.ts';
import { durationDays, type DataEvent } from './diff-data.ts';

/** A list entry or a data value, as plain front-matter. */
export type Entry = Record<string, unknown>;
/** Which version of a pair: the old one or the new one. */
export type Side = 'before' | 'after';

/** What the wording of one event needs: the event, both versions and the locale's strings. */
export interface WordingContext {
  event: DataEvent;
  versions: Record<Side, PolicyVersion>;
  /** The locale the sentence is in, for numbers, countries and durations: the reader's, or the source locale when it has no UI strings. */
  locale: Locale;
  t: TFunction;
  /** The reader's locale, for the translation's labels and title. */
  reader: Locale;
  /** The list entry the event is about, as each version has it ({} where it has none). */
  entries: Record<Side, Entry>;
  /** The entry as the event's own version has it: the old one when removed, else the new one. */
  entry: Entry;
  /** A field of the entry in one version, in the reader's language where the translation has it. */
  text: (side: Side, field: string) => string;
}

/** The key for a change of an optional field: `.added` when it was absent, `.removed` when it is now. */
export const optional = (base: string, { before, after }: DataEvent) =>
  before === undefined ? `${base}.added` : after === undefined ? `${base}.removed` : base;
export const duration = (value: unknown, locale: Locale) => (typeof value === 'string' ? formatDuration(value, locale) : '');
export const years = (value: unknown, locale: Locale) =>
  new Intl.NumberFormat(locale, { style: 'unit', unit: 'year', unitDisplay: 'long' }).format(Number(value));
export const countries = (codes: unknown, locale: Locale) =>
  formatList(
    ((codes as string[] | undefined) ?? []).map((c) => formatCountry(c, locale)),
    locale,
  );
// A changed field's before and after, each in its own version's words.
export const both = (c: WordingContext, field: string) => ({ before: c.text('before', field), after: c.text('after', field) });

/**
 * The plain-words sentence of a change to a common field, one function per
 * subject; each kind adds its own. `undefined` for a field with no wording of its own.
 */
export const baseWordings: Record<string, (c: WordingContext) => string | undefined> = {
  title({ t, event, versions, reader }) {
    // Each version's title in the reader's language; the source titles when the translation kept its title.
    const [from, to] = [versions.before, versions.after].map((v) => v.locales[reader]?.title ?? v.data.title);
    return from === to ? t('event.title', { before: event.before, after: event.after }) : t('event.title', { before: from, after: to });
  },
  noticePeriod({ t, event, locale }) {
    const [from, to] = [durationDays(String(event.before)), durationDays(String(event.after))];
    const key = to > from ? 'event.noticePeriod.longer' : to < from ? 'event.noticePeriod.shorter' : 'event.noticePeriod';
    return t(key, { before: duration(event.before, locale), after: duration(event.after, locale) });
  },
};

/** The sentence of a changed minimum age, for the kinds that state one. */
export function minimumAgeWording({ t, event, locale }: WordingContext): string {
  return t(Number(event.after) < Number(event.before) ? 'event.minimumAge.lowered' : 'event.minimumAge.raised', {
    before: event.before,
    after: years(event.after, locale),
  });
}
