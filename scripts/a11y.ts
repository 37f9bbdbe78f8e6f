// Runs pa11y-ci (WCAG 2.1 AA, axe and HTML_CodeSniffer) in Debian's Chromium
// over every page of a built site (dist/ unless given), served on 127.0.0.1,
// once in the light and once in the dark colour scheme: the stylesheet has a
// `prefers-color-scheme: dark` part, and a contrast failure there is as real as
// one in the light theme. Every line of the report names its scheme.
// `npm run test:a11y:kinds` (scripts/a11y-kinds.ts) runs this same script on the three-kinds site.
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { serveStatic } from './serve-static.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error(`No built site in ${dist}. Run \`npm run build\` first.`);
  process.exit(2);
}
if (!existsSync(chromium)) {
  console.error(`Chromium is not at ${chromium}. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(2);
}

/**
 * How Chromium is told the reader's preference: Blink's `preferredColorScheme`
 * setting (0 dark, 1 light), given at launch, as an OS in dark mode would. It
 * switches the media query and the browser's own colours under
 * `color-scheme: light dark`. The light run says so too, so a desktop in dark
 * mode cannot turn it dark. pa11y-ci launches the browser and opens the pages
 * itself, so a launch flag is the one switch it lets through;
 * test/scripts/a11y.test.ts proves each scheme catches only its own failure.
 */
const SCHEMES = [
  { name: 'light', flag: '--blink-settings=preferredColorScheme=1' },
  { name: 'dark', flag: '--blink-settings=preferredColorScheme=0' },
] as const;
type Scheme = (typeof SCHEMES)[number]['name'];

interface Pa11yCiReport {
  total: number;
  passes: number;
  results: Record<string, Array<{ message: string }>>;
}
type Pa11yCi = (urls: string[], options: Record<string, unknown>) => Promise<Pa11yCiReport>;
const pa11yCi = createRequire(import.meta.url)('pa11y-ci') as Pa11yCi;

// Every HTML file, 404.html included: a folder's index.html by its folder's address.
const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.html'))
  .map(
    (f) =>
      `/${f
        .split(path.sep)
        .join('/')
        .replace(/(^|\/)index\.html$/, '$1')}`,
  )
  .sort();

// One Chromium checks one page at a time: a second page in the same browser fails at
// random ("Protocol error (Target.closeTarget)"). Several browsers at once do not, and
// most of a page's time is pa11y waiting for the network to be idle, so each scheme gets
// its own browsers, as many as there are cores (at most 4), each a share of the pages.
const browsersPerScheme = Math.max(1, Math.min(4, availableParallelism(), pages.length));
const shards = Array.from({ length: browsersPerScheme }, (_, shard) => pages.filter((_, i) => i % browsersPerScheme === shard));

const server = await serveStatic(dist);
const width = SCHEMES.reduce((w, s) => Math.max(w, s.name.length), 0);
// pa11y-ci's own report, each line prefixed with the scheme. The counts it prints first and last
// are of one browser's share of the pages, so they are left out: the summary below counts each scheme.
const SHARE_COUNTS = [/^Running Pa11y on \d+ URLs:$/, /^\s*[✔✘] \d+\/\d+ URLs passed$/];
const logFor = (scheme: Scheme) => {
  const write = (message: string) => {
    if (SHARE_COUNTS.some((pattern) => pattern.test(stripAnsi(message)))) return;
    for (const line of message.split('\n')) console.log(line ? `${scheme.padEnd(width)} ${line}` : '');
  };
  return { info: write, error: write };
};
const run = (scheme: (typeof SCHEMES)[number], share: string[]) =>
  pa11yCi(
    share.map((p) => `${server.origin}${p}`),
    {
      standard: 'WCAG2AA',
      runners: ['axe', 'htmlcs'],
      timeout: 60_000,
      concurrency: 1,
      // A fresh browser context per page, pa11y-ci's default, made a run a quarter slower alone
      // and 2.5 times slower beside a second browser; the pages keep no state (no script, no cookie).
      useIncognitoBrowserContext: false,
      log: logFor(scheme.name),
      wrapWidth: process.stdout.columns ? process.stdout.columns - width - 1 : undefined,
      chromeLaunchConfig: {
        executablePath: chromium,
        args: [
          '--no-sandbox',
          '--headless',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          scheme.flag,
        ],
      },
    },
  );

const started = Date.now();
console.log(
  `pa11y-ci: checking ${pages.length} pages in the ${SCHEMES.map((s) => s.name).join(' and ')} colour schemes with axe and htmlcs (WCAG2AA), ${browsersPerScheme} browser${browsersPerScheme === 1 ? '' : 's'} per scheme`,
);
const reports = await Promise.all(
  SCHEMES.map(async (scheme) => {
    const shares = await Promise.all(shards.map((share) => run(scheme, share)));
    // A page whose check crashed (a browser error such as Puppeteer's ProtocolError, not an
    // accessibility issue, which always names its runner and selector) is checked once more,
    // alone, so a rare browser hiccup does not fail the run; a second crash stays a failure.
    const crashed = shares
      .flatMap((r) => Object.entries(r.results).filter(([, issues]) => issues.some((i) => i instanceof Error || !('runner' in i))))
      .map(([url]) => url);
    if (crashed.length === 0) return { scheme: scheme.name, reports: shares };
    const again = await run(
      scheme,
      crashed.map((url) => url.slice(server.origin.length)),
    );
    for (const r of shares) for (const url of crashed) if (url in r.results) r.results[url] = again.results[url] ?? [];
    const passes = (r: Pa11yCiReport) => Object.values(r.results).filter((issues) => issues.length === 0).length;
    return { scheme: scheme.name, reports: shares.map((r) => ({ ...r, passes: passes(r) })) };
  }),
);
await server.close();

console.log('');
let failed = false;
for (const { scheme, reports: shares } of reports) {
  const passes = shares.reduce((n, r) => n + r.passes, 0);
  const failing = shares.flatMap((r) => Object.keys(r.results).filter((url) => r.results[url]!.length > 0)).map((url) => url.slice(server.origin.length));
  failed ||= passes < pages.length;
  console.log(
    passes === pages.length
      ? `✔ ${scheme}: ${passes}/${pages.length} pages passed`
      : `✘ ${scheme}: ${passes}/${pages.length} pages passed; failed in the ${scheme} scheme: ${failing.sort().join(' ')}`,
  );
}
console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
// pa11y-ci's exit code for pages with errors.
process.exit(failed ? 2 : 0);

function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
