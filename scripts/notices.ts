// The change-notice email job: `npm run notices -- --feed <path|URL> --subscribers <csv> --ledger <path> ...`.
// Exit codes: 0 all delivered, 1 something not delivered or bad rows, 2 bad usage or unusable input, 3 internal error.
import { parseArgs } from 'node:util';
import { handleInternalErrors } from '../src/cli/internal-error.ts';
import { isLocale, sourceLocale } from '../src/config.ts';
import { resolveNow } from '../src/content/resolve-now.ts';
import { Ledger } from '../src/notices/ledger.ts';
import { readNoticeFeed } from '../src/notices/read-notice-feed.ts';
import { readSubscribers } from '../src/notices/read-subscribers.ts';
import { sendNotices } from '../src/notices/send-notices.ts';

handleInternalErrors('notices');

const USAGE = `Usage: npm run notices -- --feed <path or URL of notices.json> --subscribers <CSV: email,locale> --ledger <path>
       [--smtp <smtp:// or smtps:// URL>] [--now YYYY-MM-DD] [--dry-run] [--out DIR]
       [--connections N] [--rate N per second] [--retries N] [--backoff-ms N] [--from "Name <address>"] [--unsubscribe-url https://…{email}]
  SMTP_URL may stand in for --smtp. Sends each due notice to each subscriber once; the ledger remembers.
`;

function fail(code: number, message: string): never {
  process.stderr.write(`${message}\n${code === 2 ? `\n${USAGE}` : ''}`);
  process.exit(code);
}

// biome-ignore lint/suspicious/noImplicitAnyLet: typed by the parseArgs call that assigns it below.
let values;
try {
  ({ values } = parseArgs({
    options: {
      feed: { type: 'string' },
      subscribers: { type: 'string' },
      ledger: { type: 'string' },
      smtp: { type: 'string' },
      now: { type: 'string' },
      'dry-run': { type: 'boolean' },
      out: { type: 'string' },
      connections: { type: 'string', default: '4' },
      rate: { type: 'string' },
      retries: { type: 'string', default: '4' },
      'backoff-ms': { type: 'string', default: '500' },
      from: { type: 'string' },
      'unsubscribe-url': { type: 'string' },
      help: { type: 'boolean' },
    },
  }));
} catch (error) {
  fail(2, (error as Error).message);
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const smtp = values.smtp ?? process.env.SMTP_URL;
const mode = values['dry-run'] ? 'dry-run' : values.out ? 'out' : 'send';
if (!values.feed || !values.subscribers) fail(2, 'Give both --feed and --subscribers.');
if (mode === 'send' && !values.ledger) fail(2, 'Give --ledger <path>: it is how each notice goes to each subscriber only once.');
if (mode === 'send' && !smtp) fail(2, 'Give --smtp smtp://user:pass@host:587 (or set SMTP_URL), or use --dry-run or --out DIR.');
if (smtp && !/^smtps?:\/\//.test(smtp)) fail(2, `--smtp must be an smtp:// or smtps:// URL, not "${smtp.replace(/\/\/[^@]*@/, '//…@')}".`);
const numbers = Object.fromEntries(
  (['connections', 'rate', 'retries', 'backoff-ms'] as const).map((k) => [k, values[k] === undefined ? undefined : Number(values[k])]),
);
for (const [key, value] of Object.entries(numbers))
  if (value !== undefined && !(Number.isInteger(value) && value >= 0)) fail(2, `--${key} must be a whole number.`);

let now: string;
try {
  now = resolveNow(values.now ? { POLICY_NOW: values.now } : process.env);
} catch (error) {
  fail(2, (error as Error).message.replace('POLICY_NOW', '--now'));
}

let feed: Awaited<ReturnType<typeof readNoticeFeed>>;
let list: ReturnType<typeof readSubscribers>;
try {
  feed = await readNoticeFeed(values.feed);
  list = readSubscribers(values.subscribers, isLocale(feed.notices[0]?.defaultLocale ?? '') ? feed.notices[0]!.defaultLocale : sourceLocale);
} catch (error) {
  fail(2, (error as Error).message);
}
for (const problem of list.problems) process.stderr.write(`${values.subscribers}:${problem.line}  ${problem.severity}: ${problem.message}\n`);

const ledger = values.ledger && mode !== 'out' ? new Ledger(values.ledger) : undefined;
const report = await sendNotices({
  feed,
  subscribers: list.subscribers,
  ledger,
  now,
  mode,
  smtp,
  outDir: values.out,
  from: values.from,
  unsubscribeUrl: values['unsubscribe-url'],
  connections: numbers.connections,
  rate: numbers.rate,
  retries: numbers.retries,
  backoffMs: numbers['backoff-ms'],
  log: (line) => process.stdout.write(`${line}\n`),
});
ledger?.close();

const lines = [
  `Notices due on ${now}: ${report.due.length ? report.due.join(', ') : 'none'}.`,
  `${list.subscribers.length} subscriber(s); ${report.alreadySent} delivery(ies) already in the ledger; ${report.planned} to do.`,
  mode === 'send'
    ? `Sent ${report.sent} of ${report.planned}.`
    : mode === 'out'
      ? `Wrote ${report.written} .eml file(s) to ${values.out}.`
      : 'Dry run: nothing sent.',
  ...report.failed.map((f) => `NOT sent (rejected): ${f.notice} to ${f.email}: ${f.reason}`),
  ...(report.notSent.length ? [`NOT sent (not attempted or connection lost): ${report.notSent.length}; a rerun will send them.`] : []),
  ...(report.aborted ? [`Stopped: ${report.aborted}`] : []),
];
process.stdout.write(`${lines.join('\n')}\n`);
const badRows = list.problems.some((p) => p.severity === 'error');
process.exitCode = report.failed.length || report.notSent.length || report.aborted || badRows ? 1 : 0;
