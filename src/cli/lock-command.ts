import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { siteConfig, sourceLocale } from '../config.ts';
import { loadPolicies, localeSources } from '../content/load-policies.ts';
import { lockPath, readLock, writeLock } from '../content/lock-file.ts';
import type { Erratum } from '../content/read-errata.ts';
import { resolveNow } from '../content/resolve-now.ts';
import { UsageError } from './usage-error.ts';

/**
 * `policy lock`: records the hash of every policy file. Entries of published
 * versions are never rewritten (that needs an erratum); entries of versions not
 * yet announced follow their files.
 */
export function lockCommand(root: string, out: (line: string) => void): number {
  const now = resolveNow();
  const lock = readLock(root);
  const versions = loadPolicies(root, { now, skipLock: true }).flatMap((p) => p.versions);
  let changed = 0;
  const present = new Set<string>();
  for (const version of versions) {
    for (const source of localeSources(version)) {
      present.add(source.file);
      const entry = lock.files[source.file];
      if (entry && entry.announced <= now) continue;
      if (entry?.sha256 === source.sha256 && entry.announced === version.data.announced) continue;
      lock.files[source.file] = { sha256: source.sha256, announced: version.data.announced };
      out(`${entry ? 'updated' : 'locked'} ${source.file}`);
      changed++;
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
 * erratum is shown on the version's page and in its JSON.
 */
export function erratumCommand(root: string, files: readonly string[], reasons: Record<string, string | undefined>, out: (line: string) => void): number {
  if (files.length === 0) throw new UsageError('Name the corrected file(s), for example policies/privacy/2025-07-01/en.mdx.');
  if (!reasons[sourceLocale]) throw new UsageError(`Say what was corrected with --reason "…" (in ${sourceLocale}).`);
  const relative = files.map((f) => path.relative(root, path.resolve(f)).split(path.sep).join('/'));
  const dirs = new Set(relative.map((f) => path.posix.dirname(f)));
  if (dirs.size !== 1) throw new UsageError('An erratum corrects one version: name files of a single version folder.');
  const [dir] = [...dirs] as [string];
  if (!new RegExp(`^${siteConfig.policiesDir}/[a-z0-9-]+/\\d{4}-\\d{2}-\\d{2}$`).test(dir)) throw new UsageError(`${dir} is not a version folder such as ${siteConfig.policiesDir}/privacy/2025-07-01.`);
  const erratum: Erratum = {
    date: resolveNow(),
    reason: Object.fromEntries(Object.entries(reasons).filter((entry): entry is [string, string] => Boolean(entry[1]))),
    files: Object.fromEntries(relative.map((f) => [path.posix.basename(f), createHash('sha256').update(readFileSync(path.join(root, f))).digest('hex')])),
  };
  const errataFile = path.join(root, dir, 'errata.yaml');
  const errata = existsSync(errataFile) ? (YAML.parse(readFileSync(errataFile, 'utf8')) as Erratum[]) : [];
  writeFileSync(errataFile, YAML.stringify([...errata, erratum]));
  out(`Recorded erratum of ${erratum.date} in ${dir}/errata.yaml for ${Object.keys(erratum.files).join(', ')}.`);
  return 0;
}
