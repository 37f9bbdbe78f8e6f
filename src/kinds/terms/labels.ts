import type { TermsData } from './schema.ts';

/**
 * Lists every piece of text inside terms' data that a translation must
 * translate, keyed by a stable dotted path such as `venue.courts`.
 */
export function termsLabels(data: TermsData): Map<string, string> {
  const labels = new Map<string, string>();
  const add = (key: string, text: string | undefined) => {
    if (text !== undefined) labels.set(key, text);
  };
  add('provider.locality', data.provider?.locality);
  for (const c of data.contacts ?? []) add(`contacts.${c.id}.label`, c.label);
  add('governingLaw.region', data.governingLaw?.region);
  add('venue.courts', data.venue?.courts);
  add('arbitration.rules', data.arbitration?.rules);
  add('arbitration.seat', data.arbitration?.seat);
  return labels;
}
