import type { SitemapItem, SitemapOptions } from '@astrojs/sitemap';
import { siteConfig } from '../config.ts';
import { previewDrafts } from './site-model.ts';
import { absolute } from './urls.ts';

/**
 * The sitemap lists every public page and nothing else: not the JSON and feeds
 * (not pages), not the `/upcoming/` aliases (their canonical is the version's
 * permanent page, which is listed), not the notice demo, and nothing at all
 * from a preview build, whose drafts must never be indexed. Each page names the
 * same page in the other locales (hreflang), as its own `<link rel="alternate">` does.
 */
export function sitemapOptions(drafts: boolean = previewDrafts()) {
  const root = absolute('/');
  return {
    // By the URL map's shape, so a policy named "upcoming" (/en/upcoming/) keeps its place.
    filter: (url) => !drafts && url.endsWith('/') && !/^\/[^/]+\/(?:[^/]+\/upcoming|notice-demo)\/$/.test(new URL(url).pathname),
    i18n: { defaultLocale: siteConfig.locales[0]!, locales: Object.fromEntries(siteConfig.locales.map((l) => [l, l])) },
    // The integration counts unprefixed URLs as the default locale's; the root page is language-neutral, in no locale's set.
    serialize: (item: SitemapItem) => ({
      ...item,
      links: item.url === root ? [] : item.links?.filter((link) => link.url !== root),
    }),
  } satisfies SitemapOptions;
}
