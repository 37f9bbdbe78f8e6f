// The change-notice email job: `npm run notices -- --feed <path|URL> --subscribers <csv> --ledger <path> ...`.
// Exit codes: 0 all delivered, 1 something not delivered (listed) or bad rows, 2 bad usage, input, configuration or ledger, 3 internal error.
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { handleInternalErrors } from '../src/cli/internal-error.ts';
import { isLocale, sourceLocale } from '../src/config.ts';
import { resolveNow } from '../src/content/resolve-now.ts';
import { DEFAULT_LEASE_MS, Ledger, LedgerError } from '../src/notices/ledger.ts';
import { DEFAULT_FEED_TIMEOUT_MS, readNoticeFeed } from '../src/notices/read-notice-feed.ts';
import { readSubscribers } from '../src/notices/read-subscribers.ts';
import { DEFAULT_SMTP_TIMEOUT_MS } from '../src/notices/notice-transport.ts';
import { sendNotices } from '../src/notices/send-notices.ts';

handleInternalErrors('notices');

const USAGE = `Usage: npm run notices -- --feed <path or URL of notices.json> --subscribers <CSV: email,locale> --ledger <path>
       [--smtp <smtp:// or smtps:// URL>] [--now YYYY-MM-DD] [--dry-run] [--out DIR]
       [--connections N] [--rate N per second] [--retries N] [--backoff-ms N] [--from "Name <address>"] [--unsubscribe-url https://…{email}]
       [--smtp-timeout SECONDS (${DEFAULT_SMTP_TIMEOUT_MS / 1000})] [--feed-timeout SECONDS (${DEFAULT_FEED_TIMEOUT_MS / 1000})] [--lease SECONDS (${DEFAULT_LEASE_MS / 1000})]
  SMTP_URL may stand in for --smtp. Sends each due notice to each subscriber once; the ledger remembers,
  and runs that overlap on one ledger share the work.
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
      'smtp-timeout': { type: 'string', default: String(DEFAULT_SMTP_TIMEOUT_MS / 1000) },
      'feed-timeout': { type: 'string', default: String(DEFAULT_FEED_TIMEOUT_MS / 1000) },
      lease: { type: 'string', default: String(DEFAULT_LEASE_MS / 1000) },
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
if (smtp) {
  const shown = smtp.replace(/\/\/[^@]*@/, '//…@');
  if (!/^smtps?:\/\//.test(smtp)) fail(2, `--smtp must be an smtp:// or smtps:// URL, not "${shown}".`);
  if (!URL.canParse(smtp) || !new URL(smtp).hostname) fail(2, `--smtp "${shown}" is not a valid URL (host and a port from 1 to 65535).`);
}
// Whole numbers within sensible bounds: a typo must not mean zero connections or a backoff of weeks.
const LIMITS = { connections: [1, 100], rate: [1, 100_000], retries: [0, 10], 'backoff-ms': [0, 60_000] } as const;
const numbers = Object.fromEntries(
  (Object.keys(LIMITS) as Array<keyof typeof LIMITS>).map((k) => {
    if (values[k] === undefined) return [k, undefined];
    const value = Number(values[k]);
    const [min, max] = LIMITS[k];
    if (!(values[k].trim() !== '' && Number.isInteger(value) && value >= min && value <= max))
      fail(2, `--${k} must be a whole number from ${min} to ${max}, not "${values[k]}".`);
    return [k, value];
  }),
);
const seconds = Object.fromEntries(
  (['smtp-timeout', 'feed-timeout', 'lease'] as const).map((k) => {
    const value = Number(values[k]);
    if (!(Number.isFinite(value) && value > 0 && value <= 3600)) fail(2, `--${k} must be a number of seconds above 0 and at most 3600, not "${values[k]}".`);
    return [k, value * 1000];
  }),
);
if (values.from !== undefined && !/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/.test(values.from.trim()))
  fail(2, `--from must be an address, or a name and an address such as "InfraUX <policies@infraux.com>", not "${values.from}".`);
const unsubscribe = values['unsubscribe-url'];
if (unsubscribe !== undefined && !(/^https:\/\//.test(unsubscribe) && unsubscribe.includes('{email}') && URL.canParse(unsubscribe.replace('{email}', 'x'))))
  fail(2, `--unsubscribe-url must be an https:// URL with {email} where the address goes, not "${unsubscribe}".`);
if (values.out !== undefined && existsSync(values.out) && !statSync(values.out).isDirectory())
  fail(2, `--out ${values.out} is a file; give a folder for the .eml files.`);

let now: string;
try {
  now = resolveNow(values.now ? { POLICY_NOW: values.now } : process.env);
} catch (error) {
  fail(2, (error as Error).message.replace('POLICY_NOW', '--now'));
}

let feed: Awaited<ReturnType<typeof readNoticeFeed>>;
let list: ReturnType<typeof readSubscribers>;
try {
  feed = await readNoticeFeed(values.feed, { timeoutMs: seconds['feed-timeout'] });
  list = readSubscribers(values.subscribers, isLocale(feed.notices[0]?.defaultLocale ?? '') ? feed.notices[0]!.defaultLocale : sourceLocale);
} catch (error) {
  fail(2, (error as Error).message);
}
for (const problem of list.problems) process.stderr.write(`${values.subscribers}:${problem.line}  ${problem.severity}: ${problem.message}\n`);

// A dry run reads a ledger that exists and writes nothing.
const useLedger = values.ledger && (mode === 'send' || (mode === 'dry-run' && existsSync(values.ledger)));
let ledger: Ledger | undefined;
try {
  ledger = useLedger ? new Ledger(values.ledger!, { site: feed.site, readOnly: mode === 'dry-run', leaseMs: seconds.lease }) : undefined;
} catch (error) {
  if (!(error instanceof LedgerError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
// A reader that stops reading (`| head`) must not stop the job: the rest of its output is dropped.
let stdoutOpen = true;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutOpen = false;
});
const print = (text: string) => void (stdoutOpen && process.stdout.write(text));
// Ctrl-C or a stopped cron job: nothing new is sent, messages in flight finish, the report is printed
// and the claims go back. A second signal stops at once; the ledger then frees the claims when this process is gone.
const stopping = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    if (stopping.signal.aborted) process.exit(1);
    stopping.abort();
  });
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
  smtpTimeoutMs: seconds['smtp-timeout'],
  signal: stopping.signal,
  log: (line) => print(`${line}\n`),
});
ledger?.close();

const listed = (pairs: ReadonlyArray<{ notice: string; email: string }>) => pairs.map((p) => `  ${p.notice} to ${p.email}`);
const lines = [
  `Notices due on ${now}: ${report.due.length ? report.due.join(', ') : 'none'}.`,
  `${list.subscribers.length} subscriber(s); ${report.alreadySent} delivery(ies) already in the ledger; ${report.planned} to do.`,
  mode === 'send'
    ? `Sent ${report.sent} of ${report.planned}.`
    : mode === 'out'
      ? `Wrote ${report.written} .eml file(s) to ${values.out}.`
      : 'Dry run: nothing sent.',
  ...(report.sentElsewhere ? [`${report.sentElsewhere} were sent meanwhile by another run on the same ledger.`] : []),
  ...(report.heldElsewhere.length
    ? [
        `${report.heldElsewhere.length} are being sent by another run on the same ledger, which reports them: ${[...new Set(report.heldElsewhere.map((h) => h.run))].join('; ')}.`,
      ]
    : []),
  ...report.failed.map((f) => `NOT sent (rejected): ${f.notice} to ${f.email}: ${f.reason}`),
  ...(report.unrecorded.length
    ? [`Delivered but NOT recorded in the ledger: ${report.unrecorded.length}; a rerun will send these again (same Message-ID):`, ...listed(report.unrecorded)]
    : []),
  ...(report.notSent.length
    ? [`NOT sent (not attempted or connection lost): ${report.notSent.length}; a rerun will send them:`, ...listed(report.notSent)]
    : []),
  ...(report.resent
    ? [
        `${report.resent} message(s) were retried after a connection failed before the server confirmed them; if a first attempt had reached the server, its recipient has two copies with the same Message-ID.`,
      ]
    : []),
  ...(report.aborted ? [`Stopped: ${report.aborted}`] : []),
];
print(`${lines.join('\n')}\n`);
const badRows = list.problems.some((p) => p.severity === 'error');
const code = report.failed.length || report.notSent.length || report.unrecorded.length || report.aborted || badRows ? 1 : 0;
// A server still dripping bytes on a connection the job gave up on must not keep the process alive.
const exit = () => process.exit(code);
setTimeout(exit, 1000).unref();
if (stdoutOpen) process.stdout.write('', exit);
else exit();
