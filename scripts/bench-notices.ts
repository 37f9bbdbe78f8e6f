// Benchmark of the change-notice job: `npm run bench:notices`. Sends the real
// upcoming notice to 10,000 subscribers through a local SMTP sink (a separate
// process, so it does not share the job's event loop) and reports messages per
// second and peak memory. Not a test: timings vary by machine.
import { fork } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { noticesDocument } from '../src/api/api-documents.ts';
import { Ledger } from '../src/notices/ledger.ts';
import { readSubscribers } from '../src/notices/read-subscribers.ts';
import { sendNotices } from '../src/notices/send-notices.ts';
import { buildSiteModel } from '../src/site/site-model.ts';

const COUNT = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const NOW = '2026-11-26';
const dir = mkdtempSync(path.join(tmpdir(), 'bench-notices-'));

// The sink: smtp-server in a child process, counting and discarding messages.
const sink = fork(path.join(import.meta.dirname, 'smtp-sink.ts'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const port = await new Promise<number>((resolve) => sink.once('message', (m) => resolve((m as { port: number }).port)));

const feed = noticesDocument(buildSiteModel(process.cwd(), NOW));
const csv = path.join(dir, 'subscribers.csv');
writeFileSync(csv, `email,locale\n${Array.from({ length: COUNT }, (_, i) => `reader${i}@example.com,${i % 3 === 0 ? 'es' : 'en'}`).join('\n')}\n`);
const { subscribers } = readSubscribers(csv, 'en');
const ledger = new Ledger(path.join(dir, 'ledger.db'), { site: feed.site });

const start = performance.now();
const report = await sendNotices({ feed, subscribers, ledger, now: NOW, mode: 'send', smtp: `smtp://127.0.0.1:${port}`, connections: CONNECTIONS });
const seconds = (performance.now() - start) / 1000;
ledger.close();
sink.kill();

const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `Change-notice job: ${COUNT.toLocaleString('en')} subscribers, ${CONNECTIONS} pooled connections, ledger with synchronous=FULL, Node ${process.version}\n`,
);
console.log('| messages sent | seconds | messages/s | peak RSS (MB) |\n| ---: | ---: | ---: | ---: |');
console.log(`| ${report.sent.toLocaleString('en')} | ${seconds.toFixed(1)} | ${(report.sent / seconds).toFixed(0)} | ${peakMb.toFixed(0)} |`);
console.log('\nTarget: at least 300 messages per second on a 2-core machine.');
if (report.sent !== COUNT) {
  console.error(`Only ${report.sent} of ${COUNT} sent: ${report.aborted ?? report.failed[0]?.reason ?? ''}`);
  process.exitCode = 1;
}
