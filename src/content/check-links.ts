import { existsSync } from 'node:fs';
import path from 'node:path';
import { isLocale, siteConfig, sourceLocale } from '../config.ts';
import { localeSources, type Policy } from './load-policies.ts';
import { PolicyError } from './policy-error.ts';
import { resolveLink } from './resolve-link.ts';

const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);
const HINT = 'Link to an https:// page, a mailto: address, a page of this site (/en/privacy/) or a section (#id).';
const LINK_BASE_HINT = (policy: string) =>
  `If the text keeps the links of the site it was first published on, set linkBase: https://… in ${siteConfig.policiesDir}/${policy}/policy.yaml to that address.`;

/**
 * Checks every link and image in the policy text, with `now` deciding which
 * versions are published. Links go to a page of this
 * site (and a section that exists there), a section of the same file, or an
 * `https:`, `http:` or `mailto:` address; nothing else, so no scheme can run
 * script and no relative path can resolve differently on different pages.
 * Images come from `public/` or from a host in `siteConfig.imageHosts`, so a
 * policy page cannot carry a tracking pixel.
 */
export function checkLinks(policies: readonly Policy[], now: string): PolicyError[] {
  const errors: PolicyError[] = [];
  // A published page may link only to published pages: a draft's address and
  // section ids are not public yet (and its page does not exist).
  const versionIds = (policyId: string, version: string | undefined, publishedOnly: boolean) => {
    const policy = policies.find((p) => p.id === policyId);
    const candidates = policy?.versions.filter((v) => !publishedOnly || v.data.announced <= now) ?? [];
    const target = version ? candidates.find((v) => v.version === version) : candidates.at(-1);
    const body = target?.locales[sourceLocale]?.body;
    return body ? new Set([...body.headings.map((h) => h.id), ...(body.anchors ?? [])]) : target ? new Set<string>() : undefined;
  };
  for (const policy of policies) {
    for (const version of policy.versions) {
      const published = version.data.announced <= now;
      for (const source of localeSources(version)) {
        const ownIds = new Set([...source.body.headings.map((h) => h.id), ...(source.body.anchors ?? [])]);
        // `![chart][pix]` takes its address from the definition `[pix]: …`, which must pass as an image.
        const imageIds = new Set(source.references.flatMap((node) => (node.type === 'imageReference' ? [node.identifier] : [])));
        for (const node of source.references) {
          if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') continue;
          let url = (node.url ?? '').trim();
          const fail = (message: string, hint = HINT): void =>
            void errors.push(
              new PolicyError(source.file, message, {
                place: node.position?.start && { line: node.position.start.line, column: node.position.start.column },
                hint,
              }),
            );
          const shown = JSON.stringify(url.slice(0, 60)).slice(1, -1);
          // Browsers drop tabs and newlines inside URLs, so "java\tscript:" would still run.
          // Browsers read "\" in an address as "/", so "\\evil.example" is another host.
          if (url.includes('\\')) {
            fail(`The link "${shown}" contains a backslash, which browsers read as "/".`, 'Write the address with forward slashes.');
            continue;
          }
          if (/[\u0000-\u001F\u007F]/.test(url) || /^[^/?#:]*\s[^/?#]*:/.test(url)) {
            fail(`The link "${shown}" contains a control character or a space before its scheme.`, 'Write the address without spaces or invisible characters.');
            continue;
          }
          // An absolute address of this very site is checked as the site link it is.
          const own = ownSitePath(url);
          if (own !== undefined) url = own;
          const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
          // A relative link to another policy file is checked as the page it becomes.
          const relative = !scheme && !url.startsWith('#') && !url.startsWith('/') && url !== '' ? resolveLink(url, source.file, policy.linkBase) : undefined;
          if (relative?.to === 'site') url = relative.url;
          if (node.type === 'image' || (node.type === 'definition' && imageIds.has(node.identifier ?? ''))) {
            checkImage(url, scheme, fail);
            continue;
          }
          if (scheme) {
            if (!LINK_SCHEMES.has(scheme)) fail(`The link "${shown}" uses the ${scheme}: scheme, which is not allowed in a policy.`);
          } else if (url.startsWith('#')) {
            if (!ownIds.has(url.slice(1)))
              fail(`The link "${url}" points at no section of this file.`, `Use one of the section ids: ${[...ownIds].join(', ')}.`);
          } else if (url.startsWith('/') && !url.startsWith('//')) {
            const [pathname = '', anchor] = url.split('#');
            const [locale = '', policyId = '', page = ''] = pathname.split('/').filter(Boolean);
            const versionName = /^\d{4}-\d{2}-\d{2}$/.test(page) ? page : undefined;
            const ids =
              isLocale(locale) && (page === '' || versionName || page === 'history' || page === 'upcoming')
                ? versionIds(policyId, versionName, published)
                : undefined;
            const draft =
              published && versionName
                ? policies.find((p) => p.id === policyId)?.versions.find((v) => v.version === versionName && v.data.announced > now)
                : undefined;
            if (draft)
              fail(
                `The link "${url}" points at version ${draft.version}, which is not published until ${draft.data.announced}.`,
                'Link to it from a version published on or after that day, or link to a published version.',
              );
            // linkBase answers the old site's own pages, never an address shaped like one of this site's.
            else if (!ids && (!policy.linkBase || relative?.to === 'site' || /^[a-z]{2}(?:-[A-Z]{2})?$/.test(locale)))
              fail(
                `The link "${url}" points at no page of this site.`,
                `Site links look like /en/privacy/ or /en/privacy/2025-07-01/#section-id. ${LINK_BASE_HINT(policy.id)}`,
              );
            else if (ids && anchor && !ids.has(anchor))
              fail(`The link "${url}" points at a section that does not exist there.`, `Use one of: ${[...ids].join(', ')}.`);
          } else if (relative?.to === 'nowhere') {
            fail(
              `The link "${shown}" is a relative address that points at ${relative.target}, which is not a policy file of this site.`,
              `Link to a policy file (such as ../2025-07-01/en.md), an https:// page or a section (#id). ${LINK_BASE_HINT(policy.id)}`,
            );
          } else if (relative?.to !== 'base') {
            fail(`The link "${shown}" is a relative address, which points somewhere different on every page that shows it.`);
          }
        }
      }
    }
  }
  return errors;
}

function ownSitePath(url: string): string | undefined {
  if (!/^https?:/i.test(url) || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return parsed.host === new URL(siteConfig.site).host ? `${parsed.pathname}${parsed.hash}` : undefined;
}

function checkImage(url: string, scheme: string | undefined, fail: (message: string, hint?: string) => void): void {
  const hosts = siteConfig.imageHosts;
  const allowed = hosts.length
    ? `Images may come from ${hosts.map((h) => `https://${h}/`).join(', ')} or from public/ (/images/…)`
    : 'Put the image in public/ and write its path, such as /images/chart.svg';
  const shown = JSON.stringify(url.slice(0, 60)).slice(1, -1);
  if (scheme && scheme !== 'https') {
    fail(`The image "${shown}" uses the ${scheme}: scheme; images must be https:// or part of this site.`, `${allowed}.`);
    return;
  }
  if (scheme === 'https') {
    const host = URL.canParse(url) ? new URL(url).hostname : '';
    if (!hosts.includes(host))
      fail(
        `The image "${shown}" is loaded from ${host || 'another site'}, which could track every reader of this page.`,
        `${allowed}; to allow a host, add it to siteConfig.imageHosts in src/config.ts.`,
      );
    return;
  }
  const pathname = url.split(/[?#]/)[0]!;
  if (!url.startsWith('/') || url.startsWith('//') || pathname.includes('..') || !existsSync(path.join(path.resolve('public'), pathname))) {
    fail(`The image "${shown}" is not a file of this site's public/ folder.`, `${allowed}.`);
  }
}
