import type { Heading, Html, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { componentNames } from './components.ts';
import type { ParsedBody } from './parse-mdx.ts';
import { PolicyError } from './policy-error.ts';
import { RAW_HTML_TAGS, REFUSED_HTML_TAGS, rawHtmlElements } from './raw-html.ts';
import { checkHeadings, headingIdPattern, headingIds, liftHeadingIds, type SectionHeading } from './section-headings.ts';

const processor = unified().use(remarkParse).use(remarkGfm);

// Jekyll and other site generators run these; here they would be published as written.
const LIQUID = /\{%.*?%\}|\{\{.*?\}\}/;

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
  let tree: Root;
  try {
    tree = processor.runSync(processor.parse(lines.join('\n'))) as Root;
  } catch (error) {
    // micromark parses any text; only a stack overflow on absurd nesting reaches here.
    errors.push(new PolicyError(file, `The Markdown does not parse: ${(error as Error).message}.`, { hint: 'Remove the deepest nesting of quotes or lists.' }));
    return { tree: { type: 'root', children: [] }, headings: [], errors, parsed: false };
  }
  const headingOf = headingIds(explicitIds);
  const headings: SectionHeading[] = [];
  const anchors: string[] = [];
  visit(tree, (node) => {
    const place = node.position && { line: node.position.start.line, column: node.position.start.column };
    if (options.strict && (node.type === 'text' || node.type === 'html' || node.type === 'inlineCode') && LIQUID.test(node.value)) {
      errors.push(
        new PolicyError(file, `This text contains the Liquid tag ${JSON.stringify(LIQUID.exec(node.value)![0])}, which this site does not run.`, {
          place,
          hint: 'Replace the tag with the text it stands for; it would be published exactly as written.',
        }),
      );
    }
    if (node.type === 'heading') headings.push(headingOf(node as Heading));
    if (node.type === 'html') checkRawHtml(file, node as Html, options.strict ? errors : [], anchors);
  });
  checkHeadings(file, headings, errors);
  return { tree, headings, errors, parsed: true, format: 'md', ...(anchors.length > 0 && { anchors }) };
}

/**
 * Checks one raw HTML node: every element on the allowlist, no event
 * handlers, and each `<a name>` or `id` recorded as an anchor. Links and
 * images inside it become mdast-like nodes for the link checks.
 */
function checkRawHtml(file: string, node: Html, errors: PolicyError[], anchors: string[]): void {
  for (const { element, place } of rawHtmlElements(node.value, node.position?.start)) {
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
    for (const name of Object.keys(element.properties)) {
      if (/^on/i.test(name)) {
        errors.push(
          new PolicyError(file, `<${element.tagName}> has an event handler "${name}"; policy files cannot run scripts.`, { place, hint: 'Remove it.' }),
        );
      }
    }
    const anchor = element.properties.id ?? (element.tagName === 'a' ? element.properties.name : undefined);
    if (typeof anchor === 'string' && anchor) anchors.push(anchor);
  }
}

/** The text of the parser's code, so caches of its output notice any change to it. */
export const markdownFingerprint =
  [parseMarkdown, checkRawHtml].map(String).join('\n') + LIQUID.source + headingIdPattern + [...RAW_HTML_TAGS, ...REFUSED_HTML_TAGS].join();
