// Runs one Astro build in this process and prints {"ms", "maxRssMb"} as its
// last line, so `npm run bench` can read the wall time and peak memory of a
// build without a platform-specific `time`. Usage: bench-build-runner.ts <root> <outDir>
import { performance } from 'node:perf_hooks';
import { build } from 'astro';

const [root, outDir] = process.argv.slice(2);
const start = performance.now();
await build({ root, outDir, logLevel: 'error' });
process.stdout.write(`\n${JSON.stringify({ ms: Math.round(performance.now() - start), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
