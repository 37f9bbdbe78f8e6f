// `npm run bench:cli [-- --runs N]`: how long the `policy` command takes to
// answer, as medians of N runs of each command, interleaved with `node -e 0`
// so machine drift lands on both sides of each ratio. Targets (issue 10):
// --help ≤ 150 ms, check ≤ 600 ms, diff of two seed versions ≤ 500 ms.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' } } });
const runs = Number(values.runs);
const repo = path.resolve(import.meta.dirname, '..');
const policy = ['scripts/with-compile-cache.mjs', 'scripts/policy.ts'];
const commands: Record<string, { args: string[]; target?: number }> = {
  'node -e 0': { args: ['-e', '0'] },
  'policy --help': { args: [...policy, '--help'], target: 150 },
  'policy check': { args: [...policy, 'check'], target: 600 },
  'policy diff (seed versions)': { args: [...policy, 'diff', 'policies/privacy/2026-03-15/en.mdx', 'policies/privacy/2026-12-15/en.mdx'], target: 500 },
};

function time(args: string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: repo, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, [] as number[]]));
// One unmeasured round fills the compile cache, as any earlier run on the machine would.
for (const { args } of Object.values(commands)) time(args);
for (let i = 0; i < runs; i++) for (const [name, { args }] of Object.entries(commands)) samples[name]!.push(time(args));

const base = median(samples['node -e 0']!);
const rows = Object.entries(commands).map(([name, { target }]) => {
  const ms = median(samples[name]!);
  const verdict = target === undefined ? '' : ms <= target ? `≤ ${target} ms: met` : `≤ ${target} ms: NOT met`;
  return `| ${name} | ${ms.toFixed(0)} | ${(ms / base).toFixed(1)}× | ${verdict} |`;
});
process.stdout.write(
  `Node ${process.version}, ${runs} runs each, interleaved; medians.\n\n| command | ms | × node -e 0 | target |\n| --- | ---: | ---: | --- |\n${rows.join('\n')}\n`,
);
