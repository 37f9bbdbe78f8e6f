import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import { isLocale, sourceLocale } from '../config.ts';
import { localeSources, type Policy } from './load-policies.ts';
import { PolicyError } from './policy-error.ts';

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * Checks every link and image in the policy text: no script-bearing schemes
 * (`javascript:`, `data:`), anchors that exist in the same file, and site
 * links (`/en/privacy/2025-07-01/#minors`) that point at a real policy,
 * version and section.
 */
export function checkLinks(policies: readonly Policy[]): PolicyError[] {
  const errors: PolicyError[] = [];
  const versionIds = (policyId: string, version?: string) => {
    const policy = policies.find((p) => p.id === policyId);
    const target = version ? policy?.versions.find((v) => v.version === version) : (policy?.versions.at(-1) ?? undefined);
    return target ? new Set(target.locales[sourceLocale]?.body.headings.map((h) => h.id)) : undefined;
  };
  for (const policy of policies) {
    for (const version of policy.versions) {
      for (const source of localeSources(version)) {
        const own = new Set(source.body.headings.map((h) => h.id));
        visit(source.body.tree as Nodes, (node) => {
          if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
          const url = node.url.trim();
          const fail = (message: string, hint: string) => errors.push(new PolicyError(source.file, message, { place: node.position?.start && { line: node.position.start.line, column: node.position.start.column }, hint }));
          const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
          if (scheme && !SAFE_SCHEMES.has(scheme)) {
            fail(`The link "${url.slice(0, 60)}" uses the ${scheme}: scheme, which is not allowed in a policy.`, 'Link to an https:// page, a mailto: address or a section (#id).');
          } else if (url.startsWith('#')) {
            if (!own.has(url.slice(1))) fail(`The link "${url}" points at no section of this file.`, `Use one of the section ids: ${[...own].join(', ')}.`);
          } else if (url.startsWith('/')) {
            const [pathname = '', anchor] = url.split('#');
            const [locale = '', policyId = '', page = ''] = pathname.split('/').filter(Boolean);
            const versionName = /^\d{4}-\d{2}-\d{2}$/.test(page) ? page : undefined;
            const ids = isLocale(locale) && (page === '' || versionName || page === 'history' || page === 'upcoming') ? versionIds(policyId, versionName) : undefined;
            if (!ids) fail(`The link "${url}" points at no page of this site.`, 'Site links look like /en/privacy/ or /en/privacy/2025-07-01/#section-id.');
            else if (anchor && !ids.has(anchor)) fail(`The link "${url}" points at a section that does not exist there.`, `Use one of: ${[...ids].join(', ')}.`);
          }
        });
      }
    }
  }
  return errors;
}
