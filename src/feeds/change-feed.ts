import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { siteConfig, type Locale } from '../config.ts';
import { formatDate } from '../i18n/format.ts';
import { translator } from '../i18n/translator.ts';
import type { SitePolicy } from '../site/site-model.ts';
import { absolute, urls } from '../site/urls.ts';

/*
 * Atom is written here rather than with the `feed` package: it puts titles and
 * summaries raw into CDATA sections marked type="html", so an author's
 * "<script>" became markup in feed readers, and it escapes only the first
 * "]]>" of a string, so a second one broke the XML. Here every author string
 * is HTML-escaped text (hast), the result is XML-escaped element text (never
 * CDATA), and characters XML 1.0 forbids are dropped.
 */

// Outside XML 1.0's Char production, plus C1 controls and DEL, which XML discourages
// (and lone surrogates, which the `u` flag matches as single code points).
const NOT_XML_CHAR = /[^\t\n\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe inside an XML element or a double-quoted attribute. */
function xmlText(value: string): string {
  return value.replace(NOT_XML_CHAR, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An Atom text construct holding HTML, for readers that render it: author text stays text. */
function htmlElement(name: string, content: ElementContent | ElementContent[]): string {
  return `<${name} type="html">${xmlText(toHtml(content, { characterReferences: { useNamedReferences: true } }))}</${name}>`;
}

const text = (value: string): ElementContent => ({ type: 'text', value });
const timestamp = (date: string) => `${date}T00:00:00.000Z`;

/**
 * An Atom feed of policy changes in one locale: one entry per version after
 * the first, carrying the change summary and the data changes in plain words,
 * linking to the redline. Dated by announcement, never by build time, so the
 * same sources give the same bytes.
 */
export function changeFeed(options: { locale: Locale; policies: readonly SitePolicy[]; title: string; selfPath: string }): string {
  const { locale, policies, title, selfPath } = options;
  const t = translator(locale);
  const date = (d: string) => formatDate(d, locale);
  const entries = policies
    .flatMap((policy) => policy.versions.filter((v) => v.previous).map((version) => ({ policy, version, change: version.change! })))
    .sort((a, b) => b.change.announced.localeCompare(a.change.announced) || a.policy.id.localeCompare(b.policy.id));
  const updated = entries[0]?.change.announced ?? '1970-01-01';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `    <id>${xmlText(absolute(selfPath))}</id>`,
    `    ${htmlElement('title', text(title))}`,
    `    <updated>${timestamp(updated)}</updated>`,
    `    <author><name>${xmlText(siteConfig.name)}</name><uri>${xmlText(absolute(urls.root()))}</uri></author>`,
    `    <link rel="alternate" href="${xmlText(absolute(urls.home(locale)))}"/>`,
    `    <link rel="self" href="${xmlText(absolute(selfPath))}"/>`,
    `    <rights>${xmlText(siteConfig.name)}</rights>`,
  ];
  for (const { policy, version, change } of entries) {
    const local = change.locales[locale];
    const diffUrl = absolute(urls.changes(locale, policy.id, version.version));
    const content = [
      h('p', [h('strong', `${t(`change.${change.kind}`)}:`), ` ${local.summary}`]),
      h('p', t('diff.noticeDates', { announced: date(change.announced), effective: date(change.effective) })),
      ...(local.events.length
        ? [
            h(
              'ul',
              local.events.map((e) => h('li', e.text)),
            ),
          ]
        : []),
      h('p', h('a', { href: diffUrl }, t('diff.link'))),
    ];
    lines.push(
      '    <entry>',
      `        ${htmlElement('title', text(t('feed.entryTitle', { title: version.pages[locale].title, date: date(version.version) })))}`,
      `        <id>${xmlText(diffUrl)}</id>`,
      `        <link href="${xmlText(diffUrl)}"/>`,
      `        <updated>${timestamp(change.announced)}</updated>`,
      `        <published>${timestamp(change.announced)}</published>`,
      `        ${htmlElement('summary', text(local.summary))}`,
      `        ${htmlElement('content', content)}`,
      '    </entry>',
    );
  }
  lines.push('</feed>');
  return `${lines.join('\n')}\n`;
}
