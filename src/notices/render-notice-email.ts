import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { z } from 'astro/zod';
import type { noticesDocSchema } from '../api/api-schemas.ts';
import type { Locale } from '../config.ts';
import { elide } from '../diff/format-diff.ts';
import { formatDate } from '../i18n/format.ts';
import { translator } from '../i18n/translator.ts';
import { renderRedline } from '../render/render-redline.ts';

/** One change notice of the notices document. */
export type Notice = z.output<typeof noticesDocSchema>['notices'][number];

/** The parts of a rendered email that are the same for every subscriber of a locale. */
export interface NoticeEmail {
  subject: string;
  text: string;
  html: string;
}

// Mail clients ignore stylesheets, so every style is inline; nothing needs images or scripts.
const STYLE = {
  body: 'margin:0;padding:16px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5',
  h1: 'font-size:22px;margin:0 0 12px',
  h2: 'font-size:18px;margin:24px 0 8px',
  heading: 'font-size:16px;margin:16px 0 4px',
  block: 'margin:0 0 6px',
  ins: 'background:#e3f4e1;color:#0d3d0a;text-decoration:underline',
  del: 'background:#fbe4e4;color:#6b0f0f;text-decoration:line-through',
  link: 'color:#0b5394',
  footer: 'margin-top:32px;font-size:13px;color:#4a4a4a',
};

/**
 * Renders a change notice in one locale as a multipart email: the summary,
 * the data changes in plain words, the changed sections with an inline
 * redline, the effective date in the reader's language, and links. Throws if
 * anything is missing, so no incomplete email is ever sent.
 */
export function renderNoticeEmail(notice: Notice, locale: Locale, unsubscribe: string): NoticeEmail {
  const content = notice.locales[locale];
  if (!content) throw new Error(`The notice ${notice.id} has no ${locale} text.`);
  for (const field of ['title', 'summary', 'diffUrl', 'versionUrl'] as const) {
    if (!content[field]) throw new Error(`The notice ${notice.id} has an empty ${field} in ${locale}.`);
  }
  const t = translator(locale);
  const date = formatDate(notice.effective, locale);
  const subject = t('email.subject', { title: content.title, date });
  const intro = t('email.intro', { title: content.title, date });
  const sections = content.sections.filter((s) => s.move !== 'from').map((s) => ({ ...s, shown: elide(s.move === 'to' ? (s.edits ?? []) : s.parts) }));

  const text = [
    subject,
    '',
    intro,
    '',
    `${t('email.summary')}: ${content.summary}`,
    ...(content.events.length ? ['', `${t('email.dataChanges')}:`, ...content.events.map((e) => `- ${e}`)] : []),
    ...(sections.length ? ['', `${t('email.sections')} (${t('email.legend')})`] : []),
    ...sections.flatMap((s) => [
      '',
      s.shown
        .map((p) => (p.op === 'insert' ? `[+${p.text}+]` : p.op === 'delete' ? `[-${p.text}-]` : p.text))
        .join('')
        .trimEnd(),
    ]),
    '',
    `${t('email.diffLink')}: ${content.diffUrl}`,
    `${t('email.versionLink')}: ${content.versionUrl}`,
    '',
    '--',
    t('email.footer'),
    `${t('email.unsubscribe')}: ${unsubscribe}`,
    '',
  ].join('\n');

  const link = (href: string, label: string) => h('a', { href, style: STYLE.link }, label);
  const body = h('body', { style: STYLE.body }, [
    h('div', { style: 'max-width:640px;margin:0 auto' }, [
      h('h1', { style: STYLE.h1 }, subject),
      h('p', intro),
      h('p', [h('strong', `${t('email.summary')}: `), content.summary]),
      ...(content.events.length
        ? [
            h('h2', { style: STYLE.h2 }, t('email.dataChanges')),
            h(
              'ul',
              content.events.map((e) => h('li', e)),
            ),
          ]
        : []),
      ...(sections.length ? [h('h2', { style: STYLE.h2 }, t('email.sections')), h('p', { style: 'font-size:14px;color:#4a4a4a' }, t('email.legend'))] : []),
      // The sections are in the source language when either version is not translated.
      h(
        'div',
        { lang: content.textLocale && content.textLocale !== locale ? content.textLocale : undefined },
        sections.map((s) => ({
          type: 'raw' as const,
          value: renderRedline(s.shown, null, {
            hasHeading: s.id !== 'preamble',
            styles: { ins: STYLE.ins, del: STYLE.del, heading: STYLE.heading, block: STYLE.block },
          }),
        })),
      ),
      h('p', [link(content.diffUrl, t('email.diffLink')), ' · ', link(content.versionUrl, t('email.versionLink'))]),
      h('p', { style: STYLE.footer }, [t('email.footer'), ' ', link(unsubscribe, t('email.unsubscribe'))]),
    ]),
  ]);
  const html = `<!doctype html>\n${toHtml(h('html', { lang: locale }, [h('head', [h('meta', { charset: 'utf-8' }), h('title', subject)]), body]), { allowDangerousHtml: true })}\n`;
  return { subject, text, html };
}
