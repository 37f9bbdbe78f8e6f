import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { select } from 'hast-util-select';
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

  it('re-render every page when another policy joins the navigation', () => {
    const root = fixtureRoot();
    const [out, cacheDir] = [mkdtempSync(path.join(tmpdir(), 'inc-out-')), mkdtempSync(path.join(tmpdir(), 'inc-cache-'))];
    expect(buildSite({ now: FIXTURE_NOW, policiesRoot: root, out, cacheDir }).status).toBe(0);
    // A terms policy is added: every privacy page now lists it and links it as rel=terms-of-service.
    mkdirSync(path.join(root, 'policies/terms/2025-07-01'), { recursive: true });
    writeFileSync(path.join(root, 'policies/terms/policy.yaml'), 'kind: terms\n');
    writeFileSync(
      path.join(root, 'policies/terms/2025-07-01/en.md'),
      '---\ntitle: Terms of Service\neffective: 2025-07-01\nannounced: 2025-07-01\nfallback: [es]\n---\n\n## Use of the service {#use}\n\nUse it well.\n',
    );
    const added = buildSite({ now: FIXTURE_NOW, policiesRoot: root, out, cacheDir });
    expect(added.status, added.stderr + added.stdout).toBe(0);
    const { tree } = readPage(out, 'es/privacy/2025-07-01');
    expect(select('link[rel=terms-of-service]', tree)?.properties.href).toBe('/es/terms/');
    const fresh = buildSite({ now: FIXTURE_NOW, policiesRoot: root });
    const files = listFiles(fresh.out).filter((f) => /\.(html|json|xml)$/.test(f));
    expect(listFiles(out).filter((f) => /\.(html|json|xml)$/.test(f))).toEqual(files);
    for (const file of files) expect(readFileSync(path.join(out, file)).equals(readFileSync(path.join(fresh.out, file))), file).toBe(true);
  });
});
