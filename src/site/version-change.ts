import { siteConfig, sourceLocale, type Locale } from '../config.ts';
import { noticePeriodFor } from '../content/check-changes.ts';
import { localizedLabel } from '../content/labels.ts';
import type { PolicyVersion } from '../content/load-policies.ts';
import { describeEvent } from '../diff/describe-event.ts';
import type { DataEvent } from '../diff/diff-data.ts';
import { diffVersions } from '../diff/diff-versions.ts';
import { diffSections, type SectionDiff } from '../diff/diff-sections.ts';
import type { RenderedBody } from '../render/render-body.ts';

/** A data change event with its plain-words description. */
export interface DescribedEvent extends DataEvent {
  text: string;
}

/** What changed from one version to the next, in data and in every locale's text. */
export interface VersionChange {
  policy: string;
  from: string;
  to: string;
  kind: 'material' | 'editorial';
  /** True when marked material or when any data event is. */
  material: boolean;
  announced: string;
  effective: string;
  /** The day readers are told: the announcement date. */
  noticeDate: string;
  /** The notice the change was held to: the longer of the previous version's promise and its own. */
  noticePeriod: string;
  events: DataEvent[];
  locales: Record<Locale, { summary: string; events: DescribedEvent[]; textLocale: Locale; sections: SectionDiff[] }>;
}

/**
 * The language whose texts a locale's redline compares: its own when both
 * versions are translated, else the source locale's. A translation set against
 * the source text it replaced would mark every word as changed.
 */
export function textLocaleOf(before: PolicyVersion, after: PolicyVersion, locale: Locale): Locale {
  return before.locales[locale] && after.locales[locale] ? locale : sourceLocale;
}

/**
 * The section diff of two versions' texts in a language, by `textLocaleOf`'s
 * language: computed when first asked, and once for all the locales that fall
 * back to the same source texts.
 */
export function textDiffs(
  before: PolicyVersion,
  after: PolicyVersion,
  bodyOf: (version: PolicyVersion, locale: Locale) => RenderedBody,
): (textLocale: Locale) => SectionDiff[] {
  const diffs = new Map<Locale, SectionDiff[]>();
  return (textLocale) => {
    let sections = diffs.get(textLocale);
    if (!sections) {
      sections = diffSections(bodyOf(before, textLocale).sections, bodyOf(after, textLocale).sections, textLocale);
      diffs.set(textLocale, sections);
    }
    return sections;
  };
}

/**
 * Compares a version with its predecessor once per build: the data events and,
 * per locale, the section-by-section text diff of the rendered text.
 */
export function versionChange(
  previous: PolicyVersion,
  version: PolicyVersion,
  bodyOf: (version: PolicyVersion, locale: Locale) => RenderedBody,
): VersionChange {
  const events = diffVersions(previous, version);
  const change = version.data.change!;
  const sectionsIn = textDiffs(previous, version, bodyOf);
  const locales = Object.fromEntries(
    siteConfig.locales.map((locale) => {
      const textLocale = textLocaleOf(previous, version, locale);
      return [
        locale,
        {
          summary: localizedLabel(version, locale, 'change.summary', change.summary),
          events: events.map((e) => ({ ...e, text: describeEvent(e, previous, version, locale) })),
          textLocale,
          sections: sectionsIn(textLocale),
        },
      ];
    }),
  ) as VersionChange['locales'];
  return {
    policy: version.policy,
    from: previous.version,
    to: version.version,
    kind: change.kind,
    material: change.kind === 'material' || events.some((e) => e.material),
    announced: version.data.announced,
    effective: version.data.effective,
    noticeDate: version.data.announced,
    noticePeriod: noticePeriodFor(previous, version),
    events,
    locales,
  };
}
