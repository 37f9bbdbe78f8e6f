import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';

const repo = path.resolve(import.meta.dirname, '../..');
const astroBin = path.join(repo, 'node_modules/astro/bin/astro.mjs');

/** The outcome of one real `astro build`. */
export interface BuildResult {
  status: number | null;
  out: string;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real Astro build of this repository into a fresh folder, with
 * "now" pinned so statuses are reproducible, optionally on fixture policies.
 */
export function buildSite(options: { now: string; policiesRoot?: string; out?: string; cacheDir?: string }): BuildResult {
  // Astro writes its prerender bundle to the project's .astro/ folder whatever the
  // cache and output folders, so two builds at once would load each other's
  // chunks: test files run in parallel, their builds one at a time.
  return withBuildLock(() => runBuild(options));
}

const lockDir = path.join(repo, 'node_modules/.cache/policy-as-code-build.lock');

function withBuildLock<T>(work: () => T): T {
  mkdirSync(path.dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      // A lock left by a test process that died is taken over after ten minutes.
      if (Date.now() - (statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 600_000) rmSync(lockDir, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function runBuild(options: { now: string; policiesRoot?: string; out?: string; cacheDir?: string }): BuildResult {
  const out = options.out ?? mkdtempSync(path.join(tmpdir(), 'policy-build-'));
  // A fresh Astro cache unless given one: parallel test builds must not share the incremental-build manifest.
  const cacheDir = options.cacheDir ?? mkdtempSync(path.join(tmpdir(), 'policy-astro-cache-'));
  const result = spawnSync(process.execPath, [astroBin, 'build', '--outDir', out], {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      POLICY_NOW: options.now,
      ...(options.policiesRoot ? { POLICIES_ROOT: options.policiesRoot } : {}),
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
      ASTRO_CACHE_DIR: cacheDir,
    },
  });
  return { status: result.status, out, stdout: result.stdout, stderr: result.stderr };
}

/** Reads a built page by its URL path, parsed into a hast tree. */
export function readPage(out: string, urlPath: string) {
  const html = readFileSync(path.join(out, urlPath, 'index.html'), 'utf8');
  return { html, tree: fromHtml(html) };
}

/** Every file of a build, relative, sorted. */
export function listFiles(out: string): string[] {
  return readdirSync(out, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}
