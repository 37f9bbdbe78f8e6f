// Runs pa11y-ci (WCAG 2.1 AA, axe and HTML_CodeSniffer) in Debian's Chromium
// over every page of the built site in dist/, served on 127.0.0.1.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('index.html'))
  .map(
    (f) =>
      `/${f
        .split(path.sep)
        .join('/')
        .replace(/index\.html$/, '')}`,
  )
  .sort();

const server = await serveStatic(dist);
const config = {
  defaults: {
    standard: 'WCAG2AA',
    runners: ['axe', 'htmlcs'],
    timeout: 60_000,
    // Higher concurrency fails at random in this Chromium ("Target.closeTarget").
    concurrency: 1,
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
      ],
    },
  },
  urls: pages.map((p) => `${server.origin}${p}`),
};
const configFile = path.join(tmpdir(), `pa11y-ci-${process.pid}.json`);
writeFileSync(configFile, JSON.stringify(config, null, 2));
console.log(`pa11y-ci: checking ${pages.length} pages with axe and htmlcs (WCAG2AA)`);
// Async spawn: the server above runs on this process's event loop and must keep answering.
const child = spawn('pa11y-ci', ['--config', configFile], { stdio: 'inherit' });
const [code] = (await once(child, 'exit')) as [number | null];
await server.close();
process.exit(code ?? 1);
