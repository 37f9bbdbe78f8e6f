import { h } from 'hastscript';
import type { Locale } from '../config.ts';
import { formatDate } from '../i18n/format.ts';
import { translator } from '../i18n/translator.ts';
import type { SitePolicy } from '../site/site-model.ts';
import { absolute, urls } from '../site/urls.ts';
import { atomFeed } from './atom-feed.ts';

/**
 * An Atom feed of policy changes in one locale: one entry per version after
 * the first, carrying the change summary and the data changes in plain words,
 * linking to the redline, dated by its announcement.
 */
export function changeFeed(options: { locale: Locale; policies: readonly SitePolicy[]; title: string; selfPath: string }): string {
  const { locale, policies, title, selfPath } = options;
  const t = translator(locale);
  const date = (d: string) => formatDate(d, locale);
  const entries = policies
    .flatMap((policy) => policy.versions.filter((v) => v.previous).map((version) => ({ policy, version, change: version.change! })))
    .sort((a, b) => b.change.announced.localeCompare(a.change.announced) || a.policy.id.localeCompare(b.policy.id))
    .map(({ policy, version, change }) => {
      const local = change.locales[locale];
      const url = absolute(urls.changes(locale, policy.id, version.version));
      return {
        title: t('feed.entryTitle', { title: version.pages[locale].title, date: date(version.version) }),
        url,
        published: change.announced,
        summary: local.summary,
        content: [
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
          h('p', h('a', { href: url }, t('diff.link'))),
        ],
      };
    });
  return atomFeed({ locale, title, selfPath, entries });
}
