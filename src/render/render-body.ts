import type { Element, Root as HastRoot, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { Locale } from '../config.ts';
import { localizedLabel } from '../content/labels.ts';
import type { PolicyVersion } from '../content/load-policies.ts';
import { translator } from '../i18n/translator.ts';
import { dataComponents, type RenderContext } from './data-components.ts';

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
}

/** A version's text rendered in one locale. */
export interface RenderedBody {
  html: string;
  sections: RenderedSection[];
}

const toHast = unified().use(remarkRehype);

/**
 * Renders a version's MDX in one locale: data components are expanded from the
 * front-matter (never executed), then the text is split into sections by heading.
 * `components` replaces the data components, for text that has no data to show.
 */
export function renderBody(version: PolicyVersion, locale: Locale, components: typeof dataComponents = dataComponents): RenderedBody {
  const source = version.locales[locale];
  if (!source) throw new Error(`Version ${version.version} of ${version.policy} has no ${locale} text.`);
  const context: RenderContext = {
    locale,
    data: version.data,
    t: translator(locale),
    label: (key, text) => localizedLabel(version, locale, key, text),
  };
  const tree = structuredClone(source.body.tree) as Root;
  visit(tree, (node, index, parent) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const props = Object.fromEntries(node.attributes.flatMap((a) => (a.type === 'mdxJsxAttribute' ? [[a.name, String(a.value)]] : [])));
    const out = components[node.name!]!(context, props);
    // mdast-util-to-hast turns a node with data.hName into that element as is.
    const replacement =
      typeof out === 'string'
        ? { type: 'text' as const, value: out }
        : { type: 'paragraph' as const, children: [], data: { hName: out.tagName, hProperties: out.properties, hChildren: out.children } };
    parent!.children.splice(index!, 1, replacement as never);
    return SKIP;
  });
  const hast = toHast.runSync(tree) as HastRoot;
  return splitSections(hast);
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
  return { html: sections.map((s) => s.html).join('\n'), sections };
}

// Each list item, table row and paragraph on its own line: diffs align by block.
function blockText(node: RootContent): string {
  if (node.type === 'text') return node.value.trim();
  if (node.type !== 'element') return '';
  const el = node as Element;
  if (['ul', 'ol', 'tbody', 'thead', 'table', 'div', 'dl'].includes(el.tagName)) return el.children.map(blockText).filter(Boolean).join('\n');
  if (el.tagName === 'tr') return el.children.map(blockText).filter(Boolean).join(' | ');
  if (el.tagName === 'caption') return '';
  return toString(el as never).replace(/\s+/g, ' ').trim();
}
