import { describe, expect, it } from 'vitest';
import type { PolicyVersion } from '../../src/content/load-policies.ts';
import { textLocaleOf } from '../../src/site/version-change.ts';

// Only `locales` decides: which translations a version has.
const version = (...locales: string[]) => ({ locales: Object.fromEntries(locales.map((l) => [l, {}])) }) as unknown as PolicyVersion;

describe('textLocaleOf', () => {
  it('compares a locale’s own texts only when both versions are translated', () => {
    expect(textLocaleOf(version('en', 'es'), version('en', 'es'), 'es')).toBe('es');
    // A translation set against the English it replaced would mark every word changed.
    expect(textLocaleOf(version('en'), version('en', 'es'), 'es')).toBe('en');
    expect(textLocaleOf(version('en', 'es'), version('en'), 'es')).toBe('en');
    expect(textLocaleOf(version('en'), version('en'), 'en')).toBe('en');
  });
});
