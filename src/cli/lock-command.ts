import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { siteConfig, sourceLocale } from '../config.ts';
import { backdatedError, dataChangedError, isBackdated, publishedOn } from '../content/check-lock.ts';
import { dataFingerprint, fileDataFingerprint } from '../content/data-fingerprint.ts';
import { loadPolicies, localeSources } from '../content/load-policies.ts';
import { lockPath, policyFilePattern, readLock, writeLock, type LockEntry } from '../content/lock-file.ts';
import { PolicyError, PolicyValidationError } from '../content/policy-error.ts';
import { readErrata, type Erratum } from '../content/read-errata.ts';
import { resolveNow } from '../content/resolve-now.ts';
import { UsageError } from './usage-error.ts';
import { localeFileIn } from '../content/body-parser.ts';

/**
 * `policy lock`: records the hash of every policy file, and of the data of each
 * source-locale file. Entries of published versions are never rewritten (that
 * needs an erratum), except to add a missing data hash while the file is still
 * the one published; entries of versions not yet announced follow their files.
 * It refuses, writing nothing, a new version announced in the past.
 */
export function lockCommand(root: string, out: (line: string) => void): number {
  const now = resolveNow();
  const lock = readLock(root);
  if (lock.problems.length > 0) throw new PolicyValidationError(lock.problems);
  const versions = loadPolicies(root, { now, skipLock: true }).flatMap((p) => p.versions);
  const backdated = versions.filter((v) => isBackdated(v, lock, now));
  if (backdated.length > 0) throw new PolicyValidationError(backdated.map((v) => backdatedError(v, now, root)));
  let changed = 0;
  const present = new Set<string>();
  const record = (file: string, entry: LockEntry, verb: string) => {
    lock.files[file] = entry;
    out(`${verb} ${file}`);
    changed++;
  };
  for (const version of versions) {
    const published = publishedOn(version, lock, now);
    const data = dataFingerprint(version.data);
    for (const source of localeSources(version)) {
      present.add(source.file);
      const entry = lock.files[source.file];
      const wanted = { sha256: source.sha256, announced: published ?? version.data.announced, ...(source.locale === sourceLocale ? { data } : {}) };
      if (published !== undefined && entry) {
        // The data hash of the published file, recorded once for entries written before it existed.
        if (wanted.data && !entry.data && entry.sha256 === source.sha256) record(source.file, { ...entry, data: wanted.data }, 'recorded the data hash of');
        continue;
      }
      if (entry?.sha256 === wanted.sha256 && entry.announced === wanted.announced && entry.data === wanted.data) continue;
      record(source.file, wanted, entry ? 'updated' : 'locked');
    }
  }
  for (const [file, entry] of Object.entries(lock.files)) {
    if (!present.has(file) && entry.announced > now) {
      delete lock.files[file];
      out(`dropped ${file} (never announced)`);
      changed++;
    }
  }
  writeLock(root, lock);
  out(changed ? `${lockPath}: ${changed} change${changed === 1 ? '' : 's'}.` : `${lockPath} is up to date.`);
  return 0;
}

/**
 * `policy erratum <file...> --reason "…"`: records a correction to a
 * published version in its errata.yaml, with the new hash of each file. The
 * erratum is shown on the version's page and in its JSON. It refuses a change
 * of the version's data, which needs a new version.
 */
export function erratumCommand(root: string, files: readonly string[], reasons: Record<string, string | undefined>, out: (line: string) => void): number {
  if (files.length === 0) throw new UsageError('Name the corrected file(s), for example policies/privacy/2025-07-01/en.mdx.');
  if (!reasons[sourceLocale]) throw new UsageError(`Say what was corrected with --reason "…" (in ${sourceLocale}).`);
  const relative = files.map((f) => versionFile(root, f));
  const dirs = new Set(relative.map((f) => path.posix.dirname(f)));
  if (dirs.size !== 1) throw new UsageError('An erratum corrects one version: name files of a single version folder.');
  const [dir] = [...dirs] as [string];
  const lock = readLock(root);
  if (lock.problems.length > 0) throw new PolicyValidationError(lock.problems);
  const source = `${dir}/${localeFileIn(existsSync(path.join(root, dir)) ? readdirSync(path.join(root, dir)) : [], sourceLocale) ?? `${sourceLocale}.mdx`}`;
  const locked = lock.files[source];
  if (locked?.data && locked.announced <= resolveNow() && existsSync(path.join(root, source))) {
    const data = fileDataFingerprint(source, readFileSync(path.join(root, source), 'utf8'));
    if (data === undefined)
      throw new PolicyError(source, 'The front-matter of this file is not valid, so the correction cannot be recorded.', {
        hint: 'Run `npm run policy -- check`, fix what it reports, then record the erratum.',
      });
    if (data !== locked.data) throw dataChangedError(source, path.posix.basename(dir), locked.announced, dir.split('/').at(-2)!);
  }
  const problems: PolicyError[] = [];
  readErrata(root, dir, problems);
  if (problems.length > 0) throw new PolicyValidationError(problems);
  const erratum: Erratum = {
    date: resolveNow(),
    reason: Object.fromEntries(Object.entries(reasons).filter((entry): entry is [string, string] => Boolean(entry[1]))),
    files: Object.fromEntries(
      relative.map((f) => [
        path.posix.basename(f),
        createHash('sha256')
          .update(readFileSync(path.join(root, f)))
          .digest('hex'),
      ]),
    ),
  };
  // Appended as text: earlier errata keep their bytes, since errata.yaml only grows.
  const errataFile = path.join(root, dir, 'errata.yaml');
  const before = existsSync(errataFile) ? readFileSync(errataFile, 'utf8') : '';
  writeFileSync(errataFile, `${before}${before && !before.endsWith('\n') ? '\n' : ''}${YAML.stringify([erratum])}`);
  out(`Recorded erratum of ${erratum.date} in ${dir}/errata.yaml for ${Object.keys(erratum.files).join(', ')}.`);
  return 0;
}

// A file of a version folder, relative to the root; anything else is a usage error.
function versionFile(root: string, file: string): string {
  const absolute = path.resolve(file);
  if (!existsSync(absolute)) throw new UsageError(`There is no file "${file}".`);
  if (statSync(absolute).isDirectory())
    throw new UsageError(`"${file}" is a folder: name the corrected files in it, such as ${path.join(file, `${sourceLocale}.mdx`)}.`);
  const relative = path.relative(root, absolute).split(path.sep).join('/');
  if (!policyFilePattern.test(relative)) {
    throw new UsageError(`"${file}" is not a policy file in a version folder, such as ${siteConfig.policiesDir}/privacy/2025-07-01/${sourceLocale}.mdx.`);
  }
  return relative;
}
