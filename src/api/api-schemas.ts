import { z } from 'astro/zod';
import { siteConfig } from '../config.ts';
import { policyKinds } from '../kinds/index.ts';

/*
 * The shapes of the JSON documents under /api/v1/. Each is published as JSON
 * Schema at /api/v1/schemas/<name>.schema.json; the tests check every emitted
 * file against the published schema with an independent validator (ajv).
 */

const locale = z.enum(siteConfig.locales as [string, ...string[]]);
const perLocale = <T extends z.ZodType>(value: T) => z.record(locale, value);
const date = z.iso.date();
const kindName = z.enum(Object.keys(policyKinds) as [string, ...string[]]).describe('The kind of policy, which decides the shape of its data.');
const status = z.enum(['current', 'archived', 'upcoming']).describe('Where the version stands against the build date.');
const part = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });

/** A section of the text diff: equal and delete parts hold the old text, equal and insert the new. */
const sectionDiff = z.object({
  id: z.string(),
  heading: z.string(),
  status: z.enum(['added', 'removed', 'moved', 'changed', 'unchanged']),
  move: z.enum(['from', 'to']).optional().describe('For moved sections: the entry at the old place (from) or the new one (to).'),
  parts: z.array(part),
  edits: z.array(part).optional().describe('On the "to" entry of a moved section: what changed inside it.'),
  renamedFrom: z.string().optional().describe('A section whose heading, and so its id, changed: its id in the older version.'),
  links: z
    .object({ before: z.array(z.string()), after: z.array(z.string()) })
    .optional()
    .describe('Links whose address changed and whose words did not, as "words → address".'),
  formatting: z.boolean().optional().describe('True when only the formatting changed: no word and no link address.'),
});

/** One data change event with its plain-words description per locale. */
const dataEvent = z.object({
  path: z.string().describe('Stable dotted path such as processors.cloudflare or retention.security-logs.period.'),
  subject: z.string(),
  id: z.string().optional(),
  field: z.string().optional(),
  type: z.enum(['added', 'removed', 'changed']),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  material: z.boolean(),
  text: perLocale(z.string()).describe('The change in plain words, per locale.'),
});

const textLocale = locale.describe('The language of the compared texts: this locale, or the source locale when either version is not translated.');

const change = z.object({ kind: z.enum(['material', 'editorial']), summary: perLocale(z.string()) }).nullable();

/** /api/v1/index.json: every policy, locale and version. */
export const indexDocSchema = z.object({
  now: date.describe('The date statuses were computed for (the build date or POLICY_NOW).'),
  locales: z.array(locale),
  sourceLocale: locale,
  policies: z.array(
    z.object({
      id: z.string(),
      kind: kindName,
      title: perLocale(z.string()),
      current: date.nullable(),
      upcoming: date.nullable(),
      changes: z.string().describe('URL of the changes document.'),
      notice: z.string().describe('URL of the in-app notice document.'),
      feeds: perLocale(z.string()),
      versions: z.array(
        z.object({
          version: date,
          status,
          effective: date,
          announced: date,
          validFrom: date,
          validUntil: date.nullable().describe('The day the next version takes effect; null while none is announced.'),
          change,
          locales: perLocale(
            z.object({
              title: z.string(),
              page: z.string(),
              json: z.string(),
              diff: z.string().nullable(),
              compare: z.string().nullable().describe('The page comparing this archived version with the version in force; null unless archived.'),
              source: z
                .object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })
                .nullable()
                .describe('Null when this locale falls back to the source text.'),
            }),
          ),
        }),
      ),
    }),
  ),
});

/** /api/v1/policies/<policy>/<version>/<locale>.json: one version in one locale. */
export const versionDocSchema = z.object({
  policy: z.string(),
  kind: kindName,
  version: date,
  locale,
  title: z.string(),
  status,
  effective: date,
  announced: date,
  validFrom: date,
  validUntil: date.nullable(),
  change,
  page: z.string(),
  source: z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  fallbackFrom: locale.nullable().describe('Set when this locale has no translation and shows the source text.'),
  errata: z.array(z.object({ date, reason: z.string() })).describe('Recorded corrections to the published text, oldest first.'),
  data: z
    .union(Object.values(policyKinds).map((kind) => kind.schema) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]])
    .describe("All structured data of the version, as stated in the source locale; its shape is the kind's."),
  labels: z.record(z.string(), z.string()).describe("The data's text in this locale, by dotted key."),
  sections: z.array(z.object({ id: z.string(), depth: z.number().int(), heading: z.string(), text: z.string(), html: z.string() })),
});

const changeEntry = z.object({
  from: date,
  to: date,
  kind: z.enum(['material', 'editorial']),
  material: z.boolean(),
  announced: date,
  effective: date,
  noticeDate: date,
  noticePeriod: z.string(),
  events: z.array(dataEvent),
  locales: perLocale(z.object({ summary: z.string(), diff: z.string(), textLocale, sections: z.array(sectionDiff) })),
});

/** /api/v1/policies/<policy>/changes.json: every consecutive pair of versions. */
export const changesDocSchema = z.object({ policy: z.string(), changes: z.array(changeEntry) });

/** /api/v1/policies/<policy>/compare/<version>.json: an archived version against the version in force. */
export const compareDocSchema = z.object({
  policy: z.string(),
  from: date.describe('The archived version compared.'),
  to: date.describe('The version in force when the site was built.'),
  material: z.boolean().describe('True when any change in between was material, or any data event is.'),
  steps: z
    .array(z.object({ version: date, kind: z.enum(['material', 'editorial']), summary: perLocale(z.string()), diff: perLocale(z.string()) }))
    .describe('Every version after `from` up to `to`, oldest first, with its own redline.'),
  events: z.array(dataEvent).describe('The data changes from `from` to `to` directly (not the sum of the steps).'),
  locales: perLocale(z.object({ page: z.string(), textLocale, sections: z.array(sectionDiff) })),
});

/** /api/v1/notices.json: the change notices due (announced, not yet in effect), the input of the email job. */
export const noticesDocSchema = z.object({
  now: date,
  site: z.url().describe('The site that publishes these notices; the email job keeps one ledger per site.'),
  notices: z.array(
    z.object({
      id: z.string().describe('Stable id: <policy>/<from>..<to>.'),
      policy: z.string(),
      from: date,
      to: date,
      status: z.literal('due').describe('Always due: announced and not yet in effect. Drafts (to be announced later) are never listed.'),
      announced: date,
      effective: date,
      noticeDate: date,
      defaultLocale: locale,
      locales: perLocale(
        z.object({
          title: z.string(),
          summary: z.string(),
          events: z.array(z.string()),
          textLocale: textLocale.optional(),
          sections: z.array(sectionDiff).describe('The changed sections only, with their redline.'),
          diffUrl: z.url(),
          versionUrl: z.url(),
          previousUrl: z.url(),
        }),
      ),
    }),
  ),
});

/** /api/v1/policies/<policy>/notice.json: the in-app change notice, the input of the <policy-notice> element. */
export const noticeDocSchema = z.object({
  policy: z.string(),
  now: date.describe('The build date (or POLICY_NOW) the notice was decided on.'),
  upcoming: z.boolean().describe('True while a change to this policy is announced and not yet in effect.'),
  notice: z
    .object({
      id: z.string().describe('Stable id, the same as the email notice: <policy>/<from>..<to>.'),
      from: date,
      to: date,
      effective: date.describe('The element hides the notice from this day on (by the reader’s UTC date).'),
      announced: date,
      material: z.boolean(),
      kind: z.enum(['material', 'editorial']),
      locales: perLocale(
        z.object({
          title: z.string().describe('The title of the new version.'),
          summary: z.string(),
          events: z.array(z.string()).describe('The data changes in plain words.'),
          redlineUrl: z.url(),
          versionUrl: z.url(),
          heading: z.string(),
          readLabel: z.string(),
          diffLabel: z.string(),
          dismissLabel: z.string(),
          regionLabel: z.string(),
        }),
      ).describe('Everything the element shows, per locale: no text is built in the browser.'),
    })
    .nullable()
    .describe('Null while no change is announced.'),
});

/** /api/v1/policies/<policy>/subprocessors.json: the sub-processor list in force and every dated change to it. */
export const subprocessorsDocSchema = z.object({
  policy: z.string(),
  asOf: date.describe('The version whose list is in force (or the first version, while none is).'),
  page: perLocale(z.string()).describe('The sub-processors page, per locale.'),
  processors: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      purpose: perLocale(z.string()),
      data: z.array(z.string()).describe('Ids of the data categories it receives.'),
      locations: z.array(z.string()).describe('ISO 3166-1 alpha-2 country codes.'),
      safeguard: z.string(),
      url: z.url(),
      subProcessorOf: z.string().optional(),
      since: date.describe('Effective date of the version that added it.'),
    }),
  ),
  updates: z
    .array(
      z.object({
        version: date,
        announced: date,
        effective: date,
        upcoming: z.boolean().describe('Announced, not yet in effect.'),
        changes: z.array(
          z.object({
            type: z.enum(['added', 'removed', 'changed']),
            id: z.string(),
            name: z.string(),
            text: perLocale(z.array(z.string())).describe('The change in plain words, per locale.'),
          }),
        ),
      }),
    )
    .describe('Every version that changed the list, newest first; the first version lists the initial entries as added.'),
});

/** Every API document schema by its published name. */
export const apiSchemas = {
  index: indexDocSchema,
  version: versionDocSchema,
  changes: changesDocSchema,
  compare: compareDocSchema,
  notices: noticesDocSchema,
  notice: noticeDocSchema,
  subprocessors: subprocessorsDocSchema,
} as const;

/** A schema as JSON Schema, with its stable public `$id`. */
export function apiJsonSchema(name: keyof typeof apiSchemas): object {
  return { ...z.toJSONSchema(apiSchemas[name], { io: 'output', unrepresentable: 'any' }), $id: `${siteConfig.site}/api/v1/schemas/${name}.schema.json` };
}
