import { createHash } from 'node:crypto';
import { PolicyError } from './policy-error.ts';
import { readFrontMatter } from './read-front-matter.ts';
import { policyKinds } from '../kinds/index.ts';
import { withoutJekyll } from './jekyll-keys.ts';

/** JSON with object keys sorted at every level, so equal data always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The sha256 of a version's data, the facts readers were told (dates,
 * periods, processors…), as opposed to its wording. An erratum may change the
 * wording but never this. Left out: `$schema` (editor support), `fallback` (which
 * translations exist) and `change.summary` (the wording of the change).
 * Values `false` and `[]` count as absent, so a new schema field defaulting to
 * one of them does not change the hashes of versions published before it
 * (a new field with any other default would: avoid that).
 *
 * @param data The validated source-locale front-matter.
 */
export function dataFingerprint(data: Readonly<Record<string, unknown>>): string {
  const { $schema: _schema, fallback: _fallback, ...rest }: Record<string, unknown> = data;
  if (rest.change && typeof rest.change === 'object') {
    const { summary: _summary, ...kind } = rest.change as Record<string, unknown>;
    rest.change = kind;
  }
  return createHash('sha256')
    .update(canonicalJson(withoutEmpty(rest)))
    .digest('hex');
}

function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (value === null || typeof value !== 'object') return value;
  const kept = Object.entries(value).filter(([, v]) => v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0));
  return Object.fromEntries(kept.map(([k, v]) => [k, withoutEmpty(v)]));
}

/**
 * The data fingerprint of a source-locale file from its text, as `dataFingerprint`
 * computes it for the loaded version.
 *
 * @returns Undefined when the front-matter does not parse or fails the schema (the check reports why).
 */
export function fileDataFingerprint(file: string, text: string): string | undefined {
  try {
    // The kinds' strict schemas cannot both accept one file, except a text-only
    // one that terms and document read alike, to the same fingerprint.
    const data = withoutJekyll(readFrontMatter(file, text).data);
    for (const kind of Object.values(policyKinds)) {
      const parsed = kind.schema.safeParse(data);
      if (parsed.success) return dataFingerprint(parsed.data as Record<string, unknown>);
    }
    return undefined;
  } catch (error) {
    if (error instanceof PolicyError) return undefined;
    throw error;
  }
}
