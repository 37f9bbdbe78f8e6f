import { describe, expect, it } from 'vitest';
import { siteConfig } from '../../src/config.ts';
import { translator, uiStrings } from '../../src/i18n/translator.ts';

describe('UI strings', () => {
  it('has the same dotted keys in every locale', () => {
    const keys = Object.keys(uiStrings.en!).sort();
    for (const locale of siteConfig.locales) expect(Object.keys(uiStrings[locale]!).sort(), locale).toEqual(keys);
  });

  it('interpolates and refuses a missing key instead of printing it', () => {
    expect(translator('es')('version.lastUpdated', { date: '1 de julio de 2025' })).toBe('Última actualización: 1 de julio de 2025');
    expect(() => translator('en')('no.such.key')).toThrow(/missing/);
  });
});
