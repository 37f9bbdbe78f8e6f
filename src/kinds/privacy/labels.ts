import type { PrivacyData } from './schema.ts';

/**
 * Lists every piece of text inside a privacy policy's data that a translation
 * must translate (beside the change summary, which the core adds), keyed by a stable dotted path (`processors.paddle.purpose`).
 * Keys use ids rather than array indexes so reordering a list keeps them.
 *
 * @param data The validated source-locale front-matter.
 * @returns A map from label key to the source-locale text, in data order.
 */
export function privacyLabels(data: PrivacyData): Map<string, string> {
  const labels = new Map<string, string>();
  const add = (key: string, text: string | undefined) => {
    if (text !== undefined) labels.set(key, text);
  };
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
