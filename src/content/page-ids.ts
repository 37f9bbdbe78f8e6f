/**
 * Element ids a policy's own page uses around its text: the skip link's target,
 * the contents and the status box. A section with one of these ids would share
 * it with the page, and links to the section would jump to the page's element.
 */
export const POLICY_PAGE_IDS: ReadonlySet<string> = new Set(['main', 'toc-title', 'status-title']);

/**
 * True when a section id would clash with an element of the policy page: one of
 * POLICY_PAGE_IDS, or the ids GitHub-flavoured footnotes give their label and
 * their notes (`footnote-label`, `user-content-fn-1`), compared without case.
 */
export function usedByPolicyPage(id: string): boolean {
  const lower = id.toLowerCase();
  return POLICY_PAGE_IDS.has(lower) || lower === 'footnote-label' || lower.startsWith('user-content-');
}

/**
 * Every id the site's pages use around a policy's text: the policy page's, the
 * redline's toggle and headings, and `preamble`, the text before the first
 * heading. Raw HTML anchors may use none of them.
 */
export const PAGE_IDS: ReadonlySet<string> = new Set([...POLICY_PAGE_IDS, 'changed-only', 'summary', 'text', 'preamble']);
