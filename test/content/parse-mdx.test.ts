import { describe, expect, it } from 'vitest';
import { parseMdx } from '../../src/content/parse-mdx.ts';

describe('parseMdx', () => {
  it('keeps MDX comments out of heading text and derived anchors', () => {
    const { headings, errors } = parseMdx('x.mdx', '## 4. Extra *terms {/* legal says: keep 10 years */}* apply\n\nText.\n');
    expect(errors).toEqual([]);
    expect(headings).toEqual([{ id: 'extra-terms-apply', depth: 2, text: '4. Extra terms apply', line: 1, explicit: false }]);
  });

  it('refuses nesting beyond 100 levels at its line, before anything recurses on it', () => {
    for (const body of [
      `Intro.\n\n${'>'.repeat(10_000)} deep\n`,
      `Intro.\n\n${'- '.repeat(10_000)}deep\n`,
      `Intro.\n\n${'*'.repeat(5_000)}deep${'*'.repeat(5_000)}\n`,
    ]) {
      const { errors, parsed } = parseMdx('x.mdx', body);
      expect(parsed).toBe(false);
      expect(errors.map((e) => e.format())[0]).toMatch(/^x\.mdx:3:\d+ {2}The text is nested more than 100 levels deep/);
    }
  });

  it('accepts ordinary nesting', () => {
    const body = `${Array.from({ length: 8 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')}\n\n> > quoted *and **strong***\n`;
    expect(parseMdx('x.mdx', body).errors).toEqual([]);
  });
});
