import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../helpers/fixture-root.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const policy = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(repo, 'scripts/policy.ts'), ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const fixture = (name: string, file: string) => path.join(fixturesDir, 'diff', name, file);

describe('npm run policy -- diff', () => {
  it('prints the JSON shape: sections with parts that rebuild both texts, and data events', () => {
    const result = policy('diff', 'policies/privacy/2025-07-01/en.mdx', 'policies/privacy/2026-03-15/en.mdx', '--format', 'json');
    expect(result.status, result.stderr).toBe(0);
    const { sections, data } = JSON.parse(result.stdout) as {
      sections: Array<{ id: string; heading: string; status: string; parts: Array<{ op: string; text: string }> }>;
      data: Array<{ path: string; material: boolean }>;
    };
    expect(Object.keys(sections[0]!)).toEqual(['id', 'heading', 'status', 'parts']);
    expect(sections.filter((s) => s.status === 'changed').map((s) => s.id)).toEqual(['service-providers', 'data-security', 'data-retention']);
    expect(data.map((e) => `${e.path} ${e.material}`)).toEqual([
      'processors.cloudflare true',
      'retention.security-logs.period true',
      'retention.security-logs.reason false',
    ]);
    const text = (keep: string) =>
      sections
        .flatMap((s) => s.parts)
        .filter((p) => p.op === 'equal' || p.op === keep)
        .map((p) => p.text)
        .join('');
    expect(text('delete')).toContain('Security logs | 90 days');
    expect(text('insert')).toContain('Security logs | 180 days | to investigate security incidents');
  });

  it('diffs plain Markdown without front-matter, in text and markdown formats', () => {
    const text = policy('diff', fixture('table-row-changed', 'old.md'), fixture('table-row-changed', 'new.md'));
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Security logs | [-90-][+180+] days');
    expect(text.stdout).toContain('1 section(s) changed, 3 unchanged, 0 data change(s).');
    const markdown = policy('diff', fixture('table-row-changed', 'old.md'), fixture('table-row-changed', 'new.md'), '--format', 'markdown');
    expect(markdown.stdout).toContain('#### Retention (changed)');
    expect(markdown.stdout).toContain('Security logs \\| <del>90</del><ins>180</ins> days');
  });

  it('exits 2 on bad usage and 1 on a file it cannot read, without a stack trace', () => {
    const usage = policy('diff', 'only-one.md');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('diff takes two files, the old and the new; got 1.');
    expect(policy('diff', 'a.md', 'b.md', '--format', 'pdf').stderr).toContain('--format must be text, json or markdown, not "pdf".');
    const missing = policy('diff', 'nope.md', fixture('table-row-changed', 'new.md'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('nope.md  This file does not exist.');
    const broken = policy(
      'diff',
      path.join(fixturesDir, 'invalid/mdx-syntax-error/policies/privacy/2025-07-01/en.mdx'),
      fixture('table-row-changed', 'new.md'),
    );
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/en\.mdx:57:1 {2}The MDX does not parse/);
    expect(broken.stderr).not.toMatch(/^\s+at /m);
  });
});
