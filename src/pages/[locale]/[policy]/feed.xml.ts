// The Atom feed of one policy's changes in one locale.
import type { APIRoute } from 'astro';
import { siteConfig, type Locale } from '../../../config.ts';
import { changeFeed } from '../../../feeds/change-feed.ts';
import { translator } from '../../../i18n/translator.ts';
import { getSiteModel, type SitePolicy, shownVersion } from '../../../site/site-model.ts';
import { urls } from '../../../site/urls.ts';

export function getStaticPaths() {
  return getSiteModel().policies.flatMap((policy) =>
    siteConfig.locales.map((locale) => ({ params: { locale, policy: policy.id }, props: { policy }, cacheKey: policy.cacheKey })),
  );
}

export const GET: APIRoute = ({ params, props }) => {
  const locale = params.locale as Locale;
  const { policy } = props as { policy: SitePolicy };
  const title = translator(locale)('feed.title', { title: shownVersion(policy).pages[locale].title });
  const xml = changeFeed({ locale, policies: [policy], title, selfPath: urls.feed(locale, policy.id) });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
