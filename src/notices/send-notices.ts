import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import nodemailer from 'nodemailer';
import { siteConfig, type Locale } from '../config.ts';
import type { Ledger } from './ledger.ts';
import type { NoticeFeed } from './read-notice-feed.ts';
import type { Subscriber } from './read-subscribers.ts';
import { renderNoticeEmail, type Notice, type NoticeEmail } from './render-notice-email.ts';

/** How the job runs. */
export interface NoticeJobOptions {
  feed: NoticeFeed;
  subscribers: readonly Subscriber[];
  /** Deliveries already made; required to send, consulted by a dry run. */
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
  log?: (line: string) => void;
}

/** What the job did, for the report and the exit code. */
export interface NoticeJobReport {
  due: string[];
  planned: number;
  alreadySent: number;
  sent: number;
  written: number;
  failed: Array<{ notice: string; email: string; reason: string }>;
  notSent: Array<{ notice: string; email: string }>;
  aborted?: string;
}

const CONNECTION_ERRORS = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EPROTOCOL']);

/** A stable Message-ID: the same notice to the same person always has the same id, so clients fold a rare duplicate. */
export function messageId(noticeId: string, email: string): string {
  const hash = createHash('sha256').update(`${noticeId}\n${email.toLowerCase()}`).digest('hex').slice(0, 32);
  return `<notice-${hash}@${new URL(siteConfig.site).hostname}>`;
}

/** A notice is due from its announcement until the day before it takes effect. */
export const isDue = (notice: Notice, now: string) => notice.announced <= now && now < notice.effective;

/**
 * Sends every due change notice to every subscriber who has not had it,
 * exactly once: a delivery is recorded in the ledger only after the SMTP
 * server accepted it. A rejected address does not stop the rest; connection
 * failures are retried with backoff, then the job stops and reports.
 */
export async function sendNotices(options: NoticeJobOptions): Promise<NoticeJobReport> {
  const { feed, subscribers, ledger, now, mode, log = () => {} } = options;
  const due = feed.notices.filter((n) => isDue(n, now));
  const report: NoticeJobReport = { due: due.map((n) => n.id), planned: 0, alreadySent: 0, sent: 0, written: 0, failed: [], notSent: [] };
  const mailto = (email: string) => `mailto:${siteConfig.notices.unsubscribeMailto}?subject=${encodeURIComponent(`unsubscribe ${email}`)}`;
  const httpsUnsubscribe = (email: string) => options.unsubscribeUrl?.replace('{email}', encodeURIComponent(email));

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

  const jobs: Array<{ notice: Notice; subscriber: Subscriber }> = [];
  for (const notice of due) {
    for (const subscriber of subscribers) {
      if (ledger?.has(notice.id, subscriber.email)) report.alreadySent++;
      else jobs.push({ notice, subscriber });
    }
  }
  report.planned = jobs.length;
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

  const transport =
    mode === 'out'
      ? nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
      : nodemailer.createTransport({
          url: options.smtp,
          pool: true,
          maxConnections: options.connections ?? 4,
          maxMessages: Infinity,
          ...(options.rate ? { rateLimit: options.rate, rateDelta: 1000 } : {}),
          // The relay's own certificate is checked unless the URL says otherwise.
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
        });
  if (mode === 'out') mkdirSync(options.outDir!, { recursive: true });

  const message = (notice: Notice, subscriber: Subscriber, email: NoticeEmail) => {
    const unsubscribe = httpsUnsubscribe(subscriber.email) ?? mailto(subscriber.email);
    const listUnsubscribe = [`<${mailto(subscriber.email)}>`, ...(options.unsubscribeUrl ? [`<${unsubscribe}>`] : [])].join(', ');
    return {
      from: options.from ?? siteConfig.notices.from,
      to: subscriber.email,
      subject: email.subject,
      text: email.text.replace('{{unsubscribe}}', unsubscribe),
      html: email.html.replace('{{unsubscribe}}', unsubscribe.replace(/&/g, '&#x26;')),
      messageId: messageId(notice.id, subscriber.email),
      headers: {
        'List-Unsubscribe': listUnsubscribe,
        ...(options.unsubscribeUrl ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
        'X-Policy-Notice': notice.id,
        'Content-Language': subscriber.locale,
      },
    };
  };

  const retries = options.retries ?? 4;
  const backoff = options.backoffMs ?? 500;
  let next = 0;
  const worker = async () => {
    while (!report.aborted && next < jobs.length) {
      const { notice, subscriber } = jobs[next++]!;
      const email = emailFor(notice, subscriber.locale);
      if (email instanceof Error) {
        report.failed.push({ notice: notice.id, email: subscriber.email, reason: `could not render the email: ${email.message}` });
        continue;
      }
      for (let attempt = 0; ; attempt++) {
        try {
          const info = await transport.sendMail(message(notice, subscriber, email));
          if (mode === 'out') {
            const name = `${notice.id.replace(/[^\w.-]+/g, '_')}--${subscriber.email.replace(/[^\w.@-]+/g, '_')}.eml`;
            writeFileSync(path.join(options.outDir!, name), info.message as Buffer);
            report.written++;
          } else {
            ledger!.record({
              noticeId: notice.id,
              email: subscriber.email,
              locale: subscriber.locale,
              messageId: messageId(notice.id, subscriber.email),
              response: String(info.response ?? ''),
            });
            report.sent++;
            log(`sent ${notice.id} to ${subscriber.email} (${subscriber.locale})`);
          }
          break;
        } catch (error) {
          const { code, responseCode } = error as { code?: string; responseCode?: number };
          const transient = (code !== undefined && CONNECTION_ERRORS.has(code)) || (responseCode !== undefined && responseCode >= 400 && responseCode < 500);
          if (code === 'EAUTH') {
            report.aborted = `The SMTP server refused the credentials: ${(error as Error).message}`;
            report.notSent.push({ notice: notice.id, email: subscriber.email });
            break;
          }
          if (!transient) {
            report.failed.push({ notice: notice.id, email: subscriber.email, reason: (error as Error).message });
            log(`rejected ${notice.id} to ${subscriber.email}: ${(error as Error).message}`);
            break;
          }
          if (attempt >= retries) {
            if (responseCode !== undefined) {
              report.failed.push({ notice: notice.id, email: subscriber.email, reason: (error as Error).message });
            } else {
              report.aborted = `Cannot reach the SMTP server after ${retries + 1} attempts: ${(error as Error).message}`;
              report.notSent.push({ notice: notice.id, email: subscriber.email });
            }
            break;
          }
          await sleep(backoff * 2 ** attempt);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: mode === 'out' ? 1 : (options.connections ?? 4) }, worker));
  for (const { notice, subscriber } of jobs.slice(next)) report.notSent.push({ notice: notice.id, email: subscriber.email });
  transport.close();
  return report;
}
