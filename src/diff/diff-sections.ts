import { diffArrays } from 'diff';
import { diffWords, limits, pushPart, type DiffPart } from './diff-parts.ts';
import { BLOCK_MARKERS, linkParts } from './block-lines.ts';
import { joinRenamed } from './pair-sections.ts';

/** A section as the diff engine sees it: rendered text, never source. */
export interface SectionText {
  id: string;
  heading: string;
  /** The content as plain text, one block (paragraph, list item, table row) per line. */
  text: string;
  /** Its links as `words → address`, in order: a changed address changes no word of the text. */
  links?: readonly string[];
  /** Its HTML, to tell a change of formatting alone (bold, a list become a table) from none. */
  html?: string;
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
  /** A section whose heading (so its id) changed: its id in the older version. */
  renamedFrom?: string;
  /** Links whose address changed while their words did not: `words → address` before and after. */
  links?: { before: string[]; after: string[] };
  /** True when only the formatting changed: no word and no link. */
  formatting?: boolean;
}

/** The text of a section as one string: its heading line, then its blocks, each ending in a newline. */
export function sectionText(section: SectionText): string {
  const head = section.heading ? `${section.heading}\n` : '';
  return section.text ? `${head}${section.text}\n` : head;
}

/**
 * Most section insertions plus deletions the ordered alignment searches, like
 * `limits` for blocks and words: a fixed bound, never a clock, so the output
 * never depends on CPU speed. Past it, sections align by `alignByOrder`.
 */
export const maxSectionEdits = 200;

type Op = DiffPart['op'];
interface Run {
  op: Op;
  keys: string[];
}

/**
 * Compares two versions' sections in one locale: sections align by their
 * stable ids, blocks within a section by equality, and words within changed
 * blocks. Bounded by `limits` and `maxSectionEdits`, and deterministic: the
 * same inputs always give the same output. Joining the equal and delete parts
 * of every entry, in order, gives the old text; the equal and insert parts give the new.
 */
export function diffSections(before: readonly SectionText[], after: readonly SectionText[], locale: string): SectionDiff[] {
  const [oldKeys, newKeys] = [keysOf(before), keysOf(after)];
  const oldByKey = new Map(before.map((s, i) => [oldKeys[i]!, s]));
  const newByKey = new Map(after.map((s, i) => [newKeys[i]!, s]));
  const out: SectionDiff[] = [];
  const entryTexts = new Map<SectionDiff, SectionText>();
  // Keys are unique, so the longest common subsequence of the key lists keeps
  // the sections that stayed in order; a common key outside it has moved.
  for (const run of align(oldKeys, newKeys)) {
    for (const key of run.keys) {
      const old = oldByKey.get(key);
      const next = newByKey.get(key);
      if (run.op === 'equal') {
        out.push(compare(old!, next!, locale));
      } else if (run.op === 'delete') {
        const entry: SectionDiff = {
          id: old!.id,
          heading: old!.heading,
          status: next ? 'moved' : 'removed',
          ...(next && { move: 'from' as const }),
          parts: [{ op: 'delete', text: sectionText(old!) }],
        };
        entryTexts.set(entry, old!);
        out.push(entry);
      } else {
        const text = sectionText(next!);
        const entry: SectionDiff = { id: next!.id, heading: next!.heading, status: old ? 'moved' : 'added', parts: [{ op: 'insert', text }] };
        if (old) {
          entry.move = 'to';
          if (sectionText(old) !== text) entry.edits = diffBlocks(sectionText(old), text, locale);
        }
        entryTexts.set(entry, next!);
        out.push(entry);
      }
    }
  }
  // A renamed heading is a new id: without `{#id}`s, real documents would show the section removed and added again.
  const joined = joinRenamed(out, entryTexts, (before, after) => compare(before, after, locale));
  return joined.map((s) => ({ ...s, parts: s.parts.filter((p) => p.text) }));
}

/** One section in both versions: unchanged, or changed in its words, its links' addresses or its formatting alone. */
function compare(old: SectionText, next: SectionText, locale: string): SectionDiff {
  const same = (old.heading === next.heading && old.text === next.text) || sectionText(old) === sectionText(next);
  const base = { id: next.id, heading: next.heading };
  const moved = linkChanges(old, next);
  if (!same) return { ...base, status: 'changed', parts: diffBlocks(sectionText(old), sectionText(next), locale), ...(moved && { links: moved }) };
  if (moved) return { ...base, status: 'changed', parts: [unchangedPart(next)], links: moved };
  // Equal HTML (nearly every unchanged section) is settled without building a second copy of it.
  if (old.html !== undefined && next.html !== undefined && old.html !== next.html && squashed(old.html) !== squashed(next.html))
    return { ...base, status: 'changed', parts: [unchangedPart(next)], formatting: true };
  return { ...base, status: 'unchanged', parts: [unchangedPart(next)] };
}

// Runs of white space render as one space: re-wrapping a paragraph is no change of its formatting.
const squashed = (html: string) => html.replace(/\s+/g, ' ');

// The links whose words stayed and whose address changed, in each version's order.
function linkChanges(old: SectionText, next: SectionText): SectionDiff['links'] {
  const [before, after] = [old.links ?? [], next.links ?? []];
  const label = (link: string) => linkParts(link).words;
  const gone = before.filter((l) => !after.includes(l) && after.some((a) => label(a) === label(l)));
  const come = after.filter((l) => !before.includes(l) && before.some((b) => label(b) === label(l)));
  return gone.length || come.length ? { before: gone, after: come } : undefined;
}

// Most sections of a new version are unchanged, and a site keeps the diffs of
// all its versions: the part reads the text from the section on each use
// instead of holding a second copy of it.
function unchangedPart(section: SectionText): DiffPart {
  return {
    op: 'equal',
    get text() {
      return sectionText(section);
    },
  };
}

// The parser refuses a repeated id, but a caller may pass any list: a repeat is keyed apart
// (NUL never occurs in an id), so every section keeps its own text and the alignment its unique keys.
function keysOf(sections: readonly SectionText[]): string[] {
  const seen = new Map<string, number>();
  return sections.map(({ id }) => {
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return n === 0 ? id : `${id}\u0000${n}`;
  });
}

/** Aligns two lists of unique keys: jsdiff's shortest edit script within the bound, else `alignByOrder`. */
function align(oldKeys: string[], newKeys: string[]): Run[] {
  const changes = diffArrays(oldKeys, newKeys, { maxEditLength: maxSectionEdits });
  if (!changes) return alignByOrder(oldKeys, newKeys);
  return changes.map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', keys: c.value }));
}

/**
 * The same alignment in O(n log n) whatever the edit count: since keys are
 * unique, a longest common subsequence is a longest increasing subsequence of
 * the old positions of the common keys in new order (patience sorting). Only
 * ties may be broken differently from jsdiff, so it is the fallback, and
 * small edits keep their usual output.
 */
function alignByOrder(oldKeys: readonly string[], newKeys: readonly string[]): Run[] {
  const oldIndex = new Map(oldKeys.map((k, i) => [k, i]));
  const common = newKeys.filter((k) => oldIndex.has(k));
  const positions = common.map((k) => oldIndex.get(k)!);
  const tails: number[] = [];
  const previous: number[] = [];
  for (let i = 0; i < positions.length; i++) {
    let [lo, hi] = [0, tails.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (positions[tails[mid]!]! < positions[i]!) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  }
  const kept = new Set<string>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) kept.add(common[i]!);
  const runs: Run[] = [];
  const push = (op: Op, key: string) => {
    const last = runs.at(-1);
    if (last?.op === op) last.keys.push(key);
    else runs.push({ op, keys: [key] });
  };
  // Kept keys come in the same order on both sides; deletions go before insertions, as in jsdiff.
  let [i, j] = [0, 0];
  while (i < oldKeys.length || j < newKeys.length) {
    if (i < oldKeys.length && !kept.has(oldKeys[i]!)) push('delete', oldKeys[i++]!);
    else if (j < newKeys.length && !kept.has(newKeys[j]!)) push('insert', newKeys[j++]!);
    else {
      push('equal', oldKeys[i]!);
      i++;
      j++;
    }
  }
  return runs;
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
      // A list item's "• " and a row's "| " are the block's shape, never a word to realign.
      const marker = before && after ? (BLOCK_MARKERS.find((m) => before.startsWith(m) && after.startsWith(m)) ?? '') : '';
      if (marker) pushPart(parts, 'equal', marker);
      if (before && after) for (const part of diffWords(before.slice(marker.length), after.slice(marker.length), locale)) pushPart(parts, part.op, part.text);
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
