import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, readPage } from '../helpers/build-site.ts';
import { FIXTURE_NOW, fixtureRoot } from '../helpers/fixture-root.ts';

describe('incremental rebuilds', () => {
  // The base version is not announced yet at FIXTURE_NOW, so it is a draft: these are
  // the preview builds an author runs while editing it (a public build would be empty).
  const saved = process.env.POLICY_DRAFTS;
  beforeAll(() => {
    process.env.POLICY_DRAFTS = '1';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.POLICY_DRAFTS;
    else process.env.POLICY_DRAFTS = saved;
  });

  it('re-render what an edit changes and give the same output as a fresh build', () => {
    const root = fixtureRoot();
    const [out, cacheDir] = [mkdtempSync(path.join(tmpdir(), 'inc-out-')), mkdtempSync(path.join(tmpdir(), 'inc-cache-'))];
    expect(buildSite({ now: FIXTURE_NOW, policiesRoot: root, out, cacheDir }).status).toBe(0);
    const unchanged = buildSite({ now: FIXTURE_NOW, policiesRoot: root, out, cacheDir });
    expect(unchanged.stdout).toContain('(restored)');

    // An author edits the (not yet announced) version; its translation follows the new source.
    const en = path.join(root, 'policies/privacy/2025-07-01/en.mdx');
    writeFileSync(en, readFileSync(en, 'utf8').replace('We collect:', 'We gather:'));
    const es = path.join(root, 'policies/privacy/2025-07-01/es.mdx');
    const hash = createHash('sha256').update(readFileSync(en)).digest('hex').slice(0, 12);
    writeFileSync(es, readFileSync(es, 'utf8').replace(/^source: .+$/m, `source: "${hash}"`));

    const edited = buildSite({ now: FIXTURE_NOW, policiesRoot: root, out, cacheDir });
    expect(edited.status, edited.stderr).toBe(0);
    expect(readPage(out, 'en/privacy/2025-07-01').html).toContain('We gather:');
    const fresh = buildSite({ now: FIXTURE_NOW, policiesRoot: root });
    const files = listFiles(fresh.out).filter((f) => /\.(html|json|xml)$/.test(f));
    expect(listFiles(out).filter((f) => /\.(html|json|xml)$/.test(f))).toEqual(files);
    for (const file of files) expect(readFileSync(path.join(out, file)).equals(readFileSync(path.join(fresh.out, file))), file).toBe(true);
  });
});
