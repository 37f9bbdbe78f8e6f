import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { siteConfig } from '../config.ts';

/** Where the lock file lives, relative to the repository root. */
export const lockPath = `${siteConfig.policiesDir}/lock.json`;

/**
 * The lock file: the sha256 of every policy file as it was published. Once a
 * version is announced, its files must keep these hashes (or carry an
 * erratum), so nobody can quietly rewrite what readers were told.
 */
export interface LockFile {
  /** By file path: its published sha256, and when its version was announced. */
  files: Record<string, LockEntry>;
}

/** One locked file. */
export interface LockEntry {
  sha256: string;
  announced: string;
}

/** Reads the lock file; a missing file is an empty lock. */
export function readLock(root: string): LockFile {
  const file = path.join(root, lockPath);
  if (!existsSync(file)) return { files: {} };
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockFile>;
  return { files: parsed.files ?? {} };
}

/** Writes the lock file with sorted keys, so it diffs cleanly in pull requests. */
export function writeLock(root: string, lock: LockFile): void {
  const files = Object.fromEntries(Object.entries(lock.files).sort(([a], [b]) => a.localeCompare(b)));
  const text = `${JSON.stringify({ $comment: 'sha256 of each policy file as published. Update with `npm run policy -- lock`; never edit by hand.', files }, null, 2)}\n`;
  writeFileSync(path.join(root, lockPath), text);
}
