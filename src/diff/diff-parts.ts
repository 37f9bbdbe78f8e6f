import { diffArrays } from 'diff';
import { tokenizeWords } from './tokenize-words.ts';

/** One run of text that is the same, added or removed. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/**
 * Work bounds. jsdiff's `maxEditLength` caps the edit script it searches for,
 * so a complete rewrite costs the same on any machine: past the cap the text
 * is shown as replaced whole. Never a timeout, which would make the output
 * depend on CPU speed.
 */
export const limits = {
  /** Most block (paragraph, list item, row) insertions plus deletions searched per section. */
  blockEdits: 200,
  /** Most word-token insertions plus deletions searched per changed run of blocks. */
  wordEdits: 400,
};

/** Appends a part, merging it into the previous one when the op is the same. */
export function pushPart(parts: DiffPart[], op: DiffPart['op'], text: string): void {
  if (!text) return;
  const last = parts.at(-1);
  if (last?.op === op) last.text += text;
  else parts.push({ op, text });
}

/**
 * Diffs two texts word by word. Equal and delete parts join into `before`,
 * equal and insert parts into `after`.
 */
export function diffWords(before: string, after: string, locale: string): DiffPart[] {
  const parts: DiffPart[] = [];
  const changes = diffArrays(tokenizeWords(before, locale), tokenizeWords(after, locale), { maxEditLength: limits.wordEdits });
  if (!changes) {
    pushPart(parts, 'delete', before);
    pushPart(parts, 'insert', after);
    return parts;
  }
  for (const change of changes) pushPart(parts, change.added ? 'insert' : change.removed ? 'delete' : 'equal', change.value.join(''));
  return tidy(parts);
}

interface Hunk {
  equal?: string;
  del: string;
  ins: string;
}

// Word diffs of reworded text alternate "<del>a</del> <ins>b</ins> <del>c</del>…";
// a change hunk separated from the next by one space or punctuation mark is
// merged with it, which reads as one replacement and keeps both texts intact.
function tidy(parts: DiffPart[]): DiffPart[] {
  const hunks: Hunk[] = [];
  for (const part of parts) {
    const last = hunks.at(-1);
    if (part.op === 'equal') hunks.push({ equal: part.text, del: '', ins: '' });
    else if (last && last.equal === undefined) last[part.op === 'delete' ? 'del' : 'ins'] += part.text;
    else hunks.push({ del: part.op === 'delete' ? part.text : '', ins: part.op === 'insert' ? part.text : '' });
  }
  const merged: Hunk[] = [];
  for (const hunk of hunks) {
    const [before, gap] = [merged.at(-2), merged.at(-1)];
    if (
      hunk.equal === undefined &&
      gap?.equal !== undefined &&
      /^[\s\p{P}]{1,2}$/u.test(gap.equal) &&
      before &&
      before.equal === undefined &&
      (before.del || hunk.del) &&
      (before.ins || hunk.ins)
    ) {
      merged.pop();
      before.del += gap.equal + hunk.del;
      before.ins += gap.equal + hunk.ins;
      continue;
    }
    merged.push(hunk);
  }
  const out: DiffPart[] = [];
  for (const hunk of merged) {
    if (hunk.equal !== undefined) pushPart(out, 'equal', hunk.equal);
    pushPart(out, 'delete', hunk.del);
    pushPart(out, 'insert', hunk.ins);
  }
  return out;
}
