import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/serve-static.ts';
import { buildSite } from '../helpers/build-site.ts';

/*
 * The <policy-notice> element in real Chromium, embedded cross-origin in a host
 * page whose Content-Security-Policy allows the site's scripts and fetches and
 * no styles at all. Site A is built on a day the privacy policy's material
 * change of 2026-12-15 is announced (2026-11-10) and not yet in effect; site B
 * after it took effect, with nothing upcoming. The reader's clock is set in the
 * page, so the result does not depend on today's date.
 */
const NOW = '2026-11-26';
const AFTER = '2026-12-20';
const ID = 'privacy/2026-03-15..2026-12-15';
const READER_BEFORE = '2026-11-27T12:00:00Z';
const axeSource = readFileSync(path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
const cors = { headers: { 'access-control-allow-origin': '*' } };

type Served = { origin: string; out: string; close(): Promise<void> };
let siteA: Served;
let siteB: Served;
let host: { origin: string; server: Server };
let browser: Browser;

async function serveSite(now: string): Promise<Served> {
  const build = buildSite({ now });
  expect(build.status, build.stderr + build.stdout).toBe(0);
  return { ...(await serveStatic(build.out, cors)), out: build.out };
}

// The host app: one page whose markup and CSP come from the query, on an origin of its own.
function hostPage(params: URLSearchParams): { csp: string; html: string } {
  const site = params.get('site')!;
  const attrs = ['policy', 'lang', 'src', 'editorial']
    .filter((name) => params.has(name))
    .map((name) => ` ${name}="${params.get(name)}"`)
    .join('');
  const element = `<policy-notice${attrs}></policy-notice>`;
  const wrapped = params.has('wrap') ? `<div lang="${params.get('wrap')}">${element}</div>` : element;
  return {
    csp: `default-src 'none'; script-src ${site}; connect-src ${site}; style-src 'none'`,
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host app</title><script type="module" src="${site}/policy-notice.js"></script></head><body><main><h1>Host app</h1><p>An app that embeds the notice.</p>${wrapped}<p><a href="#top">Next link</a></p></main></body></html>`,
  };
}

async function serveHost(): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host');
    if (url.pathname !== '/') return void response.writeHead(404).end();
    const { csp, html } = hostPage(url.searchParams);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

beforeAll(async () => {
  siteA = await serveSite(NOW);
  siteB = await serveSite(AFTER);
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

/** What the first element shows: nothing (null), or its parts. */
const shown = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('policy-notice')!.shadowRoot!;
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
  });

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

  it('matches the nearest ancestor’s language by its primary subtag', async () => {
    const { context, page } = await reader(READER_BEFORE);
    await open(page, hostUrl({ site: siteA.origin, policy: 'privacy', wrap: 'es-CO' }));
    expect((await shown(page))?.lang).toBe('es');
    await open(page, hostUrl({ site: siteA.origin, policy: 'privacy', lang: 'fr' }));
    expect((await shown(page))?.lang).toBe('en');
    await context.close();
  });

  it('hides after dismissal, remembered per notice id across reloads, with focus kept at the element', async () => {
    const { context, page, problems } = await reader(READER_BEFORE);
    const url = hostUrl({ site: siteA.origin, policy: 'privacy', lang: 'es' });
    await open(page, url);
    await (await page.$('policy-notice >>> button'))!.click();
    expect(await shown(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('policy-notice');
    expect(await page.evaluate((id) => localStorage.getItem(`policy-notice:dismissed:${id}`), ID)).toBe('2026-11-27');
    // The next Tab goes on from the notice's place, to the link after it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Next link');

    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('policy-notice')?.shadowRoot);
    expect(await shown(page)).toBeNull();

    // Another change has another id, so it is shown. Its texts try HTML and a script link: they stay text.
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
      links: [
        ['Leer la nueva versión', null],
        ['Ver qué cambia', 'https://policies.infraux.com/es/privacy/2026-12-15/changes/'],
      ],
      images: 0,
    });
    expect(await page.title()).toBe('Host app');
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
    expect((await shown(page))?.heading).toBe('Our Privacy Policy changes on December 15, 2026');
    expect((await axe(page)).violations).toEqual([]);
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('notice.json', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);

  it('is readable cross-origin and valid against its published schema, with and without a notice', async () => {
    const response = await fetch(`${siteA.origin}/api/v1/schemas/notice.schema.json`);
    const validate = ajv.compile(await response.json());
    for (const [site, upcoming] of [
      [siteA, true],
      [siteB, false],
    ] as const) {
      const res = await fetch(`${site.origin}/api/v1/policies/privacy/notice.json`);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      const doc = await res.json();
      expect(validate(doc), ajv.errorsText(validate.errors)).toBe(true);
      expect(doc.upcoming).toBe(upcoming);
      expect(doc.notice?.id ?? null).toBe(upcoming ? ID : null);
    }
    // Other static hosts get the same header from _headers.
    expect(readFileSync(path.join(siteA.out, '_headers'), 'utf8')).toMatch(
      /^\/api\/\*\n {2}Access-Control-Allow-Origin: \*\n\/policy-notice\.js\n {2}Access-Control-Allow-Origin: \*$/m,
    );
  });
});
