import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, readPage } from '../helpers/build-site.ts';
import { fixtureRoot, fixturesDir } from '../helpers/fixture-root.ts';
import { textUnits } from '../helpers/text-units.ts';
import { readAtom, xmlProblems } from '../feeds/well-formed-xml.ts';

/*
 * What gets published, on the real Astro build of test/fixtures/publishing/
 * with "now" on 2026-03-01:
 *   privacy 2025-07-01 archived · 2026-01-15 current (MDX comments, hostile summary
 *   and Spanish title) · 2026-04-15 upcoming (the one due notice) · 2026-06-01 a draft
 *   (announced 2026-04-01);
 *   terms 2026-05-01, a policy whose only version is a draft;
 *   cookies 2025-01-01 · 2026-05-01, both imported (history added later: never notified).
 * One public build, then one preview build (POLICY_DRAFTS=1) into the same output
 * and Astro cache, so only the drafts flag in the cache keys can make its pages differ.
 */
const NOW = '2026-03-01';
const HOSTILE_TITLE_ES = 'Política </title><script>alert(2)</script> a]]>b]]>c';
const HOSTILE_SUMMARY_EN = 'Adds Cloud Co. </summary><script>alert(1)</script> Ends a]]>b]]>c & more.';
const HOSTILE_SUMMARY_ES = 'Añade Cloud Co. </summary><script>alert(3)</script> a]]>b]]>c';
const CSP = "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

let publicOut: string;
let previewOut: string;

beforeAll(() => {
  const root = fixtureRoot(path.join(fixturesDir, 'publishing'));
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'drafts-cache-'));
  const saved = process.env.POLICY_DRAFTS;
  try {
    delete process.env.POLICY_DRAFTS;
    const published = buildSite({ now: NOW, policiesRoot: root, cacheDir });
    expect(published.status, published.stderr + published.stdout).toBe(0);
    publicOut = mkdtempSync(path.join(tmpdir(), 'drafts-public-'));
    cpSync(published.out, publicOut, { recursive: true });
    process.env.POLICY_DRAFTS = '1';
    const preview = buildSite({ now: NOW, policiesRoot: root, out: published.out, cacheDir });
    expect(preview.status, preview.stderr + preview.stdout).toBe(0);
    previewOut = preview.out;
  } finally {
    if (saved === undefined) delete process.env.POLICY_DRAFTS;
    else process.env.POLICY_DRAFTS = saved;
  }
});

const read = (out: string, file: string) => readFileSync(path.join(out, file), 'utf8');
const json = (out: string, file: string) => JSON.parse(read(out, file));
const NOTICE_DEMO = /^[^/]+\/notice-demo\/index\.html$/;
const htmlPages = (out: string) => listFiles(out).filter((f) => f.endsWith('.html'));
const textFiles = (out: string) => listFiles(out).filter((f) => /\.(html|json|xml|css)$/.test(f));
const hrefs = (tree: Root, selector: string) => selectAll(selector, tree).map((a) => String(a.properties.href));

/** How a feed reader sees a type="html" value: its elements and its text. */
function asHtml(value: string | null | undefined) {
  const tree = fromHtml(value ?? '', { fragment: true });
  return { elements: selectAll('*', tree).map((e) => e.tagName), text: toString(tree) };
}

describe('a public build', () => {
  it('has no file of a draft and no policy whose versions are all drafts', () => {
    const files = listFiles(publicOut);
    expect(files.filter((f) => /2026-06-01|(^|\/)terms(\/|$)/.test(f))).toEqual([]);
    expect(files).toContain('en/privacy/2026-04-15/index.html');
    for (const file of textFiles(publicOut)) {
      const text = read(publicOut, file);
      // The JSON Schemas name the kinds of policy, one of which is called terms, like the draft policy.
      const secrets = ['DRAFTMARKER', '2026-06-01', 'June 1, 2026', '/terms/', ...(/(^|\/)schemas\//.test(file) ? [] : ['"terms"'])];
      for (const secret of secrets) expect(text, `${file} shows "${secret}"`).not.toContain(secret);
    }
  });

  it('indexes only published versions, their history, pairs and banners', () => {
    const index = json(publicOut, 'api/v1/index.json');
    expect(index.policies.map((p: { id: string }) => p.id)).toEqual(['cookies', 'privacy']);
    const privacy = index.policies[1];
    expect(privacy.versions.map((v: { version: string; status: string; validUntil: string | null }) => [v.version, v.status, v.validUntil])).toEqual([
      ['2025-07-01', 'archived', '2026-01-15'],
      ['2026-01-15', 'current', '2026-04-15'],
      ['2026-04-15', 'upcoming', null],
    ]);
    expect(json(publicOut, 'api/v1/policies/privacy/changes.json').changes.map((c: { from: string; to: string }) => `${c.from}..${c.to}`)).toEqual([
      '2025-07-01..2026-01-15',
      '2026-01-15..2026-04-15',
    ]);
    const history = textUnits(select('tbody', readPage(publicOut, 'en/privacy/history').tree)!);
    expect(history.map((r) => r.split(' | ').slice(0, 3).join(' | '))).toEqual([
      'April 15, 2026 | February 20, 2026 | Upcoming',
      'January 15, 2026 | December 1, 2025 | In effect',
      'July 1, 2025 | July 1, 2025 | No longer in effect',
    ]);
    expect(readPage(publicOut, 'en/privacy/upcoming').html).toContain('<link rel="canonical" href="https://policies.infraux.com/en/privacy/2026-04-15/">');
    expect(hrefs(readPage(publicOut, 'en/privacy').tree, 'aside.banner a')).toEqual(['/en/privacy/2026-04-15/', '/en/privacy/2026-04-15/changes/']);
  });

  it('lists only due notices, never one of an imported version, whose change is still published', () => {
    const { notices } = json(publicOut, 'api/v1/notices.json');
    expect(notices.map((n: { id: string; status: string }) => [n.id, n.status])).toEqual([['privacy/2026-01-15..2026-04-15', 'due']]);
    const schema = json(publicOut, 'api/v1/schemas/notices.schema.json');
    expect(schema.properties.notices.items.properties.status).toMatchObject({ const: 'due' });
    // The imported version keeps its page, its changes and its feed entry.
    expect(textUnits(readPage(publicOut, 'en/cookies/2026-05-01/changes').tree)).toContain(
      'New processor: Cloud Co (United States, EU Standard Contractual Clauses) material',
    );
    expect(json(publicOut, 'api/v1/policies/cookies/changes.json').changes[0].events.map((e: { path: string }) => e.path)).toEqual(['processors.cloud']);
    expect(parseFeed(read(publicOut, 'en/cookies/feed.xml')).items.map((i) => i.url)).toEqual(['https://policies.infraux.com/en/cookies/2026-05-01/changes/']);
  });

  it('lists every public page in its sitemap, with hreflang alternates, and no draft', () => {
    const sitemap = read(publicOut, 'sitemap-0.xml');
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname).sort();
    const pages = htmlPages(publicOut)
      .filter((f) => f.endsWith('index.html') && !/(^|\/)(upcoming|notice-demo)\//.test(f))
      .map((f) => `/${f.replace(/index\.html$/, '')}`)
      .sort();
    expect(listed).toEqual(pages);
    expect(listed.filter((p) => /2026-06-01|\/terms\//.test(p))).toEqual([]);
    expect(sitemap).toContain(
      '<loc>https://policies.infraux.com/es/privacy/2026-01-15/</loc><xhtml:link rel="alternate" hreflang="en" href="https://policies.infraux.com/en/privacy/2026-01-15/"/><xhtml:link rel="alternate" hreflang="es" href="https://policies.infraux.com/es/privacy/2026-01-15/"/>',
    );
    expect(read(publicOut, 'sitemap-index.xml')).toContain('<loc>https://policies.infraux.com/sitemap-0.xml</loc>');
    expect(read(publicOut, 'robots.txt')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://policies.infraux.com/sitemap-index.xml\n');
  });

  it('lets search engines index it and shows no draft banner', () => {
    for (const file of htmlPages(publicOut)) {
      const { tree } = readPage(publicOut, path.dirname(file));
      expect(select('meta[name=robots]', tree), file).toBeUndefined();
      expect(select('.banner.draft', tree), file).toBeUndefined();
    }
  });
});

describe('a preview build (POLICY_DRAFTS=1)', () => {
  it('shows drafts, and policies whose versions are all drafts, in every locale', () => {
    const files = listFiles(previewOut);
    for (const locale of ['en', 'es']) {
      for (const page of ['privacy/2026-06-01/', 'privacy/2026-06-01/changes/', 'terms/', 'terms/2026-05-01/', 'terms/history/'])
        expect(files).toContain(`${locale}/${page}index.html`);
    }
    expect(json(previewOut, 'api/v1/index.json').policies.map((p: { id: string }) => p.id)).toEqual(['cookies', 'privacy', 'terms']);
  });

  it('closes the whole site to crawlers and lists no page in a sitemap', () => {
    expect(read(previewOut, 'robots.txt')).toBe('User-agent: *\nDisallow: /\n');
    const sitemap = listFiles(previewOut).includes('sitemap-0.xml') ? read(previewOut, 'sitemap-0.xml') : '';
    expect(sitemap).not.toMatch(/2026-06-01|\/terms\//);
  });

  it('marks every page noindex, though the public build of the same sources is in its cache', () => {
    const pages = htmlPages(previewOut);
    expect(pages.length).toBeGreaterThan(htmlPages(publicOut).length);
    for (const file of pages)
      expect(String(select('meta[name=robots]', readPage(previewOut, path.dirname(file)).tree)?.properties.content), file).toBe('noindex');
  });

  it('puts a draft banner, in words, on every page of a draft and on no other page', () => {
    const banner = (page: string) => select('aside.banner.draft', readPage(previewOut, page).tree);
    for (const [locale, label, words] of [
      ['en', 'Draft notice', 'DRAFT — not published; to be announced on April 1, 2026. This preview is for authors and reviewers only.'],
      ['es', 'Aviso de borrador', 'BORRADOR — no publicado; se anunciará el 1 de abril de 2026. Esta vista previa es solo para autores y revisores.'],
    ] as const) {
      for (const page of [
        `${locale}/privacy/2026-06-01`,
        `${locale}/privacy/2026-06-01/changes`,
        `${locale}/terms`,
        `${locale}/terms/2026-05-01`,
        `${locale}/terms/upcoming`,
      ]) {
        expect(banner(page)?.properties.ariaLabel, page).toBe(label);
        expect(textUnits(banner(page)!), page).toEqual([words]);
      }
      for (const page of [`${locale}/privacy`, `${locale}/privacy/2026-04-15`, `${locale}/privacy/2026-04-15/changes`])
        expect(banner(page), page).toBeUndefined();
    }
    const rows = textUnits(select('tbody', readPage(previewOut, 'es/privacy/history').tree)!);
    expect(rows[0]).toMatch(/^1 de junio de 2026 \| 1 de abril de 2026 \| Próxima Borrador \| /);
  });

  it('never lists a draft in the notices document', () => {
    expect(read(previewOut, 'api/v1/notices.json')).toBe(read(publicOut, 'api/v1/notices.json'));
  });
});

describe('MDX comments', () => {
  it('reach no file of either build: pages, redlines, JSON or feeds', () => {
    for (const out of [publicOut, previewOut]) {
      for (const file of textFiles(out)) expect(read(out, file), file).not.toMatch(/internal note|legal says|\/\*/);
    }
  });

  it('leave the text around them in place, in a heading, a paragraph, a list item and a table cell', () => {
    const { tree } = readPage(publicOut, 'en/privacy/2026-01-15');
    expect(textUnits(tree)).toEqual(expect.arrayContaining(['1. Introduction', 'We collect:', 'An item in a list']));
    expect(selectAll('article td', tree).map((td) => toString(td).trim())).toContain('Write to us');
    const section = json(publicOut, 'api/v1/policies/privacy/2026-01-15/es.json').sections[0];
    expect([section.heading, section.text.split('\n')[0]]).toEqual(['1. Introducción', 'Recopilamos:']);
  });
});

describe('every page', () => {
  it('starts its head with the Content-Security-Policy, right after the charset', () => {
    for (const out of [publicOut, previewOut]) {
      for (const file of htmlPages(out)) {
        const head = select('head', readPage(out, path.dirname(file)).tree)!;
        const [charset, csp] = head.children.filter((n) => n.type === 'element');
        expect(charset?.properties.charSet, file).toBe('utf-8');
        // The change notice's demo alone may run the site's own module (test/site/build.test.ts checks it loads only that).
        const policy = NOTICE_DEMO.test(file) ? CSP.replace("script-src 'none'", "script-src 'self'; connect-src 'self'") : CSP;
        expect([csp?.properties.httpEquiv, csp?.properties.content], file).toEqual([['Content-Security-Policy'], policy]);
      }
    }
  });

  it('has no script, no inline style, and its stylesheet from the site itself', () => {
    for (const file of htmlPages(publicOut)) {
      const { tree } = readPage(publicOut, path.dirname(file));
      expect(
        selectAll('script, style, [style]', tree).map((e) => e.tagName),
        file,
      ).toEqual(NOTICE_DEMO.test(file) ? ['script'] : []);
      const sheets = hrefs(tree, 'link[rel=stylesheet]');
      expect(sheets.length, file).toBe(1);
      expect(sheets[0], file).toMatch(/^\/_astro\/[\w.-]+\.css$/);
      expect(read(publicOut, sheets[0]!), file).toContain('.banner.draft');
    }
  });

  it('shows author strings as text: a hostile translated title is the heading, word for word', () => {
    const { tree } = readPage(publicOut, 'es/privacy/2026-01-15');
    expect(toString(select('h1', tree)!)).toBe(HOSTILE_TITLE_ES);
    expect(toString(select('title', tree)!)).toBe(`${HOSTILE_TITLE_ES} · InfraUX`);
  });
});

describe('feeds', () => {
  const feeds = () => listFiles(publicOut).filter((f) => f.endsWith('feed.xml'));

  it('are well-formed XML and valid Atom, with hostile summaries and titles', () => {
    expect(feeds()).toEqual([
      'en/cookies/feed.xml',
      'en/cookies/subprocessors/feed.xml',
      'en/privacy/feed.xml',
      'en/privacy/subprocessors/feed.xml',
      'es/cookies/feed.xml',
      'es/cookies/subprocessors/feed.xml',
      'es/privacy/feed.xml',
      'es/privacy/subprocessors/feed.xml',
      'feed.xml',
    ]);
    for (const file of feeds()) {
      const xml = read(publicOut, file);
      expect(xmlProblems(xml), file).toEqual([]);
      expect(parseFeed(xml).meta.type, file).toBe('atom');
    }
  });

  it('carry author strings as escaped text in their type="html" elements, never as markup', () => {
    for (const [file, title, summary] of [
      ['en/privacy/feed.xml', 'Privacy Policy: version of January 15, 2026', HOSTILE_SUMMARY_EN],
      ['feed.xml', 'Privacy Policy: version of January 15, 2026', HOSTILE_SUMMARY_EN],
      ['es/privacy/feed.xml', `${HOSTILE_TITLE_ES}: versión del 15 de enero de 2026`, HOSTILE_SUMMARY_ES],
    ] as const) {
      const entry = readAtom(read(publicOut, file)).entries.find((e) => e.id.endsWith('/privacy/2026-01-15/changes/'))!;
      expect([entry.title.type, entry.summary.type, entry.content.type], file).toEqual(['html', 'html', 'html']);
      expect(asHtml(entry.title.value), file).toEqual({ elements: [], text: title });
      expect(asHtml(entry.summary.value), file).toEqual({ elements: [], text: summary });
      const content = asHtml(entry.content.value);
      expect(content.elements, file).toEqual(['p', 'strong', 'p', 'ul', 'li', 'p', 'a']);
      expect(content.text, file).toContain(summary);
    }
    expect(asHtml(readAtom(read(publicOut, 'es/privacy/feed.xml')).title.value)).toEqual({ elements: [], text: `${HOSTILE_TITLE_ES}: cambios` });
    const subprocessors = readAtom(read(publicOut, 'es/privacy/subprocessors/feed.xml'));
    expect(asHtml(subprocessors.title.value)).toEqual({ elements: [], text: `${HOSTILE_TITLE_ES}: cambios de subencargados` });
  });
});
