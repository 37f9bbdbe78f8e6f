import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { z } from 'astro/zod';
import { isLocale, type Locale } from '../config.ts';

/** A subscriber ready to receive notices. */
export interface Subscriber {
  email: string;
  /** The locale asked for, as written. */
  requested: string;
  /** The locale the email is rendered in. */
  locale: Locale;
  /** The CSV line, for reports. */
  line: number;
}

/** A CSV row that was skipped or adjusted, with its line. */
export interface RowProblem {
  line: number;
  message: string;
  /** Warnings keep the row; errors skip it. */
  severity: 'error' | 'warning';
}

const email = z.email();
// Tags are case-insensitive (BCP 47): EN and es-co are en and es-CO.
const LANGUAGE_TAG = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i;

/**
 * Reads the subscriber CSV (header row `email,locale`). Bad rows are reported
 * by line and skipped: an invalid address, a malformed locale, a duplicate.
 * A well-formed locale the policy is not written in (`fr`, `es-MX`) falls back
 * to its language or to the policy's default locale, with a warning.
 */
export function readSubscribers(file: string, defaultLocale: Locale): { subscribers: Subscriber[]; problems: RowProblem[] } {
  let records: string[][];
  try {
    records = parse(readFileSync(file, 'utf8'), { relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new Error(`Cannot read the subscriber list ${file}: ${(error as Error).message}`);
  }
  const [header = [], ...rows] = records;
  const columns = header.map((c) => c.toLowerCase());
  const [emailColumn, localeColumn] = [columns.indexOf('email'), columns.indexOf('locale')];
  if (emailColumn === -1 || localeColumn === -1)
    throw new Error(`The subscriber list ${file} needs a header row "email,locale"; it has "${header.join(',')}".`);
  const subscribers: Subscriber[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const [index, row] of rows.entries()) {
    const line = index + 2;
    const address = (row[emailColumn] ?? '').trim();
    const requested = (row[localeColumn] ?? '').trim();
    if (!email.safeParse(address).success) {
      problems.push({ line, severity: 'error', message: `"${address}" is not a valid email address; the row is skipped.` });
      continue;
    }
    const key = address.toLowerCase();
    const first = seen.get(key);
    if (first) {
      problems.push({ line, severity: 'error', message: `${address} is already on line ${first}; the duplicate is skipped.` });
      continue;
    }
    seen.set(key, line);
    const tag = requested ? canonicalTag(requested) : '';
    if (tag === undefined) {
      problems.push({ line, severity: 'error', message: `"${requested}" is not a language tag such as en or es-CO; the row is skipped.` });
      continue;
    }
    const language = tag.split('-')[0]!.toLowerCase();
    const locale = isLocale(tag) ? tag : isLocale(language) ? language : defaultLocale;
    if (requested && locale !== tag && locale !== language)
      problems.push({ line, severity: 'warning', message: `${address} asked for "${requested}", which the policies are not written in; they get ${locale}.` });
    subscribers.push({ email: address, requested, locale, line });
  }
  return { subscribers, problems };
}

/** The canonical form of a language tag (es_co → es-CO), or undefined if it is not one. */
function canonicalTag(requested: string): string | undefined {
  if (!LANGUAGE_TAG.test(requested)) return undefined;
  try {
    return Intl.getCanonicalLocales(requested.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}
