import type { Nodes, Root } from 'mdast';
import type {} from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { rawHtmlElements } from './raw-html.ts';

/** A node of the text that a check looks at after its tree is let go: a link, image, definition or component. */
export interface TreeReference {
  type: 'link' | 'image' | 'definition' | 'imageReference' | 'component';
  /** The address, for links, images and definitions. */
  url?: string;
  /** The label, for definitions and image references. */
  identifier?: string;
  /** The component's name. */
  name?: string;
  /** The component's props, as written. */
  attributes?: ReadonlyArray<{ name?: string; value?: unknown }>;
  position?: { start: { line: number; column: number } };
}

/**
 * Collects the links, images, definitions and components of a tree (those in
 * raw HTML too), in
 * document order, without their children: what the link and component checks
 * need, a small fraction of the tree.
 */
export function treeReferences(tree: Root): TreeReference[] {
  const references: TreeReference[] = [];
  visit(tree as Nodes, (node) => {
    const { position } = node;
    if (node.type === 'link' || node.type === 'image') references.push({ type: node.type, url: node.url, position });
    else if (node.type === 'definition') references.push({ type: node.type, url: node.url, identifier: node.identifier, position });
    else if (node.type === 'imageReference') references.push({ type: node.type, identifier: node.identifier, position });
    else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name)
      references.push({ type: 'component', name: node.name, attributes: node.attributes as TreeReference['attributes'], position });
    else if (node.type === 'html') references.push(...rawHtmlReferences(node.value, position?.start));
  });
  return references;
}

// A plain Markdown file's raw HTML links and images are checked like Markdown's own.
function rawHtmlReferences(html: string, base?: { line: number; column: number }): TreeReference[] {
  return rawHtmlElements(html, base).flatMap(({ element, place: start }): TreeReference[] => {
    const { href, src } = element.properties;
    if (element.tagName === 'a' && typeof href === 'string') return [{ type: 'link', url: href, position: { start } }];
    if (element.tagName === 'img' && typeof src === 'string') return [{ type: 'image', url: src, position: { start } }];
    return [];
  });
}
