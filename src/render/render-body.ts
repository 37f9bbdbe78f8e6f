import type { Element, Root as HastRoot, RootContent, Text } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { raw } from 'hast-util-raw';
import { sanitize } from 'hast-util-sanitize';
import { toHast } from 'mdast-util-to-hast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { isLocale, type Locale } from '../config.ts';
import { visit } from 'unist-util-visit';
import { resolveLink } from '../content/resolve-link.ts';
import { CELL, LIST_ITEM, linkLine, ROW_END, ROW_START } from '../diff/block-lines.ts';
import { localizedLabel } from '../content/labels.ts';
import { rawHtmlSchema } from '../content/raw-html.ts';
import type { PolicyVersion } from '../content/load-policies.ts';
import { translator } from '../i18n/translator.ts';
import type { DataComponent, RenderContext } from '../kinds/kind.ts';
import { kindRenderers } from '../kinds/renderers.ts';

/** One headed part of the rendered text, the unit of anchors, the TOC and diffs. */
export interface RenderedSection {
  /** Stable anchor id; `preamble` for text before the first heading. */
  id: string;
  /** 2 for a section, 3 for a subsection. */
  depth: number;
  /** The heading as plain text. */
  heading: string;
  /** The heading and its content as HTML. */
  html: string;
  /** The content (without the heading) as plain text, one block per line. */
  text: string;
  /** Its links as `words → address`, for diffs that mark a changed address. */
  links: string[];
}

/** A version's text rendered in one locale. */
export interface RenderedBody {
  /** Every section's HTML, joined on each read: a large site keeps thousands of bodies, so the text is held once, in its sections. */
  readonly html: string;
  sections: RenderedSection[];
}

/**
 * Renders a version's MDX in one locale: data components are expanded from the
 * front-matter (never executed), then the text is split into sections by heading.
 * `components` replaces the data components, for text that has no data to show.
 */
export function renderBody(version: PolicyVersion, locale: Locale, components: Record<string, DataComponent> = kindRenderers[version.kind]!): RenderedBody {
  const source = version.locales[locale];
  if (!source) throw new Error(`Version ${version.version} of ${version.policy} has no ${locale} text.`);
  const context: RenderContext = {
    locale,
    data: version.data,
    t: translator(locale),
    label: (key, text) => localizedLabel(version, locale, key, text),
  };
  // The data components become hast through to-hast handlers, so the shared
  // (and cached) mdast is read, never copied or changed.
  const component = (_state: unknown, node: MdxJsxFlowElement | MdxJsxTextElement): Element | Text => {
    const props = Object.fromEntries(node.attributes.flatMap((a) => (a.type === 'mdxJsxAttribute' ? [[a.name, String(a.value)]] : [])));
    // A component another kind has (in `policy diff` of a stray file) shows as its name; the loader refuses it in policies.
    const out = components[node.name!]?.(context, props) ?? `[${node.name}]`;
    return typeof out === 'string' ? { type: 'text', value: out } : out;
  };
  // MDX comments (`{/* … */}`, the only expressions the loader lets through) are
  // notes for authors: without these handlers to-hast would print their source as text.
  const drop = () => undefined;
  const handlers = { mdxJsxFlowElement: component, mdxJsxTextElement: component, mdxFlowExpression: drop, mdxTextExpression: drop, mdxjsEsm: drop };
  if (source.body.format === 'md') {
    // Plain Markdown's raw HTML is parsed, then cut down to the allowlist; its comments go.
    const hast = toHast(source.body.tree as Root, { allowDangerousHtml: true }) as HastRoot;
    return splitSections(resolveLinks(sanitize(raw(hast), rawHtmlSchema) as HastRoot, source.file, version.linkBase));
  }
  const hast = toHast(source.body.tree as Root, { handlers }) as HastRoot;
  return splitSections(resolveLinks(hast, source.file, version.linkBase));
}

// Relative links read as they did where the text was written (see resolveLink);
// `check` has refused every one that leads nowhere, so each resolves here.
function resolveLinks(hast: HastRoot, file: string, linkBase: string | undefined): HastRoot {
  visit(hast, 'element', (element) => {
    const href = element.tagName === 'a' ? element.properties.href : undefined;
    if (typeof href !== 'string' || href === '' || href.startsWith('#') || href.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(href)) return;
    if (href.startsWith('/') && isLocale(href.split('/')[1] ?? '')) return;
    const resolved = resolveLink(href, file, linkBase);
    if (resolved.to !== 'nowhere') element.properties.href = resolved.url;
  });
  return hast;
}

function splitSections(hast: HastRoot): RenderedBody {
  const sections: RenderedSection[] = [];
  let current: { id: string; depth: number; heading: string; nodes: RootContent[] } = { id: 'preamble', depth: 2, heading: '', nodes: [] };
  const flush = () => {
    const content = current.nodes.filter((n) => !(n.type === 'element' && /^h[23]$/.test(n.tagName)));
    if (current.id !== 'preamble' || content.some((n) => n.type !== 'text' || n.value.trim())) {
      sections.push({
        id: current.id,
        depth: current.depth,
        heading: current.heading,
        html: toHtml({ type: 'root', children: current.nodes }).trim(),
        text: content.map(blockText).filter(Boolean).join('\n'),
        links: linksOf(content),
      });
    }
  };
  for (const node of hast.children) {
    if (node.type === 'element' && /^h[23]$/.test(node.tagName)) {
      flush();
      current = { id: String(node.properties.id), depth: Number(node.tagName[1]), heading: blockText(node), nodes: [] };
    }
    current.nodes.push(node);
  }
  flush();
  return {
    get html() {
      return sections.map((s) => s.html).join('\n');
    },
    sections,
  };
}

function linksOf(nodes: RootContent[]): string[] {
  const links: string[] = [];
  for (const node of nodes)
    visit(node as Element, 'element', (element) => {
      if (element.tagName === 'a' && typeof element.properties.href === 'string')
        links.push(
          linkLine(
            toString(element as never)
              .replace(/\s+/g, ' ')
              .trim(),
            element.properties.href,
          ),
        );
    });
  return links;
}

// Each list item, table row and paragraph on its own line: diffs align by block. A list
// item starts with "• " and a table row reads "| cell | cell |", so the redline can
// rebuild lists and tables from the text alone (its unchanged runs may be elided).
function blockText(node: RootContent): string {
  if (node.type === 'text') return node.value.trim();
  if (node.type !== 'element') return '';
  const el = node as Element;
  if (['ul', 'ol', 'tbody', 'thead', 'table', 'div', 'dl'].includes(el.tagName)) return el.children.map(blockText).filter(Boolean).join('\n');
  if (el.tagName === 'tr') return `${ROW_START}${el.children.map(blockText).filter(Boolean).join(CELL)}${ROW_END}`;
  if (el.tagName === 'li') {
    const text = toString(el as never)
      .replace(/\s+/g, ' ')
      .trim();
    return text && `${LIST_ITEM}${text}`;
  }
  if (el.tagName === 'caption') return '';
  return toString(el as never)
    .replace(/\s+/g, ' ')
    .trim();
}
