import { PLACEHOLDER } from './placeholder.ts';
import { PolicyError } from './policy-error.ts';

/**
 * Refuses every line that still holds a placeholder `policy new` wrote, in the
 * front-matter or the text, so a started policy cannot be published half
 * written. The change summary has a check of its own, with its own hint.
 */
export function checkPlaceholders(file: string, text: string): PolicyError[] {
  const errors: PolicyError[] = [];
  const lines = text.split(/\r\n?|\n/);
  // The front-matter ends at its second "---"; a "summary:" line of the text is text like any other.
  const end = lines[0] === '---' ? lines.indexOf('---', 1) : -1;
  lines.forEach((line, index) => {
    const column = line.indexOf(PLACEHOLDER);
    if (column < 0 || (index < end && /^\s*(?:summary|["']?change\.summary["']?):/.test(line))) return;
    errors.push(
      new PolicyError(file, `This line still holds a placeholder: ${line.trim().slice(0, 80)}`, {
        place: { line: index + 1, column: column + 1 },
        hint: `Replace the text from "${PLACEHOLDER}" on with what the policy says.`,
      }),
    );
  });
  return errors;
}
