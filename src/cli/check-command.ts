import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkBase } from '../content/check-base.ts';
import { checkDraftsLocked } from '../content/check-lock.ts';
import { readPolicies } from '../content/load-policies.ts';
import { readLock } from '../content/lock-file.ts';
import type { PolicyError } from '../content/policy-error.ts';
import { resolveNow } from '../content/resolve-now.ts';
import { UsageError } from './usage-error.ts';

// GitHub's workflow-command syntax escapes these in messages and properties.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One problem (or, as `notice`, a note) as a GitHub Actions annotation, shown on the pull request's diff. */
export function githubAnnotation(error: PolicyError, level: 'error' | 'notice' = 'error'): string {
  const where = [`file=${escapeProperty(error.file)}`, ...(error.place ? [`line=${error.place.line}`, `col=${error.place.column}`] : []), 'title=policy check'];
  return `::${level} ${where.join(',')}::${escapeData(error.message + (error.hint ? `\nHint: ${error.hint}` : ''))}`;
}

/**
 * `policy check [paths...] [--format text|github] [--base <git-ref>]`:
 * everything the build would reject, without the build. It calls the loader
 * the build calls, so the two cannot disagree. Paths narrow the report, not
 * the checks, since rules such as the notice period span files. With a base
 * (the pull request's target), it also refuses rewrites of published history
 * that only a comparison with the base shows (see `checkBase`).
 *
 * @returns The exit code: 0 clean, 1 problems.
 * @throws {UsageError} on a path that does not exist or a base that is not a git revision.
 */
export function checkCommand(root: string, paths: readonly string[], format: 'text' | 'github', out: (line: string) => void, base?: string): number {
  const wanted = paths.map((p) => {
    if (!existsSync(path.resolve(p))) throw new UsageError(`There is no file or folder "${p}" to check.`);
    return path.relative(root, path.resolve(p)).split(path.sep).join('/');
  });
  const now = resolveNow();
  const { policies, errors, notes } = readPolicies(root, { now });
  errors.push(
    ...checkDraftsLocked(
      policies.flatMap((p) => p.versions),
      readLock(root),
      now,
    ),
  );
  if (base !== undefined) errors.push(...checkBase(root, base, now, policies));
  const shown =
    wanted.length === 0
      ? errors
      : errors.filter((e) => wanted.some((w) => w === '' || e.file === w || e.file.startsWith(`${w}/`) || w.startsWith(`${e.file}/`)));
  const noted = notes.filter((n) => wanted.length === 0 || wanted.some((w) => w === '' || n.file === w || n.file.startsWith(`${w}/`)));
  // Notes say what was set aside (such as Jekyll keys), and never fail the check.
  for (const note of noted) out(format === 'github' ? githubAnnotation(note, 'notice') : `Note: ${note.format()}\n`);
  for (const error of shown) out(format === 'github' ? githubAnnotation(error) : `${error.format()}\n`);
  const files = new Set(shown.map((e) => e.file)).size;
  if (format === 'text')
    out(shown.length === 0 ? 'No problems found.' : `${shown.length} problem${shown.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.`);
  return shown.length === 0 ? 0 : 1;
}
