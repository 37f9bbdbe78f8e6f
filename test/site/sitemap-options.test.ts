import { describe, expect, it } from 'vitest';
import { sitemapOptions } from '../../src/site/sitemap-options.ts';

describe('sitemapOptions', () => {
  const listed = (drafts: boolean, ...paths: string[]) => paths.filter((p) => sitemapOptions(drafts).filter(`https://policies.infraux.com${p}`));

  it('lists pages, not the /upcoming/ aliases, the demo or files, by the shape of the URL map', () => {
    expect(
      listed(false, '/', '/en/', '/en/privacy/', '/en/privacy/upcoming/', '/es/notice-demo/', '/en/upcoming/', '/en/upcoming/history/', '/feed.xml'),
    ).toEqual(['/', '/en/', '/en/privacy/', '/en/upcoming/', '/en/upcoming/history/']);
  });

  it('lists nothing from a preview build', () => {
    expect(listed(true, '/', '/en/privacy/')).toEqual([]);
  });
});
