import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, readPage } from '../helpers/build-site.ts';
import { FIXTURE_NOW, fixtureRoot, fixturesDir } from '../helpers/fixture-root.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const NOW = '2026-11-26';
/** Runs `policy` in `cwd` as `npm run policy --` would, with "now" pinned. */
const policyAt = (now: string, cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(repo, 'scripts/policy.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, POLICY_NOW: now, NO_COLOR: '1' },
  });
const policy = (cwd: string, ...args: string[]) => policyAt(NOW, cwd, ...args);
/** A scratch copy of this repository's policies, lock file included. */
function copyOfRepo(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'policy-repo-'));
  cpSync(path.join(repo, 'policies'), path.join(root, 'policies'), { recursive: true });
  return root;
}
const edit = (file: string, from: string, to: string) => {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
};

describe('policy check', () => {
  it('is clean on this repository', () => {
    const result = policy(repo, 'check');
    expect(result.stdout + result.stderr).toBe('No problems found.\n');
    expect(result.status).toBe(0);
  });

  it('prints file:line:col, the message and a hint, or GitHub annotations, and exits 1', () => {
    const root = fixtureRoot(path.join(fixturesDir, 'invalid/unknown-component'));
    const text = policyAt(FIXTURE_NOW, root, 'check');
    expect(text.status).toBe(1);
    expect(text.stdout).toContain(
      "policies/privacy/2025-07-01/en.mdx:57:1  <iframe> is not a component policies can use.\n    Hint: A privacy policy's text may use <Contact />",
    );
    // The fixture edits a draft without re-locking it, which check refuses in both files.
    expect(text.stdout).toContain(
      'policies/privacy/2025-07-01/es.mdx  Version 2025-07-01 is to be announced on 2025-07-01, but this file is not in policies/lock.json',
    );
    expect(text.stdout).toMatch(/3 problems in 2 files\.\n$/);
    const github = policyAt(FIXTURE_NOW, root, 'check', '--format', 'github');
    expect(github.status).toBe(1);
    expect(github.stdout).toMatch(
      /^::error file=policies\/privacy\/2025-07-01\/en\.mdx,line=57,col=1,title=policy check::<iframe> is not a component policies can use\.%0AHint: /,
    );
  });

  it('refuses a draft edited after it was locked, which would stop the daily build on its announcement day', () => {
    const root = fixtureRoot();
    expect(policyAt(FIXTURE_NOW, root, 'check').status).toBe(0);
    const en = path.join(root, 'policies/privacy/2025-07-01/en.mdx');
    writeFileSync(en, readFileSync(en, 'utf8').replace('We collect:', 'We gather:'));
    const es = path.join(root, 'policies/privacy/2025-07-01/es.mdx');
    const hash = createHash('sha256').update(readFileSync(en)).digest('hex').slice(0, 12);
    writeFileSync(es, readFileSync(es, 'utf8').replace(/^source: .+$/m, `source: "${hash}"`));
    const edited = policyAt(FIXTURE_NOW, root, 'check');
    expect(edited.stdout).toContain(
      'policies/privacy/2025-07-01/en.mdx  Version 2025-07-01 is to be announced on 2025-07-01, but this file is not in policies/lock.json as it is now: on that day the daily build publishes it, and an unlocked published version stops the build.\n    Hint: Run `npm run policy -- lock` and commit policies/lock.json with the draft.',
    );
    expect(edited.status).toBe(1);
    expect(policyAt(FIXTURE_NOW, root, 'lock').status).toBe(0);
    expect(policyAt(FIXTURE_NOW, root, 'check').status).toBe(0);
    // On its announcement day the locked draft is published, and the check stays clean.
    expect(policyAt('2025-07-01', root, 'check').status).toBe(0);
  });

  it('narrows the report to the given paths', () => {
    const root = fixtureRoot(path.join(fixturesDir, 'invalid/unknown-component'));
    const es = policyAt(FIXTURE_NOW, root, 'check', 'policies/privacy/2025-07-01/es.mdx');
    expect(es.stdout).not.toContain('en.mdx');
    expect(es.stdout).toMatch(/1 problem in 1 file\.\n$/);
    expect(policyAt(FIXTURE_NOW, root, 'check', 'policies/privacy/2025-07-01').status).toBe(1);
  });

  it('exits 2 on bad usage', () => {
    expect(policy(repo, 'check', '--format', 'xml').status).toBe(2);
    expect(policy(repo, 'check', 'no/such/path').stderr).toContain('There is no file or folder "no/such/path" to check.');
    expect(policy(repo, 'frobnicate').status).toBe(2);
    expect(policy(repo, 'check', '--bogus').status).toBe(2);
  });
});

describe('published versions are immutable', () => {
  it('makes check and the build fail, with the location, on an edit, an import or an expression', () => {
    const root = copyOfRepo();
    const file = path.join(root, 'policies/privacy/2025-07-01/en.mdx');
    edit(file, 'We retain your personal information only for as long as necessary:', 'We retain your personal information only for as long as {"necessary"}:');
    edit(file, '\n## 1. Introduction', "\nimport Tracker from './tracker.js'\n\n## 1. Introduction");
    const result = policy(root, 'check');
    expect(result.status).toBe(1);
    for (const expected of [
      'policies/privacy/2025-07-01/en.mdx:1:1  Version 2025-07-01 was published on 2025-07-01 and its text and data must not change',
      'policies/privacy/2025-07-01/en.mdx:157:1  Policy files cannot contain `import` or `export` statements.',
      'policies/privacy/2025-07-01/en.mdx:233:57  Policy files cannot contain JavaScript expressions in braces.',
    ]) {
      expect(result.stdout).toContain(expected);
    }
    const build = buildSite({ now: NOW, policiesRoot: root });
    expect(build.status).toBe(1);
    expect(build.stdout + build.stderr).toContain('policies/privacy/2025-07-01/en.mdx:233:57  Policy files cannot contain JavaScript expressions in braces.');
  });

  it('accepts a correction recorded as an erratum, and shows it on the page and in the JSON', () => {
    const root = copyOfRepo();
    const en = path.join(root, 'policies/privacy/2025-07-01/en.mdx');
    const es = path.join(root, 'policies/privacy/2025-07-01/es.mdx');
    edit(en, 'Click on "Delete account"', 'Click "Delete account"');
    expect(policy(root, 'check').status).toBe(1);
    // The translation follows its corrected source, so both files are recorded.
    const hash = execFileSync('sha256sum', [en], { encoding: 'utf8' }).slice(0, 12);
    writeFileSync(es, readFileSync(es, 'utf8').replace(/^source: .+$/m, `source: "${hash}"`));
    const erratum = policy(
      root,
      'erratum',
      en,
      es,
      '--reason',
      'Simplified a step of the account deletion instructions.',
      '--reason-es',
      'Se simplificó un paso de las instrucciones para eliminar la cuenta.',
    );
    expect(erratum.status, erratum.stderr).toBe(0);
    expect(readFileSync(path.join(root, 'policies/privacy/2025-07-01/errata.yaml'), 'utf8')).toContain('date: 2026-11-26');
    expect(policy(root, 'check').stdout).toBe('No problems found.\n');
    const build = buildSite({ now: NOW, policiesRoot: root });
    expect(build.status, build.stderr).toBe(0);
    expect(readPage(build.out, 'es/privacy/2025-07-01').html).toContain(
      'Corregida el 26 de noviembre de 2026: Se simplificó un paso de las instrucciones para eliminar la cuenta.',
    );
    const doc = JSON.parse(readFileSync(path.join(build.out, 'api/v1/policies/privacy/2025-07-01/en.json'), 'utf8'));
    expect(doc.errata).toEqual([{ date: '2026-11-26', reason: 'Simplified a step of the account deletion instructions.' }]);
  });

  it('lock records new files and never rewrites a published entry', () => {
    const root = copyOfRepo();
    const before = readFileSync(path.join(root, 'policies/lock.json'), 'utf8');
    expect(policy(root, 'lock').stdout).toBe('policies/lock.json is up to date.\n');
    edit(path.join(root, 'policies/privacy/2025-07-01/en.mdx'), 'We retain', 'We keep');
    policy(root, 'lock');
    expect(readFileSync(path.join(root, 'policies/lock.json'), 'utf8')).toBe(before);
  });
});

describe('policy new', () => {
  it('starts the next version in every locale with placeholders that check refuses', () => {
    const root = copyOfRepo();
    const result = policy(root, 'new', 'privacy', '--effective', '2027-02-01', '--announce', '2026-12-20', '--material');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('created policies/privacy/2027-02-01/en.mdx\ncreated policies/privacy/2027-02-01/es.mdx');
    const en = readFileSync(path.join(root, 'policies/privacy/2027-02-01/en.mdx'), 'utf8');
    expect(en).toContain(
      'effective: 2027-02-01\nannounced: 2026-12-20\nchange:\n  kind: material\n  summary: "TODO: say in one or two sentences what changes and why."',
    );
    expect(en).toContain('- id: intercom');
    const check = policy(root, 'check');
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('policies/privacy/2027-02-01/en.mdx:8:12  The change summary is still the placeholder.');
    expect(check.stdout).toContain('policies/privacy/2027-02-01/es.mdx');
  });

  it('refuses an effective date that breaks the notice rule, naming the allowed date', () => {
    const root = copyOfRepo();
    const result = policy(root, 'new', 'privacy', '--effective', '2026-12-20', '--announce', '2026-11-26');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'A material change announced on 2026-11-26 can take effect on 2026-12-26 at the earliest (notice period P30D); 2026-12-20 is too soon.',
    );
    expect(existsSync(path.join(root, 'policies/privacy/2026-12-20'))).toBe(false);
    expect(policy(root, 'new', 'privacy', '--effective', '2026-12-20', '--announce', '2026-11-26', '--editorial').status).toBe(0);
    expect(policy(root, 'new', 'privacy', '--effective', '2026-12-01').stderr).toContain('The new version must take effect after the latest one (2026-12-20).');
    expect(policy(root, 'new', 'nosuch', '--effective', '2027-01-01').status).toBe(2);
    expect(policy(root, 'new', 'nosuch', '--effective', '2027-01-01').stderr).toContain(
      'To start one, give its kind: npm run policy -- new nosuch --kind privacy|terms|document.',
    );
  });

  for (const kind of ['privacy', 'terms', 'document']) {
    it(`starts a new ${kind} policy whose placeholders check refuses until they are written, then passes`, () => {
      const root = copyOfRepo();
      const result = policy(root, 'new', 'legal', '--kind', kind, '--effective', '2027-01-15');
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain('created policies/legal/policy.yaml\ncreated policies/legal/2027-01-15/en.mdx\ncreated policies/legal/2027-01-15/es.mdx');
      expect(readFileSync(path.join(root, 'policies/legal/policy.yaml'), 'utf8')).toContain(`kind: ${kind}\n`);
      const check = policy(root, 'check');
      expect(check.status).toBe(1);
      expect(check.stdout).toMatch(/policies\/legal\/2027-01-15\/en\.mdx:\d+:\d+ {2}This line still holds a placeholder: title: "TODO: the policy's title"/);
      expect(check.stdout).toContain('policies/legal/2027-01-15/es.mdx');
      // An author who writes every placeholder gets a clean check.
      for (const file of ['en.mdx', 'es.mdx']) {
        const at = path.join(root, 'policies/legal/2027-01-15', file);
        writeFileSync(at, readFileSync(at, 'utf8').replace(/TODO: /g, 'Written: '));
      }
      const en = readFileSync(path.join(root, 'policies/legal/2027-01-15/en.mdx'));
      const es = path.join(root, 'policies/legal/2027-01-15/es.mdx');
      writeFileSync(es, readFileSync(es, 'utf8').replace(/^source: .*$/m, `source: ${createHash('sha256').update(en).digest('hex').slice(0, 12)}`));
      expect(policy(root, 'lock').status).toBe(0);
      const fixed = policy(root, 'check');
      expect(fixed.stdout + fixed.stderr).toBe('No problems found.\n');
    });
  }

  it('refuses a new policy of an unknown kind, or one that exists, saying what to do', () => {
    const root = copyOfRepo();
    expect(policy(root, 'new', 'legal', '--kind', 'contract').stderr).toContain('--kind must be one of privacy, terms, document, not "contract".');
    expect(policy(root, 'new', 'privacy', '--kind', 'terms').stderr).toContain(
      'policies/privacy already exists. To start its next version, leave out --kind: npm run policy -- new privacy --effective YYYY-MM-DD.',
    );
    expect(policy(root, 'new', 'Legal', '--kind', 'terms').status).toBe(2);
    expect(existsSync(path.join(root, 'policies/legal'))).toBe(false);
  });
});

describe('policy summary', () => {
  it('prints Markdown naming the new version, its data changes, the notice rule and a redline', () => {
    const root = copyOfRepo();
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
      });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'base');
    expect(policy(root, 'new', 'privacy', '--effective', '2027-02-01', '--announce', '2026-12-20').status).toBe(0);
    const dir = path.join(root, 'policies/privacy/2027-02-01');
    edit(path.join(dir, 'en.mdx'), '"TODO: say in one or two sentences what changes and why."', 'We keep billing records for 10 years.');
    edit(path.join(dir, 'en.mdx'), 'period: P7Y', 'period: P10Y');
    const summary = policy(root, 'summary', '--base', 'main');
    expect(summary.status, summary.stderr).toBe(0);
    for (const expected of [
      '### privacy 2027-02-01: new version',
      '- `policies/privacy/2027-02-01/en.mdx` added',
      '**Change:** material: We keep billing records for 10 years.',
      '- Billing records kept 10 years instead of 7 years _(material)_',
      '**Notice rule:** ✅ announced 2026-12-20, effective 2027-02-01; with P30D notice the earliest allowed effective date is 2027-01-19.',
      '<details><summary>Redline against 2026-12-15 (en)</summary>',
      'Billing records \\| <del>7</del><ins>10</ins> years',
      '**Check:** ❌',
    ]) {
      expect(summary.stdout).toContain(expected);
    }
    expect(policy(root, 'summary', '--base', 'no-such-ref').status).toBe(2);
  });
});
