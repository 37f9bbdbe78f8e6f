import { execFileSync } from 'node:child_process';
import { UsageError } from '../cli/usage-error.ts';

/** One revision of a file in a git repository. */
export interface Revision {
  commit: string;
  /** The commit date, YYYY-MM-DD (the committer's, in the committer's zone). */
  date: string;
  /** The file's path at that commit: renames are followed. */
  path: string;
  text: string;
}

// Argument arrays, never a shell: the repository, path and commits are data.
// Literal pathspecs: "legal" or "*.md" must not gather the revisions of several files into one history.
const git = (repo: string, args: readonly string[]) =>
  execFileSync('git', ['--literal-pathspecs', '-C', repo, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });

/**
 * Every revision of one file, oldest first, following renames, from a local
 * repository (bare or not); revisions that delete the file are left out.
 *
 * @throws {UsageError} when `repo` is no repository or `file` has no history there.
 */
export function gitHistory(repo: string, file: string): Revision[] {
  let log: string;
  try {
    git(repo, ['rev-parse', '--git-dir']);
  } catch {
    throw new UsageError(`${repo} is not a git repository (bare or not) on this machine.`);
  }
  if (file === '' || file.startsWith('-')) throw new UsageError(`"${file}" cannot name a file; write --from <repo>:<path/to/policy.md>.`);
  try {
    // One record per commit: hash, date, then the file's name at that commit (--name-status gives the rename's new name last).
    log = git(repo, ['log', '--follow', '--format=%x1e%H%x1f%cs', '--name-status', '-z', '--end-of-options', 'HEAD', '--', file]);
  } catch (error) {
    throw new UsageError(`git could not read the history of ${file} in ${repo}: ${String((error as { stderr?: unknown }).stderr ?? error).trim()}`);
  }
  const revisions: Revision[] = [];
  for (const record of log.split('\x1e').slice(1)) {
    const [head = '', ...rest] = record.split('\0').filter((part) => part.trim() !== '');
    const [commit = '', date = ''] = head.trim().split('\x1f');
    const status = rest[0]?.trim() ?? '';
    const name = rest.at(-1)?.trim() ?? file;
    if (status.startsWith('D')) continue;
    revisions.push({ commit, date, path: name, text: git(repo, ['show', `${commit}:${name}`]) });
  }
  if (revisions.length === 0) throw new UsageError(`${file} has no history in ${repo}: check the path, which is relative to the repository's root.`);
  // A folder matches every file in it; only one file's own history (its renames followed) is a policy's.
  if (revisions[0]!.path !== file.replace(/^\.\//, ''))
    throw new UsageError(`${file} is not one file in ${repo} (its history holds ${revisions[0]!.path}); name the Markdown file itself.`);
  for (const revision of revisions)
    if (revision.text.includes('\uFFFD'))
      throw new UsageError(`Revision ${revision.commit.slice(0, 7)} of ${revision.path} is not UTF-8 text; convert the file's history to UTF-8 first.`);
  return revisions.reverse();
}
