import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { gfmTree } from '../helpers/gfm-tree.ts';
import { diffFiles } from '../../src/diff/diff-files.ts';
import type { SectionDiff } from '../../src/diff/diff-sections.ts';
import { diffToJson, diffToMarkdown, diffToText } from '../../src/diff/format-diff.ts';
import { fixturesDir } from '../helpers/fixture-root.ts';

const diffDir = path.join(fixturesDir, 'diff');
const filesOf = (name: string) => {
  const dir = path.join(diffDir, name);
  return existsSync(path.join(dir, 'old')) ? [path.join(dir, 'old/es.md'), path.join(dir, 'new/es.md')] : [path.join(dir, 'old.md'), path.join(dir, 'new.md')];
};
/** Joins the parts a side keeps: equal+delete is the old text, equal+insert the new. */
const side = (sections: SectionDiff[], keep: 'delete' | 'insert') =>
  sections
    .flatMap((s) => s.parts)
    .filter((p) => p.op === 'equal' || p.op === keep)
    .map((p) => p.text)
    .join('');
const documentText = (file: string) => side(diffFiles(file, file).sections, 'delete');
const cases = readdirSync(diffDir).sort();

describe('the diff engine on fixtures', () => {
  for (const name of cases) {
    it(`${name}: matches expected.json and keeps both texts`, () => {
      const [oldFile, newFile] = filesOf(name) as [string, string];
      const result = diffFiles(oldFile, newFile);
      expect(side(result.sections, 'delete')).toBe(documentText(oldFile));
      expect(side(result.sections, 'insert')).toBe(documentText(newFile));
      const json = diffToJson(result.sections, result.data);
      const expected = path.join(diffDir, name, 'expected.json');
      if (process.env.UPDATE_FIXTURES && !existsSync(expected)) writeFileSync(expected, json);
      expect(json).toBe(readFileSync(expected, 'utf8'));
      // Where a fixture keeps them, the Markdown and terminal outputs too.
      const outputs = {
        'expected.md': () => diffToMarkdown(result.sections, result.data),
        'expected.txt': () => stripVTControlCharacters(diffToText(result.sections, result.data)),
      };
      for (const [file, output] of Object.entries(outputs)) {
        if (existsSync(path.join(diffDir, name, file))) expect(output(), file).toBe(readFileSync(path.join(diffDir, name, file), 'utf8'));
      }
    });
  }

  it('prints no control character or escape sequence an author wrote, in any format', () => {
    const result = diffFiles(...(filesOf('control-characters') as [string, string]));
    // Only the colours the text format adds itself (SGR: ESC [ … m) may remain.
    expect(diffToText(result.sections, result.data).replace(/\u001B\[[\d;]*m/g, '')).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
    expect(diffToMarkdown(result.sections, result.data)).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
    // JSON keeps every character, escaped: the data is the author's, the output is plain ASCII around it.
    const json = diffToJson(result.sections, result.data);
    expect(json).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify({ sections: result.sections, data: result.data })));
    expect(json).toContain('"text": "\\u009bmonth\\u202e year\\u0007"');
  });

  it('gives Markdown in which author text forms no structure, HTML, link or code', () => {
    const result = diffFiles(...(filesOf('forged-markdown') as [string, string]));
    const markdown = diffToMarkdown(result.sections, result.data);
    const tree = gfmTree(markdown);
    const found: string[] = [];
    visit(tree, (node: Nodes) => {
      if (node.type === 'html') found.push(node.value);
      else if (!['root', 'paragraph', 'text'].includes(node.type)) found.push(node.type === 'heading' ? `h${node.depth}` : node.type);
    });
    // The two headings and the redline marks are the formatter's own; everything else is text.
    expect(found).toEqual(['h4', '<ins>', '</ins>', '<ins>', '</ins>', '<del>', '</del>', '<ins>', '</ins>', 'h4', '<ins>', '</ins>']);
  });

  const statuses = (name: string) =>
    Object.fromEntries(diffFiles(...(filesOf(name) as [string, string])).sections.map((s) => [`${s.id}${s.move ? `:${s.move}` : ''}`, s.status]));

  it('classifies inserted, deleted and moved sections by their ids', () => {
    expect(statuses('section-inserted')).toMatchObject({ cookies: 'added', contact: 'unchanged', introduction: 'unchanged' });
    expect(statuses('section-deleted')).toMatchObject({ retention: 'removed', contact: 'unchanged' });
    expect(statuses('section-moved')).toEqual({
      'introduction:from': 'moved',
      data: 'unchanged',
      retention: 'unchanged',
      'introduction:to': 'moved',
      contact: 'unchanged',
    });
    const moved = diffFiles(...(filesOf('section-moved') as [string, string])).sections.find((s) => s.move === 'to')!;
    expect(moved.edits).toContainEqual({ op: 'insert', text: 'very ' });
  });

  it('marks only the words that changed in a reworded paragraph, a list item and a table row', () => {
    const parts = (name: string, id: string) =>
      diffFiles(...(filesOf(name) as [string, string]))
        .sections.find((s) => s.id === id)!
        .parts.filter((p) => p.op !== 'equal');
    expect(parts('list-item-changed', 'data')).toEqual([{ op: 'insert', text: ' name and size' }]);
    expect(parts('table-row-changed', 'retention')).toEqual([
      { op: 'delete', text: '90' },
      { op: 'insert', text: '180' },
    ]);
    expect(parts('spanish', 'retention')).toEqual([
      { op: 'delete', text: '90' },
      { op: 'insert', text: '180' },
    ]);
    expect(parts('reworded-paragraph', 'introduction')).toEqual([
      { op: 'delete', text: 'We take ' },
      { op: 'insert', text: 'Protecting ' },
      { op: 'delete', text: 'seriously' },
      { op: 'insert', text: 'is central to everything we build' },
    ]);
  });

  it('ignores whitespace-only edits, and says a markup-only edit is formatting only, with no word marked', () => {
    expect(Object.values(statuses('whitespace-only')).every((s) => s === 'unchanged')).toBe(true);
    const sections = diffFiles(...(filesOf('markup-only') as [string, string])).sections.filter((s) => s.status !== 'unchanged');
    // (GFM links the bare address in the old text already, so adding its link changes nothing.)
    expect(sections.map((s) => [s.id, s.status, s.formatting])).toEqual([['introduction', 'changed', true]]);
    expect(sections.flatMap((s) => s.parts).every((p) => p.op === 'equal')).toBe(true);
  });

  it('shows a renamed heading (no {#id}, so a new id) as one changed section with the heading edit marked', () => {
    const sections = diffFiles(...(filesOf('heading-renamed') as [string, string])).sections;
    expect(sections.map((s) => [s.id, s.status, s.renamedFrom])).toEqual([
      ['terms-and-conditions', 'changed', 'terms--conditions'],
      ['fees-and-payment', 'changed', 'fees--payment'],
      ['contact', 'unchanged', undefined],
    ]);
    expect(sections[0]!.parts.filter((p) => p.op !== 'equal')).toEqual([
      { op: 'delete', text: '&' },
      { op: 'insert', text: 'and' },
    ]);
    expect(sections[1]!.parts.filter((p) => p.op !== 'equal').map((p) => p.text)).toEqual(['&', 'and', 'monthly', 'every month']);
  });

  it('marks a changed link address, whose words stayed the same', () => {
    const [section] = diffFiles(...(filesOf('link-changed') as [string, string])).sections;
    expect(section!.status).toBe('changed');
    expect(section!.parts.every((p) => p.op === 'equal')).toBe(true);
    expect(section!.links).toEqual({
      before: ['Privacy Statement → https://example.com/privacy'],
      after: ['Privacy Statement → https://example.com/legal/privacy'],
    });
  });

  it('matches the renamed headings of a real policy history', () => {
    const real = path.join(fixturesDir, 'real-history/basecamp-policies');
    const sections = diffFiles(path.join(real, 'rev-4.md'), path.join(real, 'rev-5.md')).sections;
    const renamed = sections.filter((s) => s.renamedFrom);
    expect(renamed.map((s) => `${s.renamedFrom} → ${s.id}`)).toEqual([
      'what-happens-when-you-cancel → what-happens-when-you-cancel-an-account',
      'basecamp-initiated-cancellations → 37signals-initiated-cancellations',
    ]);
    expect(sections.filter((s) => s.status === 'removed' || s.status === 'added')).toEqual([]);
  });

  it('splits scripts without spaces into words with Intl.Segmenter', () => {
    const parts = diffFiles(...(filesOf('japanese') as [string, string])).sections[0]!.parts;
    expect(parts.filter((p) => p.op !== 'equal')).toEqual([
      { op: 'delete', text: 'プライバシー' },
      { op: 'insert', text: '個人情報' },
    ]);
  });
});
