/** Site-wide settings: where the site lives and which languages it speaks. */
export const siteConfig = {
  /** The public origin, used for canonical URLs and hreflang alternates. */
  site: 'https://policies.infraux.com',
  /** The site's name in its header and titles. */
  name: 'InfraUX',
  /**
   * Every locale a policy may be written in; the first is the source locale
   * that holds the data. POLICY_LOCALES (comma-separated) overrides it, for
   * other sites and the benchmark corpora; a locale without a UI strings file
   * in src/i18n/ uses the source locale's strings.
   */
  locales: (process.env.POLICY_LOCALES?.split(',')
    .map((l) => l.trim())
    .filter(Boolean) ?? ['en', 'es']) as readonly string[],
  /**
   * Hosts that policy text may show images from, such as 'assets.infraux.com'.
   * Empty by default: an image from anywhere else is a tracking pixel waiting
   * to happen on a privacy policy, so it fails the check. Images in public/
   * (linked as /images/…) are always allowed. The pages' Content-Security-Policy
   * allows exactly these hosts.
   */
  imageHosts: [] as readonly string[],
  /** Folder of the policy sources, relative to the repository root. */
  policiesDir: 'policies',
  /** The change-notice email job's sender and unsubscribe address. */
  notices: {
    from: 'InfraUX Policies <policies@infraux.com>',
    unsubscribeMailto: 'privacy@infraux.com',
  },
} as const;

/** A locale the site is built in (a BCP 47 tag from siteConfig.locales). */
export type Locale = string;

/** The locale whose files hold each version's structured data. */
export const sourceLocale: Locale = siteConfig.locales[0]!;

/** Narrows a string to a configured locale. */
export function isLocale(value: string): value is Locale {
  return siteConfig.locales.includes(value);
}
