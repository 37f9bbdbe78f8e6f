import { h } from 'hastscript';
import type { Locale } from '../config.ts';
import { formatDate } from '../i18n/format.ts';
import { translator } from '../i18n/translator.ts';
import { describeSubprocessorChange, type SubprocessorHistory } from '../site/subprocessor-history.ts';
import { absolute, urls } from '../site/urls.ts';
import { atomFeed } from './atom-feed.ts';

/**
 * The Atom feed of a sub-processor list in one locale: one entry per version
 * that changes the list, published on its announcement, so customers hear of
 * a new sub-processor before it takes effect (GDPR Art. 28(2)).
 */
export function subprocessorFeed(history: SubprocessorHistory, locale: Locale): string {
  const t = translator(locale);
  const { policy } = history;
  const title = t('feed.subprocessorsTitle', { title: history.asOf.pages[locale].title });
  const page = absolute(urls.subprocessors(locale, policy.id));
  const entries = history.updates.map((update) => {
    const lines = update.changes.flatMap((change) => describeSubprocessorChange(update, change, locale));
    const effective = formatDate(update.version.version, locale);
    const url = `${page}#update-${update.version.version}`;
    return {
      title: t('feed.subprocessorsEntry', { date: effective }),
      url,
      published: update.version.data.announced,
      summary: lines.join('; '),
      content: [
        h('p', t('diff.noticeDates', { announced: formatDate(update.version.data.announced, locale), effective })),
        h(
          'ul',
          lines.map((line) => h('li', line)),
        ),
        h('p', h('a', { href: page }, t('subprocessors.title', { title: history.asOf.pages[locale].title }))),
      ],
    };
  });
  return atomFeed({ locale, title, selfPath: urls.subprocessorsFeed(locale, policy.id), entries });
}
