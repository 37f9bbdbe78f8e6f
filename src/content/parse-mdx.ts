import type { Heading, Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { characterName, FORBIDDEN, firstForbidden } from './check-characters.ts';
import { allComponentNames as componentNames, allComponentSpecs as componentSpecs } from '../kinds/index.ts';
import { PolicyError } from './policy-error.ts';
import { deepestLine, MAX_DEPTH, nodeBeyond, parseWithinDepth } from './nesting-depth.ts';
import remarkPolicyGfm from './remark-policy-gfm.ts';
import { checkHeadings, headingIdPattern, headingIds, liftHeadingIds, type SectionHeading } from './section-headings.ts';

export type { SectionHeading };

/** A parsed, checked policy body. */
export interface ParsedBody {
  tree: Root;
  headings: SectionHeading[];
  errors: PolicyError[];
  /** False when the MDX did not parse, so the headings are unknown rather than absent. */
  parsed: boolean;
  /** `md` for plain Markdown, whose raw HTML is sanitized when rendered; MDX otherwise. */
  format?: 'md';
  /** Ids that raw HTML defines (`<a name="x">`, `id="x"`), which links may point at beside the headings'. */
  anchors?: string[];
}

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkPolicyGfm);

/**
 * Parses an MDX policy body (with blank lines where the front-matter was) and
 * checks it against the component allowlist, giving each heading a stable id.
 */
export function parseMdx(file: string, body: string): ParsedBody {
  const errors: PolicyError[] = [];
  const { lines, explicitIds } = liftHeadingIds(file, body, errors);

  const tooDeep = (place: PolicyError['place']) => {
    errors.push(
      new PolicyError(file, `The text is nested more than ${MAX_DEPTH} levels deep (quotes, lists or emphasis inside each other).`, {
        place,
        hint: 'Legal text needs a few levels at most: remove the extra ">", list markers or emphasis.',
      }),
    );
    return { tree: { type: 'root' as const, children: [] }, headings: [], errors, parsed: false };
  };
  const source = lines.join('\n');
  // Raw invisible characters are reported by the file's character check; these
  // are the ones written as character references (&#x202E;), seen once decoded.
  const checkDecoded = !FORBIDDEN.test(source);
  let bounded: ReturnType<typeof parseWithinDepth>;
  try {
    bounded = parseWithinDepth(() => processor.runSync(processor.parse(source)) as Root, deepestLine(lines));
  } catch (error) {
    const cause = error as { line?: number; column?: number; reason?: string; message: string };
    errors.push(
      new PolicyError(file, `The MDX does not parse: ${(cause.reason ?? cause.message).replace(/\.$/, '')}.`, {
        place: cause.line ? { line: cause.line, column: cause.column ?? 1 } : undefined,
        hint: 'Policy text is Markdown plus the allowlisted components. A literal "{", "}" or "<" must be escaped as \\{, \\} or \\<.',
      }),
    );
    return { tree: { type: 'root', children: [] }, headings: [], errors, parsed: false };
  }
  if ('deep' in bounded) return tooDeep(bounded.deep);
  const { tree } = bounded;

  const headingOf = headingIds(explicitIds);
  const headings: SectionHeading[] = [];
  visit(tree, (node) => {
    const place = node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined;
    if (checkDecoded) {
      const texts = node as { value?: unknown; url?: unknown; alt?: unknown; title?: unknown };
      const hidden = [texts.value, texts.url, texts.alt, texts.title].map((t) => (typeof t === 'string' ? firstForbidden(t) : undefined)).find(Boolean);
      if (hidden) {
        errors.push(
          new PolicyError(file, `This text contains the invisible character ${characterName(hidden.char)}, written as a character reference.`, {
            place,
            hint: 'Remove the reference (such as &#x202E;); write the text as readers should see it.',
          }),
        );
      }
    }
    switch (node.type) {
      case 'image':
      case 'imageReference': {
        // The parser flattens an image's description to plain text, comment included.
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (start !== undefined && end !== undefined && /(^|[^\\])\{/.test(source.slice(start, end))) {
          errors.push(
            new PolicyError(file, 'An image description cannot contain a comment or braces.', {
              place,
              hint: 'Write the description as plain text; put notes for authors outside the image.',
            }),
          );
        }
        break;
      }
      case 'heading':
        headings.push(headingOf(node as Heading));
        break;
      case 'mdxjsEsm':
        errors.push(
          new PolicyError(file, 'Policy files cannot contain `import` or `export` statements.', {
            place,
            hint: "Remove the statement; a policy's components need no import (docs/authoring.md lists each kind's).",
          }),
        );
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const program = (node.data as { estree?: { body: unknown[] } } | undefined)?.estree;
        // `{/* comment */}` is the MDX comment syntax and runs nothing.
        if (program && program.body.length === 0) break;
        errors.push(
          new PolicyError(file, 'Policy files cannot contain JavaScript expressions in braces.', {
            place,
            hint: 'Write the text itself, use a component for data, or escape a literal brace as \\{.',
          }),
        );
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkComponent(file, node as JsxNode, place, errors);
        break;
    }
  });
  checkHeadings(file, headings, errors);
  return { tree, headings, errors, parsed: true };
}

interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: Array<{ type: string; name?: string; value?: unknown }>;
  children: unknown[];
}

function checkComponent(file: string, node: JsxNode, place: PolicyError['place'], errors: PolicyError[]): void {
  const fail = (message: string, hint: string, code?: string) => errors.push(new PolicyError(file, message, { place, hint, code }));
  // Own properties only: `<constructor />` must not find Object.prototype.constructor.
  const spec = node.name && Object.hasOwn(componentSpecs, node.name) ? componentSpecs[node.name] : undefined;
  if (!spec) {
    fail(
      `<${node.name ?? ''}> is not a component policies can use.`,
      `Use one of ${componentNames.map((n) => `<${n} />`).join(', ')}, or write the text in Markdown.`,
      // The loader knows the policy's kind, and names its components instead.
      'unknown-component',
    );
    return;
  }
  if (node.children.length > 0) fail(`<${node.name}> takes no content.`, `Write it self-closing: <${node.name} />.`);
  // A list or table inside a sentence is invalid HTML, and runs into its words in the redline.
  if (!spec.inline && node.type === 'mdxJsxTextElement')
    fail(
      `<${node.name} /> shows ${spec.description}, which cannot stand inside a sentence.`,
      `Put <${node.name} /> on a line of its own, with a blank line before and after.`,
    );
  const seen = new Set<string>();
  for (const attribute of node.attributes) {
    if (attribute.name && seen.has(attribute.name)) {
      fail(`<${node.name}> has the prop ${attribute.name} more than once.`, `Keep one ${attribute.name}="…".`);
      continue;
    }
    if (attribute.name) seen.add(attribute.name);
    const propSpec = attribute.name && Object.hasOwn(spec.props, attribute.name) ? spec.props[attribute.name] : undefined;
    if (attribute.name && /^on/i.test(attribute.name)) {
      fail(`<${node.name}> has an event handler "${attribute.name}"; policy files cannot run scripts.`, 'Remove the attribute.');
    } else if (attribute.type !== 'mdxJsxAttribute' || !propSpec) {
      const known = Object.keys(spec.props);
      fail(
        `<${node.name}> has no prop "${attribute.name ?? '{...}'}".`,
        known.length ? `It takes ${known.map((k) => `${k}="…" (${spec.props[k]!.description})`).join(', ')}.` : `Write it without props: <${node.name} />.`,
      );
    } else if (typeof attribute.value !== 'string') {
      fail(`The prop ${attribute.name} of <${node.name}> must be a quoted string.`, `Write ${attribute.name}="…" with a literal value, not an expression.`);
    }
  }
  for (const [name, propSpec] of Object.entries(spec.props)) {
    if (propSpec.required && !node.attributes.some((a) => a.name === name)) {
      fail(`<${node.name}> needs the prop ${name}.`, `Add ${name}="…": ${propSpec.description}.`);
    }
  }
}

/** The text of the parser's code and allowlist, so caches of its output notice any change to it. */
export const parserFingerprint =
  [parseMdx, checkComponent, deepestLine, nodeBeyond, parseWithinDepth, liftHeadingIds, headingIds, checkHeadings].map(String).join('\n') +
  JSON.stringify(componentSpecs) +
  headingIdPattern +
  FORBIDDEN.source;
