import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { listFiles } from './build-site.ts';

const SITE = 'https://policies.infraux.com';
// Words run together after a sentence or around a separator: "2026.Read", "policy· See".
const RUN_TOGETHER = /[a-z0-9)][.:;!?][A-Za-zÀ-ÿ]|\S·|·\S/;

/**
 * Every problem with the web basics of a built site, as "file: problem": each
 * page's description, Open Graph and Twitter tags, canonical URL, favicon, feed
 * autodiscovery and privacy/terms links; tables of contents without a second
 * number; banners and status boxes whose words are apart; robots.txt, the
 * sitemap (every public page, nothing else) and the 404 page. Empty when all is well.
 */
export function webBasicsProblems(out: string): string[] {
  const problems: string[] = [];
  const files = listFiles(out);
  const exists = (href: string) => {
    const file = path.join(out, decodeURI(href.replace(/^https:\/\/policies\.infraux\.com/, '')));
    return existsSync(file) && (!file.endsWith('/') || existsSync(path.join(file, 'index.html')));
  };
  const pages = files.filter((f) => f.endsWith('.html'));
  for (const file of pages) {
    const tree = fromHtml(readFileSync(path.join(out, file), 'utf8'));
    const say = (problem: string) => problems.push(`${file}: ${problem}`);
    const meta = (selector: string) => select(selector, tree)?.properties.content as string | undefined;
    const description = meta('meta[name=description]');
    if (!description || description.length < 40) say(`description "${description ?? ''}" is missing or too short`);
    const canonical = select('link[rel=canonical]', tree)?.properties.href as string | undefined;
    if (file === '404.html') {
      if (canonical) say('the 404 page names a canonical URL');
      if (meta('meta[name=robots]') !== 'noindex') say('the 404 page is not noindex');
    } else if (!canonical?.startsWith(`${SITE}/`)) say(`canonical "${canonical}" is not on the site`);
    const title = toString(select('title', tree)!);
    if (meta('meta[property="og:title"]') !== title || meta('meta[name="twitter:title"]') !== title) say('og:title or twitter:title is not the title');
    if (meta('meta[property="og:description"]') !== description || meta('meta[name="twitter:description"]') !== description)
      say('og:description or twitter:description is not the description');
    if (meta('meta[property="og:url"]') !== canonical) say('og:url is not the canonical URL');
    const lang = String(select('html', tree)?.properties.lang);
    if (!meta('meta[property="og:locale"]')?.startsWith(lang)) say(`og:locale does not match lang="${lang}"`);
    if (meta('meta[name="twitter:card"]') !== 'summary') say('no twitter:card');
    const icon = select('link[rel=icon]', tree)?.properties.href as string | undefined;
    if (!icon || !exists(icon)) say(`favicon "${icon}" is not a built file`);
    const feeds = selectAll('link[rel=alternate][type="application/atom+xml"]', tree).map((l) => String(l.properties.href));
    if (feeds.length === 0) say('no Atom feed autodiscovery link');
    for (const feed of feeds) if (!exists(feed)) say(`feed ${feed} is not a built file`);
    // A policy's pages announce that policy's feed.
    const policy = /^[^/]+\/([^/]+)\//.exec(file)?.[1];
    if (policy && policy !== 'notice-demo' && !feeds.includes(`/${lang}/${policy}/feed.xml`)) say(`does not announce /${lang}/${policy}/feed.xml`);
    for (const rel of ['privacy-policy', 'terms-of-service']) {
      const href = select(`link[rel=${rel}]`, tree)?.properties.href as string | undefined;
      if (href && !exists(href)) say(`rel=${rel} leads to ${href}, which is not a page`);
    }
    problems.push(...contentsProblems(tree).map((p) => `${file}: ${p}`));
  }
  problems.push(...siteFileProblems(out, files));
  return problems;
}

function contentsProblems(tree: Root): string[] {
  const problems: string[] = [];
  // An ordered list numbers its items, and headings number themselves.
  if (select('.toc ol', tree)) problems.push('the table of contents is an ordered list');
  for (const entry of selectAll('.toc a', tree)) {
    const words = toString(entry);
    if (/^(\d+(?:\.\d+)*)\.?\s+\1\b/.test(words)) problems.push(`the contents entry "${words}" repeats its number`);
  }
  for (const box of selectAll('.banner, .status-box li', tree)) {
    const words = toString(box).replace(/\s+/g, ' ');
    if (RUN_TOGETHER.test(words)) problems.push(`words run together in "${words}"`);
  }
  return problems;
}

function siteFileProblems(out: string, files: string[]): string[] {
  const problems: string[] = [];
  const read = (file: string) => (files.includes(file) ? readFileSync(path.join(out, file), 'utf8') : '');
  if (!read('robots.txt').includes(`Sitemap: ${SITE}/sitemap-index.xml`)) problems.push('robots.txt does not name the sitemap');
  if (!read('sitemap-index.xml').includes(`<loc>${SITE}/sitemap-0.xml</loc>`)) problems.push('the sitemap index does not list sitemap-0.xml');
  const listed = [...read('sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.slice(SITE.length)).sort();
  const pages = files
    .filter((f) => f.endsWith('index.html') && !/(^|\/)(upcoming|notice-demo)\//.test(f))
    .map((f) => `/${f.replace(/index\.html$/, '')}`)
    .sort();
  if (JSON.stringify(listed) !== JSON.stringify(pages)) problems.push(`the sitemap lists ${listed.length} URLs for ${pages.length} public pages`);
  if (!files.includes('404.html')) problems.push('no 404.html');
  // Every archived version has its comparison with the version in force.
  const index = JSON.parse(read('api/v1/index.json') || '{"policies":[]}');
  for (const policy of index.policies)
    for (const version of policy.versions)
      if (version.status === 'archived' && policy.current)
        for (const locale of index.locales)
          if (!files.includes(`${locale}/${policy.id}/${version.version}/compare/index.html`))
            problems.push(`no compare page for ${locale}/${policy.id}/${version.version}`);
  return problems;
}
