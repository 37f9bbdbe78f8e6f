import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The live preview authors use: `npm run dev`, a policy edited while a page is open.
const repo = path.resolve(import.meta.dirname, '../..');
const PORT = 4000 + Math.floor(Math.random() * 1000);
const url = (p: string) => `http://127.0.0.1:${PORT}${p}`;
let server: ChildProcess;
let root: string;
let log = '';
const draft = () => path.join(root, 'policies/privacy/2026-12-15/en.mdx');
const edit = (file: string, from: string | RegExp, to: string) => {
  const text = readFileSync(file, 'utf8');
  expect(text).toMatch(from);
  writeFileSync(file, text.replace(from, to));
};

/** Fetches a page until `ready` accepts its text, up to `ms`; returns the text and how long it took. */
async function poll(p: string, ready: (html: string) => boolean, ms = 15_000): Promise<{ html: string; elapsed: number }> {
  const start = Date.now();
  let html = '';
  while (Date.now() - start < ms) {
    html = await fetch(url(p))
      .then((r) => r.text())
      .catch(() => '');
    if (ready(html)) return { html, elapsed: Date.now() - start };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${p} did not change within ${ms} ms:\n${html.slice(0, 300)}\n${log.slice(-2000)}`);
}

beforeAll(async () => {
  // Not under node_modules/, which Vite's file watcher ignores.
  root = mkdtempSync(path.join(tmpdir(), 'policy-dev-'));
  cpSync(path.join(repo, 'policies'), path.join(root, 'policies'), { recursive: true });
  // On 2026-11-01 the 2026-12-15 version is a draft, which authors may still edit; the preview shows it.
  server = spawn(process.execPath, [path.join(repo, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(PORT), '--host', '127.0.0.1'], {
    cwd: repo,
    // Vitest's own variables (NODE_ENV=test, VITEST…) would make Astro's dev server serve nothing.
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST')),
      POLICIES_ROOT: root,
      POLICY_NOW: '2026-11-01',
      POLICY_DRAFTS: '1',
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
    },
  });
  server.stdout!.on('data', (d) => (log += d));
  server.stderr!.on('data', (d) => (log += d));
  await poll('/en/privacy/2026-12-15/', (html) => html.includes('Intercom'), 60_000);
}, 90_000);

afterAll(() => {
  server?.kill();
  rmSync(root, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('shows an edit of a policy file on the next load, without a restart', async () => {
    edit(draft(), /^(We .*)$/m, 'LIVE-EDIT-1 $1');
    const { html, elapsed } = await poll('/en/privacy/2026-12-15/', (h) => h.includes('LIVE-EDIT-1'));
    expect(html).toContain('LIVE-EDIT-1');
    process.stdout.write(`dev server showed the edit after ${elapsed} ms\n`);
  });

  it('shows a translation left stale by the edit as a warning on the page, not an error', async () => {
    const { html } = await poll('/es/privacy/2026-12-15/', (h) => h.includes('dev-warnings'));
    expect(html).toMatch(/<aside class="dev-warnings" role="alert"[^>]*>/);
    expect(html).toContain('policies/privacy/2026-12-15/es.mdx:');
    expect(html).toContain('This translation is stale');
  });

  it('shows a problem check would report in Astro’s error overlay, with the file, line and hint', async () => {
    edit(draft(), /^minimumAge: 18$/m, 'minimumAge: eighteen');
    const browser = await puppeteer.launch({
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(url('/en/privacy/2026-12-15/'));
      const overlay = await page.waitForFunction(
        () => {
          const root = document.querySelector('vite-error-overlay')?.shadowRoot;
          const code = root?.querySelector('#code')?.textContent ?? '';
          return code.includes('en.mdx:') && `${root?.querySelector('#message-content')?.textContent}\n${code}`;
        },
        { timeout: 20_000 },
      );
      const text = String(await overlay.jsonValue());
      expect(text).toContain('"minimumAge" should be a number, not "eighteen".');
      expect(text).toMatch(/2026-12-15\/en\.mdx:\d+:13/);
    } finally {
      await browser.close();
    }
    edit(draft(), /^minimumAge: eighteen$/m, 'minimumAge: 18');
    await poll('/en/privacy/2026-12-15/', (h) => h.includes('LIVE-EDIT-1'));
  }, 60_000);

  it('picks up a new version folder and a deleted one', async () => {
    const next = path.join(root, 'policies/privacy/2027-06-01');
    cpSync(path.dirname(draft()), next, { recursive: true });
    edit(path.join(next, 'en.mdx'), /^effective: 2026-12-15$/m, 'effective: 2027-06-01');
    edit(path.join(next, 'en.mdx'), /^announced: 2026-11-10$/m, 'announced: 2026-12-01');
    await poll('/en/privacy/history/', (h) => h.includes('/en/privacy/2027-06-01/'));
    rmSync(next, { recursive: true });
    await poll('/en/privacy/history/', (h) => h.includes('/en/privacy/2026-12-15/') && !h.includes('/en/privacy/2027-06-01/'));
  }, 60_000);
});
