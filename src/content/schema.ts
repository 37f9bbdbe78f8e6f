import { z } from 'astro/zod';

/*
 * The front-matter of a policy version. The file in the policy's source locale
 * (`en.mdx`) states the data once; translations carry only text, see
 * `translationSchema`. Strict objects: an unknown key is almost always a typo.
 */

/** A stable key: lowercase letters, digits and single hyphens. */
export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens, like "security-logs".');

/** A calendar date written YYYY-MM-DD, with no time and no time zone. */
export const isoDate = z.iso.date({ error: 'Write the date as YYYY-MM-DD, for example 2026-03-15.' });

// At most about a century: longer periods are typos, and years past 9999 would
// break the date arithmetic and comparisons of the notice rule.
const MAX_DURATION_DAYS = 36_600;
const upperDays = (iso: string) => {
  const [, y = 0, m = 0, w = 0, d = 0] = (/^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(iso) ?? []).map((part) => Number(part ?? 0));
  return y * 366 + m * 31 + w * 7 + d;
};

/** An ISO 8601 duration made of years, months, weeks and days, such as P90D or P7Y, of at most a century. */
export const isoDuration = z
  .string()
  .regex(/^P(?=\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?$/, 'Write the period as an ISO 8601 duration such as P30D (30 days), P6M or P7Y.')
  .refine((iso) => upperDays(iso) <= MAX_DURATION_DAYS, 'Write a period of at most 100 years, such as P7Y.');

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** An ISO 3166-1 alpha-2 country code that Intl knows, such as US or CO. */
export const countryCode = z.string().refine((code) => /^[A-Z]{2}$/.test(code) && regionNames.of(code) !== undefined, {
  message: 'Use an ISO 3166-1 alpha-2 country code in capitals, such as US, CO or DE.',
});

/**
 * The fields every kind of policy shares: dates, the change, the notice rule and
 * the translation fallbacks. Dates, the lock, drafts, feeds and notices read only
 * these; each kind adds its own data between the head and the tail.
 */
// Spaces or invisible characters alone (a soft hyphen, a direction mark, a blank braille cell)
// would name every link to the policy, or a change, with nothing a reader can see or hear.
const VISIBLE = /(?!\u2800)[\p{L}\p{N}\p{P}\p{S}]/u;
const visibleText = (what: string) => z.string().regex(VISIBLE, { error: `${what} needs at least one visible word, not only spaces or invisible characters.` });
const titleText = visibleText('A title');

export const baseHead = {
  /** Path to the JSON Schema, for editors; ignored by the build. */
  $schema: z.string().optional(),
  /** The policy's title in the source locale. */
  title: titleText.describe('The policy title in the source locale.'),
  /** The day this version takes effect; also the version's folder name. */
  effective: isoDate.describe('The day this version takes effect (YYYY-MM-DD); also the name of the version folder.'),
  /** The day readers were told about this version. */
  announced: isoDate.describe('The day readers were told about this version (YYYY-MM-DD).'),
  /** What changed since the previous version; required on every version after the first. */
  change: z
    .strictObject({
      /** `material` changes need the notice period; `editorial` ones do not. */
      kind: z.enum(['material', 'editorial']).describe('material: needs the notice period; editorial: wording only.'),
      /** One or two sentences for readers and the change notice email. */
      summary: visibleText('A summary').describe('One or two sentences for readers and the change notice.'),
    })
    .optional()
    .describe('What changed since the previous version; required on every version after the first.'),
};

/** The common fields that follow a kind's own data. */
export const baseTail = {
  /** How long before a material change takes effect readers are told. */
  noticePeriod: isoDuration.default('P30D').describe('How far ahead material changes are announced (default P30D).'),
  /** Set on a version first published elsewhere and added here later: it may be announced in the past and never produces a change notice. */
  imported: z
    .boolean()
    .default(false)
    .describe('True for a version first published elsewhere and added here later: exempt from the backdating rule and never notified.'),
  /** Locales without a translation of this version, shown in the source language with a visible notice. */
  fallback: z
    .array(z.string().regex(/^[a-z]{2}(?:-[A-Z]{2})?$/))
    .default([])
    .describe('Locales shown in the source language (with a notice) until translated.'),
};

/**
 * One kind's source-locale front-matter schema: the common fields around the
 * kind's own. Strict: an unknown key is almost always a typo.
 */
export function versionSchema<Shape extends z.core.$ZodLooseShape>(fields: Shape) {
  return z.strictObject({ ...baseHead, ...fields, ...baseTail });
}

/** The common fields alone, the whole front-matter of a text-only kind. */
export const baseSchema = versionSchema({});

/** The common front-matter of any kind after defaults are applied; each kind's data extends it. */
export type BaseData = z.output<typeof baseSchema>;

/** The front-matter of a translation: its title and translated labels, never data. */
export const translationSchema = z.strictObject({
  /** Path to the JSON Schema, for editors; ignored by the build. */
  $schema: z.string().optional(),
  /** The policy's title in this locale. */
  title: titleText.describe('The policy title in this locale.'),
  /** The first 12 hex digits of the sha256 of the source file this translates; a mismatch means the translation is stale. */
  source: z
    .string()
    .regex(/^[0-9a-f]{12}$/, 'Write the first 12 hex digits of the sha256 of the source-locale file, as `npm run policy -- check` suggests.')
    .describe('First 12 hex digits of the sha256 of the source-locale file this translation was made from.'),
  /** Translations of the data's text, keyed by dotted path such as `processors.paddle.purpose`. */
  labels: z.record(z.string(), visibleText('A label')).default({}).describe('Translated labels keyed by dotted path, such as processors.paddle.purpose.'),
});

/** A translation's front-matter after defaults are applied. */
export type TranslationData = z.output<typeof translationSchema>;
