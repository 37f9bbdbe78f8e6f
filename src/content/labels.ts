import type { Locale } from '../config.ts';
import type { PolicyVersion } from './load-policies.ts';
import type { PolicyData } from './schema.ts';

/**
 * Lists every piece of text inside a version's data that a translation must
 * translate, keyed by a stable dotted path (`processors.paddle.purpose`).
 * Keys use ids rather than array indexes so reordering a list keeps them.
 *
 * @param data The validated source-locale front-matter.
 * @returns A map from label key to the source-locale text, in data order.
 */
export function translatableLabels(data: PolicyData): Map<string, string> {
  const labels = new Map<string, string>();
  const add = (key: string, text: string | undefined) => {
    if (text !== undefined) labels.set(key, text);
  };
  add('change.summary', data.change?.summary);
  for (const c of data.contacts) add(`contacts.${c.id}.label`, c.label);
  for (const d of data.dataCollected) {
    add(`dataCollected.${d.id}.label`, d.label);
    add(`dataCollected.${d.id}.description`, d.description);
  }
  for (const p of data.purposes) add(`purposes.${p.id}.label`, p.label);
  for (const p of data.processors) add(`processors.${p.id}.purpose`, p.purpose);
  for (const r of data.retention) {
    add(`retention.${r.id}.data`, r.data);
    add(`retention.${r.id}.reason`, r.reason);
  }
  for (const c of data.cookies) add(`cookies.${c.category}.purpose`, c.purpose);
  for (const r of data.rights) add(`rights.${r.right}.description`, r.description);
  return labels;
}

/**
 * A label of a version's data in one locale: the translation's text where the
 * locale has one, otherwise the source text.
 */
export function localizedLabel(version: PolicyVersion, locale: Locale, key: string, sourceText: string): string {
  return version.locales[locale]?.labels[key] ?? sourceText;
}
