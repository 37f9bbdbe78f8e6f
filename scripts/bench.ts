// The build benchmark: `npm run bench [-- --large] [-- --sizes small,medium] [-- --repeats 3]`.
// In one run it times a plain Astro 7 build of the same MDX files (a minimal
// page per file, none of our pipeline) and the full pipeline (pages, diff
// pages, JSON, feeds), then a rebuild with nothing changed and one with a
// single version edited. It reports wall time, the ratio to the baseline,
// phases, pages per second, peak memory and output bytes, as JSON and Markdown,
// and the page weight of the real site.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateCorpus, SIZES } from './bench-corpus.ts';

const repo = path.resolve(import.meta.dirname, '..');
const work = path.join(repo, '.bench');
const { values } = parseArgs({ options: { large: { type: 'boolean' }, sizes: { type: 'string' }, repeats: { type: 'string', default: '3' } } });
// Baseline and pipeline builds alternate, so machine drift lands on both sides of each ratio.
const repeats = Math.max(1, Number(values.repeats));
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sizes = values.sizes ? values.sizes.split(',') : ['small', 'medium', ...(values.large ? ['large'] : [])];
const NOW = '2026-11-26';

interface Run {
  ms: number;
  maxRssMb: number;
  phases?: { loadMs: number; renderMs: number; diffMs: number };
}

function runBuild(root: string, outDir: string, env: Record<string, string>): Run {
  const timings = path.join(work, 'timings.json');
  rmSync(timings, { force: true });
  const result = spawnSync(process.execPath, [path.join(repo, 'scripts/bench-build-runner.ts'), root, outDir], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1', POLICY_TIMINGS_FILE: timings },
  });
  if (result.status !== 0) throw new Error(`The build in ${root} failed:\n${result.stderr.slice(-4000)}${result.stdout.slice(-2000)}`);
  const run = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Run;
  if (existsSync(timings)) run.phases = JSON.parse(readFileSync(timings, 'utf8'));
  return run;
}

function dirStats(dir: string): { bytes: number; pages: number } {
  let bytes = 0;
  let pages = 0;
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(path.join(dir, file));
    if (!stat.isFile()) continue;
    bytes += stat.size;
    if (file.endsWith('.html')) pages++;
  }
  return { bytes, pages };
}

// The baseline: plain Astro 7 with @astrojs/mdx and a content collection, one
// minimal page per MDX file, the data components as empty stubs.
function baselineProject(dir: string, corpus: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'src/pages'), { recursive: true });
  cpSync(path.join(corpus, 'policies'), path.join(dir, 'policies'), { recursive: true });
  // MDX reads `{#id}` as JavaScript; plain Astro gets headings without the pinned ids.
  for (const file of readdirSync(path.join(dir, 'policies'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'))) {
    const full = path.join(dir, 'policies', file);
    writeFileSync(full, readFileSync(full, 'utf8').replace(/ \{#[a-z0-9-]+\}$/gm, ''));
  }
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    "import mdx from '@astrojs/mdx';\nexport default { integrations: [mdx()], devToolbar: { enabled: false } };\n",
  );
  writeFileSync(
    path.join(dir, 'src/content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { policies: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './policies' }) }) };\n",
  );
  writeFileSync(path.join(dir, 'src/Stub.astro'), '<span></span>\n');
  writeFileSync(
    path.join(dir, 'src/pages/[...slug].astro'),
    `---
import { getCollection, render } from 'astro:content';
import Stub from '../Stub.astro';
export async function getStaticPaths() {
  return (await getCollection('policies')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
const stubs = Object.fromEntries(['DataCollected', 'Purposes', 'Processors', 'RetentionTable', 'Cookies', 'Rights', 'TransferSafeguards', 'Contact', 'Email', 'MinimumAge', 'NoticePeriod', 'ResponseTime'].map((n) => [n, Stub]));
---
<html lang="en"><head><meta charset="utf-8" /><title>{String(entry.data.title)}</title></head><body><Content components={stubs} /></body></html>
`,
  );
}

const results: Array<Record<string, unknown>> = [];
for (const name of sizes) {
  const size = SIZES[name];
  if (!size) throw new Error(`Unknown size "${name}"; use small, medium or large.`);
  const corpus = path.join(work, `corpus-${name}`);
  rmSync(corpus, { recursive: true, force: true });
  const files = generateCorpus(corpus, size);
  const env = { POLICIES_ROOT: corpus, POLICY_LOCALES: size.locales.join(','), POLICY_NOW: NOW };
  console.error(`${name}: ${files} MDX files; building the baseline...`);

  const baselineDir = path.join(work, `baseline-${name}`);
  baselineProject(baselineDir, corpus);
  const out = path.join(work, `out-${name}`);
  const baselines: Run[] = [];
  const colds: Run[] = [];
  for (let round = 1; round <= repeats; round++) {
    console.error(`${name}: round ${round} of ${repeats}: the baseline, then the full pipeline, cold...`);
    rmSync(path.join(work, `out-baseline-${name}`), { recursive: true, force: true });
    rmSync(path.join(baselineDir, 'node_modules/.astro'), { recursive: true, force: true });
    baselines.push(runBuild(baselineDir, path.join(work, `out-baseline-${name}`), {}));
    rmSync(out, { recursive: true, force: true });
    rmSync(path.join(repo, 'node_modules/.astro'), { recursive: true, force: true });
    rmSync(path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'policy-as-code'), { recursive: true, force: true });
    colds.push(runBuild(repo, out, env));
  }
  const ratios = colds.map((c, i) => c.ms / baselines[i]!.ms);
  // The medians of each side, and the pipeline run nearest its median for its phases.
  const baseline: Run = { ms: median(baselines.map((b) => b.ms)), maxRssMb: Math.max(...baselines.map((b) => b.maxRssMb)) };
  const coldMs = median(colds.map((c) => c.ms));
  const cold: Run = { ...colds.find((c) => c.ms === coldMs)!, maxRssMb: Math.max(...colds.map((c) => c.maxRssMb)) };
  const baselineStats = dirStats(path.join(work, `out-baseline-${name}`));
  const stats = dirStats(out);
  console.error(`${name}: rebuild with nothing changed...`);
  const warm = runBuild(repo, out, env);

  // Edit one version, as an author would, and record it in the lock.
  const edited = `policies/policy-0/${readdirSync(path.join(corpus, 'policies/policy-0'))
    .filter((d) => /^\d/.test(d))
    .sort()
    .at(-1)}/en.mdx`;
  const text = readFileSync(path.join(corpus, edited), 'utf8').replace(/\n\n(\w)/, '\n\nEdited. $1');
  writeFileSync(path.join(corpus, edited), text);
  const lockFile = path.join(corpus, 'policies/lock.json');
  const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
  lock.files[edited].sha256 = createHash('sha256').update(text).digest('hex');
  writeFileSync(lockFile, JSON.stringify(lock));
  // Its translations now name a stale source; the bench keeps them current like a translator would.
  const hash = lock.files[edited].sha256.slice(0, 12);
  for (const locale of size.locales.slice(1)) {
    const file = edited.replace(/en\.mdx$/, `${locale}.mdx`);
    const translated = readFileSync(path.join(corpus, file), 'utf8').replace(/^source: .+$/m, `source: "${hash}"`);
    writeFileSync(path.join(corpus, file), translated);
    lock.files[file].sha256 = createHash('sha256').update(translated).digest('hex');
  }
  writeFileSync(lockFile, JSON.stringify(lock));
  console.error(`${name}: rebuild with one version edited...`);
  const oneEdit = runBuild(repo, out, env);

  results.push({
    size: name,
    files,
    baseline: { ms: baseline.ms, maxRssMb: baseline.maxRssMb, pages: baselineStats.pages, bytes: baselineStats.bytes },
    cold: {
      ...cold,
      pages: stats.pages,
      bytes: stats.bytes,
      ratio: +median(ratios).toFixed(2),
      ratios: ratios.map((r) => +r.toFixed(2)),
      pagesPerSecond: Math.round(stats.pages / (cold.ms / 1000)),
    },
    unchanged: { ...warm, ratioToCold: +(warm.ms / cold.ms).toFixed(2) },
    oneEdit: { ...oneEdit, ratioToCold: +(oneEdit.ms / cold.ms).toFixed(2) },
  });
}

// Page weight of the real site: the seed policy's page and a diff page, gzipped HTML plus CSS.
const realOut = path.join(work, 'out-real');
rmSync(realOut, { recursive: true, force: true });
runBuild(repo, realOut, { POLICY_NOW: NOW });
const weight = (page: string) => {
  const html = readFileSync(path.join(realOut, page, 'index.html'), 'utf8');
  const css = [...html.matchAll(/href="(\/_astro\/[^"]+\.css)"/g)].map((m) => readFileSync(path.join(realOut, m[1]!)));
  const scripts = (html.match(/<script/g) ?? []).length;
  return { gzipBytes: gzipSync(html).length + css.reduce((n, c) => n + gzipSync(c).length, 0), scripts };
};
const policyPage = weight('en/privacy/2025-07-01');
const diffPage = weight('en/privacy/2026-03-15/changes');
const pageWeight = { policyPage, diffPage, diffToPolicy: +(diffPage.gzipBytes / policyPage.gzipBytes).toFixed(2) };

const report = { node: process.version, cpus: (await import('node:os')).cpus().length, results, pageWeight };
writeFileSync(path.join(work, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
const s = (ms: number) => (ms / 1000).toFixed(1);
const rows = results.map((r) => {
  const { baseline, cold, unchanged, oneEdit } = r as {
    baseline: Run & { pages: number; bytes: number };
    cold: Run & { pages: number; bytes: number; ratio: number; ratios: number[]; pagesPerSecond: number };
    unchanged: Run & { ratioToCold: number };
    oneEdit: Run & { ratioToCold: number };
  };
  const phases = cold.phases
    ? `${s(cold.phases.loadMs)} / ${s(cold.phases.renderMs)} / ${s(cold.phases.diffMs)} / ${s(cold.ms - cold.phases.loadMs - cold.phases.renderMs - cold.phases.diffMs)}`
    : '';
  const spread = `${Math.min(...cold.ratios)}–${Math.max(...cold.ratios)}`;
  return `| ${r.size} | ${r.files} | ${s(baseline.ms)} | ${s(cold.ms)} | ${cold.ratio}× (${spread}) | ${phases} | ${cold.pages} | ${cold.pagesPerSecond} | ${s(unchanged.ms)} (${unchanged.ratioToCold}×) | ${s(oneEdit.ms)} (${oneEdit.ratioToCold}×) | ${baseline.maxRssMb} / ${cold.maxRssMb} | ${(cold.bytes / 1e6).toFixed(1)} |`;
});
console.log(
  `Build benchmark, Node ${process.version}, ${report.cpus} CPUs; medians of ${repeats} alternating baseline and pipeline builds per size, ratio as median (min–max)\n`,
);
console.log(
  '| size | MDX files | baseline s | pipeline s | ratio | phases s: load / render / diff / Astro pages+files | pages | pages/s | rebuild, unchanged s | rebuild, 1 edit s | peak RSS MB (baseline / pipeline) | output MB |',
);
console.log('| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
console.log(rows.join('\n'));
console.log(
  `\nPage weight (gzipped HTML + CSS, JavaScript: ${policyPage.scripts + diffPage.scripts} scripts): seed policy page ${(policyPage.gzipBytes / 1024).toFixed(1)} KB, diff page ${(diffPage.gzipBytes / 1024).toFixed(1)} KB (${pageWeight.diffToPolicy}× the policy page).`,
);
console.log(`\nJSON: ${path.relative(repo, path.join(work, 'results.json'))}`);
