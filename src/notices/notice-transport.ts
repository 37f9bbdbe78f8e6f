import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import { siteConfig } from '../config.ts';
import type { Subscriber } from './read-subscribers.ts';
import type { Notice, NoticeEmail } from './render-notice-email.ts';

/** The default SMTP timeout: generous for a relay, far below nodemailer's ten minutes of silence. */
export const DEFAULT_SMTP_TIMEOUT_MS = 30_000;

/** A stable Message-ID: the same notice to the same person always has the same id, so clients fold a rare duplicate. */
export function messageId(noticeId: string, email: string): string {
  const hash = createHash('sha256').update(`${noticeId}\n${email.toLowerCase()}`).digest('hex').slice(0, 32);
  return `<notice-${hash}@${new URL(siteConfig.site).hostname}>`;
}

/** What a sent message gives back: the raw message (for .eml files) and the server's reply. */
export interface SentMessage {
  message?: unknown;
  response?: unknown;
}

/** Where messages go: a pooled SMTP connection to a relay, or .eml bytes for legal review. */
export interface NoticeTransport {
  send(notice: Notice, subscriber: Subscriber, email: NoticeEmail): Promise<SentMessage>;
  close(): void;
}

/**
 * Opens the transport of the job. Each message has one deadline, from
 * connecting to the server's reply: nodemailer's own timeouts are per read,
 * so a server that drips a byte at a time would never trip them.
 */
export function noticeTransport(options: {
  mode: 'send' | 'out';
  smtp?: string;
  connections: number;
  rate?: number;
  timeoutMs?: number;
  from?: string;
  unsubscribeUrl?: string;
}): NoticeTransport {
  const timeout = options.timeoutMs ?? DEFAULT_SMTP_TIMEOUT_MS;
  const transport =
    options.mode === 'out'
      ? nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
      : nodemailer.createTransport({
          url: options.smtp,
          pool: true,
          maxConnections: options.connections,
          maxMessages: Infinity,
          ...(options.rate ? { rateLimit: options.rate, rateDelta: 1000 } : {}),
          // The relay's own certificate is checked unless the URL says otherwise.
          connectionTimeout: timeout,
          greetingTimeout: timeout,
          socketTimeout: timeout,
          dnsTimeout: timeout,
        });
  const mailto = (email: string) => `mailto:${siteConfig.notices.unsubscribeMailto}?subject=${encodeURIComponent(`unsubscribe ${email}`)}`;
  const message = (notice: Notice, subscriber: Subscriber, email: NoticeEmail) => {
    const unsubscribe = options.unsubscribeUrl?.replace('{email}', encodeURIComponent(subscriber.email)) ?? mailto(subscriber.email);
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
  const seconds = `${timeout / 1000} second${timeout === 1000 ? '' : 's'}`;
  return {
    send(notice, subscriber, email) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error(`No complete answer within ${seconds}`), { code: 'ETIMEDOUT' })), timeout);
      });
      return Promise.race([transport.sendMail(message(notice, subscriber, email)), deadline]).finally(() => clearTimeout(timer));
    },
    close: () => transport.close(),
  };
}
