import { describe, expect, it } from 'vitest';
import { diffWords, limits } from '../../src/diff/diff-parts.ts';
import { diffSections } from '../../src/diff/diff-sections.ts';

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
