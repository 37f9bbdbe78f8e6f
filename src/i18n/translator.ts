import i18next, { type TFunction } from 'i18next';
import { sourceLocale, type Locale } from '../config.ts';
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };

/** UI strings per locale: flat files with dotted keys, as in Starlight. */
export const uiStrings: Record<string, Record<string, string>> = { en, es };

const instance = i18next.createInstance();
// Synchronous init: resources are bundled, and pages render without awaiting.
void instance.init({
  resources: Object.fromEntries(Object.entries(uiStrings).map(([l, strings]) => [l, { translation: strings }])),
  lng: sourceLocale,
  // A locale without its own strings file reads the source locale's.
  fallbackLng: uiStrings[sourceLocale] ? sourceLocale : 'en',
  keySeparator: false,
  nsSeparator: false,
  initAsync: false,
  interpolation: { escapeValue: false },
  // A missing string must fail loudly rather than print its key to readers.
  saveMissing: true,
  missingKeyHandler: (lngs, _ns, key) => {
    throw new Error(`The UI string "${key}" is missing for ${lngs.join(', ')}. Add it to src/i18n/${lngs[0]}.json.`);
  },
});

const translators = new Map<Locale, TFunction>();

/**
 * The UI string function for one locale.
 *
 * @param locale A configured locale.
 */
export function translator(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) {
    const fixed = instance.getFixedT(locale);
    // Most strings are looked up thousands of times per build without interpolation:
    // those are resolved by i18next once per locale and key.
    const plain = new Map<string, string>();
    t = ((key: string, options?: unknown) => {
      if (options !== undefined || typeof key !== 'string') return (fixed as (k: unknown, o?: unknown) => string)(key, options);
      let value = plain.get(key);
      if (value === undefined) plain.set(key, (value = fixed(key)));
      return value;
    }) as TFunction;
    translators.set(locale, t);
  }
  return t;
}
