import type { Element, Nodes } from 'hast';
import { selectAll } from 'hast-util-select';

function text(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && node.tagName === 'br') return ' ';
  if ('children' in node) return node.children.map((c) => text(c as Nodes)).join(node.type === 'element' && node.tagName === 'tr' ? ' | ' : '');
  return '';
}

/**
 * The readable units of a page: headings, paragraphs, list items, table rows
 * (cells joined by " | ") and definition pairs ("term: definition"), with
 * whitespace collapsed. A fact "survives" when it sits inside one unit.
 */
export function textUnits(tree: Nodes): string[] {
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  const units = selectAll('h1, h2, h3, p, li, tr', tree).map((n) => clean(text(n)));
  const dts = selectAll('dl', tree).flatMap((dl) => {
    const pairs: string[] = [];
    let term = '';
    for (const child of (dl as Element).children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'dt') term = clean(text(child));
      if (child.tagName === 'dd') pairs.push(`${term}: ${clean(text(child))}`);
    }
    return pairs;
  });
  return [...units, ...dts];
}
