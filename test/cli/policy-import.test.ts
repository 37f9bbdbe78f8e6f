import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, readPage } from '../helpers/build-site.ts';
import { fixtureRoot, fixturesDir } from '../helpers/fixture-root.ts';

/*
 * `policy import` over a git repository made here from five real revisions of
 * 37signals' cancellation policy (CC BY 4.0, fixtures/real-history/): a rename
 * (cancellation.md → cancellation/index.md), revisions dated by their text and
 * by their commit ("Last updated: [DATE]"), a commit that only renames, and two
 * revisions on one day, of which the later text is the version.
 */
const repo = path.resolve(import.meta.dirname, '../..');
const history = path.join(fixturesDir, 'real-history/basecamp-policies');
const NOW = '2026-12-01';
const policy = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(repo, 'scripts/policy.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, POLICY_NOW: NOW, NO_COLOR: '1' },
  });
const rev = (n: number) => readFileSync(path.join(history, `rev-${n}.md`), 'utf8');
const SAME_DAY = `${rev(4)}\nA sentence added later on the same day.\n`;

function sourceRepo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'import-source-'));
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { stdio: 'pipe' });
  const commit = (message: string, date: string) =>
    execFileSync('git', ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-qm', message], {
      env: { ...process.env, GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` },
    });
  const put = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
    git('add', '-A');
  };
  git('init', '-q');
  put('README.md', 'Policies\n');
  commit('start', '2019-09-01');
  put('cancellation.md', rev(1));
  commit('rev 1', '2019-09-16');
  put('cancellation.md', rev(2));
  commit('rev 2', '2019-09-18');
  mkdirSync(path.join(dir, 'cancellation'));
  git('mv', 'cancellation.md', 'cancellation/index.md');
  commit('move into a folder', '2020-03-01');
  put('cancellation/index.md', rev(3));
  commit('rev 3: "April DD, 2020", so the commit date', '2020-04-10');
  put('cancellation/index.md', rev(4));
  commit('rev 4', '2020-08-14');
  put('cancellation/index.md', SAME_DAY);
  commit('rev 4, amended the same day', '2020-08-14');
  put('cancellation/index.md', rev(5));
  commit('rev 5: "[DATE]", so the commit date', '2022-07-18');
  return dir;
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

let source: string;
let root: string;
let result: ReturnType<typeof policy>;

beforeAll(() => {
  source = sourceRepo();
  root = fixtureRoot();
  result = policy(root, 'import', 'cancellation', '--from', `${source}:cancellation/index.md`);
});

describe('policy import', () => {
  it('makes one version per distinct text and day, dated by the text or else the commit, and prints what it made', () => {
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(readdirSync(path.join(root, 'policies/cancellation')).sort()).toEqual([
      '2019-09-16',
      '2019-09-17',
      '2020-04-10',
      '2020-08-14',
      '2022-07-18',
      'policy.yaml',
    ]);
    expect(result.stdout).toContain('| 2019-09-17 | text | ');
    expect(result.stdout).toContain('| cancellation.md |');
    expect(result.stdout).toMatch(/\| 2020-04-10 \| commit \| [0-9a-f]{7} \| cancellation\/index\.md \|/);
    expect(result.stdout).toMatch(/\| 2020-08-14 \| text \(\+1 folded\) \|/);
    expect(result.stdout).toContain('policies/lock.json: 5 changes.');
    const sameDay = readFileSync(path.join(root, 'policies/cancellation/2020-08-14/en.md'), 'utf8');
    expect(sameDay).toContain('A sentence added later on the same day.');
    expect(sameDay).toMatch(/^---\ntitle: Cancellation policy\neffective: 2020-08-14\nannounced: 2020-08-14\nchange:\n {2}kind: material\n/);
    expect(sameDay).toContain('imported: true\nfallback:\n  - es\n');
    expect(readFileSync(path.join(root, 'policies/cancellation/policy.yaml'), 'utf8')).toMatch(/^kind: document\n/);
  });

  it('leaves a result that check and the build accept unchanged, every page keeping at least 99% of its words', () => {
    const check = policy(root, 'check');
    expect(check.stdout + check.stderr).toBe('No problems found.\n');
    const build = buildSite({ now: NOW, policiesRoot: root });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const texts = { '2019-09-16': rev(1), '2019-09-17': rev(2), '2020-04-10': rev(3), '2020-08-14': SAME_DAY, '2022-07-18': rev(5) };
    for (const [version, text] of Object.entries(texts)) {
      const page = readPage(build.out, `en/cancellation/${version}`);
      const shown = new Set(words(toString(select('main', page.tree)!)));
      // Words of the text as readers saw it: no front-matter, link targets or template tags.
      const sourceWords = words(
        text
          .replace(/^---\n[\s\S]*?\n---\n/, '')
          .replace(/\]\([^)]*\)/g, '] ')
          .replace(/\{\{[^}]*\}\}/g, ' ')
          .replace(/&[a-z]+;/g, '’'),
      );
      const kept = sourceWords.filter((w) => shown.has(w)).length;
      expect(kept / sourceWords.length, `${version}: words kept`).toBeGreaterThanOrEqual(0.99);
      expect(readPage(build.out, `es/cancellation/${version}`).html).toContain('lang="en"');
    }
    const redline = readPage(build.out, 'en/cancellation/2020-08-14/changes');
    expect(toString(select('main', redline.tree)!)).toContain('A sentence added later on the same day.');
    expect(select('ins', redline.tree)).toBeTruthy();
  }, 300_000);

  it('reads a bare repository too, and as terms when asked', () => {
    const bare = `${mkdtempSync(path.join(tmpdir(), 'import-bare-'))}/policies.git`;
    execFileSync('git', ['clone', '-q', '--bare', source, bare]);
    const other = fixtureRoot();
    const terms = policy(
      other,
      'import',
      'cancellation',
      '--from',
      `${bare}:cancellation/index.md`,
      '--kind',
      'terms',
      '--link-base',
      'https://www.37signals.com/policies/cancellation/',
    );
    expect(terms.status, terms.stdout + terms.stderr).toBe(0);
    expect(readFileSync(path.join(other, 'policies/cancellation/policy.yaml'), 'utf8')).toMatch(
      /^kind: terms\nlinkBase: https:\/\/www\.37signals\.com\/policies\/cancellation\/\n/,
    );
    // With a link base, the links keep their targets; the check resolves them there.
    expect(readFileSync(path.join(other, 'policies/cancellation/2020-08-14/en.md'), 'utf8')).toContain('](../terms/index.md)');
    expect(policy(other, 'check').stdout).toBe('No problems found.\n');
  });

  it('refuses what it cannot import with one clear sentence, and writes nothing', () => {
    const other = fixtureRoot();
    const cases: Array<[string[], string]> = [
      [['--from', `${other}:x.md`], `${other} is not a git repository (bare or not) on this machine.`],
      [['--from', `${source}:missing.md`], 'missing.md has no history in'],
      [['--from', `${source}:cancellation/index.md`, '--kind', 'privacy'], 'A privacy policy needs its data'],
      [['--from', `${source}:cancellation/index.md`, '--kind', 'contract'], '--kind must be one of privacy, terms, document, not "contract".'],
      [['--from', source], 'Write --from <git-repo>:<path>'],
      [['--from', `${source}:cancellation`], 'cancellation is not one file in'],
      [['--from', `${source}:*.md`], '*.md has no history in'],
      [['--from', `${source}:cancellation/index.md`, '--link-base', 'https://a.example/\norder: 0'], '--link-base must be an https:// address'],
    ];
    for (const [args, message] of cases) {
      const run = policy(other, 'import', 'cancellation', ...args);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(policy(other, 'import', 'privacy', '--from', `${source}:cancellation/index.md`).stderr).toContain('policies/privacy already exists');
    expect(existsSync(path.join(other, 'policies/cancellation'))).toBe(false);
  });

  it('dates a revision by its commit when its "Last updated" line was left as it was', () => {
    const dir = sourceRepo();
    writeFileSync(path.join(dir, 'cancellation/index.md'), rev(4).replace('We won’t bill you again', 'We will not bill you again'));
    execFileSync('git', ['-C', dir, '-c', 'user.name=T', '-c', 'user.email=t@e', 'commit', '-qam', 'an edit, the date line untouched'], {
      env: { ...process.env, GIT_AUTHOR_DATE: '2023-03-01T12:00:00Z', GIT_COMMITTER_DATE: '2023-03-01T12:00:00Z' },
    });
    const other = fixtureRoot();
    const run = policy(other, 'import', 'cancellation', '--from', `${dir}:cancellation/index.md`);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\| 2023-03-01 \| commit \| [0-9a-f]{7} \|/);
    expect(readFileSync(path.join(other, 'policies/cancellation/2023-03-01/en.md'), 'utf8')).toContain('We will not bill you again');
  });

  it('writes nothing when a revision fails the check, and says why', () => {
    const dir = sourceRepo();
    writeFileSync(path.join(dir, 'cancellation/index.md'), `${rev(5)}\n![pixel](https://tracker.example/p.gif)\n`);
    execFileSync('git', ['-C', dir, '-c', 'user.name=T', '-c', 'user.email=t@e', 'commit', '-qam', 'a tracking pixel'], {
      env: { ...process.env, GIT_AUTHOR_DATE: '2023-01-10T12:00:00Z', GIT_COMMITTER_DATE: '2023-01-10T12:00:00Z' },
    });
    const other = fixtureRoot();
    const lock = readFileSync(path.join(other, 'policies/lock.json'), 'utf8');
    const run = policy(other, 'import', 'cancellation', '--from', `${dir}:cancellation/index.md`);
    expect(run.status).toBe(1);
    expect(run.stderr + run.stdout).toContain('policies/cancellation/2023-01-10/en.md:');
    expect(run.stderr + run.stdout).toContain('tracker.example, which could track every reader of this page.');
    expect(run.stderr + run.stdout).toMatch(/\(From cancellation\/index\.md at commit [0-9a-f]{7}; nothing was written\.\)/);
    expect(existsSync(path.join(other, 'policies/cancellation'))).toBe(false);
    expect(readFileSync(path.join(other, 'policies/lock.json'), 'utf8')).toBe(lock);
  });
});
