import { z } from 'astro/zod';

/*
 * The front-matter of a policy version. The file in the policy's source locale
 * (`en.mdx`) states the data once; translations carry only text, see
 * `translationSchema`. Strict objects: an unknown key is almost always a typo.
 */

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens, like "security-logs".');

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

/** Safeguards that make a transfer to another country lawful. */
export const safeguards = ['eu-scc', 'adequacy', 'binding-corporate-rules', 'privacy-certifications', 'impact-assessments', 'consent'] as const;

/** Events that start or end a retention period. */
export const retentionEvents = ['account-closure', 'cancellation', 'deletion', 'last-activity'] as const;

/** The data-subject rights a policy can grant (GDPR Arts. 15-22 and 77, Ley 1581 art. 8). */
export const rightNames = ['access', 'rectification', 'erasure', 'portability', 'objection', 'restriction', 'withdraw-consent', 'complaint'] as const;

/** Cookie categories, as consent banners group them. */
export const cookieCategories = ['essential', 'functional', 'analytics', 'marketing'] as const;

/** GDPR Art. 6(1) legal bases. */
export const legalBases = ['consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task', 'legitimate-interests'] as const;

/** The source-locale front-matter of one policy version. */
export const policyFrontmatterSchema = z.strictObject({
  /** Path to the JSON Schema, for editors; ignored by the build. */
  $schema: z.string().optional(),
  /** The policy's title in the source locale. */
  title: z.string().min(1).describe('The policy title in the source locale.'),
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
      summary: z.string().min(1).describe('One or two sentences for readers and the change notice.'),
    })
    .optional()
    .describe('What changed since the previous version; required on every version after the first.'),
  /** The controller: who decides why and how data is processed. */
  controller: z
    .strictObject({
      /** Legal name of the controller. */
      name: z.string().min(1),
      /** City or locality of the controller's address. */
      locality: z.string().min(1),
      /** Country of the controller's address. */
      country: countryCode,
    })
    .describe('The controller: who decides why and how personal data is processed.'),
  /** Ways to reach the controller; `id` is what components and translations refer to. */
  contacts: z
    .array(z.strictObject({ id: slug, label: z.string().min(1), email: z.email('Write a full email address, such as privacy@example.com.') }))
    .min(1)
    .describe('Ways to reach the controller, such as the privacy and support email addresses.'),
  /** Categories of personal data collected, grouped for display. */
  dataCollected: z
    .array(z.strictObject({ id: slug, group: slug, label: z.string().min(1), description: z.string().min(1) }))
    .min(1)
    .describe('Categories of personal data collected; `group` groups them on the page.'),
  /** Why the data is processed, each with its GDPR Art. 6(1) legal basis. */
  purposes: z
    .array(
      z.strictObject({
        /** Stable key, used in change events. */
        id: slug,
        /** The purpose in words. */
        label: z.string().min(1),
        /** The GDPR Art. 6(1) legal basis, where the policy states it. */
        legalBasis: z.enum(legalBases).optional(),
      }),
    )
    .min(1)
    .describe('Purposes of processing, each with its legal basis.'),
  /** Processors and sub-processors that receive personal data. */
  processors: z
    .array(
      z.strictObject({
        /** Stable key, used by cookies and in change events. */
        id: slug,
        /** The company or service name. */
        name: z.string().min(1),
        /** The service it provides or the purpose it serves. */
        purpose: z.string().min(1),
        /** Ids of `dataCollected` entries it receives. */
        data: z.array(slug).min(1),
        /** Countries where it processes data, ISO 3166-1 alpha-2. */
        locations: z.array(countryCode).min(1),
        /** The transfer safeguard that covers it. */
        safeguard: z.enum(safeguards),
        /** Its privacy notice or data processing terms. */
        url: z.url({ protocol: /^https$/, error: 'Link to an https:// page.' }),
        /** Set when it is a sub-processor of another processor (that processor's id). */
        subProcessorOf: slug.optional(),
      }),
    )
    .describe('Processors and sub-processors: name, purpose, data, locations, safeguard and link.'),
  /** How long each kind of data is kept: a period, an event, or both. */
  retention: z
    .array(
      z
        .strictObject({
          /** Stable key, used in change events. */
          id: slug,
          /** Which data the rule covers. */
          data: z.string().min(1),
          /** How long, as an ISO 8601 duration. */
          period: isoDuration.optional(),
          /** The event the period counts from. */
          after: z.enum(retentionEvents).optional(),
          /** Kept until this event, with no fixed period. */
          until: z.enum(retentionEvents).optional(),
          /** The period is a maximum ("at most 90 days"). */
          upTo: z.boolean().optional(),
          /** Why it is kept that long. */
          reason: z.string().min(1).optional(),
        })
        .refine((rule) => (rule.period === undefined) !== (rule.until === undefined), {
          message: 'Give a retention rule either a `period` (such as P90D) or an `until` event, not both and not neither.',
        }),
    )
    .min(1)
    .describe('Retention rules: which data, and a period (ISO 8601 duration) and/or an event.'),
  /** Cookies and similar technologies by category. */
  cookies: z
    .array(
      z.strictObject({
        /** The category of cookies. */
        category: z.enum(cookieCategories),
        /** What cookies of this category are for. */
        purpose: z.string().min(1).optional(),
        /** Whether the reader must opt in first. */
        consent: z.enum(['not-required', 'required', 'explicit']),
        /** Processor ids that set them, or `first-party`. */
        providers: z.array(slug),
      }),
    )
    .describe('Cookie categories with their consent requirement and providers.'),
  /** The data-subject rights granted, with what each lets the reader do. */
  rights: z
    .array(z.strictObject({ right: z.enum(rightNames), description: z.string().min(1) }))
    .min(1)
    .describe('The data-subject rights and what each lets the reader do.'),
  /** How rights requests are made and how fast they are answered. */
  requests: z
    .strictObject({
      /** Id of the contact that receives requests. */
      contact: slug,
      /** The longest time to answer a request. */
      respondWithin: isoDuration,
    })
    .describe('Which contact handles rights requests and how fast they are answered.'),
  /** Safeguards used for international transfers. */
  transferSafeguards: z.array(z.enum(safeguards)).min(1).describe('Safeguards used for international transfers.'),
  /** The minimum age of users, in years. */
  minimumAge: z.int().min(0).max(21).describe('The minimum age of users, in years.'),
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
});

/** The source-locale front-matter after defaults are applied. */
export type PolicyData = z.output<typeof policyFrontmatterSchema>;

/** The front-matter of a translation: its title and translated labels, never data. */
export const translationSchema = z.strictObject({
  /** Path to the JSON Schema, for editors; ignored by the build. */
  $schema: z.string().optional(),
  /** The policy's title in this locale. */
  title: z.string().min(1).describe('The policy title in this locale.'),
  /** The first 12 hex digits of the sha256 of the source file this translates; a mismatch means the translation is stale. */
  source: z
    .string()
    .regex(/^[0-9a-f]{12}$/, 'Write the first 12 hex digits of the sha256 of the source-locale file, as `npm run policy -- check` suggests.')
    .describe('First 12 hex digits of the sha256 of the source-locale file this translation was made from.'),
  /** Translations of the data's text, keyed by dotted path such as `processors.paddle.purpose`. */
  labels: z.record(z.string(), z.string().min(1)).default({}).describe('Translated labels keyed by dotted path, such as processors.paddle.purpose.'),
});

/** A translation's front-matter after defaults are applied. */
export type TranslationData = z.output<typeof translationSchema>;
