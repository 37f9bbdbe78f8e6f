import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Locale } from '../config.ts';
import { claimQueue } from './claim-queue.ts';
import { messageId, noticeTransport, type SentMessage } from './notice-transport.ts';
import { LedgerError, type Ledger } from './ledger.ts';
import type { NoticeFeed } from './read-notice-feed.ts';
import type { Subscriber } from './read-subscribers.ts';
import { renderNoticeEmail, type Notice, type NoticeEmail } from './render-notice-email.ts';

/** How the job runs. */
export interface NoticeJobOptions {
  feed: NoticeFeed;
  subscribers: readonly Subscriber[];
  /** Deliveries already made and claims of other runs; required to send, consulted by a dry run. */
  ledger?: Ledger;
  /** The day that decides which notices are due. */
  now: string;
  mode: 'send' | 'dry-run' | 'out';
  /** smtp:// or smtps:// URL with credentials, for `send`. */
  smtp?: string;
  /** Folder for .eml files, for `out`. */
  outDir?: string;
  from?: string;
  /** An https unsubscribe URL template with {email}; a mailto address is always offered. */
  unsubscribeUrl?: string;
  /** Pooled SMTP connections, and so messages in flight. */
  connections?: number;
  /** Most messages per second; unlimited when unset. */
  rate?: number;
  /** Attempts after a connection failure, with exponential backoff from `backoffMs`. */
  retries?: number;
  backoffMs?: number;
  /** How long one message may take, from connecting to the server's reply; also the bound on each step of it. */
  smtpTimeoutMs?: number;
  /** Stops the job (Ctrl-C, SIGTERM): nothing new is sent, messages in flight finish, and the report is complete. */
  signal?: AbortSignal;
  log?: (line: string) => void;
}

/** A (notice, subscriber) pair the job has to do. */
interface Job {
  notice: Notice;
  subscriber: Subscriber;
  noticeId: string;
  email: string;
}

type Pair = { notice: string; email: string };

/** What the job did, for the report and the exit code. */
export interface NoticeJobReport {
  due: string[];
  planned: number;
  alreadySent: number;
  sent: number;
  written: number;
  /** Pairs another run on the same ledger delivered while this one ran. */
  sentElsewhere: number;
  /** Pairs another live run still held at the end; that run sends and reports them. */
  heldElsewhere: Array<Pair & { run: string }>;
  failed: Array<Pair & { reason: string }>;
  notSent: Pair[];
  /** Accepted by the server, but the ledger could not record it: a rerun sends these again. */
  unrecorded: Pair[];
  /** Messages retried after a connection failed before the server confirmed them: if a first attempt had arrived, its recipient has two. */
  resent: number;
  aborted?: string;
}

const CONNECTION_ERRORS = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EPROTOCOL']);
/** Errors after which the server cannot have the message: nothing was transmitted. */
const NEVER_TRANSMITTED = new Set(['ECONNREFUSED', 'EDNS']);

/** A notice is due from its announcement until the day before it takes effect. */
export const isDue = (notice: Notice, now: string) => notice.announced <= now && now < notice.effective;

/**
 * Sends every due change notice to every subscriber who has not had it. In
 * `send` mode each pair is first claimed in the ledger, so runs that overlap
 * share the work instead of repeating it, and recorded there only after the
 * SMTP server accepted the message. A rejected address does not stop the
 * rest; connection failures are retried with backoff, then the job stops and
 * reports. If the ledger cannot be written the job stops at once: it cannot
 * promise "once" without it.
 */
export async function sendNotices(options: NoticeJobOptions): Promise<NoticeJobReport> {
  const { feed, subscribers, ledger, now, mode, log = () => {} } = options;
  const due = feed.notices.filter((n) => isDue(n, now));
  const report: NoticeJobReport = {
    due: due.map((n) => n.id),
    planned: 0,
    alreadySent: 0,
    sent: 0,
    written: 0,
    sentElsewhere: 0,
    heldElsewhere: [],
    failed: [],
    notSent: [],
    unrecorded: [],
    resent: 0,
  };

  // Render once per notice and locale; a notice that cannot be rendered completely is not sent at all.
  const rendered = new Map<string, NoticeEmail | Error>();
  const emailFor = (notice: Notice, locale: Locale) => {
    const key = `${notice.id}\n${locale}`;
    if (!rendered.has(key)) {
      try {
        rendered.set(key, renderNoticeEmail(notice, locale, '{{unsubscribe}}'));
      } catch (error) {
        rendered.set(key, error as Error);
      }
    }
    return rendered.get(key)!;
  };

  const jobs: Job[] = [];
  for (const notice of due) {
    for (const subscriber of subscribers) {
      if (ledger?.has(notice.id, subscriber.email)) report.alreadySent++;
      else jobs.push({ notice, subscriber, noticeId: notice.id, email: subscriber.email });
    }
  }
  report.planned = jobs.length;
  const pair = (job: Job): Pair => ({ notice: job.noticeId, email: job.email });
  if (mode === 'dry-run') {
    for (const { notice, subscriber } of jobs) {
      const email = emailFor(notice, subscriber.locale);
      log(
        email instanceof Error
          ? `would NOT send ${notice.id} to ${subscriber.email}: ${email.message}`
          : `would send ${notice.id} to ${subscriber.email} (${subscriber.locale}): ${email.subject}`,
      );
    }
    return report;
  }

  const connections = mode === 'out' ? 1 : (options.connections ?? 4);
  const transport = noticeTransport({ ...options, mode, connections, timeoutMs: options.smtpTimeoutMs });
  if (mode === 'out') mkdirSync(options.outDir!, { recursive: true });

  // The ledger is the promise of "once": when it cannot be written, nothing more is sent.
  const ledgerFailed = (error: unknown) => {
    if (!(error instanceof LedgerError)) throw error;
    report.aborted ??= `${error.message} Nothing more was sent.`;
  };
  const stop = () => (report.aborted ??= 'Stopped on request (a signal); the messages in flight were finished.');
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  const queue = claimQueue(jobs, mode === 'send' ? ledger : undefined, Math.max(8, connections * 2), report);
  const lease = mode === 'send' && ledger ? setInterval(() => renewLease(ledger, ledgerFailed), ledger.leaseMs / 3) : undefined;
  lease?.unref();

  const retries = options.retries ?? 4;
  const backoff = options.backoffMs ?? 500;
  const worker = async () => {
    for (;;) {
      let job: Job | undefined;
      try {
        job = report.aborted ? undefined : queue.take();
      } catch (error) {
        ledgerFailed(error);
      }
      if (!job) return;
      const { notice, subscriber } = job;
      const email = emailFor(notice, subscriber.locale);
      if (email instanceof Error) {
        report.failed.push({ ...pair(job), reason: `could not render the email: ${email.message}` });
        release(ledger, mode, job, ledgerFailed);
        continue;
      }
      for (let attempt = 0; ; attempt++) {
        if (report.aborted) {
          report.notSent.push(pair(job));
          break;
        }
        let info: SentMessage;
        try {
          if (mode === 'send') ledger!.assertLease();
        } catch (error) {
          ledgerFailed(error);
          report.notSent.push(pair(job));
          break;
        }
        try {
          info = await transport.send(notice, subscriber, email);
        } catch (error) {
          const { code, originalCode, responseCode } = error as { code?: string; originalCode?: string; responseCode?: number };
          const transient = (code !== undefined && CONNECTION_ERRORS.has(code)) || (responseCode !== undefined && responseCode >= 400 && responseCode < 500);
          if (code === 'EAUTH') {
            report.aborted ??= `The SMTP server refused the credentials: ${(error as Error).message}`;
            report.notSent.push(pair(job));
            break;
          }
          if (!transient || (attempt >= retries && responseCode !== undefined)) {
            report.failed.push({ ...pair(job), reason: (error as Error).message });
            log(`rejected ${notice.id} to ${subscriber.email}: ${(error as Error).message}`);
            release(ledger, mode, job, ledgerFailed);
            break;
          }
          if (attempt >= retries) {
            report.aborted ??= `Cannot reach the SMTP server after ${retries + 1} attempts: ${(error as Error).message}`;
            report.notSent.push(pair(job));
            break;
          }
          // A connection lost or silent before the server confirmed may still have delivered: the retry may be a duplicate.
          if (responseCode === undefined && !NEVER_TRANSMITTED.has(originalCode ?? code!)) report.resent++;
          await sleep(backoff * 2 ** attempt);
          continue;
        }
        if (mode === 'out') {
          const name = `${notice.id.replace(/[^\w.-]+/g, '_')}--${subscriber.email.replace(/[^\w.@-]+/g, '_')}.eml`;
          writeFileSync(path.join(options.outDir!, name), info.message as Buffer);
          report.written++;
          break;
        }
        try {
          ledger!.record({ ...job, locale: subscriber.locale, messageId: messageId(notice.id, subscriber.email), response: String(info.response ?? '') });
          report.sent++;
          log(`sent ${notice.id} to ${subscriber.email} (${subscriber.locale})`);
        } catch (error) {
          report.unrecorded.push(pair(job));
          ledgerFailed(error);
        }
        break;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  clearInterval(lease);
  options.signal?.removeEventListener('abort', stop);
  report.notSent.push(...queue.rest().map(pair));
  transport.close();
  return report;
}

function release(ledger: Ledger | undefined, mode: NoticeJobOptions['mode'], job: Job, failed: (error: unknown) => void): void {
  if (mode !== 'send') return;
  try {
    ledger!.release(job);
  } catch (error) {
    failed(error);
  }
}

function renewLease(ledger: Ledger, failed: (error: unknown) => void): void {
  try {
    ledger.renew();
  } catch (error) {
    failed(error);
  }
}
