import { z } from 'astro/zod';
import { countryCode, slug, versionSchema } from '../../content/schema.ts';

/**
 * The source-locale front-matter of a terms of service version. Terms are text
 * first: every fact below is optional, and stated only where the text relies on it.
 */
export const termsSchema = versionSchema({
  /** Who the reader contracts with. */
  provider: z
    .strictObject({
      /** Legal name of the provider. */
      name: z.string().min(1),
      /** City or locality of its registered address. */
      locality: z.string().min(1).optional(),
      /** Country of its registered address. */
      country: countryCode,
    })
    .optional()
    .describe('Who the reader contracts with: legal name, locality and country.'),
  /** Ways to reach the provider; `id` is what `<Email contact="…">` refers to. */
  contacts: z
    .array(z.strictObject({ id: slug, label: z.string().min(1), email: z.email('Write a full email address, such as legal@example.com.') }))
    .min(1, 'List at least one contact, or leave "contacts" out: terms need none.')
    .optional()
    .describe('Ways to reach the provider, such as the legal email address.'),
  /** The law that governs the terms. */
  governingLaw: z
    .strictObject({
      /** The country whose law applies. */
      country: countryCode,
      /** A state, province or department within it, such as California. */
      region: z.string().min(1).optional(),
    })
    .optional()
    .describe('The law that governs the terms: a country, and a region within it where one applies.'),
  /** The courts that hear disputes not sent to arbitration. */
  venue: z
    .strictObject({
      /** The courts, as the text names them, such as "the courts of Bogotá". */
      courts: z.string().min(1),
      /** Whether only these courts may hear a dispute. */
      exclusive: z.boolean().default(false),
    })
    .optional()
    .describe('The courts that hear disputes, and whether they are the only ones.'),
  /** Whether disputes go to arbitration, and how. */
  arbitration: z
    .strictObject({
      /** Disputes must go to arbitration instead of court. */
      required: z.boolean(),
      /** The arbitration body or rules, such as "the ICC Rules". */
      rules: z.string().min(1).optional(),
      /** Where the arbitration sits. */
      seat: z.string().min(1).optional(),
      /** Readers give up class or collective actions. */
      classActionWaiver: z.boolean().default(false),
      /** Days after accepting in which a reader may opt out of arbitration. */
      optOutDays: z.int().min(1).max(365).optional(),
    })
    .optional()
    .describe('Whether disputes go to arbitration, under which rules, where, and whether class actions are waived.'),
  /** The minimum age to accept the terms, in years. */
  minimumAge: z.int().min(0).max(21).optional().describe('The minimum age to accept the terms, in years.'),
});

/** A terms of service version's data after defaults are applied. */
export type TermsData = z.output<typeof termsSchema>;
