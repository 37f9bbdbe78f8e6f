// The Atom feed of one privacy policy's sub-processor changes in one locale.
import type { APIRoute } from 'astro';
import { siteConfig, type Locale } from '../../../../config.ts';
import { subprocessorFeed } from '../../../../feeds/subprocessor-feed.ts';
import { getSiteModel, type SitePolicy } from '../../../../site/site-model.ts';
import { hasSubprocessors, subprocessorHistory } from '../../../../site/subprocessor-history.ts';

export function getStaticPaths() {
  return getSiteModel()
    .policies.filter(hasSubprocessors)
    .flatMap((policy) => siteConfig.locales.map((locale) => ({ params: { locale, policy: policy.id }, props: { policy }, cacheKey: policy.cacheKey })));
}

export const GET: APIRoute = ({ params, props }) => {
  const xml = subprocessorFeed(subprocessorHistory((props as { policy: SitePolicy }).policy), params.locale as Locale);
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
