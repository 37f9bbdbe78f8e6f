import { PolicyError } from './policy-error.ts';

// C0 and C1 control characters other than tab, line feed and carriage return
// are invisible, break XML feeds and can hide text; bidirectional overrides and
// isolates reorder what a reader sees against what the file says ("Trojan
// Source"). Neither belongs in legal text.
/** Characters a policy file may not contain, even written as a YAML escape such as "\\u0007". */
export const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g;

const NAMES: Record<number, string> = { 0x00: 'NUL', 0x07: 'BEL', 0x08: 'BACKSPACE', 0x1b: 'ESC', 0x7f: 'DEL', 0x202e: 'RIGHT-TO-LEFT OVERRIDE', 0x202d: 'LEFT-TO-RIGHT OVERRIDE' };

/** The first forbidden character of each line, at most `limit` in all. */
function findForbidden(text: string, limit = 10): Array<{ line: number; column: number; code: number }> {
  const found: Array<{ line: number; column: number; code: number }> = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && found.length < limit; i++) {
    FORBIDDEN.lastIndex = 0;
    const match = FORBIDDEN.exec(lines[i]!);
    if (match) found.push({ line: i + 1, column: match.index + 1, code: match[0].codePointAt(0)! });
  }
  return found;
}

/**
 * Refuses invisible control and bidirectional-override characters anywhere in
 * a policy file, each at its line and column.
 */
export function checkCharacters(file: string, text: string): PolicyError[] {
  return findForbidden(text).map(({ line, column, code }) => {
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    const name = NAMES[code] ? ` (${NAMES[code]})` : '';
    return new PolicyError(file, `This line contains the invisible character ${hex}${name}, which is not allowed in a policy file.`, {
      place: { line, column },
      hint: 'Delete it (it often comes from copying text out of another program) and retype the text around it.',
    });
  });
}
