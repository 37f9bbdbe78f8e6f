import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { fixtureRoot, fixturesDir } from '../helpers/fixture-root.ts';

// The corpus's payloads append to this file if anything ever evaluates them.
const MARKER = '/tmp/policy-as-code-hostile-marker';
const NOW = '2026-11-26';
const repo = path.resolve(import.meta.dirname, '../..');
const STACK_TRACE = /^\s+at .+[:(]\d+/m;

let root: string;
const policy = (...args: string[]) => {
  const result = spawnSync(process.execPath, [path.join(repo, 'scripts/policy.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, POLICY_NOW: NOW, NO_COLOR: '1', DEBUG: '' },
  });
  return { status: result.status, output: result.stdout + result.stderr };
};

beforeAll(() => {
  rmSync(MARKER, { force: true });
  // A git repository whose last commit is the valid base policy; the hostile
  // files are the pull request's uncommitted change on top of it.
  root = fixtureRoot();
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
  git('init', '-q');
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'base');
  const overlay = fixtureRoot(path.join(fixturesDir, 'hostile'));
  for (const dir of readdirSync(path.join(overlay, 'policies'))) {
    if (dir !== 'lock.json') execFileSync('cp', ['-r', path.join(overlay, 'policies', dir), path.join(root, 'policies')]);
  }
  // A translation that is a link to a file outside the repository.
  mkdirSync(path.join(root, 'policies/terms/2025-07-01'), { recursive: true });
  symlinkSync('/etc/passwd', path.join(root, 'policies/terms/2025-07-01/es.mdx'));
});

afterAll(() => {
  expect(existsSync(MARKER), 'a payload in the hostile corpus was executed').toBe(false);
});

describe('the hostile corpus', () => {
  it('is refused by check, with every attack located and nothing run', () => {
    const { status, output } = policy('check');
    expect(status).toBe(1);
    expect(output).not.toMatch(STACK_TRACE);
    for (const line of [
      'policies/privacy/2027-06-01/en.mdx:1:4  The front-matter is marked "---js", but policy front-matter is YAML and nothing else.',
      'policies/privacy/2027-06-01/es.mdx:1:4  The front-matter is marked "---javascript", but policy front-matter is YAML and nothing else.',
      'policies/terms/2025-07-01/en.mdx:2:8  This value contains an invisible control or text-direction character, which is not allowed in a policy file.',
      'policies/tagged/2025-07-01/en.mdx:44:13  The front-matter uses the YAML tag "!!js/function"; policy front-matter holds plain values only.',
      'policies/terms/2025-07-01/es.mdx  This is a symbolic link, not a file; policy files must be plain files in the repository.',
      'policies/cookies/2025-07-01/en.mdx:49:13  The image "https://tracker.example/p.gif" is loaded from tracker.example, which could track every reader of this page.',
      'policies/cookies/2025-07-01/en.mdx:49:49  The link "java\\tscript:alert(1)" contains a control character or a space before its scheme.',
      'policies/cookies/2025-07-01/en.mdx:61:10  <Email> has the prop contact more than once.',
      'policies/nested/2025-07-01/en.mdx:49:1  The text is nested more than 100 levels deep (quotes, lists or emphasis inside each other).',
      'policies/deep-yaml/2025-07-01/en.mdx:44:1  The front-matter is nested more than 50 levels deep.',
    ]) {
      expect(output).toContain(line);
    }
    expect(output).not.toContain('root:x:0:0');
  });

  it('is refused by diff, summary, lock, new and erratum without a stack trace', () => {
    const cases: Array<[string[], number, string]> = [
      [
        ['diff', 'policies/privacy/2025-07-01/en.mdx', 'policies/privacy/2027-06-01/en.mdx'],
        1,
        'policies/privacy/2027-06-01/en.mdx:1:4  The front-matter is marked "---js"',
      ],
      [['diff', 'policies/nested/2025-07-01/en.mdx', 'policies/privacy/2025-07-01/en.mdx'], 1, 'nested more than 100 levels deep'],
      [['diff', 'policies/privacy', 'policies/terms'], 1, 'policies/privacy  This is a folder, not a file.'],
      [['diff', 'policies/privacy/2025-07-01/en.mdx', 'policies/terms/2025-07-01/es.mdx'], 1, 'policies/terms/2025-07-01/es.mdx  This is a symbolic link'],
      [['summary', '--base', 'HEAD'], 0, '**Check:** ❌'],
      [['lock'], 1, 'The front-matter is marked "---js"'],
      [['new', 'privacy', '--effective', '2027-09-01', '--announce', '2026-01-01'], 2, 'The announcement date 2026-01-01 is in the past'],
      [['erratum', 'policies/privacy/2025-07-01/missing.mdx', '--reason', 'Typo.'], 2, ''],
      [['new', 'privacy', '--effective', '2027-02-30'], 2, 'Give the effective date as --effective YYYY-MM-DD.'],
      [['diff', '/dev/null', 'policies/privacy/2025-07-01/en.mdx'], 1, '/dev/null  This is not a regular file.'],
    ];
    for (const [args, code, text] of cases) {
      const { status, output } = policy(...args);
      expect(output, args.join(' ')).not.toMatch(STACK_TRACE);
      expect(status, `${args.join(' ')}\n${output}`).toBe(code);
      expect(output, args.join(' ')).toContain(text);
    }
  });

  it('never keeps parsed trees inside the checkout, where a pull request could plant its own', () => {
    // A cached tree skips the parse-time checks; the cache lives in the user's cache folder.
    expect(existsSync(path.join(root, 'node_modules'))).toBe(false);
  });

  it('stops the real build before any page is written, without a stack trace', () => {
    const build = buildSite({ now: NOW, policiesRoot: root });
    const output = build.stdout + build.stderr;
    expect(build.status, output).toBe(1);
    expect(output).not.toMatch(STACK_TRACE);
    expect(output).toContain('policies/privacy/2027-06-01/en.mdx:1:4  The front-matter is marked "---js"');
    expect(output).toContain('policies/terms/2025-07-01/es.mdx  This is a symbolic link');
    expect(readdirSync(build.out).filter((f) => f.endsWith('.html') || f === 'en')).toEqual([]);
  });

  it('prints one line for an internal error, and the trace only with DEBUG=1', () => {
    // No input is known to cause one (that would be a bug to fix), so a probe throws.
    const broken = (debug: string) =>
      spawnSync(
        process.execPath,
        ['--input-type=module', '-e', "import { handleInternalErrors } from './src/cli/internal-error.ts'; handleInternalErrors('probe'); null.x;"],
        {
          cwd: repo,
          encoding: 'utf8',
          env: { ...process.env, DEBUG: debug },
        },
      );
    const quiet = broken('');
    expect(quiet.status).toBe(3);
    expect(quiet.stderr).toMatch(
      /^probe: internal error \(TypeError: Cannot read properties of null \(reading 'x'\)\)\. This is a bug in policy-as-code, not in your files; please report it with the command you ran\. Run again with DEBUG=1 for the details\.\n$/,
    );
    const loud = broken('1');
    expect(loud.status).toBe(3);
    expect(loud.stderr).toMatch(STACK_TRACE);
  });
});
