import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { siteConfig } from '../config.ts';
import { UsageError } from '../cli/usage-error.ts';

/** The policy files of a git revision, read without touching the working tree. */
export interface GitBase {
  /** The revision as the user named it, for messages. */
  ref: string;
  /** Every file under the policies folder at that revision (relative to the root) and its blob id. */
  files: ReadonlyMap<string, string>;
  /** The text of one of those files at that revision. */
  read(file: string): string;
  /** Whether `bytes` (a file as it is now) are exactly the file at that revision. */
  sameAs(file: string, bytes: Uint8Array): boolean;
}

// Argument arrays, never a shell: the ref and the paths are data, not commands.
const git = (root: string, args: readonly string[]) =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });

/**
 * Opens a revision for comparison with the working tree under `root`.
 *
 * @throws {UsageError} when `root` is not in a git repository or `ref` is not a commit there.
 */
export function readGitBase(root: string, ref: string): GitBase {
  let commit: string;
  try {
    if (ref === '' || ref.startsWith('-')) throw new Error('not a revision');
    commit = git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).trim();
  } catch (error) {
    if (/not a git repository/i.test(String((error as { stderr?: unknown }).stderr)))
      throw new UsageError(`--base needs a git repository, and ${root} is not in one.`);
    throw new UsageError(`"${ref}" is not a git revision here. Pass the pull request's base, such as --base origin/main.`);
  }
  const files = new Map<string, string>();
  // Paths come out relative to the working directory, which is the root.
  for (const line of git(root, ['ls-tree', '-r', '-z', commit, '--', siteConfig.policiesDir]).split('\0')) {
    const match = /^\d+ blob ([0-9a-f]+)\t(.+)$/s.exec(line);
    if (match) files.set(match[2]!, match[1]!);
  }
  return {
    ref,
    files,
    read: (file) => git(root, ['show', `${commit}:./${file}`]),
    sameAs: (file, bytes) => {
      const oid = files.get(file);
      if (!oid) return false;
      const hash = createHash(oid.length === 64 ? 'sha256' : 'sha1');
      return hash.update(`blob ${bytes.length}\0`).update(bytes).digest('hex') === oid;
    },
  };
}
