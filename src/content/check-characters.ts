import { PolicyError } from './policy-error.ts';

// C0 and C1 control characters other than tab, line feed and carriage return
// are invisible and break XML feeds; bidirectional overrides and isolates
// reorder what a reader sees against what the file says ("Trojan Source");
// zero-width spaces and joiners-that-are-not, the word joiner and invisible
// operators, a BOM inside text, line and paragraph separators and Unicode tag
// characters and variation selectors (used to smuggle text invisibly), Hangul
// fillers and invisible formatting marks hide text. None belongs in legal text. Marks that shape visible text (soft hyphen, LRM/RLM, ZWJ/ZWNJ
// for scripts that need them) stay allowed.
// U+FE0F right after an emoji only asks for its colour form ("‼️", as real
// documents write it), so there it is allowed; anywhere else it hides text.
const SOURCE =
  '(?:[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u034F\\u115F\\u1160\\u180E\\u200B\\u2028\\u2029\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\u3164' +
  '\\uFE00-\\uFE0E\\uFEFF\\uFFA0\\uFFF9-\\uFFFB\\uFFFE\\uFFFF\\u{1D173}-\\u{1D17A}\\u{E0000}-\\u{E007F}\\u{E0100}-\\u{E01EF}]|(?<!\\p{Extended_Pictographic})\\uFE0F)';

/** Matches one character a policy file may not contain, even written as an escape or entity. */
export const FORBIDDEN = new RegExp(SOURCE, 'u');

/**
 * Replaces every such character in text shown to people (terminal output,
 * annotations, diffs) with `replacement`: U+FFFD by default, or what a function
 * makes of the character (an escape, say).
 */
export function withoutHiddenCharacters(text: string, replacement: string | ((char: string) => string) = '\uFFFD'): string {
  return text.replace(new RegExp(SOURCE, 'gu'), replacement as string);
}

const NAMES: Record<number, string> = {
  0: 'NUL',
  7: 'BEL',
  8: 'BACKSPACE',
  27: 'ESC',
  127: 'DEL',
  8203: 'ZERO WIDTH SPACE',
  8237: 'LEFT-TO-RIGHT OVERRIDE',
  8238: 'RIGHT-TO-LEFT OVERRIDE',
  8288: 'WORD JOINER',
  65279: 'ZERO WIDTH NO-BREAK SPACE',
};

/** `U+202E (RIGHT-TO-LEFT OVERRIDE)`: how messages name a forbidden character. */
export function characterName(char: string): string {
  const code = char.codePointAt(0)!;
  const name = NAMES[code] ?? (code >= 0xe0100 || (code >= 0xfe00 && code <= 0xfe0f) ? 'VARIATION SELECTOR' : code >= 0xe0000 ? 'TAG CHARACTER' : undefined);
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''}`;
}

/** The first forbidden character in `text`, or undefined. */
export function firstForbidden(text: string): { index: number; char: string } | undefined {
  const match = FORBIDDEN.exec(text);
  return match ? { index: match.index, char: match[0] } : undefined;
}

/**
 * Refuses invisible control, formatting and bidirectional-override characters
 * anywhere in a policy file, each at its line and column (the first of each
 * line, at most ten). A byte order mark at the very start is allowed.
 */
export function checkCharacters(file: string, text: string): PolicyError[] {
  const errors: PolicyError[] = [];
  const lines = text.replace(/^\uFEFF/, ' ').split('\n');
  for (let i = 0; i < lines.length && errors.length < 10; i++) {
    const found = firstForbidden(lines[i]!);
    if (!found) continue;
    errors.push(
      new PolicyError(file, `This line contains the invisible character ${characterName(found.char)}, which is not allowed in a policy file.`, {
        place: { line: i + 1, column: found.index + 1 },
        hint: 'Delete it (it often comes from copying text out of another program) and retype the text around it.',
      }),
    );
  }
  return errors;
}
