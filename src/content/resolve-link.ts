import path from 'node:path';
import { isLocale, siteConfig } from '../config.ts';

const POLICY_FILE = /^([a-z0-9-]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]{2}(?:-[A-Z]{2})?)\.(?:mdx?|markdown)$/;

// A broken %-escape ("%FF") is no address at all: it stays as written, and leads nowhere.
const decoded = (pathname: string) => {
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
};

/** Where a relative link of a policy file leads. */
export type ResolvedLink =
  /** A page of this site, from a link to another policy file, such as `../2025-07-01/en.md`. */
  | { to: 'site'; url: string }
  /** An address on the site the text was first published at (the policy's `linkBase`). */
  | { to: 'base'; url: string }
  /** Nowhere this site knows: `target` is the repository path it points at. */
  | { to: 'nowhere'; target: string };

/**
 * Resolves a relative link (`recruitment/index.md`, `../2025-07-01/en.md`)
 * the way it read in the repository it was written in: against the file's own
 * folder. A link to a policy file becomes that version's page; any other one
 * resolves against the policy's `linkBase` when it has one. Root-relative links
 * (`/articles/…`) that are no page of this site go to `linkBase` too.
 *
 * @param url A link with no scheme that does not start with `#`.
 * @param file The policy file, relative to the repository root.
 * @param linkBase The policy's `linkBase`, if policy.yaml states one.
 */
export function resolveLink(url: string, file: string, linkBase: string | undefined): ResolvedLink {
  const [, pathname = '', suffix = ''] = /^([^?#]*)(.*)$/.exec(url) ?? [];
  if (!url.startsWith('/')) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), decoded(pathname)));
    const within = target.startsWith(`${siteConfig.policiesDir}/`) ? target.slice(siteConfig.policiesDir.length + 1) : undefined;
    const match = within ? POLICY_FILE.exec(within) : undefined;
    if (match && isLocale(match[3]!)) return { to: 'site', url: `/${match[3]}/${match[1]}/${match[2]}/${suffix}` };
    if (!linkBase) return { to: 'nowhere', target };
  }
  if (!linkBase) return { to: 'nowhere', target: url };
  return { to: 'base', url: new URL(url, linkBase).href };
}
