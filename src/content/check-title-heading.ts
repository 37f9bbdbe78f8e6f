import type { ParsedBody } from './parse-mdx.ts';
import { PolicyError } from './policy-error.ts';

const words = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    // Letters and digits only: "# D.O.C" repeats the title "Doc" as surely as "# Doc" does.
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** Whether a heading repeats a title: the same letters and digits, whatever the case, spacing and punctuation. */
export const repeatsTitle = (heading: string, title: string) => words(heading) === words(title);

/**
 * Refuses a `# Heading` that repeats the title: the page shows the title as its
 * one `<h1>` already, and a second would read twice to screen readers and in
 * the table of contents. Refused, not silently demoted, so the source says what
 * the page shows. `policy import` drops such a heading itself.
 */
export function checkTitleHeading(file: string, title: string, body: ParsedBody): PolicyError[] {
  return body.headings
    .filter((heading) => heading.depth === 1 && repeatsTitle(heading.text, title))
    .map(
      (heading) =>
        new PolicyError(file, `The heading "# ${heading.text}" repeats the title, which the page already shows as its heading.`, {
          place: { line: heading.line, column: 1 },
          hint: 'Delete this line; the title comes from the front-matter\'s "title".',
        }),
    );
}
