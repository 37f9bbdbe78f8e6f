import type { Locale } from '../config.ts';
import type { AnyPolicyKind } from '../kinds/kind.ts';
import type { PolicyVersion } from './load-policies.ts';
import type { BaseData } from './schema.ts';

/**
 * Every piece of text in a version's data that a translation must translate,
 * keyed by a stable dotted path (`processors.paddle.purpose`): the change
 * summary, then the kind's own labels, in data order.
 */
export function translatableLabels(kind: AnyPolicyKind, data: BaseData): Map<string, string> {
  const labels = new Map<string, string>();
  if (data.change) labels.set('change.summary', data.change.summary);
  for (const [key, text] of kind.labels(data)) labels.set(key, text);
  return labels;
}

/**
 * A label of a version's data in one locale: the translation's text where the
 * locale has one, otherwise the source text.
 */
export function localizedLabel(version: PolicyVersion, locale: Locale, key: string, sourceText: string): string {
  return version.locales[locale]?.labels[key] ?? sourceText;
}
