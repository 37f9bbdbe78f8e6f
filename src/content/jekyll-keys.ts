/**
 * Front-matter keys of Jekyll (GitHub Pages) pages, which policies copied from
 * such a site carry (and GitHub Docs' `versions`, `productVersions` and
 * `englishOnly`): ignored with a note. `title` is not here: it is ours too. Nor
 * are `published` and `redirect_to`, which say the page was not (or no longer)
 * shown: a file carrying them is refused as unknown.
 */
export const JEKYLL_KEYS: readonly string[] = [
  'layout',
  'permalink',
  'redirect_from',
  'sitemap',
  'excerpt_separator',
  'versions',
  'productVersions',
  'englishOnly',
];

/** The front-matter without Jekyll's keys, as the loader reads it. */
export function withoutJekyll(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !JEKYLL_KEYS.includes(key)));
}
