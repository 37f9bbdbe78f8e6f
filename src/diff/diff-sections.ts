import { diffArrays } from 'diff';
import { diffWords, limits, pushPart, type DiffPart } from './diff-parts.ts';

/** A section as the diff engine sees it: rendered text, never source. */
export interface SectionText {
  id: string;
  heading: string;
  /** The content as plain text, one block (paragraph, list item, table row) per line. */
  text: string;
}

/** How a section fared between two versions. */
export type SectionStatus = 'added' | 'removed' | 'moved' | 'changed' | 'unchanged';

/** One section of a diff. */
export interface SectionDiff {
  id: string;
  heading: string;
  status: SectionStatus;
  /** A moved section appears twice: `from` at its old place (all deleted), `to` at its new one (all inserted). */
  move?: 'from' | 'to';
  /** Equal and delete parts hold the old text; equal and insert parts the new. */
  parts: DiffPart[];
  /** On the `to` entry of a moved section whose text also changed: what changed, word by word. */
  edits?: DiffPart[];
}

/** The text of a section as one string: its heading line, then its blocks, each ending in a newline. */
export function sectionText(section: SectionText): string {
  const head = section.heading ? `${section.heading}\n` : '';
  return section.text ? `${head}${section.text}\n` : head;
}

/**
 * Compares two versions' sections in one locale: sections align by their
 * stable ids, blocks within a section by equality, and words within changed
 * blocks. Bounded by `limits` and deterministic: the same inputs always give
 * the same output. Joining the equal and delete parts of every entry, in
 * order, gives the old text; the equal and insert parts give the new.
 */
export function diffSections(before: readonly SectionText[], after: readonly SectionText[], locale: string): SectionDiff[] {
  const oldById = new Map(before.map((s) => [s.id, s]));
  const newById = new Map(after.map((s) => [s.id, s]));
  const out: SectionDiff[] = [];
  // Ids are unique, so the longest common subsequence of the id lists keeps the
  // sections that stayed in order; a common id outside it has moved.
  for (const change of diffArrays(before.map((s) => s.id), after.map((s) => s.id))) {
    for (const id of change.value) {
      const old = oldById.get(id);
      const next = newById.get(id);
      if (!change.added && !change.removed) {
        const [a, b] = [sectionText(old!), sectionText(next!)];
        out.push({ id, heading: next!.heading, status: a === b ? 'unchanged' : 'changed', parts: a === b ? [{ op: 'equal', text: a }] : diffBlocks(a, b, locale) });
      } else if (change.removed) {
        out.push({ id, heading: old!.heading, status: next ? 'moved' : 'removed', ...(next && { move: 'from' as const }), parts: [{ op: 'delete', text: sectionText(old!) }] });
      } else {
        const text = sectionText(next!);
        const entry: SectionDiff = { id, heading: next!.heading, status: old ? 'moved' : 'added', parts: [{ op: 'insert', text }] };
        if (old) {
          entry.move = 'to';
          if (sectionText(old) !== text) entry.edits = diffBlocks(sectionText(old), text, locale);
        }
        out.push(entry);
      }
    }
  }
  return out.map((s) => ({ ...s, parts: s.parts.filter((p) => p.text) }));
}

/** Diffs two section texts block by block, then word by word inside changed runs of blocks. */
export function diffBlocks(before: string, after: string, locale: string): DiffPart[] {
  const blocks = (text: string) => text.split(/(?<=\n)/);
  const changes = diffArrays(blocks(before), blocks(after), { maxEditLength: limits.blockEdits });
  const parts: DiffPart[] = [];
  if (!changes) {
    pushPart(parts, 'delete', before);
    pushPart(parts, 'insert', after);
    return parts;
  }
  let removed: string[] = [];
  let added: string[] = [];
  // Runs of equal length are edits of the same blocks (a reworded list item or
  // row), so each block is compared with its counterpart; otherwise the runs are
  // compared as a whole.
  const flush = () => {
    const pairs = removed.length === added.length ? removed.map((r, i) => [r, added[i]!]) : [[removed.join(''), added.join('')]];
    for (const [before, after] of pairs) {
      if (before && after) for (const part of diffWords(before, after, locale)) pushPart(parts, part.op, part.text);
      else pushPart(parts, before ? 'delete' : 'insert', before || after!);
    }
    removed = [];
    added = [];
  };
  for (const change of changes) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else {
      flush();
      pushPart(parts, 'equal', change.value.join(''));
    }
  }
  flush();
  return parts;
}
