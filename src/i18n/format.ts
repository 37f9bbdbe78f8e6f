import type { Locale } from '../config.ts';

// Intl constructors are slow next to formatting; a build formats thousands of
// dates and durations, so each formatter is made once per locale and options.
const formatters = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats a YYYY-MM-DD date in the reader's language. Date-only values are
 * read and written in UTC so they never shift a day west of Greenwich
 * (Colombia is UTC−5).
 */
export function formatDate(isoDate: string, locale: Locale): string {
  return cached(`date:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })).format(new Date(`${isoDate}T00:00:00Z`));
}

/** The parts of an ISO 8601 duration made of years, months, weeks and days. */
export interface DurationParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
}

/**
 * Parses an ISO 8601 date duration such as P7Y or P1Y6M. Written here because
 * the few lines cost less than loading a date library at every CLI start.
 */
export function parseDuration(iso: string): DurationParts {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(iso);
  if (!match || iso === 'P') throw new Error(`"${iso}" is not an ISO 8601 duration such as P30D.`);
  const [, years = '0', months = '0', weeks = '0', days = '0'] = match;
  return { years: Number(years), months: Number(months), weeks: Number(weeks), days: Number(days) };
}

const UNITS = [
  ['years', 'year'],
  ['months', 'month'],
  ['weeks', 'week'],
  ['days', 'day'],
] as const;

/**
 * Formats an ISO 8601 duration in words: "7 years", "7 años", "1 year and 6 months".
 * Uses Intl unit formatting, since Intl.DurationFormat needs Node 23+.
 */
export function formatDuration(iso: string, locale: Locale): string {
  const parts = parseDuration(iso);
  const words = UNITS.filter(([key]) => parts[key] > 0).map(([key, unit]) =>
    cached(`unit:${locale}:${unit}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' })).format(parts[key]),
  );
  return formatList(words.length ? words : ['0'], locale);
}

/** A country's name in the reader's language, from its ISO 3166 code. */
export function formatCountry(code: string, locale: Locale): string {
  return cached(`region:${locale}`, () => new Intl.DisplayNames([locale], { type: 'region' })).of(code) ?? code;
}

/** "a, b and c" in the reader's language. */
export function formatList(items: readonly string[], locale: Locale): string {
  return cached(`list:${locale}`, () => new Intl.ListFormat(locale, { type: 'conjunction' })).format(items);
}

/**
 * A language's name in the reader's language, `inLocale`: "inglés" in Spanish
 * text. Without it, the name in the language itself ("English", "español"),
 * as a language switcher shows it to readers who may not read the page's language.
 */
export function languageName(locale: Locale, inLocale: Locale = locale): string {
  return cached(`language:${inLocale}`, () => new Intl.DisplayNames([inLocale], { type: 'language' })).of(locale) ?? locale;
}
