import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { siteConfig, type Locale } from '../config.ts';
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

/** A hast text node: author strings go in as this, never as markup. */
export const text = (value: string): ElementContent => ({ type: 'text', value });
const timestamp = (date: string) => `${date}T00:00:00.000Z`;

/** One entry of a feed; dates are calendar days (YYYY-MM-DD). */
export interface AtomEntry {
  title: string;
  /** Absolute URL: the entry's id and its link. */
  url: string;
  published: string;
  summary: string;
  content: ElementContent[];
}

/**
 * An Atom feed of the site in one locale, newest entry first as given. Dated
 * by its entries, never by build time, so the same sources give the same bytes.
 */
export function atomFeed(options: { locale: Locale; title: string; selfPath: string; entries: readonly AtomEntry[] }): string {
  const { locale, title, selfPath, entries } = options;
  // ISO dates sort as strings: the newest is the last of them.
  const updated =
    entries
      .map((e) => e.published)
      .sort()
      .at(-1) ?? '1970-01-01';
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
  for (const entry of entries) {
    lines.push(
      '    <entry>',
      `        ${htmlElement('title', text(entry.title))}`,
      `        <id>${xmlText(entry.url)}</id>`,
      `        <link href="${xmlText(entry.url)}"/>`,
      `        <updated>${timestamp(entry.published)}</updated>`,
      `        <published>${timestamp(entry.published)}</published>`,
      `        ${htmlElement('summary', text(entry.summary))}`,
      `        ${htmlElement('content', entry.content)}`,
      '    </entry>',
    );
  }
  lines.push('</feed>');
  return `${lines.join('\n')}\n`;
}
