import { Feed } from 'feed';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { siteConfig, type Locale } from '../config.ts';
import { formatDate } from '../i18n/format.ts';
import { translator } from '../i18n/translator.ts';
import type { SitePolicy } from '../site/site-model.ts';
import { absolute, urls } from '../site/urls.ts';

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
  const feed = new Feed({
    id: absolute(selfPath),
    title,
    link: absolute(urls.home(locale)),
    language: locale,
    updated: new Date(`${updated}T00:00:00Z`),
    generator: false,
    feedLinks: { atom: absolute(selfPath) },
    copyright: siteConfig.name,
    author: { name: siteConfig.name, link: siteConfig.site },
  });
  for (const { policy, version, change } of entries) {
    const local = change.locales[locale];
    const diffUrl = absolute(urls.changes(locale, policy.id, version.version));
    const content = toHtml([
      h('p', [h('strong', `${t(`change.${change.kind}`)}:`), ` ${local.summary}`]),
      h('p', t('diff.noticeDates', { announced: date(change.announced), effective: date(change.effective) })),
      ...(local.events.length ? [h('ul', local.events.map((e) => h('li', e.text)))] : []),
      h('p', h('a', { href: diffUrl }, t('diff.link'))),
    ]);
    feed.addItem({
      id: diffUrl,
      title: t('feed.entryTitle', { title: version.pages[locale].title, date: date(version.version) }),
      link: diffUrl,
      date: new Date(`${change.announced}T00:00:00Z`),
      published: new Date(`${change.announced}T00:00:00Z`),
      description: local.summary,
      content,
    });
  }
  return feed.atom1();
}
