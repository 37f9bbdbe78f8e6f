import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../helpers/fixture-root.ts';

// Each attack on published history is made as a working-tree change of a
// throwaway git repository whose HEAD holds the base fixture, published by
// NOW; `policy check --base HEAD` must refuse it at its place, as CI does.
const repo = path.resolve(import.meta.dirname, '../..');
const NOW = '2026-11-26';
const V = 'policies/privacy/2025-07-01';

const policy = (cwd: string, ...args: string[]) => {
  const result = spawnSync(process.execPath, [path.join(repo, 'scripts/policy.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, POLICY_NOW: NOW, NO_COLOR: '1' },
  });
  expect(result.stdout + result.stderr, 'no stack trace').not.toContain('    at ');
  return result;
};
const checkBase = (cwd: string) => policy(cwd, 'check', '--base', 'HEAD');
const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', env: gitEnv });
const commit = (root: string) => {
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'base');
};

/** A git repository whose HEAD is the base fixture (one version, published on 2025-07-01). */
function baseRepo(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'policy-base-'));
  cpSync(path.join(fixturesDir, 'base/policies'), path.join(root, 'policies'), { recursive: true });
  git(root, 'init', '-q', '-b', 'main');
  commit(root);
  return root;
}

const sha = (root: string, file: string) =>
  createHash('sha256')
    .update(readFileSync(path.join(root, file)))
    .digest('hex');
const edit = (root: string, file: string, from: string | RegExp, to: string) => {
  const text = readFileSync(path.join(root, file), 'utf8');
  expect(text).toMatch(from);
  writeFileSync(path.join(root, file), text.replace(from, to));
};
/** Points the version's translation at its source as it is now, as an author does after editing en.mdx. */
const followSource = (root: string, dir: string) => edit(root, `${dir}/es.mdx`, /^source: .+$/m, `source: "${sha(root, `${dir}/en.mdx`).slice(0, 12)}"`);
/** Edits the lock file by hand, as an attacker would. */
const editLock = (root: string, change: (files: Record<string, Record<string, string>>) => void) => {
  const lock = JSON.parse(readFileSync(path.join(root, 'policies/lock.json'), 'utf8'));
  change(lock.files);
  writeFileSync(path.join(root, 'policies/lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
};
/** A new editorial version made from the base one (`policy new` refuses a past announcement, so it is made by hand). */
function newVersion(root: string, effective: string, announced: string, ...extra: string[]): string {
  const dir = `policies/privacy/${effective}`;
  cpSync(path.join(root, V), path.join(root, dir), { recursive: true });
  edit(
    root,
    `${dir}/en.mdx`,
    'effective: 2025-07-01\nannounced: 2025-07-01\n',
    [`effective: ${effective}`, `announced: ${announced}`, ...extra, 'change:', '  kind: editorial', '  summary: Clearer wording.', ''].join('\n'),
  );
  edit(root, `${dir}/es.mdx`, 'labels:\n', 'labels:\n  change.summary: Redacción más clara.\n');
  followSource(root, dir);
  return dir;
}
const restoreHint = (file: string) =>
  `    Hint: Restore the entry as it is in HEAD (never edit policies/lock.json by hand). To correct ${file}, record an erratum; to change it, make a new version.`;

describe('policy check --base refuses rewrites of published history', () => {
  it('an edit of a published file together with its lock entry', () => {
    const root = baseRepo();
    const before = { en: sha(root, `${V}/en.mdx`), es: sha(root, `${V}/es.mdx`) };
    edit(root, `${V}/en.mdx`, 'We collect:', 'We also collect:');
    followSource(root, V);
    const after = { en: sha(root, `${V}/en.mdx`), es: sha(root, `${V}/es.mdx`) };
    editLock(root, (files) => {
      files[`${V}/en.mdx`]!.sha256 = after.en;
      files[`${V}/es.mdx`]!.sha256 = after.es;
    });
    expect(policy(root, 'check').stdout, 'the lock alone cannot tell').toBe('No problems found.\n');
    const result = checkBase(root);
    expect(result.status).toBe(1);
    for (const [locale, line] of [
      ['en', 4],
      ['es', 9],
    ] as const) {
      const file = `${V}/${locale}.mdx`;
      expect(result.stdout).toContain(
        `policies/lock.json:${line}:5  The entry of ${file}, published on 2025-07-01, was changed (sha256 ${before[locale].slice(0, 12)}… → ${after[locale].slice(0, 12)}…); entries of published files never change.\n${restoreHint(file)}\n`,
      );
      expect(result.stdout).toContain(
        `${file}:1:1  Version 2025-07-01 was published on 2025-07-01, and this file changed, but no new erratum in errata.yaml records its new sha256 (${after[locale].slice(0, 12)}…).\n` +
          `    Hint: Undo the edit (git checkout HEAD -- ${file}), or record the correction as a new erratum: npm run policy -- erratum ${file} --reason "what was corrected". Earlier errata never change.\n`,
      );
    }
    expect(result.stdout).toMatch(/4 problems in 3 files\.\n$/);
  });

  it('a key added twice to the lock file, which JSON.parse would silently resolve', () => {
    const root = baseRepo();
    edit(
      root,
      'policies/lock.json',
      /\n {4}}\n {2}}\n}\n$/,
      `\n    },\n    "${V}/en.mdx": {\n      "sha256": "${'0'.repeat(64)}",\n      "announced": "2025-07-01"\n    }\n  }\n}\n`,
    );
    const result = checkBase(root);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      `policies/lock.json:13:5  "${V}/en.mdx" appears twice (first at line 4); JSON keeps only the last one and silently drops the other.\n` +
        '    Hint: Restore it (git checkout -- policies/lock.json) and run `npm run policy -- lock`, which writes it; never edit it by hand.\n1 problem in 1 file.\n',
    );
  });

  it('a published version deleted with its lock entries', () => {
    const root = baseRepo();
    rmSync(path.join(root, V), { recursive: true });
    editLock(root, (files) => {
      for (const file of Object.keys(files)) delete files[file];
    });
    expect(policy(root, 'check').status, 'the lock alone cannot tell').toBe(0);
    const result = checkBase(root);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      `${['en', 'es']
        .map(
          (l) =>
            `${V}/${l}.mdx  This file of version 2025-07-01, published on 2025-07-01, was deleted together with its entry in policies/lock.json; published versions stay available forever.\n    Hint: Restore it as it is in HEAD: git checkout HEAD -- ${V}/${l}.mdx policies/lock.json\n`,
        )
        .join('')}2 problems in 2 files.\n`,
    );
  });

  it("a published version's announced date moved into the future, with its lock entries", () => {
    const root = baseRepo();
    edit(root, `${V}/en.mdx`, 'announced: 2025-07-01', 'announced: 2026-12-20');
    followSource(root, V);
    editLock(root, (files) => {
      for (const locale of ['en', 'es']) Object.assign(files[`${V}/${locale}.mdx`]!, { sha256: sha(root, `${V}/${locale}.mdx`), announced: '2026-12-20' });
    });
    const result = checkBase(root);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      `${V}/en.mdx:4:12  This version was announced on 2025-07-01 (as published in HEAD) and its announced date never changes, but it now says 2026-12-20.\n` +
        `    Hint: Restore announced: 2025-07-01. To change anything of substance, make a new version: npm run policy -- new privacy --effective YYYY-MM-DD.\n`,
    );
    expect(result.stdout).toContain(`policies/lock.json:4:5  The entry of ${V}/en.mdx, published on 2025-07-01, was changed (sha256 `);
  });

  it('a new correction recorded by editing an earlier erratum instead of appending one', () => {
    const root = baseRepo();
    edit(root, `${V}/en.mdx`, 'We collect:', 'We gather:');
    followSource(root, V);
    expect(policy(root, 'erratum', `${V}/en.mdx`, `${V}/es.mdx`, '--reason', 'Plainer wording.').status).toBe(0);
    commit(root);
    edit(root, `${V}/en.mdx`, 'We gather:', 'We also gather:');
    followSource(root, V);
    const errata = readFileSync(path.join(root, `${V}/errata.yaml`), 'utf8');
    const recorded = errata.replace(/en\.mdx: \w+/, `en.mdx: ${sha(root, `${V}/en.mdx`)}`).replace(/es\.mdx: \w+/, `es.mdx: ${sha(root, `${V}/es.mdx`)}`);
    writeFileSync(path.join(root, `${V}/errata.yaml`), recorded);
    expect(policy(root, 'check').stdout, 'the errata alone cannot tell').toBe('No problems found.\n');
    const result = checkBase(root);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      `${V}/errata.yaml:1:3  Erratum 1 (of ${NOW}) was changed; errata.yaml only grows: earlier errata never change.\n` +
        `    Hint: Restore it as it is in HEAD (git checkout HEAD -- ${V}/errata.yaml) and record the new correction as a new erratum: npm run policy -- erratum <file> --reason "…".\n`,
    );
    expect(result.stdout).toContain(
      `${V}/en.mdx:1:1  Version 2025-07-01 was published on 2025-07-01, and this file changed, but no new erratum in errata.yaml records its new sha256`,
    );
  });

  it('a lock entry added by hand for a version announced in the past', () => {
    const root = baseRepo();
    const dir = newVersion(root, '2026-01-15', '2025-12-01');
    editLock(root, (files) => {
      for (const locale of ['en', 'es']) files[`${dir}/${locale}.mdx`] = { sha256: sha(root, `${dir}/${locale}.mdx`), announced: '2025-12-01' };
    });
    expect(policy(root, 'check').stdout, 'the lock alone cannot tell').toBe('No problems found.\n');
    const result = checkBase(root);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      `${[13, 17]
        .map((line, i) => {
          const file = `${dir}/${['en', 'es'][i]}.mdx`;
          return `policies/lock.json:${line}:5  This change adds the entry of ${file} as announced on 2025-12-01, before today (${NOW}): a version cannot be announced in the past.\n    Hint: Set the version's announced date to ${NOW} or later and run \`npm run policy -- lock\`. Only a version first published elsewhere may keep a past date: mark it \`imported: true\`.\n`;
        })
        .join('')}2 problems in 1 file.\n`,
    );
  });

  it('a new version whose lock entries were not recorded', () => {
    const root = baseRepo();
    const dir = newVersion(root, '2027-01-01', '2026-12-01');
    const result = checkBase(root);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      `${dir}/en.mdx  This file changed, but policies/lock.json does not record it as it is now.\n    Hint: Run \`npm run policy -- lock\` and commit policies/lock.json with the change.\n`,
    );
  });

  it('exits 2 with one line on a bad ref', () => {
    const root = baseRepo();
    const result = policy(root, 'check', '--base', 'no-such-ref');
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('"no-such-ref" is not a git revision here. Pass the pull request\'s base, such as --base origin/main.');
    expect(policy(root, 'check', '--base', '--output=x').status).toBe(2);
  });
});

describe('policy check --base accepts legitimate changes', () => {
  it('a new version added with its lock entries', () => {
    const root = baseRepo();
    newVersion(root, '2027-01-01', '2026-12-01');
    expect(policy(root, 'lock').status).toBe(0);
    const result = checkBase(root);
    expect(result.stdout + result.stderr).toBe('No problems found.\n');
    expect(result.status).toBe(0);
  });

  it('a correction of the text recorded as a new erratum, also after an earlier one', () => {
    const root = baseRepo();
    for (const [from, to] of [
      ['We collect:', 'We gather:'],
      ['We gather:', 'We also gather:'],
    ]) {
      edit(root, `${V}/en.mdx`, from!, to!);
      followSource(root, V);
      expect(policy(root, 'erratum', `${V}/en.mdx`, `${V}/es.mdx`, '--reason', 'Plainer wording.').status).toBe(0);
      const result = checkBase(root);
      expect(result.stdout + result.stderr).toBe('No problems found.\n');
      commit(root);
    }
  });

  it('a new policy whose history, first published elsewhere, is imported with its past dates', () => {
    const root = baseRepo();
    const dir = newVersion(root, '2026-01-15', '2025-12-01', 'imported: true');
    edit(root, `${V}/en.mdx`, 'announced: 2025-07-01\n', 'announced: 2025-07-01\nimported: true\n');
    followSource(root, V);
    // The same history as a new policy: the published privacy policy stays as it was.
    for (const version of [V, dir]) cpSync(path.join(root, version), path.join(root, version.replace('/privacy/', '/terms/')), { recursive: true });
    cpSync(path.join(root, 'policies/privacy/policy.yaml'), path.join(root, 'policies/terms/policy.yaml'));
    git(root, 'checkout', '--', V);
    rmSync(path.join(root, dir), { recursive: true });
    const lock = policy(root, 'lock');
    expect(lock.status, lock.stdout + lock.stderr).toBe(0);
    const result = checkBase(root);
    expect(result.stdout + result.stderr).toBe('No problems found.\n');
  });
});

describe('policy check refuses imported versions that would rewrite what readers were told', () => {
  it('an imported version after a version published here', () => {
    const root = baseRepo();
    const dir = newVersion(root, '2026-01-15', '2025-12-01', 'imported: true');
    const result = policy(root, 'check');
    expect(result.stdout).toContain(
      `${dir}/en.mdx:5:11  This version is marked imported, but it follows version 2025-07-01, which was first published here.\n`,
    );
    expect(result.status).toBe(1);
  });

  it('a new version slipped in before a published one', () => {
    const root = baseRepo();
    // Other rules refuse this too (the published version would now need a change entry);
    // the comparison with the base names the real problem whatever else is edited.
    const dir = newVersion(root, '2025-01-01', '2024-12-01', 'imported: true');
    const result = checkBase(root);
    expect(result.stdout).toContain(
      `${dir}/en.mdx:1:1  This new version takes effect on 2025-01-01, before version 2025-07-01, which is already published; adding it would change what readers were told about 2025-07-01.\n` +
        '    Hint: A new version takes effect after 2025-07-01. History from before this repository is imported before any version is published here.\n',
    );
    expect(result.status).toBe(1);
  });
});

describe('policy lock and erratum guard history too', () => {
  it('lock refuses a new version announced in the past, writing nothing', () => {
    const root = baseRepo();
    newVersion(root, '2026-01-15', '2025-12-01');
    const before = readFileSync(path.join(root, 'policies/lock.json'), 'utf8');
    const result = policy(root, 'lock');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'policies/privacy/2026-01-15/en.mdx:4:12  Version 2026-01-15 is new (policies/lock.json has not recorded it as published), but it says it was announced on 2025-12-01, before today (2026-11-26): a version cannot be announced in the past.\n',
    );
    expect(readFileSync(path.join(root, 'policies/lock.json'), 'utf8')).toBe(before);
    expect(policy(root, 'check').stdout).toContain('policies/privacy/2026-01-15/en.mdx:4:12  Version 2026-01-15 is new');
  });

  it('lock refuses a broken lock file instead of overwriting it', () => {
    const root = baseRepo();
    writeFileSync(path.join(root, 'policies/lock.json'), '{"files": {');
    const result = policy(root, 'lock');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('policies/lock.json:1:12  policies/lock.json is not valid JSON: it ends before the JSON is complete (was it cut off?).');
    expect(readFileSync(path.join(root, 'policies/lock.json'), 'utf8')).toBe('{"files": {');
  });

  it('erratum refuses a change of the data', () => {
    const root = baseRepo();
    edit(root, `${V}/en.mdx`, 'period: P90D', 'period: P900D');
    followSource(root, V);
    const result = policy(root, 'erratum', `${V}/en.mdx`, `${V}/es.mdx`, '--reason', 'Typo fix.');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `${V}/en.mdx:1:1  Version 2025-07-01 was published on 2025-07-01. An erratum may correct the text only; this changes the data (the facts in the front-matter: dates, periods, processors…), which needs a new version.\n` +
        `    Hint: Restore the published data (git checkout -- ${V}/en.mdx, then redo any wording fix) and make the change in a new version: npm run policy -- new privacy --effective YYYY-MM-DD.\n`,
    );
  });

  it('erratum names a missing file, a folder or a file outside a version folder in one line, exit 2', () => {
    const root = baseRepo();
    for (const [file, message] of [
      [`${V}/fr.mdx`, `There is no file "${V}/fr.mdx".`],
      [V, `"${V}" is a folder: name the corrected files in it, such as ${V}/en.mdx.`],
      ['policies/lock.json', '"policies/lock.json" is not a policy file in a version folder, such as policies/privacy/2025-07-01/en.mdx.'],
    ]) {
      const result = policy(root, 'erratum', file!, '--reason', 'x');
      expect(result.status).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe(message);
    }
  });
});
