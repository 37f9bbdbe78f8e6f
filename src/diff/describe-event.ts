import { sourceLocale, type Locale } from '../config.ts';
import { localizedLabel } from '../content/labels.ts';
import type { PolicyVersion } from '../content/load-policies.ts';
import { translator, uiStrings } from '../i18n/translator.ts';
import { kindOf } from '../kinds/index.ts';
import type { DataEvent } from './diff-data.ts';
import { baseWordings, type Entry, type Side, type WordingContext } from './event-wordings.ts';

/**
 * Says a data change in plain words in the reader's language, for the diff
 * page, the feeds, the change-notice email and `policy check`: "New processor:
 * Cloudflare (United States, EU Standard Contractual Clauses)". Total over the
 * schema: every field of valid data has its own wording in every locale.
 */
export function describeEvent(event: DataEvent, before: PolicyVersion, after: PolicyVersion, locale: Locale): string {
  const versions = { before, after };
  const kind = kindOf(after);
  const key = Object.hasOwn(kind.keyedLists, event.subject) ? kind.keyedLists[event.subject] : undefined;
  const find = (version: PolicyVersion): Entry => {
    const list = (version.data as unknown as Record<string, unknown>)[event.subject];
    return (Array.isArray(list) && key ? (list as Entry[]).find((e) => String(e[key]) === event.id) : undefined) ?? {};
  };
  const entries = { before: find(before), after: find(after) };
  const text = (side: Side, field: string) =>
    localizedLabel(versions[side], locale, `${event.subject}.${event.id}.${field}`, String(entries[side][field] ?? ''));
  // A sentence in one language: a locale without UI strings reads the source locale's, so its formats follow them.
  const words = uiStrings[locale] ? locale : sourceLocale;
  const context: WordingContext = {
    event,
    versions,
    locale: words,
    reader: locale,
    t: translator(locale),
    entries,
    entry: event.type === 'removed' ? entries.before : entries.after,
    text,
  };
  const wording = Object.hasOwn(baseWordings, event.subject) ? baseWordings[event.subject] : kind.wordings[event.subject];
  return wording?.(context) ?? context.t('event.generic', { path: event.path });
}
