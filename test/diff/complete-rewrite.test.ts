import { diffArrays } from 'diff';
import { describe, expect, it } from 'vitest';
import { diffWords, limits } from '../../src/diff/diff-parts.ts';
import { diffSections, maxSectionEdits, sectionText, type SectionDiff, type SectionText } from '../../src/diff/diff-sections.ts';

// A deterministic pseudo-random text, so the test does not depend on a seed file.
function words(count: number, seed: number): string {
  const out: string[] = [];
  let x = seed;
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out.push(`w${x % 997}`);
  }
  return out.join(' ');
}

describe('a complete rewrite', () => {
  it('falls back to replacing the block whole once maxEditLength is exceeded', () => {
    const before = words(3000, 1);
    const after = words(3000, 2);
    expect(diffWords(before, after, 'en')).toEqual([
      { op: 'delete', text: before },
      { op: 'insert', text: after },
    ]);
  });

  it('still diffs word by word under the bound', () => {
    const before = words(3000, 1);
    const after = before.replace(/^w\d+/, 'changed');
    const parts = diffWords(before, after, 'en');
    expect(parts.filter((p) => p.op !== 'equal')).toHaveLength(2);
    expect(limits.wordEdits).toBeGreaterThan(2);
  });

  it('gives the same output for the same inputs', () => {
    const before = [{ id: 'a', heading: 'A', text: words(2000, 3) }];
    const after = [{ id: 'a', heading: 'A', text: words(2000, 4) }];
    expect(JSON.stringify(diffSections(before, after, 'en'))).toBe(JSON.stringify(diffSections(before, after, 'en')));
  });
});

/** `count` sections s0…s(count-1), and the same sections in a deterministic shuffled order. */
function shuffledPair(count: number): [SectionText[], SectionText[]] {
  const before = Array.from({ length: count }, (_, i) => ({ id: `s${i}`, heading: `Section ${i}`, text: `Text of section ${i}.` }));
  const after = [...before];
  let x = 7;
  for (let i = after.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const j = x % (i + 1);
    [after[i], after[j]] = [after[j]!, after[i]!];
  }
  return [before, after];
}
const side = (diff: SectionDiff[], keep: 'delete' | 'insert') =>
  diff
    .flatMap((s) => s.parts)
    .filter((p) => p.op === 'equal' || p.op === keep)
    .map((p) => p.text)
    .join('');
const inOrder = (diff: SectionDiff[]) => diff.filter((s) => s.status === 'unchanged' || s.status === 'changed').map((s) => s.id);

describe('a shuffle of many sections', () => {
  // Aligning 20,000 shuffled sections without a bound took minutes; past maxSectionEdits they align in one pass.
  it('finds every section, keeps both texts and the order of the sections that stayed in order', () => {
    const [before, after] = shuffledPair(20_000);
    after[5] = { ...after[5]!, text: 'Reworded.' };
    const diff = diffSections(before, after, 'en');
    expect(side(diff, 'delete')).toBe(before.map(sectionText).join(''));
    expect(side(diff, 'insert')).toBe(after.map(sectionText).join(''));
    const oldSide = diff.filter((s) => s.move !== 'to').map((s) => s.id);
    const newSide = diff.filter((s) => s.move !== 'from').map((s) => s.id);
    expect(oldSide).toEqual(before.map((s) => s.id));
    expect(newSide).toEqual(after.map((s) => s.id));
    expect(diff.filter((s) => s.status === 'added' || s.status === 'removed')).toEqual([]);
    const kept = inOrder(diff);
    expect(kept.length).toBeGreaterThan(100);
    expect(diff.filter((s) => s.move === 'to')).toHaveLength(20_000 - kept.length);
    const moved = diff.find((s) => s.id === after[5]!.id && s.move === 'to') ?? diff.find((s) => s.id === after[5]!.id)!;
    expect(moved.status === 'changed' ? moved.parts : moved.edits).toContainEqual({ op: 'insert', text: 'Reworded' });
    expect(JSON.stringify(diffSections(before, after, 'en'))).toBe(JSON.stringify(diff));
  });

  it('keeps as many sections in order as an unbounded alignment would', () => {
    const [before, after] = shuffledPair(800);
    const unbounded = diffArrays(
      before.map((s) => s.id),
      after.map((s) => s.id),
    )
      .filter((c) => !c.added && !c.removed)
      .flatMap((c) => c.value);
    expect(unbounded.length * 2, 'the pair is past the bound').toBeLessThan(1600 - maxSectionEdits);
    const kept = inOrder(diffSections(before, after, 'en'));
    expect(kept).toHaveLength(unbounded.length);
    // The kept sections are in the same order on both sides.
    const position = new Map(after.map((s, i) => [s.id, i]));
    expect(kept.map((id) => position.get(id)!)).toEqual(kept.map((id) => position.get(id)!).sort((a, b) => a - b));
  });

  it('tells added, removed and moved sections apart past the bound', () => {
    const [before, shuffled] = shuffledPair(1_000);
    const after = [...shuffled.filter((s) => Number(s.id.slice(1)) % 10 !== 0), { id: 'new', heading: 'New', text: 'Added.' }];
    const diff = diffSections(before, after, 'en');
    const count = (status: string) => diff.filter((s) => s.status === status).length;
    expect(count('removed')).toBe(100);
    expect(count('added')).toBe(1);
    expect(count('moved') / 2 + count('unchanged')).toBe(900);
    expect(diff.filter((s) => s.status === 'removed').map((s) => s.id)).toEqual(before.filter((s) => Number(s.id.slice(1)) % 10 === 0).map((s) => s.id));
  });

  it('keeps every section of a file whose ids repeat', () => {
    const before = [
      { id: 'a', heading: 'A', text: 'one' },
      { id: 'a', heading: 'A', text: 'two' },
    ];
    const after = [
      { id: 'a', heading: 'A', text: 'two' },
      { id: 'a', heading: 'A', text: 'one' },
    ];
    const diff = diffSections(before, after, 'en');
    expect(side(diff, 'delete')).toBe('A\none\nA\ntwo\n');
    expect(side(diff, 'insert')).toBe('A\ntwo\nA\none\n');
  });
});
