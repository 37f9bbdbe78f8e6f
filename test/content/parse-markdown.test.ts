import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicies } from '../../src/content/load-policies.ts';
import { parseMarkdown } from '../../src/content/parse-markdown.ts';
import { renderBody } from '../../src/render/render-body.ts';
import { FIXTURE_NOW, fixtureRoot, fixturesDir } from '../helpers/fixture-root.ts';

// A plain Markdown policy with the raw HTML real policy repositories use: comments, <sup>, <br> in a
// table cell, an HTML table, an <a name> anchor, a title attribute and an inline style.
const policy = loadPolicies(fixtureRoot(path.join(fixturesDir, 'markdown')), { now: FIXTURE_NOW }).find((p) => p.id === 'acceptable-use')!;
const version = policy.versions[0]!;

describe('plain Markdown policies', () => {
  it('load and pass every check, the <a name> anchor answering its #link', () => {
    expect(version.locales.en!.body.format).toBe('md');
    expect(version.locales.en!.body.anchors).toEqual(['reporting']);
    expect(version.locales.en!.body.headings.map((h) => h.id)).toEqual(['what-you-may-not-do', 'reporting--appeals']);
  });

  it('render raw HTML through the allowlist: comments and styles never reach the page', () => {
    const { html, sections } = renderBody(version, 'en');
    expect(html).not.toContain('Legal: check section 2');
    expect(html).not.toContain('<!--');
    expect(html).not.toContain('style=');
    expect(html).toContain('break the law<sup>1</sup>');
    expect(html).toContain("<td>Yes<br>within your plan's limits</td>");
    expect(html).toContain('<td><a href="mailto:abuse@example.com">abuse@example.com</a></td>');
    expect(html).toContain('<a name="reporting"></a>');
    expect(html).toContain('<a href="mailto:abuse@example.com" title="Abuse team">the abuse team</a>');
    expect(sections.map((s) => s.id)).toEqual(['what-you-may-not-do', 'reporting--appeals']);
  });

  it('read Liquid tags as text in policy diff, and refuse them in policies', () => {
    const text = '## Terms\n\nSee {{ site.url }}/terms.\n';
    expect(parseMarkdown('old.md', text, { strict: false }).errors).toEqual([]);
    expect(parseMarkdown('policies/p/2025-07-01/en.md', text).errors.map((e) => e.format())).toEqual([
      'policies/p/2025-07-01/en.md:3:5  This text contains the Liquid tag "{{ site.url }}", which this site does not run.\n    Hint: Replace the tag with the text it stands for; it would be published exactly as written.',
    ]);
  });
});
