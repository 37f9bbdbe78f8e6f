import GithubSlugger from 'github-slugger';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { PolicyError } from './policy-error.ts';
import { usedByPolicyPage } from './page-ids.ts';

/** A heading of the policy text with the stable id it is linked by. */
export interface SectionHeading {
  id: string;
  depth: number;
  text: string;
  line: number;
  /** True when the author wrote `{#id}`; false when derived from the text. */
  explicit: boolean;
}

// `{#id}` after a heading is the common way to pin an anchor (kramdown, Pandoc),
// but MDX reads braces as JavaScript. It is lifted out before parsing and
// blanked with spaces, so every other position in the file stays the same.
const HEADING_ID = /^(#{1,6}[ \t].*?)[ \t]*(\{#([^}\s]*)\})[ \t]*$/gm;

/** The source of the pattern, for the parse cache's fingerprint. */
export const headingIdPattern = HEADING_ID.source;

/** Lifts `{#id}` suffixes off heading lines: the text to parse, and the explicit id by line number. */
export function liftHeadingIds(file: string, body: string, errors: PolicyError[]): { lines: string[]; explicitIds: Map<number, string> } {
  const explicitIds = new Map<number, string>();
  let line = 0;
  const lines = body.split('\n').map((text) => {
    line++;
    return text.replace(HEADING_ID, (_all, heading: string, braces: string, id: string) => {
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
        errors.push(
          new PolicyError(file, `The heading id "${id}" is not a valid anchor.`, {
            place: { line, column: heading.length + 2 },
            hint: 'Use lowercase letters, digits and single hyphens, like {#data-retention}.',
          }),
        );
      }
      explicitIds.set(line, id);
      return heading + ' '.repeat(text.length - heading.length - braces.length) + ' '.repeat(braces.length);
    });
  });
  return { lines, explicitIds };
}

// Notes for authors (MDX comments, HTML comments and other raw HTML) never shape a heading's text or anchor.
const NOT_TEXT = new Set(['mdxTextExpression', 'mdxFlowExpression', 'html']);
function textOnly<T extends { children?: unknown[] }>(node: T): T {
  if (!node.children) return node;
  const children = (node.children as Array<{ type: string; children?: unknown[] }>).filter((c) => !NOT_TEXT.has(c.type));
  return { ...node, children: children.map(textOnly) };
}

/**
 * Gives each heading its id, in document order: the explicit `{#id}` on its
 * line, else one derived from its words without the section number, so
 * renumbering keeps the anchor. Sets the id on the node for rendering.
 */
export function headingIds(explicitIds: ReadonlyMap<number, string>): (heading: Heading) => SectionHeading {
  const slugger = new GithubSlugger();
  return (heading) => {
    const line = heading.position?.start.line ?? 0;
    const text = toString(textOnly(heading)).replace(/\s+/g, ' ').trim();
    const explicit = explicitIds.get(line);
    const id = explicit ?? slugger.slug(text.replace(/^[\d.]+\s+/, ''));
    heading.data = { ...heading.data, hProperties: { id } };
    return { id, depth: heading.depth, text, line, explicit: explicit !== undefined };
  };
}

/** Refuses headings that cannot be linked to and ids used twice. */
export function checkHeadings(file: string, headings: readonly SectionHeading[], errors: PolicyError[]): void {
  const seen = new Map<string, number>();
  for (const heading of headings) {
    if (heading.id === '' || heading.id === 'preamble' || usedByPolicyPage(heading.id) || !/^[\p{L}\p{N}]/u.test(heading.id)) {
      const why =
        heading.id === 'preamble'
          ? '"preamble" names the text before the first heading'
          : usedByPolicyPage(heading.id)
            ? `its id "${heading.id}" is used by the page itself`
            : heading.explicit
              ? `its id "${heading.id}" does not start with a letter or digit`
              : 'it has no words to derive an id from';
      errors.push(
        new PolicyError(file, `This heading cannot be linked to: ${why}.`, {
          place: { line: heading.line, column: 1 },
          hint: 'Give it words and a stable id of its own, such as ## 9. Changes {#changes}.',
        }),
      );
      continue;
    }
    const first = seen.get(heading.id);
    if (first !== undefined) {
      errors.push(
        new PolicyError(file, `The section id "${heading.id}" is already used by the heading on line ${first}.`, {
          place: { line: heading.line, column: 1 },
          hint: 'Give each heading its own {#id}; links and diffs find sections by it.',
        }),
      );
    } else seen.set(heading.id, heading.line);
  }
}
