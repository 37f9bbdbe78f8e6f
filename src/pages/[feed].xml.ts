// The Atom feed of every policy's changes, in the source locale.
import { siteConfig, sourceLocale } from '../config.ts';
import { changeFeed } from '../feeds/change-feed.ts';
import { translator } from '../i18n/translator.ts';
import { getSiteModel } from '../site/site-model.ts';
import { urls } from '../site/urls.ts';

// A one-path dynamic route, so the incremental build can skip it when nothing changed.
export function getStaticPaths() {
  return [{ params: { feed: 'feed' }, cacheKey: getSiteModel().cacheKey }];
}

export const GET = () => {
  const title = translator(sourceLocale)('feed.siteTitle', { name: siteConfig.name });
  const xml = changeFeed({ locale: sourceLocale, policies: getSiteModel().policies, title, selfPath: urls.siteFeed() });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
