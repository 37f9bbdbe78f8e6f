import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/serve-static.ts';
import { noticesDocument } from '../../src/api/api-documents.ts';
import { noticeDocument } from '../../src/api/notice-document.ts';
import { buildSiteModel } from '../../src/site/site-model.ts';
import { buildSite } from '../helpers/build-site.ts';
import { fixtureRoot, fixturesDir } from '../helpers/fixture-root.ts';

/*
 * The <policy-notice> element in real Chromium, embedded cross-origin in a host
 * page whose Content-Security-Policy allows the site's scripts and fetches and
 * no styles at all. Site A is built on a day the privacy policy's material
 * change of 2026-12-15 is announced (2026-11-10) and not yet in effect. Site B
 * is the notice-order fixture on 2026-12-02: a privacy policy with nothing
 * upcoming, terms with an editorial change (2027-01-10) announced beside a
 * material one (2027-02-01), and an acceptable-use policy with only an
 * editorial one. The reader's clock is set in the page, so the result does not
 * depend on today's date.
 */
const NOW = '2026-11-26';
const FIXTURE_NOW = '2026-12-02';
const ID = 'privacy/2026-03-15..2026-12-15';
const READER_BEFORE = '2026-11-27T12:00:00Z';
const FIXTURE_READER = '2026-12-03T12:00:00Z';
const noticeOrder = path.join(fixturesDir, 'notice-order');
const axeSource = readFileSync(path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
const cors = { headers: { 'access-control-allow-origin': '*' } };

type Served = { origin: string; out: string; close(): Promise<void> };
let siteA: Served;
let siteB: Served;
let fixture: string;
let host: { origin: string; server: Server };
let browser: Browser;

async function serveSite(now: string, policiesRoot?: string): Promise<Served> {
  const build = buildSite({ now, ...(policiesRoot && { policiesRoot }) });
  expect(build.status, build.stderr + build.stdout).toBe(0);
  return { ...(await serveStatic(build.out, cors)), out: build.out };
}

/** One element's attributes; `$closed` gives it the host's own closed declarative shadow root instead. */
type Attrs = Record<string, string>;
const attribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

// The host app: one page whose markup and CSP come from the query, on an origin of its own. It may
// fetch from itself ('self'), as an app does its own API, and from `connect`. `elements` (JSON) puts several on one page.
function hostPage(params: URLSearchParams): { csp: string; html: string } {
  const site = params.get('site')!;
  const elements: Attrs[] = params.has('elements')
    ? JSON.parse(params.get('elements')!)
    : [Object.fromEntries(['policy', 'lang', 'src', 'editorial'].filter((name) => params.has(name)).map((name) => [name, params.get(name)!]))];
  const markup = elements
    .map((attrs) => {
      const list = Object.entries(attrs).filter(([name]) => name !== '$closed');
      const inside = attrs.$closed ? '<template shadowrootmode="closed"><p>The host’s own content</p></template>' : '';
      return `<policy-notice${list.map(([name, value]) => ` ${name}="${attribute(value)}"`).join('')}>${inside}</policy-notice>`;
    })
    .join('');
  const wrapped = params.has('wrap') ? `<div lang="${params.get('wrap')}">${markup}</div>` : markup;
  return {
    csp: `default-src 'none'; script-src ${site}; connect-src ${site} ${params.get('connect') ?? ''} 'self'; style-src 'none'`,
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host app</title><script type="module" src="${site}/policy-notice.js"></script></head><body><main><h1>Host app</h1><p>An app that embeds the notice.</p>${wrapped}<p><a href="#top">Next link</a></p></main></body></html>`,
  };
}

/** Files the host app serves itself, under /own/ (for a relative `src`). */
const hostFiles = new Map<string, string>();

async function serveHost(): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host');
    const own = hostFiles.get(url.pathname);
    if (own !== undefined) return void response.writeHead(200, { 'content-type': 'application/json' }).end(own);
    if (url.pathname !== '/') return void response.writeHead(404).end();
    const { csp, html } = hostPage(url.searchParams);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

beforeAll(async () => {
  siteA = await serveSite(NOW);
  fixture = fixtureRoot(noticeOrder);
  siteB = await serveSite(FIXTURE_NOW, fixture);
  host = await serveHost();
  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage'],
  });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([siteA?.close(), siteB?.close(), host && new Promise((resolve) => host.server.close(resolve))]);
  for (const site of [siteA, siteB]) if (site) rmSync(site.out, { recursive: true, force: true });
  if (fixture) rmSync(fixture, { recursive: true, force: true });
});

type Reader = { context: BrowserContext; page: Page; problems: string[] };

/** A fresh reader (own storage) whose clock says `at`, and who records CSP violations, errors and console output. */
async function reader(at: string, options: { noStorage?: boolean } = {}): Promise<Reader> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => problems.push(`console.${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
  await page.evaluateOnNewDocument(
    (iso: string, noStorage: boolean) => {
      const fixed = Date.parse(iso);
      const RealDate = Date;
      class ReaderDate extends RealDate {
        constructor(...args: unknown[]) {
          if (args.length) super(...(args as [number]));
          else super(fixed);
        }
        static override now() {
          return fixed;
        }
      }
      globalThis.Date = ReaderDate as DateConstructor;
      const violations: string[] = [];
      (window as unknown as { violations: string[] }).violations = violations;
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
      // A sandboxed frame or a browser's privacy mode: every use of localStorage throws.
      if (noStorage)
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
    },
    at,
    options.noStorage ?? false,
  );
  return { context, page, problems };
}

const hostUrl = (params: Record<string, string>) => `${host.origin}/?${new URLSearchParams(params)}`;

/** Opens a page and waits until every element has fetched and rendered (its shadow root exists, empty or not). */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => [...document.querySelectorAll('policy-notice')].every((e) => e.shadowRoot));
}

/** What an element (the first unless `index` says) shows: nothing (null), or its parts. */
const shown = (page: Page, index = 0) =>
  page.evaluate((i) => {
    const root = document.querySelectorAll('policy-notice')[i]!.shadowRoot!;
    const region = root.querySelector('[role=region]');
    if (!region) return root.childElementCount === 0 ? null : { unexpected: root.innerHTML };
    return {
      label: region.getAttribute('aria-label'),
      lang: region.getAttribute('lang'),
      heading: region.querySelector('strong')?.textContent,
      paragraphs: [...region.querySelectorAll('p')].map((p) => p.textContent),
      events: [...region.querySelectorAll('li')].map((li) => li.textContent),
      links: [...region.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]),
      button: region.querySelector('button')?.textContent,
      images: region.querySelectorAll('img').length,
      background: getComputedStyle(region).backgroundColor,
      border: getComputedStyle(region).borderInlineStartWidth,
    };
  }, index);

/** What every element of the page shows. */
const shownAll = async (page: Page) => {
  const count = await page.evaluate(() => document.querySelectorAll('policy-notice').length);
  return Promise.all(Array.from({ length: count }, (_, i) => shown(page, i)));
};

const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

async function axe(page: Page) {
  // DevTools' evaluation is not the page's script, so the host's CSP does not stop it (checked below).
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run(context: unknown, options: unknown): Promise<{ violations: unknown[]; passes: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }>;
        };
      }
    ).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return {
      violations: result.violations,
      // A target into a shadow root is an array of selectors: host first, then inside it.
      shadowPasses: result.passes
        .filter((p) => p.nodes.some((n) => Array.isArray(n.target[0]) && (n.target[0] as string[])[0] === 'policy-notice'))
        .map((p) => p.id),
    };
  });
}

describe('<policy-notice> embedded cross-origin under a strict CSP', () => {
  it('shows the Spanish notice before the effective date, styled, with no CSP violation and no axe violation', async () => {
    const { context, page, problems } = await reader(READER_BEFORE);
    await open(page, hostUrl({ site: siteA.origin, policy: 'privacy', lang: 'es' }));
    const notice = await shown(page);
    expect(notice).toMatchObject({
      label: 'Aviso de cambios: Política de Privacidad',
      lang: 'es',
      heading: 'Política de Privacidad: cambios a partir del 15 de diciembre de 2026',
      events: [
        'Nuevo encargado: Intercom (Estados Unidos e Irlanda, Cláusulas Contractuales Tipo de la UE)',
        'Copias de seguridad se conservan 60 días en lugar de 90 días',
        'Nuevo derecho: Queja',
      ],
      links: [
        ['Leer la nueva versión', 'https://policies.infraux.com/es/privacy/2026-12-15/'],
        ['Ver qué cambia', 'https://policies.infraux.com/es/privacy/2026-12-15/changes/'],
      ],
      button: 'Cerrar este aviso',
      // The constructed stylesheet applies although the host allows no style at all.
      background: 'rgb(255, 248, 225)',
      border: '6px',
    });
    expect(notice?.paragraphs?.[1]).toMatch(/^Esta versión incorpora a Intercom/);
    expect(await violations(page)).toEqual([]);

    const light = await axe(page);
    expect(light.violations).toEqual([]);
    expect(light.shadowPasses).toEqual(expect.arrayContaining(['color-contrast', 'link-name', 'button-name', 'list', 'aria-allowed-role']));
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect((await shown(page))?.background).toBe('rgb(43, 35, 18)');
    const dark = await axe(page);
    expect(dark.violations).toEqual([]);
    expect(dark.shadowPasses).toContain('color-contrast');
    // Neither the module, its fetch, its styles nor axe's evaluation met the CSP.
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);
    // And the CSP is in force: a <style> element, which the notice never uses, is refused and reported.
    await page.evaluate(() => document.head.append(Object.assign(document.createElement('style'), { textContent: 'main { color: red }' })));
    await page.waitForFunction(() => (window as unknown as { violations: string[] }).violations.length > 0);
    expect(await violations(page)).toEqual([expect.stringMatching(/^style-src-elem /)]);
    await context.close();
  });

  it('matches the nearest ancestor’s language by its primary subtag, with - or _ and in any case', async () => {
    const { context, page } = await reader(READER_BEFORE);
    await open(page, hostUrl({ site: siteA.origin, policy: 'privacy', wrap: 'es-CO' }));
    expect((await shown(page))?.lang).toBe('es');
    await open(page, hostUrl({ site: siteA.origin, policy: 'privacy', wrap: 'es_CO' }));
    expect((await shown(page))?.lang).toBe('es');
    const langs = ['es_ES', 'ES_co', 'ES', 'fr', 'EN_gb'];
    await open(page, hostUrl({ site: siteA.origin, elements: JSON.stringify(langs.map((lang) => ({ policy: 'privacy', lang }))) }));
    expect((await shownAll(page)).map((n) => n?.lang)).toEqual(['es', 'es', 'es', 'en', 'en']);
    await context.close();
  });

  it('hides after dismissal, remembered per notice id across reloads, with focus kept at the element', async () => {
    const { context, page, problems } = await reader(READER_BEFORE);
    const url = hostUrl({ site: siteA.origin, policy: 'privacy', lang: 'es' });
    await open(page, url);
    await (await page.$('policy-notice >>> button'))!.click();
    expect(await shown(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('policy-notice');
    expect(await page.evaluate((key) => localStorage.getItem(key), `policy-notice:dismissed:${siteA.origin}/${ID}`)).toBe('2026-11-27');
    // The next Tab goes on from the notice's place, to the link after it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Next link');

    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('policy-notice')?.shadowRoot);
    expect(await shown(page)).toBeNull();

    // Another change has another id, so it is shown. Its texts try HTML and a script link: they stay text, and the link is left out.
    const notice = JSON.parse(readFileSync(path.join(siteA.out, 'api/v1/policies/privacy/notice.json'), 'utf8'));
    notice.notice.id = 'privacy/2026-12-15..2027-06-01';
    notice.notice.locales.es.summary = '<img src=x onerror="document.title=1">Resumen';
    notice.notice.locales.es.events = ['<b>negrita</b>'];
    notice.notice.locales.es.versionUrl = 'javascript:alert(1)';
    writeFileSync(path.join(siteA.out, 'other-notice.json'), JSON.stringify(notice));
    await open(page, hostUrl({ site: siteA.origin, src: `${siteA.origin}/other-notice.json`, lang: 'es' }));
    expect(await shown(page)).toMatchObject({
      paragraphs: [expect.any(String), '<img src=x onerror="document.title=1">Resumen', expect.any(String)],
      events: ['<b>negrita</b>'],
      links: [['Ver qué cambia', 'https://policies.infraux.com/es/privacy/2026-12-15/changes/']],
      images: 0,
    });
    expect(await page.title()).toBe('Host app');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('hides every element showing the dismissed notice, in this tab and in others, but not another site’s notice of the same id', async () => {
    // Site B serves a copy of site A's notice: the same id, from another origin (another site built with this generator).
    writeFileSync(path.join(siteB.out, 'same-id.json'), readFileSync(path.join(siteA.out, 'api/v1/policies/privacy/notice.json')));
    const { context, page, problems } = await reader(READER_BEFORE);
    const url = hostUrl({
      site: siteA.origin,
      connect: siteB.origin,
      elements: JSON.stringify([
        { policy: 'privacy', lang: 'en' },
        { policy: 'privacy', lang: 'es' },
        { src: `${siteB.origin}/same-id.json`, lang: 'en' },
      ]),
    });
    await open(page, url);
    const otherTab = await context.newPage();
    await open(otherTab, url);
    expect((await shownAll(page)).map((n) => n?.lang)).toEqual(['en', 'es', 'en']);

    await page.bringToFront();
    await (await page.$('policy-notice >>> button'))!.click();
    expect((await shownAll(page)).map((n) => n?.lang ?? null)).toEqual([null, null, 'en']);
    expect(await page.evaluate(() => document.activeElement === document.querySelector('policy-notice'))).toBe(true);
    const stored = (key: string) => page.evaluate((k) => localStorage.getItem(k), key);
    expect(await stored(`policy-notice:dismissed:${siteA.origin}/${ID}`)).toBe('2026-11-27');
    expect(await stored(`policy-notice:dismissed:${siteB.origin}/${ID}`)).toBeNull();
    // The other tab hears of it through the `storage` event.
    // A tab in the background runs no animation frames, so this polls by time.
    await otherTab.waitForFunction(() => document.querySelector('policy-notice')!.shadowRoot!.childElementCount === 0, { polling: 50, timeout: 5000 });
    expect((await shownAll(otherTab)).map((n) => n?.lang ?? null)).toEqual([null, null, 'en']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows nothing for a malformed notice, and never a wrong text', async () => {
    const doc = JSON.parse(readFileSync(path.join(siteA.out, 'api/v1/policies/privacy/notice.json'), 'utf8'));
    const en = doc.notice.locales.en;
    const cases: Array<[string, (notice: Record<string, unknown>, text: Record<string, unknown>) => unknown]> = [
      ['notice a string', () => 'abc'],
      ['notice an array', (n) => [n]],
      ['id empty', (n) => void (n.id = '')],
      ['id a number', (n) => void (n.id = 42)],
      ['effective garbage', (n) => void (n.effective = 'garbage')],
      ['effective 2026-13-45', (n) => void (n.effective = '2026-13-45')],
      ['effective 2027-02-30, no such day', (n) => void (n.effective = '2027-02-30')],
      ['effective with a time', (n) => void (n.effective = '2026-12-15T00:00:00Z')],
      ['announced missing', (n) => void delete n.announced],
      ['material "false"', (n) => void (n.material = 'false')],
      ['material missing', (n) => void delete n.material],
      ['locales "abc"', (n) => void (n.locales = 'abc')],
      ['locales [T]', (n) => void (n.locales = [en])],
      ['locales {en: {}}', (n) => void (n.locales = { en: {} })],
      ['locales {en: null}', (n) => void (n.locales = { en: null })],
      ['locales {}', (n) => void (n.locales = {})],
      ['heading an object', (_, t) => void (t.heading = { a: 1 })],
      ['summary null', (_, t) => void (t.summary = null)],
      ['regionLabel 42', (_, t) => void (t.regionLabel = 42)],
      ['dismissLabel empty', (_, t) => void (t.dismissLabel = '')],
      ['readLabel missing', (_, t) => void delete t.readLabel],
      ['events a string', (_, t) => void (t.events = 'abc')],
      ['events [42]', (_, t) => void (t.events = [42])],
      ['events [null]', (_, t) => void (t.events = [null])],
    ];
    const files = cases.map(([name, edit], i) => {
      const notice = structuredClone(doc.notice);
      const replaced = edit(notice, notice.locales.en);
      writeFileSync(path.join(siteA.out, `malformed-${i}.json`), JSON.stringify({ ...doc, notice: replaced === undefined ? notice : replaced }));
      return [name, `${siteA.origin}/malformed-${i}.json`] as [string, string];
    });
    // JSON.parse makes "__proto__" an own key: the only locale must not be taken for the reader's.
    writeFileSync(
      path.join(siteA.out, 'malformed-proto.json'),
      JSON.stringify({ ...doc, notice: { ...doc.notice, locales: '@' } }).replace('"locales":"@"', `"locales":{"__proto__":${JSON.stringify(en)}}`),
    );
    files.push(['locales {"__proto__": T}', `${siteA.origin}/malformed-proto.json`]);
    const { context, page, problems } = await reader(READER_BEFORE);
    // The first element, the notice as published, shows that the page works.
    const elements = [{ policy: 'privacy', lang: 'en' }, ...files.map(([, src]) => ({ src, lang: 'en' }))];
    await open(page, hostUrl({ site: siteA.origin, elements: JSON.stringify(elements) }));
    const [valid, ...malformed] = await shownAll(page);
    expect(valid?.heading).toBe(en.heading);
    expect(Object.fromEntries(files.map(([name], i) => [name, malformed[i]]))).toEqual(Object.fromEntries(files.map(([name]) => [name, null])));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows at most 20 events, links only absolute http(s) URLs, and reads a relative src from the host page', async () => {
    const doc = JSON.parse(readFileSync(path.join(siteA.out, 'api/v1/policies/privacy/notice.json'), 'utf8'));
    const variant = (name: string, edit: (text: Record<string, unknown>) => void) => {
      const notice = structuredClone(doc.notice);
      edit(notice.locales.en);
      writeFileSync(path.join(siteA.out, `${name}.json`), JSON.stringify({ ...doc, notice }));
      return `${siteA.origin}/${name}.json`;
    };
    const many = variant('many-events', (t) => void (t.events = Array.from({ length: 200_000 }, (_, i) => `Event ${i + 1}`)));
    const noLinks = variant('no-links', (t) => Object.assign(t, { versionUrl: 'https:javascript:alert(1)', redlineUrl: 'data:text/html,<b>x</b>' }));
    const oneLink = variant('one-link', (t) => Object.assign(t, { versionUrl: '/en/privacy/', redlineUrl: 'HTTPS://Example.COM/changes' }));
    hostFiles.set(
      '/own/notice.json',
      JSON.stringify({ ...doc, notice: { ...doc.notice, locales: { en: { ...doc.notice.locales.en, heading: 'The host’s own copy' } } } }),
    );
    const { context, page, problems } = await reader(READER_BEFORE);
    const elements = [many, noLinks, oneLink, 'own/notice.json'].map((src) => ({ src, lang: 'en' }));
    await open(page, hostUrl({ site: siteA.origin, elements: JSON.stringify(elements) }));
    const [first, second, third, relative] = await shownAll(page);
    expect(first?.events).toEqual(Array.from({ length: 20 }, (_, i) => `Event ${i + 1}`));
    expect(second?.links).toEqual([]);
    expect(third?.links).toEqual([['See what changes', 'https://example.com/changes']]);
    expect(relative?.heading).toBe('The host’s own copy');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('leaves a host’s closed declarative shadow root alone, with no error', async () => {
    const { context, page, problems } = await reader(READER_BEFORE);
    const elements = [
      { policy: 'privacy', lang: 'en', $closed: '1' },
      { policy: 'privacy', lang: 'en' },
    ];
    await page.goto(hostUrl({ site: siteA.origin, elements: JSON.stringify(elements) }), { waitUntil: 'networkidle0' });
    await page.waitForFunction(() => document.querySelectorAll('policy-notice')[1]!.shadowRoot?.childElementCount);
    expect(await page.evaluate(() => document.querySelector('policy-notice')!.shadowRoot)).toBeNull();
    expect((await shown(page, 1))?.lang).toBe('en');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('still hides a dismissed notice for the page view when localStorage throws', async () => {
    const { context, page, problems } = await reader(READER_BEFORE, { noStorage: true });
    await open(page, hostUrl({ site: siteA.origin, policy: 'privacy', lang: 'es' }));
    await (await page.$('policy-notice >>> button'))!.click();
    expect(await shown(page)).toBeNull();
    // A second element on the same page view knows it was dismissed.
    await page.evaluate(() => document.querySelector('main')!.append(document.createElement('policy-notice')));
    await page.evaluate(() => document.querySelectorAll('policy-notice')[1]!.setAttribute('policy', 'privacy'));
    await page.waitForFunction(() => document.querySelectorAll('policy-notice')[1]?.shadowRoot);
    expect(await page.evaluate(() => document.querySelectorAll('policy-notice')[1]!.shadowRoot!.childElementCount)).toBe(0);
    // Nothing was stored, so the next page view shows it again.
    await open(page, hostUrl({ site: siteA.origin, policy: 'privacy', lang: 'es' }));
    expect(await shown(page)).not.toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows nothing once the reader’s UTC date reaches the effective date', async () => {
    for (const [at, visible] of [
      ['2026-12-14T23:59:59Z', true],
      ['2026-12-15T00:00:00Z', false],
      ['2027-03-01T09:00:00Z', false],
    ] as const) {
      const { context, page } = await reader(at);
      await open(page, hostUrl({ site: siteA.origin, policy: 'privacy', lang: 'es' }));
      expect((await shown(page)) !== null, at).toBe(visible);
      await context.close();
    }
  });

  it('shows nothing for a policy with no upcoming change, an unknown policy or a failed fetch, and says nothing', async () => {
    const { context, page, problems } = await reader(READER_BEFORE);
    for (const params of [
      { site: siteB.origin, policy: 'privacy', lang: 'es' },
      { site: siteA.origin, policy: 'no-such-policy' },
      { site: siteA.origin, src: `${siteA.origin}/policy-notice.js` },
    ] as Array<Record<string, string>>) {
      await open(page, hostUrl(params));
      expect(await shown(page), JSON.stringify(params)).toBeNull();
    }
    // The 404 of the unknown policy is the browser's own line, not the element's.
    expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
    await context.close();
  });

  it('runs on the site’s own demo page under the site’s CSP', async () => {
    const { context, page, problems } = await reader(READER_BEFORE);
    await open(page, `${siteA.origin}/en/notice-demo/`);
    expect((await shown(page))?.heading).toBe('Privacy Policy: changes taking effect on December 15, 2026');
    expect((await axe(page)).violations).toEqual([]);
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says on the demo page why the element shows nothing: no change announced, or an editorial one', async () => {
    const { context, page, problems } = await reader(FIXTURE_READER);
    await open(page, `${siteB.origin}/en/notice-demo/`);
    const sections = await page.evaluate(() =>
      [...document.querySelectorAll('main section')].map((section) => ({
        title: section.querySelector('h3')?.textContent,
        banner: section.querySelector('policy-notice')!.shadowRoot!.querySelector('strong')?.textContent ?? null,
        says: [...section.querySelectorAll(':scope > p')].map((p) => p.textContent).filter((text) => !text?.includes('JSON')),
      })),
    );
    expect(sections).toEqual([
      {
        title: 'Acceptable Use Policy',
        banner: null,
        says: ['The change announced for this policy is editorial, so the element shows nothing unless it has the editorial attribute.'],
      },
      { title: 'Privacy Policy', banner: null, says: ['No change to this policy is announced, so the element shows nothing.'] },
      // The material change, not the editorial one announced with it for an earlier date.
      { title: 'Terms of Service', banner: 'Terms of Service: changes taking effect on February 1, 2027', says: [] },
    ]);
    expect((await axe(page)).violations).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('noticeDocument', () => {
  it('is the earliest announced material change, the email’s first, even behind an editorial one; else the earliest editorial one', () => {
    const model = buildSiteModel(fixture, FIXTURE_NOW, false);
    const policy = (id: string) => model.policies.find((p) => p.id === id)!;
    const terms = noticeDocument(policy('terms'), FIXTURE_NOW).notice;
    const emails = noticesDocument(model).notices;
    expect(emails.map((n) => n.id)).toEqual(['terms/2027-01-10..2027-02-01']);
    expect(terms).toMatchObject({ id: emails[0]!.id, from: '2027-01-10', to: '2027-02-01', effective: '2027-02-01', material: true, kind: 'material' });
    expect(terms?.locales.en.heading).toBe('Terms of Service: changes taking effect on February 1, 2027');
    expect(terms?.locales.es.heading).toBe('Terms of Service: cambios a partir del 1 de febrero de 2027');
    expect(noticeDocument(policy('acceptable-use'), FIXTURE_NOW)).toMatchObject({
      upcoming: true,
      notice: { id: 'acceptable-use/2026-01-01..2027-01-10', material: false, kind: 'editorial' },
    });
    expect(noticeDocument(policy('privacy'), FIXTURE_NOW)).toMatchObject({ upcoming: false, notice: null });
    // Once the editorial version is in force, the material one is still the notice.
    expect(noticeDocument(buildSiteModel(fixture, '2027-01-15', false).policies.find((p) => p.id === 'terms')!, '2027-01-15').notice?.id).toBe(
      'terms/2027-01-10..2027-02-01',
    );
  });
});

describe('notice.json', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);

  it('is readable cross-origin and valid against its published schema, with a material, an editorial and no notice', async () => {
    const response = await fetch(`${siteA.origin}/api/v1/schemas/notice.schema.json`);
    const validate = ajv.compile(await response.json());
    for (const [site, policy, id] of [
      [siteA, 'privacy', ID],
      [siteB, 'privacy', null],
      [siteB, 'terms', 'terms/2027-01-10..2027-02-01'],
      [siteB, 'acceptable-use', 'acceptable-use/2026-01-01..2027-01-10'],
    ] as const) {
      const res = await fetch(`${site.origin}/api/v1/policies/${policy}/notice.json`);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      const doc = await res.json();
      expect(validate(doc), ajv.errorsText(validate.errors)).toBe(true);
      expect(doc.upcoming).toBe(id !== null);
      expect(doc.notice?.id ?? null).toBe(id);
    }
    // Other static hosts get the same header from _headers.
    expect(readFileSync(path.join(siteA.out, '_headers'), 'utf8')).toMatch(
      /^\/api\/\*\n {2}Access-Control-Allow-Origin: \*\n\/policy-notice\.js\n {2}Access-Control-Allow-Origin: \*$/m,
    );
  });
});
