import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../helpers/fixture-root.ts';
import { webBasicsProblems } from '../helpers/web-basics.ts';

/*
 * The web-basics check that test/site/build.test.ts and kinds.test.ts run on
 * their real builds must catch each flaw it names: here on a hand-made "site"
 * (test/fixtures/web-basics/) that has every one of them.
 */
const out = mkdtempSync(path.join(tmpdir(), 'web-basics-'));
cpSync(path.join(fixturesDir, 'web-basics'), out, { recursive: true });
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('webBasicsProblems', () => {
  it('names every missing or wrong web basic, page by page', () => {
    expect(webBasicsProblems(out)).toEqual(readFileSync(path.join(fixturesDir, 'web-basics/expected.txt'), 'utf8').trim().split('\n'));
  });

  it('finds nothing once the flaws are fixed', () => {
    const good = mkdtempSync(path.join(tmpdir(), 'web-basics-good-'));
    cpSync(path.join(fixturesDir, 'web-basics'), good, { recursive: true });
    writeFileSync(path.join(good, 'en/privacy/index.html'), readFileSync(path.join(good, 'en/privacy/good.html')));
    rmSync(path.join(good, 'en/privacy/good.html'));
    mkdirSync(path.join(good, 'en/privacy/2025-07-01/compare'), { recursive: true });
    writeFileSync(path.join(good, 'en/privacy/2025-07-01/compare/index.html'), readFileSync(path.join(good, 'en/privacy/index.html')));
    writeFileSync(
      path.join(good, 'sitemap-0.xml'),
      ['/en/privacy/', '/en/privacy/2025-07-01/compare/'].map((p) => `<url><loc>https://policies.infraux.com${p}</loc></url>`).join(''),
    );
    writeFileSync(
      path.join(good, '404.html'),
      readFileSync(path.join(good, 'en/privacy/index.html'), 'utf8')
        .replace(/<link rel="canonical"[^>]*>|<meta property="og:url"[^>]*>/g, '')
        .replace('<meta charset="utf-8">', '<meta charset="utf-8"><meta name="robots" content="noindex">'),
    );
    expect(webBasicsProblems(good)).toEqual([]);
    rmSync(good, { recursive: true, force: true });
  });
});
