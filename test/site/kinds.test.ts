import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, readPage } from '../helpers/build-site.ts';
import { kindsRoot } from '../helpers/kinds-root.ts';
import { webBasicsProblems } from '../helpers/web-basics.ts';

/*
 * A privacy policy, GitHub's real Terms of Service (two revisions) and its real
 * DPA side by side, as kinds privacy, terms and document, built in English and
 * Spanish. The texts are copied unchanged; only their front-matter is ours, with
 * their Jekyll and GitHub Docs keys left in, as a real import brings them.
 */
const NOW = '2026-03-01';
const repo = path.resolve(import.meta.dirname, '../..');
const policy = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(repo, 'scripts/policy.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, POLICY_NOW: NOW, NO_COLOR: '1' },
  });

let root: string;
let out: string;
let check: ReturnType<typeof policy>;

beforeAll(() => {
  root = kindsRoot();
  const lock = policy(root, 'lock');
  expect(lock.status, lock.stdout + lock.stderr).toBe(0);
  check = policy(root, 'check');
  const build = buildSite({ now: NOW, policiesRoot: root });
  expect(build.status, build.stdout + build.stderr).toBe(0);
  out = build.out;
}, 300_000);

const json = (file: string) => JSON.parse(readFileSync(path.join(out, file), 'utf8'));

describe('a site with a privacy policy, terms of service and a DPA', () => {
  it('passes the check, noting the Jekyll and GitHub Docs keys it ignores', () => {
    expect(check.status, check.stdout + check.stderr).toBe(0);
    for (const [file, key] of [
      ['terms/2019-11-13/en.md:24:14', 'englishOnly'],
      ['terms/2020-04-02/en.md:20:3', 'redirect_from'],
      ['dpa/2021-01-01/en.md:11:3', 'versions'],
    ])
      expect(check.stdout).toContain(
        `Note: policies/${file}  "${key}" belongs to the site generator the text came from (Jekyll, GitHub Docs); it is ignored here.`,
      );
    expect(check.stdout).toMatch(/No problems found\.\n$/);
  });

  it('builds every policy in both locales, Spanish falling back to the English text with a notice', () => {
    const files = listFiles(out);
    for (const page of [
      'privacy/',
      'terms/',
      'terms/2019-11-13/',
      'terms/2020-04-02/changes/',
      'terms/history/',
      'dpa/',
      'dpa/2021-01-01/',
      'dpa/2021-06-01/changes/',
    ])
      for (const locale of ['en', 'es']) expect(files, `${locale}/${page}`).toContain(`${locale}/${page}index.html`);
    const es = readPage(out, 'es/terms/2020-04-02');
    expect(toString(select('main', es.tree)!)).toContain('You and GitHub agree to submit to the exclusive jurisdiction');
    expect(es.html).toContain('lang="en"');
    expect(toString(select('main', es.tree)!)).toContain('Esta versión aún no está disponible en español, por eso se muestra en inglés.');
    expect(files.filter((f) => f.includes('/dpa/subprocessors') || f.includes('/terms/subprocessors'))).toEqual([]);
  });

  it('has the web basics on every page, and links its privacy policy and terms from every page', () => {
    expect(webBasicsProblems(out)).toEqual([]);
    for (const page of ['en/dpa/history', 'es/terms/2019-11-13/compare', 'en']) {
      const { tree } = readPage(out, page);
      const lang = page.slice(0, 2);
      expect(select('link[rel=privacy-policy]', tree)?.properties.href, page).toBe(`/${lang}/privacy/`);
      expect(select('link[rel=terms-of-service]', tree)?.properties.href, page).toBe(`/${lang}/terms/`);
    }
    const nav = select('.site-nav', readPage(out, 'es/terms').tree)!;
    expect(toString(nav)).toMatch(/^Documentos legales/);
    expect(select('[aria-current]', nav)?.properties.href).toBe('/es/terms/');
  });

  it('compares untranslated versions in the language of their text, and says so', () => {
    const { tree } = readPage(out, 'es/dpa/2021-06-01/changes');
    expect(toString(select('main', tree)!)).toContain('Una de estas versiones no está disponible en español, por eso se comparan sus textos en inglés.');
    expect(select('.diff-section > div[lang=en]', tree)).toBeTruthy();
    expect(select('.diff [lang=en] .diff-status', tree)).toBeUndefined();
    const changes = json('api/v1/policies/dpa/changes.json').changes[0];
    expect([changes.locales.en.textLocale, changes.locales.es.textLocale]).toEqual(['en', 'en']);
    expect(select('.diff [lang]', readPage(out, 'en/dpa/2021-06-01/changes').tree)).toBeUndefined();
    expect(toString(readPage(out, 'en/dpa/2021-06-01/changes').tree)).not.toContain('compared in');
  });

  it("publishes each version's data in its kind's shape, with nothing invented", () => {
    const terms = json('api/v1/policies/terms/2020-04-02/en.json');
    expect(terms.kind).toBe('terms');
    expect(terms.data).toEqual({
      title: 'GitHub Terms of Service',
      effective: '2020-04-02',
      announced: '2020-04-02',
      change: { kind: 'material', summary: 'The terms were rewritten in plain language and shortened.' },
      provider: { name: 'GitHub, Inc.', country: 'US' },
      governingLaw: { country: 'US', region: 'California' },
      venue: { courts: 'the courts located in the City and County of San Francisco, California', exclusive: true },
      noticePeriod: 'P30D',
      imported: true,
      fallback: ['es'],
    });
    const dpa = json('api/v1/policies/dpa/2021-01-01/en.json');
    expect(dpa.kind).toBe('document');
    expect(Object.keys(dpa.data).sort()).toEqual(['announced', 'effective', 'fallback', 'imported', 'noticePeriod', 'title']);
    expect(json('api/v1/index.json').policies.map((p: { id: string; kind: string }) => `${p.id}:${p.kind}`)).toEqual([
      'privacy:privacy',
      'terms:terms',
      'dpa:document',
    ]);
  });

  it('says when a version changes only a link, and marks the old and new address', () => {
    const page = readPage(out, 'en/dpa/2021-06-01/changes');
    const main = toString(select('main', page.tree)!);
    expect(main).toContain('No word of the text changed: only links or formatting.');
    expect(main).toContain('a link’s address changed');
    const links = select('.diff-links', page.tree)!;
    expect(toString(select('del', links)!)).toContain('https://github.com/enterprise-legal/github-data-protection-agreement.pdf');
    expect(toString(select('ins', links)!)).toContain('https://github.com/customer-terms/github-data-protection-agreement.pdf');
    const changes = json('api/v1/policies/dpa/changes.json').changes[0];
    expect(changes.locales.en.sections.filter((s: { links?: unknown }) => s.links)).toHaveLength(1);
  });

  it("resolves the text's site links against its linkBase", () => {
    const page = readPage(out, 'en/terms/2020-04-02');
    expect(page.html).toContain('href="https://docs.github.com/articles/dmca-takedown-policy/"');
    expect(page.html).not.toContain('href="/articles/');
  });
});
