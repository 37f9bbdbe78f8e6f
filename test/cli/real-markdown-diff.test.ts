import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/content/read-front-matter.ts';
import { fixturesDir } from '../helpers/fixture-root.ts';

// Real policies as their companies publish them (GitHub-flavoured Markdown with raw HTML, Jekyll
// front-matter), kept unchanged with their licences in fixtures/real-markdown/: see each SOURCE.md.
const repo = path.resolve(import.meta.dirname, '../..');
const realDir = path.join(fixturesDir, 'real-markdown');
const pairs = readdirSync(realDir).filter((name) => existsSync(path.join(realDir, name, 'old.md')));
const policy = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(repo, 'scripts/policy.ts'), ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

type Part = { op: string; text: string };
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

describe('policy diff on real Markdown policies', () => {
  it('has real pairs to compare', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(2);
  });

  for (const pair of pairs) {
    const [oldFile, newFile] = ['old.md', 'new.md'].map((f) => path.join(realDir, pair, f)) as [string, string];
    it(`${pair}: diffs in every format, and the parts rebuild both texts`, () => {
      for (const format of ['text', 'markdown']) {
        const result = policy('diff', oldFile, newFile, '--format', format);
        expect(result.status, result.stderr).toBe(0);
        expect(result.stderr).toBe('');
      }
      const result = policy('diff', oldFile, newFile, '--format', 'json');
      expect(result.status, result.stderr).toBe(0);
      const { sections } = JSON.parse(result.stdout) as { sections: Array<{ status: string; parts: Part[] }> };
      expect(sections.some((s) => s.status !== 'unchanged')).toBe(true);
      const side = (keep: string) =>
        sections
          .flatMap((s) => s.parts)
          .filter((p) => p.op === 'equal' || p.op === keep)
          .map((p) => p.text)
          .join('');
      // The rendered text keeps the words of the source (markup, comments and Liquid aside).
      for (const [file, text] of [
        [oldFile, side('delete')],
        [newFile, side('insert')],
      ] as const) {
        const source = readFrontMatter(file, readFileSync(file, 'utf8'))
          .body.replace(/<!--[\s\S]*?-->/g, ' ')
          .replace(/<[^>]+>/g, ' ')
          .replace(/\]\([^)]*\)/g, '] ')
          .replace(/^\[[^\]]+\]:.*$/gm, ' ');
        const shown = new Set(words(text));
        const sourceWords = words(source);
        const kept = sourceWords.filter((w) => shown.has(w)).length;
        expect(kept / sourceWords.length, `${file}: words kept`).toBeGreaterThanOrEqual(0.99);
      }
    });
  }
});
