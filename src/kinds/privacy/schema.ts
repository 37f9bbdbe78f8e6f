import { z } from 'astro/zod';
import { countryCode, isoDuration, slug, versionSchema } from '../../content/schema.ts';

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

/** The source-locale front-matter of a privacy policy version: the common fields and the data the law asks a privacy policy to state. */
export const privacySchema = versionSchema({
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
});

/** A privacy policy version's data after defaults are applied. */
export type PrivacyData = z.output<typeof privacySchema>;
