import path from 'node:path';
import { siteConfig, sourceLocale, type Locale } from '../config.ts';
import { loadPolicies, type PolicyVersion } from '../content/load-policies.ts';
import { resolveNow } from '../content/resolve-now.ts';
import { renderBody, type RenderedBody } from '../render/render-body.ts';
import { versionChange, type VersionChange } from './version-change.ts';

/** Where a version stands against "now". */
export type VersionStatus = 'current' | 'archived' | 'upcoming';

/** A version's text in one locale, ready for a page. */
export interface VersionPage {
  locale: Locale;
  title: string;
  body: RenderedBody;
  /** Set when this locale has no translation and the source text is shown instead. */
  fallbackFrom?: Locale;
}

/** A version with its place in the policy's history. */
export interface SiteVersion extends PolicyVersion {
  status: VersionStatus;
  /** The day the next version took or takes effect, if any. */
  validUntil?: string;
  pages: Record<Locale, VersionPage>;
  /** What changed since the previous version; absent on the first. */
  change?: VersionChange;
}

/** A policy with its versions (oldest first) and the ones that matter today. */
export interface SitePolicy {
  id: string;
  versions: SiteVersion[];
  current?: SiteVersion;
  /** The next version to take effect, if one is announced. */
  upcoming?: SiteVersion;
}

/** Everything the pages need, computed once per build. */
export interface SiteModel {
  now: string;
  policies: SitePolicy[];
}

/**
 * Loads, checks and renders every policy once. Versions whose effective date
 * is on or before `now` are in effect; the latest of them is current.
 */
export function buildSiteModel(root: string, now: string = resolveNow()): SiteModel {
  const policies = loadPolicies(root, { now }).map((policy): SitePolicy => {
    const versions = policy.versions.map((version, index, all): SiteVersion => {
      const next = all[index + 1];
      const status: VersionStatus = version.version > now ? 'upcoming' : next && next.version <= now ? 'archived' : 'current';
      const pages = Object.fromEntries(siteConfig.locales.map((locale) => [locale, versionPage(version, locale)])) as Record<Locale, VersionPage>;
      return { ...version, status, validUntil: next?.version, pages };
    });
    // Diffs are computed once per consecutive pair here, never per page.
    const bodies = (v: SiteVersion) => ({ ...v, bodies: Object.fromEntries(Object.entries(v.pages).map(([l, p]) => [l, p.body])) as Record<Locale, RenderedBody> });
    versions.forEach((version, index) => {
      if (index > 0) version.change = versionChange(bodies(versions[index - 1]!), bodies(version));
    });
    return {
      id: policy.id,
      versions,
      current: versions.find((v) => v.status === 'current'),
      upcoming: versions.find((v) => v.status === 'upcoming'),
    };
  });
  return { now, policies };
}

function versionPage(version: PolicyVersion, locale: Locale): VersionPage {
  const source = version.locales[locale];
  if (source) return { locale, title: source.title, body: renderBody(version, locale) };
  const fallback = version.locales[sourceLocale]!;
  return { locale, title: fallback.title, body: renderBody(version, sourceLocale), fallbackFrom: sourceLocale };
}

let cached: SiteModel | undefined;

/**
 * The site model of this build, shared by every page. POLICIES_ROOT points the
 * build at another folder holding a `policies/` tree (tests use fixtures).
 */
export function getSiteModel(): SiteModel {
  cached ??= buildSiteModel(path.resolve(process.env.POLICIES_ROOT ?? '.'));
  return cached;
}
