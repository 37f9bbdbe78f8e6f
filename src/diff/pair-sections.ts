import type { SectionDiff, SectionText } from './diff-sections.ts';

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
// Section numbers ("2.1") say where a heading stands, not what it is about.
const headingWords = (heading: string) => words(heading.replace(/^[\d.]+\s+/, ''));

/** Dice's coefficient of two word sets: 1 for the same words, 0 for none in common. */
function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const word of a) if (b.has(word)) common++;
  return (2 * common) / (a.size + b.size);
}

// A renamed heading keeps most of its words, or its section most of its text.
const HEADING_ALIKE = 0.5;
const TEXT_ALIKE = 0.6;
/** Most removed × added sections compared in one stretch: a fixed bound on the work. */
export const maxPairings = 400;

/**
 * Finds, in one stretch of removed and added sections between two sections
 * that stayed, the pairs that are one section renamed (its id is derived from
 * the heading, so a new heading is a new id): same order on both sides, each
 * pair alike in its heading's words or its text's. The most pairs win, by a
 * longest-common-subsequence over the "alike" relation.
 *
 * @returns Pairs of indexes into `removed` and `added`, in order.
 */
export function pairSections(removed: readonly SectionText[], added: readonly SectionText[]): Array<[number, number]> {
  if (removed.length === 0 || added.length === 0 || removed.length * added.length > maxPairings) return [];
  const [oldHeads, newHeads] = [removed.map((s) => headingWords(s.heading)), added.map((s) => headingWords(s.heading))];
  const [oldTexts, newTexts] = [removed.map((s) => words(s.text)), added.map((s) => words(s.text))];
  const alike = (i: number, j: number) => similarity(oldHeads[i]!, newHeads[j]!) >= HEADING_ALIKE || similarity(oldTexts[i]!, newTexts[j]!) >= TEXT_ALIKE;
  const [n, m] = [removed.length, added.length];
  const best = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) best[i]![j] = Math.max(best[i + 1]![j]!, best[i]![j + 1]!, alike(i, j) ? best[i + 1]![j + 1]! + 1 : 0);
  const pairs: Array<[number, number]> = [];
  for (let [i, j] = [0, 0]; i < n && j < m; ) {
    if (alike(i, j) && best[i]![j] === best[i + 1]![j + 1]! + 1) pairs.push([i++, j++]);
    else if (best[i + 1]![j] === best[i]![j]) i++;
    else j++;
  }
  return pairs;
}

/**
 * Replaces each renamed section's removal and addition by one changed
 * section, at its new place, with its old id kept as `renamedFrom`.
 */
export function joinRenamed(
  entries: SectionDiff[],
  texts: ReadonlyMap<SectionDiff, SectionText>,
  changed: (before: SectionText, after: SectionText) => SectionDiff,
): SectionDiff[] {
  const out: SectionDiff[] = [];
  let stretch: SectionDiff[] = [];
  const flush = () => {
    const removed = stretch.filter((e) => e.status === 'removed');
    const added = stretch.filter((e) => e.status === 'added');
    const pairs = pairSections(
      removed.map((e) => texts.get(e)!),
      added.map((e) => texts.get(e)!),
    );
    const gone = new Set(pairs.map(([i]) => removed[i]!));
    const joined = new Map(pairs.map(([i, j]) => [added[j]!, { ...changed(texts.get(removed[i]!)!, texts.get(added[j]!)!), renamedFrom: removed[i]!.id }]));
    for (const entry of stretch) if (!gone.has(entry)) out.push(joined.get(entry) ?? entry);
    stretch = [];
  };
  for (const entry of entries) {
    if (entry.status === 'removed' || entry.status === 'added') stretch.push(entry);
    else {
      flush();
      out.push(entry);
    }
  }
  flush();
  return out;
}
