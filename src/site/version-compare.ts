import { siteConfig, type Locale } from '../config.ts';
import { localizedLabel } from '../content/labels.ts';
import { describeEvent } from '../diff/describe-event.ts';
import type { SectionDiff } from '../diff/diff-sections.ts';
import { diffVersions } from '../diff/diff-versions.ts';
import type { DataEvent } from '../diff/diff-data.ts';
import type { SitePolicy, SiteVersion } from './site-model.ts';
import { type DescribedEvent, textDiffs, textLocaleOf } from './version-change.ts';

/** One change that took effect between the compared versions. */
export interface CompareStep {
  version: string;
  kind: 'material' | 'editorial';
  summary: Record<Locale, string>;
}

/** Everything that changed from an archived version to the version in force: "what changed since I agreed?". */
export interface VersionCompare {
  policy: string;
  from: string;
  to: string;
  /** True when any change in between was material, or any data event is. */
  material: boolean;
  /** The versions after `from`, up to and including `to`, oldest first. */
  steps: CompareStep[];
  events: DataEvent[];
  locales: Record<Locale, { events: DescribedEvent[]; textLocale: Locale; sections: SectionDiff[] }>;
}

// A version's pages (one per locale, rendered one after another) and its JSON document ask for
// the same comparison. Only the latest few are kept: a large site holds thousands of archived
// versions, and keeping every comparison until the build ends cost several hundred MB there.
const RECENT = 16;
const recent = new Map<SiteVersion, VersionCompare>();

/** True when a version has a comparison with the version in force: it is archived, so one is in force. */
export function hasComparison(version: SiteVersion, policy: SitePolicy): boolean {
  return version.status === 'archived' && policy.current !== undefined;
}

/**
 * Compares an archived version directly with the version in force, in data and
 * in every locale's text (each locale's text diff computed when first read).
 * One comparison per archived version, so the cost grows linearly with the
 * history, never with its pairs.
 *
 * @returns undefined when the version is not archived (there is nothing newer in force).
 */
export function compareWithCurrent(policy: SitePolicy, version: SiteVersion): VersionCompare | undefined {
  const current = policy.current;
  if (!current || !hasComparison(version, policy)) return undefined;
  const known = recent.get(version);
  if (known) return known;
  const steps = policy.versions
    .filter((v) => v.version > version.version && v.version <= current.version && v.data.change)
    .map((v) => ({
      version: v.version,
      kind: v.data.change!.kind,
      summary: Object.fromEntries(siteConfig.locales.map((l) => [l, localizedLabel(v, l, 'change.summary', v.data.change!.summary)])),
    }));
  const events = diffVersions(version, current);
  const sectionsIn = textDiffs(version, current, (v, l) => (v as SiteVersion).pages[l].body);
  const locales = {} as VersionCompare['locales'];
  for (const locale of siteConfig.locales) {
    const textLocale = textLocaleOf(version, current, locale);
    let entry: VersionCompare['locales'][Locale] | undefined;
    Object.defineProperty(locales, locale, {
      enumerable: true,
      get: () =>
        (entry ??= { events: events.map((e) => ({ ...e, text: describeEvent(e, version, current, locale) })), textLocale, sections: sectionsIn(textLocale) }),
    });
  }
  const result: VersionCompare = {
    policy: policy.id,
    from: version.version,
    to: current.version,
    material: steps.some((s) => s.kind === 'material') || events.some((e) => e.material),
    steps,
    events,
    locales,
  };
  recent.set(version, result);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return result;
}
