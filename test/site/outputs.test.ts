import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, readPage, type BuildResult } from '../helpers/build-site.ts';
import { fixtureRoot, fixturesDir } from '../helpers/fixture-root.ts';
import { textUnits } from '../helpers/text-units.ts';
import { xmlProblems } from '../feeds/well-formed-xml.ts';

// The diffs, JSON and feeds of the real build of the real policies.
const NOW = '2026-11-26';
let build: BuildResult;
const json = (file: string) => JSON.parse(readFileSync(path.join(build.out, file), 'utf8'));

beforeAll(() => {
  build = buildSite({ now: NOW });
  expect(build.status, build.stderr + build.stdout).toBe(0);
});

describe('diff pages', () => {
  it('exist for every revision in both locales and are linked from the version, history and banner', () => {
    const files = listFiles(build.out);
    for (const page of ['en/privacy/2026-03-15/changes', 'es/privacy/2026-03-15/changes', 'en/privacy/2026-12-15/changes', 'es/privacy/2026-12-15/changes']) {
      expect(files).toContain(`${page}/index.html`);
    }
    expect(files).not.toContain('en/privacy/2025-07-01/changes/index.html');
    const links = (page: string) => selectAll('a', readPage(build.out, page).tree).map((a) => String(a.properties.href));
    expect(links('en/privacy/2026-03-15')).toContain('/en/privacy/2026-03-15/changes/');
    expect(links('es/privacy/history')).toEqual(expect.arrayContaining(['/es/privacy/2026-03-15/changes/', '/es/privacy/2026-12-15/changes/']));
    expect(selectAll('aside.banner a', readPage(build.out, 'en/privacy').tree).map((a) => a.properties.href)).toContain('/en/privacy/2026-12-15/changes/');
  });

  it('starts with a summary of the data changes in plain words, then the marked-up text', () => {
    const { tree } = readPage(build.out, 'en/privacy/2026-03-15/changes');
    const summary = textUnits(select('section[aria-labelledby=summary]', tree)!);
    expect(summary).toContain('New processor: Cloudflare (United States, EU Standard Contractual Clauses) material');
    expect(summary).toContain('Security logs kept 180 days instead of 90 days material');
    expect(summary).toContain('5. Data Security: Section changed');
    const retention = select('#diff-data-retention', tree)!;
    expect(textUnits(retention).find((u) => u.startsWith('Security logs'))).toBe(
      'Security logs | [removed] 90[added] 180 days | [removed] Not stated [added] to investigate security incidents',
    );
    // The old number, and the "not stated" the reason had before it was written.
    expect(selectAll('del', retention)).toHaveLength(2);
    // The retention table stays a table, its rows matched and the marks in their cells.
    const row = selectAll('table.diff-table tr', retention).find((tr) => toString(tr).startsWith('Security logs'))!;
    expect(selectAll('td', row).map((td) => toString(td))).toEqual([
      'Security logs',
      '[removed] 90[added] 180 days',
      '[removed] Not stated [added] to investigate security incidents',
    ]);
    expect(select('td del', row)).toBeTruthy();
    // And the data collected stays a list.
    expect(selectAll('#diff-personal-information ul li', tree).length).toBeGreaterThanOrEqual(3);
  });

  it('marks insertions and deletions for screen readers and without colour, in Spanish too', () => {
    const { html, tree } = readPage(build.out, 'es/privacy/2026-12-15/changes');
    expect(select('ins .visually-hidden', tree)).toBeTruthy();
    expect(html).toContain('<ins><span class="visually-hidden">[añadido] </span>');
    expect(html).toContain('Nuevo encargado: Intercom (Estados Unidos e Irlanda, Cláusulas Contractuales Tipo de la UE)');
    // The CSS-only toggle that hides unchanged sections.
    expect(select('#changed-only', tree)).toBeTruthy();
    expect(select('a.show-changed[href="#changed-only"]', tree)).toBeTruthy();
    expect(selectAll('.diff-section.unchanged', tree).length).toBeGreaterThan(5);
  });
});

describe('JSON API', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const schemaFor = (file: string) => {
    if (file === 'api/v1/index.json') return 'index';
    if (file === 'api/v1/notices.json') return 'notices';
    if (file.endsWith('/changes.json')) return 'changes';
    if (file.endsWith('/subprocessors.json')) return 'subprocessors';
    if (file.endsWith('/notice.json')) return 'notice';
    if (file.includes('/compare/')) return 'compare';
    return 'version';
  };

  it('validates every emitted document against its published JSON Schema', () => {
    const files = listFiles(build.out).filter((f) => f.startsWith('api/v1/') && f.endsWith('.json') && !f.includes('/schemas/'));
    // Six version documents; the index, notices, and one changes, sub-processors and notice document; one comparison per archived version.
    expect(files.length).toBe(3 * 2 + 5 + 1);
    expect(files).toContain('api/v1/policies/privacy/compare/2025-07-01.json');
    for (const file of files) {
      const name = schemaFor(file);
      if (!ajv.getSchema(name)) ajv.addSchema(json(`api/v1/schemas/${name}.schema.json`), name);
      const validate = ajv.getSchema(name)!;
      expect(validate(json(file)), `${file}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('indexes every version with status, dates, pages and source hashes', () => {
    const index = json('api/v1/index.json');
    const versions = index.policies[0].versions;
    expect(versions.map((v: { version: string; status: string; validUntil: string | null }) => [v.version, v.status, v.validUntil])).toEqual([
      ['2025-07-01', 'archived', '2026-03-15'],
      ['2026-03-15', 'current', '2026-12-15'],
      ['2026-12-15', 'upcoming', null],
    ]);
    const source = versions[0].locales.es.source;
    expect(source.path).toBe('policies/privacy/2025-07-01/es.mdx');
    expect(source.sha256).toBe(createHash('sha256').update(readFileSync(source.path)).digest('hex'));
  });

  it('publishes each version with all its data and its sections', () => {
    const doc = json('api/v1/policies/privacy/2025-07-01/es.json');
    expect(doc.data.retention.map((r: { period?: string; until?: string }) => r.period ?? r.until)).toEqual(['account-closure', 'P30D', 'P7Y', 'P90D', 'P90D']);
    expect(doc.data.processors.map((p: { name: string }) => p.name)).toEqual(['Paddle', 'Mixpanel', 'PostHog', 'AWS', 'GCP', 'SendGrid']);
    expect(doc.sections.find((s: { id: string }) => s.id === 'minors').text).toContain('menores de 18 años');
  });

  it('lists the upcoming revision in the notices document, with its redline and words per locale', () => {
    const { notices } = json('api/v1/notices.json');
    expect(notices).toHaveLength(1);
    const [notice] = notices;
    expect(notice).toMatchObject({
      id: 'privacy/2026-03-15..2026-12-15',
      status: 'due',
      announced: '2026-11-10',
      effective: '2026-12-15',
      noticeDate: '2026-11-10',
    });
    expect(notice.locales.en.events).toContain('New processor: Intercom (United States and Ireland, EU Standard Contractual Clauses)');
    expect(notice.locales.es.events).toContain('Copias de seguridad se conservan 60 días en lugar de 90 días');
    expect(notice.locales.es.diffUrl).toBe('https://policies.infraux.com/es/privacy/2026-12-15/changes/');
    expect(notice.locales.en.sections.map((s: { id: string }) => s.id)).toEqual(['service-providers', 'your-rights', 'data-retention']);
  });

  it('publishes the in-app notice of the upcoming change with the email notice’s id, words and links', () => {
    const doc = json('api/v1/policies/privacy/notice.json');
    const [email] = json('api/v1/notices.json').notices;
    expect(doc).toMatchObject({
      policy: 'privacy',
      now: NOW,
      upcoming: true,
      notice: { id: email.id, from: '2026-03-15', to: '2026-12-15', effective: '2026-12-15', announced: '2026-11-10', material: true, kind: 'material' },
    });
    for (const locale of ['en', 'es'])
      expect(doc.notice.locales[locale]).toMatchObject({
        summary: email.locales[locale].summary,
        events: email.locales[locale].events,
        redlineUrl: email.locales[locale].diffUrl,
        versionUrl: email.locales[locale].versionUrl,
      });
    expect(doc.notice.locales.en.heading).toBe('Privacy Policy: changes taking effect on December 15, 2026');
    expect(doc.notice.locales.es.heading).toBe('Política de Privacidad: cambios a partir del 15 de diciembre de 2026');
  });

  it('records every consecutive pair in the changes document, with the parts of each changed section', () => {
    const { changes } = json('api/v1/policies/privacy/changes.json');
    expect(changes.map((c: { from: string; to: string; material: boolean }) => [c.from, c.to, c.material])).toEqual([
      ['2025-07-01', '2026-03-15', true],
      ['2026-03-15', '2026-12-15', true],
    ]);
    type Section = { id: string; status: string; parts: Array<{ op: string; text: string }> };
    const sections = changes[0].locales.en.sections as Section[];
    const byId = (doc: { sections: Array<{ id: string; heading: string; text: string }> }, id: string) => doc.sections.find((s) => s.id === id)!;
    const [oldDoc, newDoc] = [json('api/v1/policies/privacy/2025-07-01/en.json'), json('api/v1/policies/privacy/2026-03-15/en.json')];
    // A changed section's equal+delete parts are the old text, equal+insert the new one.
    for (const section of sections.filter((s) => s.status === 'changed')) {
      const side = (skip: string) =>
        section.parts
          .filter((p) => p.op !== skip)
          .map((p) => p.text)
          .join('');
      expect(side('insert')).toBe(`${byId(oldDoc, section.id).heading}\n${byId(oldDoc, section.id).text}\n`);
      expect(side('delete')).toBe(`${byId(newDoc, section.id).heading}\n${byId(newDoc, section.id).text}\n`);
    }
    // Unchanged sections are listed without parts; their text is in the version documents.
    expect(sections.filter((s) => s.status === 'unchanged').every((s) => s.parts.length === 0)).toBe(true);
    expect(sections.filter((s) => s.status === 'changed').map((s) => s.id)).toEqual(['service-providers', 'data-security', 'data-retention']);
  });
});

describe('feeds', () => {
  it('publishes valid Atom per policy and locale and for the site, each entry linking its diff', () => {
    for (const [file, lang] of [
      ['en/privacy/feed.xml', 'en'],
      ['es/privacy/feed.xml', 'es'],
      ['feed.xml', 'en'],
    ] as const) {
      const xml = readFileSync(path.join(build.out, file), 'utf8');
      expect(xmlProblems(xml), file).toEqual([]);
      const feed = parseFeed(xml);
      expect(feed.meta.type).toBe('atom');
      expect(feed.items).toHaveLength(2);
      const [latest] = feed.items;
      expect(latest!.url).toBe(`https://policies.infraux.com/${lang}/privacy/2026-12-15/changes/`);
      expect(latest!.updated?.toISOString()).toBe('2026-11-10T00:00:00.000Z');
      expect(latest!.content).toContain(lang === 'en' ? 'New processor: Intercom' : 'Nuevo encargado: Intercom');
      expect(latest!.description).toMatch(lang === 'en' ? /^This version adds Intercom/ : /^Esta versión incorpora a Intercom/);
    }
  });
});

describe('the sub-processor list', () => {
  const SEED = ['Paddle', 'Mixpanel', 'PostHog', 'AWS', 'GCP', 'SendGrid'];

  it('lists the processors in force with the date each was added, from the versions’ data', () => {
    const doc = json('api/v1/policies/privacy/subprocessors.json');
    expect(doc.asOf).toBe('2026-03-15');
    // In the order the version lists them.
    expect(doc.processors.map((p: { name: string; since: string }) => [p.name, p.since])).toEqual([
      ...SEED.slice(0, 5).map((name) => [name, '2025-07-01']),
      ['Cloudflare', '2026-03-15'],
      ['SendGrid', '2025-07-01'],
    ]);
    const policy = json('api/v1/policies/privacy/2026-03-15/en.json');
    expect(doc.processors.map(({ id, name, locations, safeguard, url }: Record<string, unknown>) => ({ id, name, locations, safeguard, url }))).toEqual(
      policy.data.processors.map(({ id, name, locations, safeguard, url }: Record<string, unknown>) => ({ id, name, locations, safeguard, url })),
    );
    // The translation's label, as policies/privacy/2026-03-15/es.mdx gives it.
    expect(doc.processors[0].purpose).toEqual({ en: 'Payment processing and billing', es: 'Procesamiento de pagos y facturación' });
  });

  it('dates every addition, newest first, the announced one ahead of its effective date', () => {
    const doc = json('api/v1/policies/privacy/subprocessors.json');
    expect(doc.updates.map((u: { version: string; announced: string; upcoming: boolean }) => [u.version, u.announced, u.upcoming])).toEqual([
      ['2026-12-15', '2026-11-10', true],
      ['2026-03-15', '2026-02-01', false],
      ['2025-07-01', '2025-07-01', false],
    ]);
    expect(doc.updates[0].changes).toEqual([
      {
        type: 'added',
        id: 'intercom',
        name: 'Intercom',
        text: {
          en: ['New processor: Intercom (United States and Ireland, EU Standard Contractual Clauses)'],
          es: ['Nuevo encargado: Intercom (Estados Unidos e Irlanda, Cláusulas Contractuales Tipo de la UE)'],
        },
      },
    ]);
    expect(doc.updates[2].changes.map((c: { name: string }) => c.name)).toEqual(SEED);
  });

  it('has a page per locale linked from the policy, with the list, the announced change and the log', () => {
    for (const locale of ['en', 'es']) {
      const { tree, html } = readPage(build.out, `${locale}/privacy/subprocessors`);
      const rows = selectAll('#subprocessor-list tbody tr', tree);
      expect(rows).toHaveLength(7);
      expect(textUnits(select('#upcoming-title + p + ul', tree)!)).toEqual([
        locale === 'en'
          ? 'New processor: Intercom (United States and Ireland, EU Standard Contractual Clauses)'
          : 'Nuevo encargado: Intercom (Estados Unidos e Irlanda, Cláusulas Contractuales Tipo de la UE)',
      ]);
      expect(select('tr#update-2026-03-15', tree)).toBeTruthy();
      expect(html).toContain(`href="/${locale}/privacy/subprocessors/feed.xml"`);
      expect(readPage(build.out, `${locale}/privacy`).html).toContain(`href="/${locale}/privacy/subprocessors/"`);
    }
  });

  it('has an Atom feed per locale with one entry per change, published on its announcement', () => {
    for (const locale of ['en', 'es']) {
      const xml = readFileSync(path.join(build.out, `${locale}/privacy/subprocessors/feed.xml`), 'utf8');
      expect(xmlProblems(xml)).toEqual([]);
      const feed = parseFeed(xml);
      expect(feed.items.map((i) => [i.url, i.published?.toISOString()])).toEqual([
        [`https://policies.infraux.com/${locale}/privacy/subprocessors/#update-2026-12-15`, '2026-11-10T00:00:00.000Z'],
        [`https://policies.infraux.com/${locale}/privacy/subprocessors/#update-2026-03-15`, '2026-02-01T00:00:00.000Z'],
        [`https://policies.infraux.com/${locale}/privacy/subprocessors/#update-2025-07-01`, '2025-07-01T00:00:00.000Z'],
      ]);
      expect(feed.items[1]!.content).toContain(locale === 'en' ? 'New processor: Cloudflare' : 'Nuevo encargado: Cloudflare');
    }
  });
});

describe('the notice rule and determinism', () => {
  it('gives byte-identical JSON, feeds and pages from the same sources', () => {
    const again = buildSite({ now: NOW });
    expect(again.status).toBe(0);
    const files = listFiles(build.out).filter((f) => /\.(json|xml|html)$/.test(f));
    expect(listFiles(again.out).filter((f) => /\.(json|xml|html)$/.test(f))).toEqual(files);
    for (const file of files) expect(readFileSync(path.join(again.out, file)).equals(readFileSync(path.join(build.out, file))), file).toBe(true);
  });

  it('fails the build when a material change is announced too late, naming both dates and the earliest allowed one', () => {
    const failed = buildSite({ now: NOW, policiesRoot: fixtureRoot(path.join(fixturesDir, 'invalid/notice-period-too-short')) });
    expect(failed.status).toBe(1);
    expect(failed.stdout + failed.stderr).toContain(
      'policies/privacy/2026-03-01/en.mdx:3:12  This material change is announced on 2026-02-10 and takes effect on 2026-03-01, less than the notice period (P30D) later. The earliest allowed effective date is 2026-03-12.',
    );
  });

  it('fails the build when a version marked editorial carries a material data change', () => {
    const failed = buildSite({ now: NOW, policiesRoot: fixtureRoot(path.join(fixturesDir, 'invalid/editorial-with-material-change')) });
    expect(failed.status).toBe(1);
    expect(failed.stdout + failed.stderr).toContain(
      'This version is marked editorial but its data has a material change: "New processor: Cloudflare (United States, EU Standard Contractual Clauses)" (processors.cdn).',
    );
  });
});
