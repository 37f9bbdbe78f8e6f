import { siteConfig, type Locale } from '../config.ts';

/** The site's URL map, in one place so pages, feeds and JSON agree. */
export const urls = {
  /** The language-neutral home page. */
  root: () => '/',
  /** The home page of one locale, listing the policies. */
  home: (locale: Locale) => `/${locale}/`,
  /** The version in force: a stable address that changes content on effective dates. */
  current: (locale: Locale, policy: string) => `/${locale}/${policy}/`,
  /** A version's permanent address. */
  version: (locale: Locale, policy: string, version: string) => `/${locale}/${policy}/${version}/`,
  /** Every version of a policy. */
  history: (locale: Locale, policy: string) => `/${locale}/${policy}/history/`,
  /** The next version, while one is announced and not yet in effect. */
  upcoming: (locale: Locale, policy: string) => `/${locale}/${policy}/upcoming/`,
  /** The redline of a version against the one before it. */
  changes: (locale: Locale, policy: string, version: string) => `/${locale}/${policy}/${version}/changes/`,
  /** Everything that changed from an archived version to the version in force. */
  compare: (locale: Locale, policy: string, version: string) => `/${locale}/${policy}/${version}/compare/`,
  /** The Atom feed of one policy's changes in one locale. */
  feed: (locale: Locale, policy: string) => `/${locale}/${policy}/feed.xml`,
  /** A privacy policy's sub-processor list, with its dated change log. */
  subprocessors: (locale: Locale, policy: string) => `/${locale}/${policy}/subprocessors/`,
  /** The Atom feed of changes to a sub-processor list, announced ahead of each change. */
  subprocessorsFeed: (locale: Locale, policy: string) => `/${locale}/${policy}/subprocessors/feed.xml`,
  /** How to embed the in-app change notice, with the element live on the page. */
  noticeDemo: (locale: Locale) => `/${locale}/notice-demo/`,
  /** The Atom feed of every policy's changes. */
  siteFeed: () => '/feed.xml',
  /** The machine-readable API, versioned so consumers can rely on its shape. */
  api: {
    index: () => '/api/v1/index.json',
    version: (policy: string, version: string, locale: Locale) => `/api/v1/policies/${policy}/${version}/${locale}.json`,
    changes: (policy: string) => `/api/v1/policies/${policy}/changes.json`,
    compare: (policy: string, version: string) => `/api/v1/policies/${policy}/compare/${version}.json`,
    subprocessors: (policy: string) => `/api/v1/policies/${policy}/subprocessors.json`,
    notices: () => '/api/v1/notices.json',
    /** One policy's in-app change notice, read by the <policy-notice> element. */
    notice: (policy: string) => `/api/v1/policies/${policy}/notice.json`,
    schema: (name: string) => `/api/v1/schemas/${name}.schema.json`,
  },
};

/** An absolute URL on the public site, for canonical links and hreflang. */
export function absolute(pathname: string): string {
  return new URL(pathname, siteConfig.site).href;
}
