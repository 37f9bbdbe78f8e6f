import type { Root } from 'mdast';
import type { PolicyError } from './policy-error.ts';

/** How deep the parsed text may nest; real policies use under 20 levels. */
export const MAX_DEPTH = 100;

// Quotes and list markers at the start of a line nest without limit, and the
// parser recurses on them: a line with too many is refused before parsing.
export function deepestLine(lines: readonly string[]): number | undefined {
  const marker = /^[ \t]{0,3}(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
  for (let i = 0; i < lines.length; i++) {
    let rest = lines[i]!;
    // Each nested list level indents its items: hundreds of leading spaces are a list a hundred levels deep,
    // which the parser needs quadratic time for, and never legal text.
    if (/^[ \t]*/.exec(rest)![0].replace(/\t/g, '    ').length > 2 * MAX_DEPTH) return i + 1;
    let depth = 0;
    for (let match = marker.exec(rest); match && depth <= MAX_DEPTH; match = marker.exec(rest)) {
      rest = rest.slice(match[0].length);
      depth++;
    }
    if (depth > MAX_DEPTH) return i + 1;
  }
  return undefined;
}

// An explicit stack rather than recursion, so the check itself cannot overflow.
export function nodeBeyond(tree: Root, limit: number): PolicyError['place'] {
  const stack: Array<[{ children?: unknown[]; position?: { start: { line: number; column: number } } }, number]> = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return node.position && { line: node.position.start.line, column: node.position.start.column };
    for (const child of node.children ?? []) stack.push([child as typeof node, depth + 1]);
  }
  return undefined;
}

/**
 * Parses with `parse` unless the text nests deeper than MAX_DEPTH: by its
 * lines (`deepLine`, found before parsing), by the tree, or by overflowing the
 * parser's stack. Every later step recurses on the tree, so this is the one
 * place that keeps them safe. Errors other than a stack overflow propagate.
 */
export function parseWithinDepth(parse: () => Root, deepLine: number | undefined): { tree: Root } | { deep: PolicyError['place'] } {
  if (deepLine) return { deep: { line: deepLine, column: 1 } };
  try {
    const tree = parse();
    const deepNode = nodeBeyond(tree, MAX_DEPTH);
    return deepNode ? { deep: deepNode } : { tree };
  } catch (error) {
    if (error instanceof RangeError) return { deep: undefined };
    throw error;
  }
}
