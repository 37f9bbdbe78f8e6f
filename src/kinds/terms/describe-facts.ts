import type { Locale } from '../../config.ts';
import { formatCountry } from '../../i18n/format.ts';
import type { TermsData } from './schema.ts';

type Label = (key: string, source: string) => string;

/** The governing law in words: "California, United States", region from the translation where it has one. */
export function lawText(law: NonNullable<TermsData['governingLaw']>, locale: Locale, label: Label): string {
  const country = formatCountry(law.country, locale);
  return law.region ? `${label('governingLaw.region', law.region)}, ${country}` : country;
}

/** The contracting party in words: "InfraUX Technologies, Cartagena, Colombia". */
export function providerText(provider: NonNullable<TermsData['provider']>, locale: Locale, label: Label): string {
  const place = provider.locality ? `${label('provider.locality', provider.locality)}, ` : '';
  return `${provider.name}, ${place}${formatCountry(provider.country, locale)}`;
}
