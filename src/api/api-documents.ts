import type { z } from 'astro/zod';
import { siteConfig, sourceLocale, type Locale } from '../config.ts';
import { localizedLabel } from '../content/labels.ts';
import { type SitePolicy, type SiteModel, type SiteVersion, shownVersion } from '../site/site-model.ts';
import { absolute, urls } from '../site/urls.ts';
import { compareWithCurrent, hasComparison } from '../site/version-compare.ts';
import type { changesDocSchema, compareDocSchema, indexDocSchema, noticesDocSchema, versionDocSchema } from './api-schemas.ts';

/*
 * The JSON documents under /api/v1/, built from the site model so they say
 * exactly what the pages say. Key order is fixed here, so the same sources
 * always give byte-identical files.
 */

/** One value per configured locale, in configured order. */
export const byLocale = <T>(make: (locale: Locale) => T) => Object.fromEntries(siteConfig.locales.map((l) => [l, make(l)])) as Record<Locale, T>;

/** Where a version stands and what changed in it, as both the index and the version document state it. */
function versionStanding(version: SiteVersion) {
  const change = version.data.change;
  return {
    status: version.status,
    effective: version.data.effective,
    announced: version.data.announced,
    validFrom: version.data.effective,
    validUntil: version.validUntil ?? null,
    change: change ? { kind: change.kind, summary: byLocale((l) => localizedLabel(version, l, 'change.summary', change.summary)) } : null,
  };
}

/** The index of policies, locales and versions. */
export function indexDocument(model: SiteModel): z.output<typeof indexDocSchema> {
  return {
    now: model.now,
    locales: [...siteConfig.locales],
    sourceLocale,
    policies: model.policies.map((policy) => ({
      id: policy.id,
      kind: policy.kind,
      title: byLocale((l) => shownVersion(policy).pages[l].title),
      current: policy.current?.version ?? null,
      upcoming: policy.upcoming?.version ?? null,
      changes: urls.api.changes(policy.id),
      notice: urls.api.notice(policy.id),
      feeds: byLocale((l) => urls.feed(l, policy.id)),
      versions: policy.versions.map((version) => ({
        version: version.version,
        ...versionStanding(version),
        locales: byLocale((l) => ({
          title: version.pages[l].title,
          page: urls.version(l, policy.id, version.version),
          json: urls.api.version(policy.id, version.version, l),
          diff: version.previous ? urls.changes(l, policy.id, version.version) : null,
          compare: hasComparison(version, policy) ? urls.compare(l, policy.id, version.version) : null,
          source: version.locales[l] ? { path: version.locales[l].file, sha256: version.locales[l].sha256 } : null,
        })),
      })),
    })),
  };
}

/** One version in one locale: all its data and its sections. */
export function versionDocument(policy: SitePolicy, version: SiteVersion, locale: Locale): z.output<typeof versionDocSchema> {
  const page = version.pages[locale];
  const source = version.locales[locale] ?? version.locales[sourceLocale]!;
  return {
    policy: policy.id,
    kind: policy.kind,
    version: version.version,
    locale,
    title: page.title,
    ...versionStanding(version),
    page: urls.version(locale, policy.id, version.version),
    source: { path: source.file, sha256: source.sha256 },
    fallbackFrom: page.fallbackFrom ?? null,
    errata: version.errata.map((e) => ({ date: e.date, reason: e.reason[locale] ?? e.reason[sourceLocale]! })),
    data: version.data,
    labels: source.labels,
    sections: page.body.sections.map(({ id, depth, heading, text, html }) => ({ id, depth, heading, text, html })),
  };
}

/** Every consecutive pair of a policy's versions: data events and the text diff. */
export function changesDocument(policy: SitePolicy): z.output<typeof changesDocSchema> {
  return {
    policy: policy.id,
    changes: policy.versions.flatMap((version) => {
      const change = version.change;
      if (!change) return [];
      return [
        {
          from: change.from,
          to: change.to,
          kind: change.kind,
          material: change.material,
          announced: change.announced,
          effective: change.effective,
          noticeDate: change.noticeDate,
          noticePeriod: change.noticePeriod,
          events: change.events.map((event, i) => ({ ...event, text: byLocale((l) => change.locales[l].events[i]!.text) })),
          // Unchanged sections are named but carry no parts: their text is in the version documents.
          locales: byLocale((l) => ({
            summary: change.locales[l].summary,
            diff: urls.changes(l, policy.id, version.version),
            textLocale: change.locales[l].textLocale,
            sections: change.locales[l].sections.map((s) => (s.status === 'unchanged' ? { id: s.id, heading: s.heading, status: s.status, parts: [] } : s)),
          })),
        },
      ];
    }),
  };
}

/**
 * The versions a reader must be told about ahead of time: announced, not yet in
 * effect, with a predecessor to change from, and not imported (imported history
 * was announced elsewhere). The email job's notices and the in-app notice both
 * choose from these. Dates are checked before anything else, which spares the
 * diffs of past changes.
 */
export function dueVersions(policy: SitePolicy, now: string): SiteVersion[] {
  return policy.versions.filter((v) => v.previous && v.data.effective > now && v.data.announced <= now && !v.data.imported);
}

/**
 * The change notices that are due (announced, not yet in effect): exactly what
 * the email job needs, with absolute links. Only material changes are notified;
 * editorial ones need no notice, and an imported version (history added later)
 * never does. A draft is never listed, not even in a preview build: the job
 * must not mail a text that is not published.
 */
export function noticesDocument(model: SiteModel): z.output<typeof noticesDocSchema> {
  const notices = model.policies.flatMap((policy) =>
    dueVersions(policy, model.now).flatMap((version) => {
      const change = version.change;
      if (!change?.material) return [];
      return [
        {
          id: `${policy.id}/${change.from}..${change.to}`,
          policy: policy.id,
          from: change.from,
          to: change.to,
          status: 'due' as const,
          announced: change.announced,
          effective: change.effective,
          noticeDate: change.noticeDate,
          defaultLocale: sourceLocale,
          locales: byLocale((l) => ({
            title: version.pages[l].title,
            summary: change.locales[l].summary,
            events: change.locales[l].events.map((e) => e.text),
            textLocale: change.locales[l].textLocale,
            sections: change.locales[l].sections.filter((s) => s.status !== 'unchanged'),
            diffUrl: absolute(urls.changes(l, policy.id, version.version)),
            versionUrl: absolute(urls.version(l, policy.id, version.version)),
            previousUrl: absolute(urls.version(l, policy.id, change.from)),
          })),
        },
      ];
    }),
  );
  return { now: model.now, site: siteConfig.site, notices };
}

/** An archived version against the version in force, as the compare page shows it. */
export function compareDocument(policy: SitePolicy, version: SiteVersion): z.output<typeof compareDocSchema> {
  const compare = compareWithCurrent(policy, version)!;
  return {
    policy: policy.id,
    from: compare.from,
    to: compare.to,
    material: compare.material,
    steps: compare.steps.map((step) => ({ ...step, diff: byLocale((l) => urls.changes(l, policy.id, step.version)) })),
    events: compare.events.map((event, i) => ({ ...event, text: byLocale((l) => compare.locales[l].events[i]!.text) })),
    // Unchanged sections are named but carry no parts, as in changes.json.
    locales: byLocale((l) => ({
      page: urls.compare(l, policy.id, version.version),
      textLocale: compare.locales[l].textLocale,
      sections: compare.locales[l].sections.map((s) => (s.status === 'unchanged' ? { id: s.id, heading: s.heading, status: s.status, parts: [] } : s)),
    })),
  };
}
