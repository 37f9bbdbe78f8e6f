import { parseMarkdown } from './parse-markdown.ts';
import { parseMdx, type ParsedBody } from './parse-mdx.ts';

/** A parser and the name its cached trees are kept under. */
export interface BodyParser {
  variant: string;
  parse: (file: string, body: string) => ParsedBody;
}

/** True for the extensions that mean plain Markdown, never MDX. */
export const isMarkdownFile = (file: string) => /\.(md|markdown)$/i.test(file);

/**
 * The parser a file's extension names: plain Markdown (CommonMark, GFM, raw
 * HTML) for `.md` and `.markdown`, MDX for `.mdx`. Policy files are parsed
 * `strict`; `policy diff` reads any Markdown file as the site would render it.
 */
export function bodyParser(file: string, strict = true): BodyParser {
  if (!isMarkdownFile(file)) return { variant: 'mdx', parse: parseMdx };
  return { variant: strict ? 'md-policy' : 'md-any', parse: (f, body) => parseMarkdown(f, body, { strict }) };
}

/** The file name of a locale in a version folder that has one: `en.mdx`, else `en.md`, else undefined. */
export function localeFileIn(files: readonly string[], locale: string): string | undefined {
  return [`${locale}.mdx`, `${locale}.md`].find((name) => files.includes(name));
}
