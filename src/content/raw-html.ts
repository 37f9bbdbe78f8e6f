import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import { visit } from 'unist-util-visit';

/**
 * The raw HTML elements a Markdown policy page keeps: GitHub's sanitizer
 * allowlist (what these files already render with on GitHub) without
 * `input`, `picture` and `source`, which policies do not need, `h1` (the page's
 * title is its one `<h1>`) and `rp` (ruby fallback text most browsers hide),
 * plus `u`, which legal texts underline with. Any other element is unwrapped
 * to its text when rendered (`<center>`, misspelt tags, `<h1>`, `<rp>`), so no
 * text is hidden and none is lost.
 */
export const RAW_HTML_TAGS: ReadonlySet<string> = new Set([
  ...defaultSchema.tagNames!.filter((t) => !['input', 'picture', 'source', 'h1', 'rp'].includes(t)),
  'u',
]);

/**
 * Elements that would run, embed, restyle or hide content, or take input: the
 * sanitizer removes them (script and style with their content), and `check`
 * refuses them in a policy so an author never loses text silently.
 */
export const REFUSED_HTML_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'link',
  'meta',
  'base',
  'svg',
  'math',
  'template',
  'noscript',
  'canvas',
  'audio',
  'video',
  'portal',
]);

/**
 * How rendered Markdown with raw HTML is sanitized: GitHub's schema, with
 * links only to http, https and mailto, no `tabIndex` or `accessKey`, `style`
 * and `script` dropped with their content, comments dropped, and ids kept as
 * written (no `user-content-` prefix), so `<a name="x">` and `#x` links meet.
 */
export const rawHtmlSchema: Schema = {
  ...defaultSchema,
  tagNames: [...RAW_HTML_TAGS],
  attributes: {
    ...defaultSchema.attributes,
    // `name` only on links (anchors): elsewhere it is a way to shadow DOM properties.
    '*': (defaultSchema.attributes!['*'] ?? []).filter(
      (a) => !['tabIndex', 'accessKey', 'action', 'method', 'encType', 'acceptCharset', 'name'].includes(String(a)),
    ),
    a: [...(defaultSchema.attributes!.a ?? []), 'name'],
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style'],
  allowComments: false,
};

/**
 * The elements of one raw HTML node of a Markdown file, each with its place
 * in the file (the node's own position plus the element's within it).
 */
export function rawHtmlElements(
  html: string,
  base: { line: number; column: number } = { line: 1, column: 1 },
): Array<{ element: Element; place: { line: number; column: number } }> {
  const found: Array<{ element: Element; place: { line: number; column: number } }> = [];
  visit(fromHtml(html, { fragment: true }), 'element', (element: Element) => {
    const at = element.position?.start;
    const place = at ? { line: base.line + at.line - 1, column: at.line === 1 ? base.column + at.column - 1 : at.column } : base;
    found.push({ element, place });
  });
  return found;
}
