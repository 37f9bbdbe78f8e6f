import type { Heading, Html, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { characterName, firstForbidden } from './check-characters.ts';
import { allComponentNames as componentNames } from '../kinds/index.ts';
import { deepestLine, MAX_DEPTH, parseWithinDepth } from './nesting-depth.ts';
import type { ParsedBody } from './parse-mdx.ts';
import { PolicyError } from './policy-error.ts';
import { RAW_HTML_TAGS, REFUSED_HTML_TAGS, rawHtmlElements } from './raw-html.ts';
import { checkHeadings, headingIdPattern, headingIds, liftHeadingIds, type SectionHeading } from './section-headings.ts';
import { PAGE_IDS } from './page-ids.ts';

const processor = unified().use(remarkParse).use(remarkGfm);

// Jekyll and other site generators run these; here they would be published as written.
const LIQUID = /\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g;
// Elements that take no closing tag, for measuring how deep raw HTML nests.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
// Ids the page itself uses: an anchor in the text must not take them.

/** The line where raw HTML anywhere in the text opens more than `limit` elements inside each other, if any. */
function deepestHtml(source: string, limit: number): number | undefined {
  let depth = 0;
  for (const match of source.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^<>]*?(\/?)>/g)) {
    const [, closing, name = '', selfClosing] = match;
    if (closing) depth = Math.max(0, depth - 1);
    else if (!selfClosing && !VOID.has(name.toLowerCase()) && ++depth > limit) return source.slice(0, match.index).split('\n').length;
  }
  return undefined;
}

/**
 * Parses a plain Markdown body: CommonMark and GitHub-flavoured Markdown with
 * raw HTML, as public policy repositories keep their policies, never as MDX.
 * Raw HTML is sanitized when rendered (see raw-html.ts): other elements are
 * unwrapped to their text, comments are never published. `strict` (policy
 * files) also refuses what the sanitizer would remove with its content or a
 * reader would miss: scripts, styles, frames, forms, event handlers, component
 * names and Liquid tags; without it (`policy diff` of any Markdown file) these
 * are read as the sanitizer leaves them. Anchors in raw HTML are recorded.
 */
export function parseMarkdown(file: string, body: string, options: { strict: boolean } = { strict: true }): ParsedBody {
  const errors: PolicyError[] = [];
  const { lines, explicitIds } = liftHeadingIds(file, body, errors);
  // Every later step recurses on the tree, and so does the HTML parser: refuse what would overflow them.
  const tooDeep = (place: PolicyError['place']): ParsedBody => {
    errors.push(
      new PolicyError(file, `The text is nested more than ${MAX_DEPTH} levels deep (quotes, lists, emphasis or HTML elements inside each other).`, {
        place,
        hint: 'Legal text needs a few levels at most: remove the extra ">", list markers, emphasis or HTML tags.',
      }),
    );
    return { tree: { type: 'root', children: [] }, headings: [], errors, parsed: false, format: 'md' };
  };
  const source = lines.join('\n');
  const bounded = parseWithinDepth(() => processor.runSync(processor.parse(source)) as Root, deepestLine(lines) ?? deepestHtml(source, MAX_DEPTH));
  if ('deep' in bounded) return tooDeep(bounded.deep);
  const { tree } = bounded;
  const headingOf = headingIds(explicitIds);
  const headings: SectionHeading[] = [];
  const anchors: Anchor[] = [];
  visit(tree, (node) => {
    const place = node.position && { line: node.position.start.line, column: node.position.start.column };
    const url = (node as { url?: unknown }).url;
    const texts = [(node as { value?: unknown }).value, url].filter((t): t is string => typeof t === 'string');
    // Raw invisible characters are reported by the file's character check; these are written as references (&#x202E;).
    const hidden = options.strict && node.type !== 'html' ? texts.map((t) => firstForbidden(t)).find(Boolean) : undefined;
    if (hidden) errors.push(invisible(file, hidden.char, place));
    if (node.type === 'heading') headings.push(headingOf(node as Heading));
    if (node.type === 'html') checkRawHtml(file, node as Html, options.strict ? errors : [], anchors);
  });
  checkHeadings(file, headings, errors);
  if (options.strict) checkAnchors(file, anchors, headings, errors);
  // In the source, not the tree: a tag may span lines, links and code, and is published as written wherever it is.
  for (const match of options.strict ? source.matchAll(LIQUID) : []) {
    const before = source.slice(0, match.index).split('\n');
    errors.push(
      new PolicyError(file, `This text contains the Liquid tag ${JSON.stringify(match[0].slice(0, 60))}, which this site does not run.`, {
        place: { line: before.length, column: before.at(-1)!.length + 1 },
        hint: 'Replace the tag with the text it stands for; it would be published exactly as written.',
      }),
    );
  }
  return { tree, headings, errors, parsed: true, format: 'md', ...(anchors.length > 0 && { anchors: anchors.map((a) => a.id) }) };
}

/**
 * Checks one raw HTML node: every element on the allowlist, no event
 * handlers, and each `<a name>` or `id` recorded as an anchor. Links and
 * images inside it become mdast-like nodes for the link checks.
 */
function checkRawHtml(file: string, node: Html, errors: PolicyError[], anchors: Anchor[]): void {
  const start = node.position?.start ?? { line: 1, column: 1 };
  const value = node.value.trimStart();
  // The HTML parser reads an unclosed comment or CDATA to the end of its block: the author's text would vanish.
  const unclosed = value.startsWith('<!--') && !value.includes('-->');
  if (unclosed || value.startsWith('<![CDATA[')) {
    errors.push(
      new PolicyError(
        file,
        unclosed ? 'This comment is never closed, so the text after it would disappear.' : 'CDATA sections are not HTML; their text would disappear.',
        {
          place: start,
          hint: unclosed ? 'End the comment with -->.' : 'Write the text as plain Markdown.',
        },
      ),
    );
  }
  for (const { element, place } of rawHtmlElements(node.value, start)) {
    const component = componentNames.find((name) => name.toLowerCase() === element.tagName);
    if (component) {
      errors.push(
        new PolicyError(file, `<${component} /> is a component, which only MDX files can use; in a .md file it is unknown HTML.`, {
          place,
          hint: `Rename the file to ${file
            .replace(/\.(md|markdown)$/, '.mdx')
            .split('/')
            .at(-1)} to use components, or write the text in Markdown.`,
        }),
      );
    } else if (REFUSED_HTML_TAGS.has(element.tagName)) {
      errors.push(
        new PolicyError(file, `The raw HTML element <${element.tagName}> is not allowed in a policy.`, {
          place,
          hint: 'Write it in Markdown. Raw HTML may use text, list and table elements such as <a>, <br>, <sup>, <details> and <table>; never scripts, styles, frames, forms or embedded objects.',
        }),
      );
    }
    for (const [name, attribute] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) {
        errors.push(
          new PolicyError(file, `<${element.tagName}> has an event handler "${name}"; policy files cannot run scripts.`, { place, hint: 'Remove it.' }),
        );
      }
      const hidden = typeof attribute === 'string' ? firstForbidden(attribute) : undefined;
      if (hidden) errors.push(invisible(file, hidden.char, place));
    }
    for (const child of element.children) {
      const hidden = child.type === 'text' ? firstForbidden(child.value) : undefined;
      if (hidden) errors.push(invisible(file, hidden.char, place));
    }
    const anchor = element.properties.id ?? (element.tagName === 'a' ? element.properties.name : undefined);
    if (typeof anchor === 'string' && anchor) anchors.push({ id: anchor, place });
  }
}

/** An anchor that raw HTML defines, where it does. */
interface Anchor {
  id: string;
  place: { line: number; column: number };
}

// An id in the text is a link target: it must be linkable, and used once on the page.
function checkAnchors(file: string, anchors: readonly Anchor[], headings: readonly SectionHeading[], errors: PolicyError[]): void {
  const taken = new Map(headings.map((h) => [h.id, `the heading on line ${h.line}`]));
  for (const { id, place } of anchors) {
    // Underscores are common in real documents' anchors (GitHub's DPA has id="dsr_reqs").
    const why = !/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/i.test(id)
      ? 'is not a valid anchor'
      : PAGE_IDS.has(id.toLowerCase())
        ? 'is used by the page itself'
        : taken.has(id)
          ? `is already used by ${taken.get(id)}`
          : undefined;
    if (why) {
      errors.push(
        new PolicyError(file, `The anchor id "${id}" ${why}.`, {
          place,
          hint: 'Use letters and digits joined by single hyphens or underscores, unique on the page, like id="reporting-abuse".',
        }),
      );
    }
    taken.set(id, `the anchor on line ${place.line}`);
  }
}

function invisible(file: string, char: string, place: PolicyError['place']): PolicyError {
  return new PolicyError(file, `This text contains the invisible character ${characterName(char)}, written as a character reference.`, {
    place,
    hint: 'Remove the reference (such as &#x202E;); write the text as readers should see it.',
  });
}

/** The text of the parser's code, so caches of its output notice any change to it. */
export const markdownFingerprint =
  [parseMarkdown, checkRawHtml, checkAnchors, deepestHtml, parseWithinDepth, deepestLine].map(String).join('\n') +
  LIQUID.source +
  headingIdPattern +
  [...RAW_HTML_TAGS, ...REFUSED_HTML_TAGS, ...PAGE_IDS].join();
