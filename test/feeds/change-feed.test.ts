import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { changeFeed } from '../../src/feeds/change-feed.ts';
import { buildSiteModel } from '../../src/site/site-model.ts';
import { fixtureRoot, fixturesDir } from '../helpers/fixture-root.ts';
import { readAtom, xmlProblems } from './well-formed-xml.ts';

// The feed writer on the model of test/fixtures/publishing/ (the built feeds are
// checked in test/site/drafts.test.ts). The loader refuses control characters in
// front-matter; these tests put them into the model directly, as a later bug might.
const model = buildSiteModel(fixtureRoot(path.join(fixturesDir, 'publishing')), '2026-03-01', false);
const privacy = model.policies.find((p) => p.id === 'privacy')!;
const feedOf = (policies = [privacy], title = 'Privacy Policy: changes') => changeFeed({ locale: 'en', policies, title, selfPath: '/en/privacy/feed.xml' });
const htmlText = (html: string) => {
  const tree = fromHtml(html, { fragment: true });
  return { elements: selectAll('*', tree).map((e) => e.tagName), text: toString(tree) };
};

describe('changeFeed', () => {
  it('never writes a character XML 1.0 forbids, and keeps tab and newline', () => {
    const version = privacy.versions.find((v) => v.version === '2026-01-15')!;
    const original = { summary: version.change!.locales.en.summary, title: version.pages.en.title };
    try {
      version.change!.locales.en.summary = 'Bell\u0007 nul\u0000 esc\u001B[31m del\u007F c1\u0085 lone\uD800 nonchar\uFFFE tab\tnew\nline';
      version.pages.en.title = 'Title\u000B\u000C with controls';
      const xml = feedOf(undefined, 'Feed\u0001 title');
      expect(xmlProblems(xml)).toEqual([]);
      expect(parseFeed(xml).items).toHaveLength(2);
      const atom = readAtom(xml);
      const entry = atom.entries.find((e) => e.id.endsWith('/2026-01-15/changes/'))!;
      expect(htmlText(entry.summary.value)).toEqual({ elements: [], text: 'Bell nul esc[31m del c1 lone nonchar tab\tnew\nline' });
      expect(htmlText(entry.title.value).text).toBe('Title with controls: version of January 15, 2026');
      expect(htmlText(atom.title.value).text).toBe('Feed title');
    } finally {
      Object.assign(version.change!.locales.en, { summary: original.summary });
      version.pages.en.title = original.title;
    }
  });

  it('writes author markup and CDATA ends as text, in every text construct', () => {
    const xml = feedOf(undefined, 'Policy ]]> </title><script>alert(1)</script>');
    expect(xml).not.toContain('<![CDATA[');
    expect(xml).not.toMatch(/<script/i);
    const atom = readAtom(xml);
    expect(htmlText(atom.title.value)).toEqual({ elements: [], text: 'Policy ]]> </title><script>alert(1)</script>' });
    const entry = atom.entries.find((e) => e.id.endsWith('/2026-01-15/changes/'))!;
    expect(htmlText(entry.summary.value)).toEqual({ elements: [], text: 'Adds Cloud Co. </summary><script>alert(1)</script> Ends a]]>b]]>c & more.' });
  });

  it('is valid Atom with no entries, and the same bytes for the same model', () => {
    // The base fixture's one version, published on its announcement day: a feed with no change yet.
    const [single] = buildSiteModel(fixtureRoot(), '2025-07-01', false).policies;
    const empty = feedOf([single!]);
    expect(xmlProblems(empty)).toEqual([]);
    expect(parseFeed(empty).items).toEqual([]);
    expect(readAtom(empty).entries).toEqual([]);
    expect(feedOf()).toBe(feedOf());
  });
});
