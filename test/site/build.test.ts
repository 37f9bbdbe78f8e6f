import { readFileSync } from 'node:fs';
import path from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, readPage, type BuildResult } from '../helpers/build-site.ts';
import { fixtureRoot, fixturesDir } from '../helpers/fixture-root.ts';
import { languageName } from '../../src/i18n/format.ts';
import { textUnits } from '../helpers/text-units.ts';
import { webBasicsProblems } from '../helpers/web-basics.ts';

// The real Astro build on the real policies/, with "now" pinned to a day when
// 2025-07-01 is archived, 2026-03-15 is in force and 2026-12-15 is upcoming.
const NOW = '2026-11-26';
let build: BuildResult;

beforeAll(() => {
  build = buildSite({ now: NOW });
  expect(build.status, build.stderr + build.stdout).toBe(0);
});

// The one page that runs a script: the embeddable change notice, live.
const NOTICE_DEMO = /^[^/]+\/notice-demo\/index\.html$/;

const attr = (tree: Parameters<typeof select>[1], selector: string, name: string) =>
  String((select(selector, tree)?.properties as Record<string, unknown> | undefined)?.[name] ?? '');

describe('the built site', () => {
  it('has every page of the URL map in both locales', () => {
    const files = listFiles(build.out);
    for (const locale of ['en', 'es']) {
      for (const page of ['', 'privacy/', 'privacy/history/', 'privacy/upcoming/', 'privacy/2025-07-01/', 'privacy/2026-03-15/', 'privacy/2026-12-15/']) {
        expect(files, `${locale}/${page}`).toContain(`${locale}/${page}index.html`);
      }
    }
    expect(files).toContain('index.html');
  });

  it('shows the version in force at the stable URL, with the upcoming change announced', () => {
    const { tree } = readPage(build.out, 'en/privacy');
    const units = textUnits(tree);
    expect(units).toContain('Last updated: March 15, 2026');
    expect(textUnits(select('.status-box', tree)!)).toEqual([
      'Status',
      'In effect In effect since March 15, 2026.',
      'Last material change, on March 15, 2026: We added Cloudflare as a service provider, now keep security logs for 180 days instead of 90, and rewrote the Data Security section to make it clearer. What changed',
      expect.stringMatching(/^Change announced for December 15, 2026: .+ Read the updated policy · See what changes$/),
    ]);
    expect(units.some((u) => u.startsWith('Cloudflare |'))).toBe(true);
    const banner = select('aside.banner', tree)!;
    expect(textUnits(banner)[0]).toMatch(/^An updated policy takes effect on December 15, 2026\./);
    expect(attr(banner, 'a', 'href')).toBe('/en/privacy/2026-12-15/');
  });

  it('marks archived versions and links them to the current one', () => {
    for (const [locale, words] of [
      ['en', 'This version is no longer in effect. It applied from July 1, 2025 until March 15, 2026.'],
      ['es', 'Esta versión ya no está vigente. Se aplicó desde el 1 de julio de 2025 hasta el 15 de marzo de 2026.'],
    ] as const) {
      const { tree } = readPage(build.out, `${locale}/privacy/2025-07-01`);
      const banner = select('aside.banner.archived', tree)!;
      expect(textUnits(banner)[0]).toContain(words);
      expect(attr(banner, 'a', 'href')).toBe(`/${locale}/privacy/`);
    }
  });

  it('marks the upcoming version, at its permanent URL and at /upcoming/', () => {
    for (const page of ['en/privacy/2026-12-15', 'en/privacy/upcoming']) {
      const { tree } = readPage(build.out, page);
      expect(textUnits(select('aside.banner', tree)!)[0]).toMatch(/^This version takes effect on December 15, 2026\. Until then, the current policy applies\./);
      expect(attr(tree, 'link[rel=canonical]', 'href')).toBe('https://policies.infraux.com/en/privacy/2026-12-15/');
    }
  });

  it('sets lang, canonical URL, hreflang alternates and a language switcher', () => {
    const { tree } = readPage(build.out, 'es/privacy/2026-03-15');
    expect(attr(tree, 'html', 'lang')).toBe('es');
    expect(attr(tree, 'link[rel=canonical]', 'href')).toBe('https://policies.infraux.com/es/privacy/2026-03-15/');
    const alternates = selectAll('link[rel=alternate][hreflang]', tree).map((l) => `${l.properties.hrefLang} ${l.properties.href}`);
    expect(alternates).toEqual([
      'en https://policies.infraux.com/en/privacy/2026-03-15/',
      'es https://policies.infraux.com/es/privacy/2026-03-15/',
      'x-default https://policies.infraux.com/en/privacy/2026-03-15/',
    ]);
    expect(attr(tree, '.lang-switch a', 'href')).toBe('/en/privacy/2026-03-15/');
    expect(attr(tree, '.lang-switch a', 'lang')).toBe('en');
  });

  it('links every table-of-contents entry to a section whose id is the same in every version and locale', () => {
    const ids = (page: string) => selectAll('.policy h2[id], .policy h3[id]', readPage(build.out, page).tree).map((h) => String(h.properties.id));
    const first = ids('en/privacy/2025-07-01');
    expect(first).toContain('data-retention');
    expect(ids('es/privacy/2025-07-01')).toEqual(first);
    for (const later of ['en/privacy/2026-03-15', 'es/privacy/2026-12-15']) expect(ids(later)).toEqual(expect.arrayContaining(first));
    const { tree } = readPage(build.out, 'en/privacy/2025-07-01');
    const links = selectAll('nav.toc a', tree).map((a) => String(a.properties.href).slice(1));
    expect(links).toEqual(first);
  });

  it('ships no JavaScript, but for the change notice’s demo page, which loads only /policy-notice.js', () => {
    const files = listFiles(build.out);
    expect(files.filter((f) => f.endsWith('.js'))).toEqual(['policy-notice.js']);
    for (const file of files.filter((f) => f.endsWith('.html') && !NOTICE_DEMO.test(f)))
      expect(readFileSync(path.join(build.out, file), 'utf8'), file).not.toMatch(/<script/i);
    const demos = files.filter((f) => NOTICE_DEMO.test(f));
    expect(demos).toEqual(['en/notice-demo/index.html', 'es/notice-demo/index.html']);
    for (const file of demos) {
      const { html, tree } = readPage(build.out, path.dirname(file));
      expect(html.match(/<script/gi), file).toHaveLength(1);
      expect(selectAll('script', tree).map((s) => s.properties)).toEqual([{ type: 'module', src: '/policy-notice.js' }]);
    }
  });

  it('starts every page with the Content-Security-Policy and styles it from its own stylesheet only', () => {
    const pages = listFiles(build.out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(15);
    for (const file of pages) {
      const { tree } = readPage(build.out, path.dirname(file));
      const [charset, csp] = select('head', tree)!.children.filter((n) => n.type === 'element');
      expect(charset?.properties.charSet, file).toBe('utf-8');
      // The notice demo may run the site's own module and let it fetch from the site; no page may do more.
      const demo = NOTICE_DEMO.test(file);
      expect(csp?.properties, file).toEqual({
        httpEquiv: ['Content-Security-Policy'],
        content: `default-src 'none'; ${demo ? "script-src 'self'; connect-src 'self'" : "script-src 'none'"}; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'`,
      });
      expect(
        selectAll('script, style, [style]', tree).map((e) => e.tagName),
        file,
      ).toEqual(demo ? ['script'] : []);
      const sheets = selectAll('link[rel=stylesheet]', tree).map((l) => String(l.properties.href));
      expect(sheets, file).toEqual([expect.stringMatching(/^\/_astro\/[\w.-]+\.css$/)]);
      expect(readFileSync(path.join(build.out, sheets[0]!), 'utf8'), file).toContain('.skip-link');
      expect(select('meta[name=robots]', tree), file).toBeUndefined();
    }
  });

  it('lists every version on the history page, newest first', () => {
    const rows = textUnits(select('tbody', readPage(build.out, 'en/privacy/history').tree)!);
    expect(rows.map((r) => r.split(' | ').slice(0, 3).join(' | '))).toEqual([
      'December 15, 2026 | November 10, 2026 | Upcoming',
      'March 15, 2026 | February 1, 2026 | In effect',
      'July 1, 2025 | July 1, 2025 | No longer in effect',
    ]);
  });
});

describe('the legal center', () => {
  it('has the web basics on every page: description, Open Graph, favicon, feed, sitemap, robots.txt, 404', () => {
    expect(webBasicsProblems(build.out)).toEqual([]);
  });

  it('describes each page for search results and link previews, in its language', () => {
    const { tree } = readPage(build.out, 'es/privacy');
    expect(attr(tree, 'meta[name=description]', 'content')).toBe(
      'Política de Privacidad de InfraUX. Vigente desde el 15 de marzo de 2026. También se publican todas las versiones anteriores, los cambios y los datos.',
    );
    expect(attr(tree, 'meta[property="og:locale"]', 'content')).toBe('es_ES');
    expect(attr(tree, 'meta[property="og:locale:alternate"]', 'content')).toBe('en_US');
    expect(attr(tree, 'link[rel=privacy-policy]', 'href')).toBe('/es/privacy/');
    expect(attr(tree, 'link[type="application/atom+xml"]', 'href')).toBe('/es/privacy/feed.xml');
  });

  it('lists every policy in the navigation and marks the one shown', () => {
    const { tree } = readPage(build.out, 'en/privacy/history');
    expect(selectAll('.site-nav a', tree).map((a) => `${a.properties.href} ${a.properties.ariaCurrent ?? ''}`)).toEqual(['/en/privacy/ true']);
  });

  it('says "not stated" where the data states nothing, such as the marketing cookies’ purpose', () => {
    const en = textUnits(readPage(build.out, 'en/privacy/2025-07-01').tree);
    expect(en).toContain('Marketing cookies | Not stated | Only with your explicit consent | None named');
    const es = textUnits(readPage(build.out, 'es/privacy/2025-07-01').tree);
    expect(es.find((u) => u.startsWith('Cookies de marketing'))).toContain('| No indicado |');
  });

  it('lists each policy once on the home pages, with its kind and status', () => {
    const root = readPage(build.out, '');
    expect(selectAll('.policy-list > li > h2', root.tree).map((h) => textUnits(h)[0])).toEqual(['Privacy Policy']);
    expect(textUnits(select('.policy-list', root.tree)!)).toContain('Version history · Also in: Política de Privacidad (español)');
    const es = textUnits(select('.policy-list > li', readPage(build.out, 'es').tree)!);
    expect(es.slice(1, 4)).toEqual(['Política de Privacidad', 'Política de privacidad', 'Vigente desde el 15 de marzo de 2026.']);
  });

  it('compares every archived version with the version in force, on a page and as JSON', () => {
    const { tree } = readPage(build.out, 'en/privacy/2025-07-01/compare');
    const units = textUnits(tree);
    expect(units).toContain('Privacy Policy: what changed since July 1, 2025');
    expect(units).toContain(
      'March 15, 2026: Material change. We added Cloudflare as a service provider, now keep security logs for 180 days instead of 90, and rewrote the Data Security section to make it clearer. What changed',
    );
    expect(units).toContain('A further change takes effect on December 15, 2026; it is not included here. See what changes');
    expect(units.some((u) => u.startsWith('New processor: Cloudflare'))).toBe(true);
    const json = JSON.parse(readFileSync(path.join(build.out, 'api/v1/policies/privacy/compare/2025-07-01.json'), 'utf8'));
    expect([json.from, json.to, json.material, json.steps.map((s: { version: string }) => s.version)]).toEqual([
      '2025-07-01',
      '2026-03-15',
      true,
      ['2026-03-15'],
    ]);
    // Linked from the archived banner and the history page.
    expect(selectAll('aside.banner.archived a', readPage(build.out, 'es/privacy/2025-07-01').tree).map((a) => a.properties.href)).toContain(
      '/es/privacy/2025-07-01/compare/',
    );
    expect(selectAll('a', readPage(build.out, 'en/privacy/history').tree).map((a) => a.properties.href)).toContain('/en/privacy/2025-07-01/compare/');
  });

  it('names the fallback language in the reader’s language', () => {
    expect(languageName('en', 'es')).toBe('inglés');
    expect(languageName('es')).toBe('español');
  });
});

describe('the seed policy (version 2025-07-01)', () => {
  // Lines of the seed that the data components show in a table or list instead
  // of a sentence: each fact must still sit together in one row or item.
  const restructured: Record<string, string[]> = {
    'Last updated: July 1, 2025': ['Last updated: July 1, 2025'],
    'Essential cookies: To maintain your session and preferences': ['Essential cookies | To maintain your session and preferences'],
    'Analytics cookies: To understand how you use the platform (Mixpanel, PostHog)': [
      'Analytics cookies | To understand how you use the platform',
      'Mixpanel and PostHog',
    ],
    'Marketing cookies: Only with your explicit consent': ['Marketing cookies |', 'Only with your explicit consent'],
    'Paddle: Payment processing and billing': ['Paddle | Payment processing and billing'],
    'Mixpanel/PostHog: Usage analysis and product improvement': ['Mixpanel | Usage analysis and product improvement'],
    'AWS/GCP: Infrastructure hosting': ['AWS | Infrastructure hosting'],
    'SendGrid: Sending transactional emails': ['SendGrid | Sending transactional emails'],
    'Active account data: As long as you maintain your account': ['Active account data | As long as you maintain your account'],
    'Data after cancellation: 30 days to allow reactivation': ['Data after cancellation | 30 days', 'to allow reactivation'],
    'Billing records: 7 years for legal requirements': ['Billing records | 7 years | for legal requirements'],
    'Security logs: 90 days': ['Security logs | 90 days'],
    'Backups: Maximum 90 days after deletion': ['Backups | Maximum 90 days after deletion'],
    'Privacy Email: privacy@infraux.com': ['Privacy Email: privacy@infraux.com'],
    'Support Email: support@infraux.com': ['Support Email: support@infraux.com'],
    'Address: InfraUX Technologies': ['Address: InfraUX Technologies Cartagena, Colombia'],
    'Cartagena, Colombia': ['InfraUX Technologies Cartagena, Colombia'],
  };
  const seedLines = readFileSync(path.join(fixturesDir, 'seed/infraux-privacy-policy.txt'), 'utf8')
    .split('\n')
    .map((line) => line.replace(/^\s*(•|\d+\.(?!\d))\s*/, '').trim())
    .filter(Boolean);

  it('keeps every line of the English seed, word for word or as a row of its data', () => {
    const units = textUnits(readPage(build.out, 'en/privacy/2025-07-01').tree);
    const missing = seedLines.filter((line) => {
      const fragments = restructured[line];
      if (!fragments) return !units.some((u) => u.includes(line));
      return !units.some((u) => fragments.every((f) => u.includes(f)));
    });
    expect(missing).toEqual([]);
    // The processors grouped on one seed line are each their own row.
    for (const name of ['PostHog', 'GCP']) expect(units.some((u) => u.startsWith(`${name} |`))).toBe(true);
  });

  it('shows every fact of the seed on the Spanish page', () => {
    const page = readPage(build.out, 'es/privacy/2025-07-01');
    const units = textUnits(page.tree);
    const all = units.join('\n');
    expect(attr(page.tree, 'html', 'lang')).toBe('es');
    for (const fact of [
      'Última actualización: 1 de julio de 2025',
      'Paddle |',
      'Mixpanel |',
      'PostHog |',
      'AWS |',
      'GCP |',
      'SendGrid |',
      'Mientras mantenga su cuenta',
      '30 días después de la cancelación',
      '7 años',
      '90 días',
      'Máximo 90 días después de la eliminación',
      'Cookies esenciales |',
      'Cookies analíticas |',
      'Cookies de marketing |',
      'Solo con su consentimiento explícito',
      'Mixpanel y PostHog',
      'Acceso:',
      'Rectificación:',
      'Eliminación:',
      'Portabilidad:',
      'Oposición:',
      'Limitación:',
      'privacy@infraux.com',
      'support@infraux.com',
      'InfraUX Technologies Cartagena, Colombia',
      'Cláusulas Contractuales Tipo de la UE',
      'Certificaciones de privacidad',
      'Evaluaciones de impacto de privacidad',
      '18',
      '30 días',
    ]) {
      expect(all, fact).toContain(fact);
    }
    // Every translated label of the data shows up on the page.
    const source = readFileSync(path.resolve('policies/privacy/2025-07-01/es.mdx'), 'utf8');
    const labels = [...source.matchAll(/^ {2}[\w.-]+: (.+)$/gm)].map((m) => m[1]!.replace(/^"|"$/g, ''));
    expect(labels.length).toBeGreaterThan(40);
    for (const label of labels) expect(all, label).toContain(label);
  });
});

describe('the build with other inputs', () => {
  it('follows POLICY_NOW: on 2026-01-01 the seed version is in force and the next one, announced 2026-02-01, is not published yet', () => {
    const early = buildSite({ now: '2026-01-01' });
    expect(early.status, early.stderr).toBe(0);
    const { tree } = readPage(early.out, 'en/privacy');
    const units = textUnits(tree);
    expect(units).toContain('Last updated: July 1, 2025');
    expect(textUnits(select('.status-box', tree)!)).toEqual(['Status', 'In effect In effect since July 1, 2025.', 'The first version of this policy.']);
    expect(listFiles(early.out).filter((f) => /upcoming|2026-03-15|2026-12-15/.test(f))).toEqual([]);
  });

  it('fails on a bad policy file with its location and no stack trace, writing nothing', () => {
    const failed = buildSite({ now: NOW, policiesRoot: fixtureRoot(path.join(fixturesDir, 'invalid/unknown-component')) });
    expect(failed.status).toBe(1);
    const output = failed.stdout + failed.stderr;
    expect(output).toContain('policies/privacy/2025-07-01/en.mdx:57:1  <iframe> is not a component policies can use.');
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(listFiles(failed.out)).toEqual([]);
  });
});
