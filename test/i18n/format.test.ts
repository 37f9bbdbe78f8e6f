import { describe, expect, it } from 'vitest';
import { formatCountry, formatDate, formatDuration, parseDuration } from '../../src/i18n/format.ts';

describe('formatDate', () => {
  it('formats date-only values in each locale without shifting a day west of UTC', () => {
    // vitest.config.ts runs the tests in America/Bogota (UTC−5).
    expect(process.env.TZ).toBe('America/Bogota');
    expect(formatDate('2025-07-01', 'en')).toBe('July 1, 2025');
    expect(formatDate('2025-07-01', 'es')).toBe('1 de julio de 2025');
    expect(formatDate('2026-01-01', 'en')).toBe('January 1, 2026');
  });
});

describe('formatDuration', () => {
  it('writes ISO 8601 durations in words', () => {
    expect(formatDuration('P7Y', 'en')).toBe('7 years');
    expect(formatDuration('P7Y', 'es')).toBe('7 años');
    expect(formatDuration('P90D', 'es')).toBe('90 días');
    expect(formatDuration('P1D', 'en')).toBe('1 day');
    expect(formatDuration('P1Y6M', 'en')).toBe('1 year and 6 months');
    expect(formatDuration('P2W', 'es')).toBe('2 semanas');
  });

  it('refuses what is not an ISO 8601 date duration', () => {
    for (const bad of ['P', '90D', 'P90', 'PT5M', 'P7 years']) expect(() => parseDuration(bad)).toThrow(/ISO 8601/);
  });
});

describe('formatCountry', () => {
  it('names ISO 3166 countries in the reader language', () => {
    expect(formatCountry('US', 'es')).toBe('Estados Unidos');
    expect(formatCountry('CO', 'en')).toBe('Colombia');
  });
});
