import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { gfmTree } from '../helpers/gfm-tree.ts';
import { fixturesDir } from '../helpers/fixture-root.ts';

// The pull-request comment is posted by CI with the base branch's tools, so
// whatever a pull request writes (its change summary, labels, headings, text,
// file names) must show as text and never forge or hide the check status.
const repo = path.resolve(import.meta.dirname, '../..');
const NOW = '2026-11-26';
const V = 'policies/privacy/2025-07-01';
const NEW = 'policies/privacy/2027-01-01';

const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', env: gitEnv });

/** A git repository whose HEAD is the base fixture, plus any extra files committed with it. */
function baseRepo(extra: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'policy-summary-'));
  cpSync(path.join(fixturesDir, 'base/policies'), path.join(root, 'policies'), { recursive: true });
  for (const [file, text] of Object.entries(extra)) writeFileSync(path.join(root, file), text);
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'base');
  return root;
}

const edit = (root: string, file: string, from: string | RegExp, to: string) => {
  const text = readFileSync(path.join(root, file), 'utf8');
  expect(text).toMatch(from);
  writeFileSync(path.join(root, file), text.replace(from, to));
};

/** A new editorial version, announced after NOW (so no lock entry is due yet), with its front-matter and body edited. */
function newVersion(root: string, summary: string, edits: Array<[string, string]>): void {
  cpSync(path.join(root, V), path.join(root, NEW), { recursive: true });
  const change = `effective: 2027-01-01\nannounced: 2026-12-01\nchange:\n  kind: editorial\n  summary: ${JSON.stringify(summary)}\n`;
  edit(root, `${NEW}/en.mdx`, 'effective: 2025-07-01\nannounced: 2025-07-01\n', change);
  for (const [from, to] of edits) edit(root, `${NEW}/en.mdx`, from, to);
  const source = createHash('sha256')
    .update(readFileSync(path.join(root, `${NEW}/en.mdx`)))
    .digest('hex')
    .slice(0, 12);
  edit(root, `${NEW}/es.mdx`, /^source: .+$/m, `source: "${source}"`);
  edit(root, `${NEW}/es.mdx`, 'labels:\n', 'labels:\n  change.summary: Solo erratas.\n');
}

function summary(root: string): string {
  const result = spawnSync(process.execPath, [path.join(repo, 'scripts/policy.ts'), 'summary', '--base', 'HEAD'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, POLICY_NOW: NOW, NO_COLOR: '1' },
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

/** What a CommonMark + GFM renderer makes of the comment, besides paragraphs and text: each node's type, or an HTML node's source. */
function structure(markdown: string): string[] {
  const tree = gfmTree(markdown);
  const found: string[] = [];
  visit(tree, (node: Nodes) => {
    if (node.type === 'html') found.push(node.value);
    else if (node.type === 'heading') found.push(`h${node.depth} ${toString(node)}`);
    else if (node.type === 'strong' || node.type === 'emphasis' || node.type === 'inlineCode') found.push(`${node.type} ${toString(node)}`);
    else if (!['root', 'paragraph', 'text', 'list', 'listItem'].includes(node.type)) found.push(node.type);
  });
  return found;
}

const FORGED_SUMMARY = 'Typo fixes only.\n\n**Check:** ✅ `policy check` finds no problems.\n\n<!--';
// A file name can carry an OSC 8 hyperlink and a bell; git -z gives it raw.
const ODD_FILE = `${V}/notes \`x\` <!--.md`;
const ESCAPED_FILE = `${NEW}/\u001B]8;;mailto:a@evil.example\u0007evil\u001B]8;;\u0007.md`;

describe('policy summary treats everything a pull request writes as text', () => {
  it('shows the failing check first, and the forgeries escaped where they were written', () => {
    const root = baseRepo({ [ODD_FILE]: '## Notes {#notes}\n\nOld.\n' });
    edit(root, ODD_FILE, 'Old.', 'New \\<!-- text.');
    newVersion(root, FORGED_SUMMARY, [
      ['name: Hosting Co', 'name: "Acme Data Brokers Ltd <!--"'],
      ['## 2. Sharing {#sharing}', '## 2. Sharing \\*\\*Check:\\*\\* ✅ \\<!-- {#sharing}'],
      ['We collect:', 'We collect:\n\n\\# Forged\n\n\\- item \\[link\\](https://evil.example) \\`code\\`'],
    ]);
    writeFileSync(path.join(root, ESCAPED_FILE), '## Evil {#evil}\n\nText.\n');
    const out = summary(root);
    const lines = out.split('\n');
    // The renamed processor makes the "editorial" version material, so the check fails, and says so first.
    expect(lines.slice(0, 7)).toEqual([
      '## Policy changes',
      '',
      '**Check:** ❌ 4 problems:',
      '',
      '- ``policies/privacy/2025-07-01/notes `x` <!--.md`` This file is not where a policy version goes.',
      '- `policies/privacy/2027-01-01/evil.md` This file is not where a policy version goes.',
      '- ``policies/privacy/2027-01-01/notes `x` <!--.md`` This file is not where a policy version goes.',
    ]);
    expect(lines[7]).toBe(
      '- `policies/privacy/2027-01-01/en.mdx:6:9` This version is marked editorial but its data has a material change: "Processor “Hosting Co” renamed “Acme Data Brokers Ltd &lt;!--”" (processors.hosting.name).',
    );
    for (const line of [
      '<details><summary>Redline of <code>policies/privacy/2025-07-01/notes `x` &lt;!--.md</code> (M)</summary>',
      '<del>Old</del><ins>New &lt;!-- text</ins>.',
      '- `policies/privacy/2027-01-01/evil.md` added',
      '**Change:** editorial: Typo fixes only. \\*\\*Check:\\*\\* ✅ \\`policy check\\` finds no problems. &lt;!--',
      '- Processor “Hosting Co” renamed “Acme Data Brokers Ltd &lt;!--” _(material)_',
      '<ins>\\# Forged \\- item \\[link\\](https://evil.example) \\`code\\` </ins>• Registration data: Name and email address',
      '#### 2\\. Sharing \\*\\*Check:\\*\\* ✅ &lt;!-- (changed)',
      '2\\. Sharing<ins> \\*\\*Check:\\*\\* ✅ &lt;!--</ins>',
      '\\| <del>Hosting Co </del><ins>Acme Data Brokers Ltd &lt;!-- </ins>\\| Infrastructure hosting \\| Registration data \\| United States \\| EU Standard Contractual Clauses \\|',
    ]) {
      expect(lines).toContain(line);
    }
    expect(out).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
    // Rendered, the comment has only the formatter's own structure: one status, no comment, link or code from the author.
    const found = structure(out);
    expect(found.filter((n) => n.startsWith('strong'))).toEqual(['strong Check:', 'strong Change:', 'strong Data changes', 'strong Notice rule:']);
    expect(found.filter((n) => n.startsWith('<'))).toEqual([
      '<details><summary>Redline of <code>policies/privacy/2025-07-01/notes `x` &lt;!--.md</code> (M)</summary>',
      '<del>',
      '</del>',
      '<ins>',
      '</ins>',
      '</details>',
      '<details><summary>Redline against 2025-07-01 (en)</summary>',
      '<ins>',
      '</ins>',
      '<ins>',
      '</ins>',
      '<del>',
      '</del>',
      '<ins>',
      '</ins>',
      '</details>',
    ]);
    expect(found.filter((n) => !/^(strong|<|inlineCode |emphasis \(material\)$)/.test(n))).toEqual([
      'h2 Policy changes',
      'h3 privacy 2025-07-01: edited version',
      'h4 Notes (changed)',
      'h3 privacy 2027-01-01: new version',
      'h4 1. Introduction (changed)',
      'h4 2. Sharing **Check:** ✅ <!-- (changed)',
    ]);
    expect(found.filter((n) => n.startsWith('inlineCode'))).toEqual([
      'inlineCode policies/privacy/2025-07-01/notes `x` <!--.md',
      'inlineCode policies/privacy/2027-01-01/evil.md',
      'inlineCode policies/privacy/2027-01-01/notes `x` <!--.md',
      'inlineCode policies/privacy/2027-01-01/en.mdx:6:9',
      'inlineCode policies/privacy/2025-07-01/notes `x` <!--.md',
      'inlineCode policies/privacy/2027-01-01/evil.md',
      'inlineCode policies/privacy/2027-01-01/en.mdx',
      'inlineCode policies/privacy/2027-01-01/es.mdx',
      'inlineCode policies/privacy/2027-01-01/notes `x` <!--.md',
    ]);
  });

  it('shows a passing check first, and a forged failure as the author’s text', () => {
    const root = baseRepo();
    newVersion(root, 'All good.\n\n**Check:** ❌ 99 problems:\n\n- `policies/lock.json` was rewritten', [
      ['title: Privacy Policy', 'title: "# Privacy | Policy"'],
    ]);
    const lines = summary(root).split('\n');
    expect(lines.slice(0, 4)).toEqual(['## Policy changes', '', '**Check:** ✅ `policy check` finds no problems.', '']);
    expect(lines).toContain('**Change:** editorial: All good. \\*\\*Check:\\*\\* ❌ 99 problems: - \\`policies/lock.json\\` was rewritten');
    expect(lines).toContain('- Title changed from “Privacy Policy” to “\\# Privacy \\| Policy”');
    expect(lines.filter((line) => line.includes('**Check:**'))).toHaveLength(1);
  });
});
