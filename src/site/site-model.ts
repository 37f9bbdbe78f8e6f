import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { siteConfig, sourceLocale, type Locale } from '../config.ts';
import { loadPolicies, localeSources, type PolicyVersion } from '../content/load-policies.ts';
import { PolicyValidationError, type PolicyError } from '../content/policy-error.ts';
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
  /** Announced after "now": only a preview build (POLICY_DRAFTS=1) shows it, with a draft banner. */
  draft: boolean;
  /** The day the next version took or takes effect, if any. */
  validUntil?: string;
  pages: Record<Locale, VersionPage>;
  /** The previous version's name; absent on the first. */
  previous?: string;
  /** What changed since the previous version (computed on first use); absent on the first. */
  readonly change?: VersionChange;
}

/** A policy with its versions (oldest first) and the ones that matter today. */
export interface SitePolicy {
  id: string;
  /** Its kind (privacy, terms, document), from policy.yaml. */
  kind: string;
  versions: SiteVersion[];
  current?: SiteVersion;
  /** The next version to take effect, if one is announced. */
  upcoming?: SiteVersion;
  /**
   * Changes whenever anything a page of this policy shows could change: its
   * files, "now" and the locales. Astro's incremental build skips the pages
   * whose key (and code) are unchanged.
   */
  cacheKey: string;
}

/** The version a policy's stable address shows: the one in force, or, before any is, the first. */
export function shownVersion(policy: Pick<SitePolicy, 'current' | 'versions'>): SiteVersion {
  return policy.current ?? policy.versions[0]!;
}

/** Everything the pages need, computed once per build. */
export interface SiteModel {
  now: string;
  /** A preview build for authors: drafts are shown and no page may be indexed. */
  drafts: boolean;
  /** Problems the dev server shows on every page instead of failing (stale translations); empty in a build. */
  warnings: readonly PolicyError[];
  policies: SitePolicy[];
  /** The cache key of pages that show every policy. */
  cacheKey: string;
}

/** Time spent per phase, for the benchmark; rendering and diffing happen lazily, during page generation. */
export const modelTimings = { loadMs: 0, renderMs: 0, diffMs: 0 };

function timed<T>(phase: keyof typeof modelTimings, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    modelTimings[phase] += performance.now() - start;
  }
}

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);

/**
 * True for an authors' preview build (POLICY_DRAFTS=1), which shows drafts.
 * Any other value builds the public site: a mistyped flag must not publish a draft.
 */
export function previewDrafts(env: Record<string, string | undefined> = process.env): boolean {
  return env.POLICY_DRAFTS?.trim() === '1';
}

/**
 * Loads and checks every policy, and decides each version's status: versions
 * whose effective date is on or before `now` are in effect, the latest of
 * them current. Bodies and diffs are computed on first use and kept, so each
 * is computed once per build, and not at all for pages an incremental build skips.
 *
 * Every version is loaded and checked, but a draft (announced after `now`) is
 * left out of the model unless `drafts` is set, so no page, JSON document or
 * feed can show it; a policy with only drafts is left out whole.
 */
export function buildSiteModel(root: string, now: string = resolveNow(), drafts: boolean = previewDrafts(), dev = false): SiteModel {
  const warnings: PolicyError[] = [];
  const loaded = timed('loadMs', () => loadPolicies(root, { now, ...(dev && { warnings }) }));
  const shown = loaded
    .map((policy) => ({ ...policy, versions: policy.versions.filter((v) => drafts || v.data.announced <= now) }))
    .filter((policy) => policy.versions.length > 0)
    // policy.yaml's `order` first, then by name: the order of every list of the site's policies.
    .sort((a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) || a.id.localeCompare(b.id));
  const policies = shown.map((policy): SitePolicy => {
    const versions: SiteVersion[] = [];
    policy.versions.forEach((version, index, all) => {
      const next = all[index + 1];
      const status: VersionStatus = version.version > now ? 'upcoming' : next && next.version <= now ? 'archived' : 'current';
      const render = renderOnce(version);
      const pages = Object.fromEntries(siteConfig.locales.map((locale) => [locale, versionPage(version, locale, render)])) as Record<Locale, VersionPage>;
      const previous = versions[index - 1];
      let change: VersionChange | undefined;
      versions.push({
        ...version,
        status,
        draft: version.data.announced > now,
        validUntil: next?.version,
        previous: previous?.version,
        pages,
        get change() {
          if (previous && !change) {
            const [before, after] = [previous, this];
            // Bodies render (once) before the diff's clock starts.
            for (const locale of siteConfig.locales) void [before.pages[locale].body, after.pages[locale].body];
            change = timed('diffMs', () => versionChange(before, after, (v, locale) => (v as SiteVersion).pages[locale].body));
          }
          return change;
        },
      });
    });
    const files = policy.versions.flatMap((v) => [...localeSources(v).map((l) => l.sha256), JSON.stringify(v.errata)]);
    return {
      id: policy.id,
      kind: policy.kind,
      versions,
      current: versions.find((v) => v.status === 'current'),
      upcoming: versions.find((v) => v.status === 'upcoming'),
      cacheKey: hash(
        policy.id,
        policy.kind,
        String(policy.order),
        policy.linkBase ?? '',
        now,
        siteConfig.locales.join(),
        drafts ? 'drafts' : 'public',
        ...files,
      ),
    };
  });
  // Every page shows every policy in its navigation and rel links (id, kind, title per locale), in
  // their order: a change to any of those must re-render every page, not only the changed policy's.
  const navigation = hash(...policies.flatMap((p) => [p.id, p.kind, ...siteConfig.locales.map((l) => shownVersion(p).pages[l].title)]));
  for (const policy of policies) policy.cacheKey = hash(policy.cacheKey, navigation);
  // The flag is in the site key too, for pages (such as the home page) that show no policy when every one is a draft.
  return { now, drafts, warnings, policies, cacheKey: hash(drafts ? 'drafts' : 'public', ...policies.map((p) => p.cacheKey)) };
}

// Renders each locale of a version once, then lets its tree go: a large site
// holds thousands of trees, and only the rendered text is needed afterwards.
function renderOnce(version: PolicyVersion): (locale: Locale) => RenderedBody {
  const bodies = new Map<Locale, RenderedBody>();
  return (locale) => {
    let body = bodies.get(locale);
    if (!body) {
      body = timed('renderMs', () => renderBody(version, locale));
      bodies.set(locale, body);
      // Replaced in place, not copied: a spread would read back a released tree only to drop it.
      Object.defineProperty(version.locales[locale]!.body, 'tree', {
        value: { type: 'root', children: [] },
        enumerable: true,
        configurable: true,
        writable: true,
      });
    }
    return body;
  };
}

function versionPage(version: PolicyVersion, locale: Locale, render: (locale: Locale) => RenderedBody): VersionPage {
  const fallbackFrom = version.locales[locale] ? undefined : sourceLocale;
  const renderLocale = fallbackFrom ?? locale;
  return {
    locale,
    title: version.locales[renderLocale]!.title,
    ...(fallbackFrom && { fallbackFrom }),
    get body() {
      return render(renderLocale);
    },
  };
}

// The integration builds the model before Astro renders, in the config's copy
// of this module; the pages run from Vite's bundle, a second copy. Handing the
// model over on globalThis keeps a build from computing everything twice.
const SHARED = Symbol.for('policy-as-code.site-model');
type Shared = { key: string; model: SiteModel };

/** The folder holding `policies/`: POLICIES_ROOT when set (tests build fixtures), else the current one. */
export function policiesRoot(): string {
  return path.resolve(process.env.POLICIES_ROOT ?? '.');
}

/** The site model of this build, shared by every page. */
export function getSiteModel(): SiteModel {
  const root = policiesRoot();
  const now = resolveNow();
  const drafts = previewDrafts();
  const key = `${root}\n${now}\n${siteConfig.locales.join()}\n${drafts}`;
  const shared = (globalThis as { [SHARED]?: Shared })[SHARED];
  if (shared?.key === key) return shared.model;
  const dev = process.env.POLICY_DEV === '1';
  let model: SiteModel;
  try {
    model = buildSiteModel(root, now, drafts, dev);
  } catch (error) {
    // Astro's dev overlay lists each of `errors`, with `hint` under the message
    // and `loc` as the file, line and a code frame.
    if (error instanceof PolicyValidationError) {
      // Without a stack Astro keeps this `loc` instead of one taken from the trace.
      for (const problem of error.errors)
        Object.assign(problem, { stack: '', loc: { file: path.join(root, problem.file), line: problem.place?.line ?? 1, column: problem.place?.column ?? 1 } });
    }
    throw error;
  }
  (globalThis as { [SHARED]?: Shared })[SHARED] = { key, model };
  return model;
}

/** Forgets the model, so the next page rebuilds it: the dev server calls this when a policy file changes. */
export function invalidateSiteModel(): void {
  delete (globalThis as { [SHARED]?: Shared })[SHARED];
}
