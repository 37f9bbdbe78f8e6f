import { localeSources, type PolicyVersion } from './load-policies.ts';
import { lockPath, type LockFile } from './lock-file.ts';
import { PolicyError } from './policy-error.ts';

/**
 * Immutable history: every file of a version announced on or before `now`
 * must be in the lock file with the hash it was published with. A genuine
 * correction is allowed only through an erratum that records the new hash.
 */
export function checkLock(versions: readonly PolicyVersion[], lock: LockFile, now: string, filesOnDisk: ReadonlySet<string>): PolicyError[] {
  const errors: PolicyError[] = [];
  for (const version of versions) {
    if (version.data.announced > now) continue;
    for (const source of localeSources(version)) {
      const locked = lock.files[source.file];
      if (!locked) {
        errors.push(new PolicyError(source.file, `Version ${version.version} was announced on ${version.data.announced}, but this file is not in ${lockPath}.`, { hint: `Run \`npm run policy -- lock\` and commit ${lockPath}, so the published text cannot change unnoticed.` }));
        continue;
      }
      if (locked.sha256 === source.sha256) continue;
      const name = source.file.split('/').at(-1)!;
      const corrected = version.errata.findLast((e) => e.files[name] !== undefined);
      if (corrected?.files[name] === source.sha256) continue;
      errors.push(
        new PolicyError(source.file, `Version ${version.version} was published on ${version.data.announced} and its text and data must not change, but this file differs from the one published (sha256 ${locked.sha256.slice(0, 12)}…, now ${source.sha256.slice(0, 12)}…).`, {
          place: { line: 1, column: 1 },
          hint: `Undo the edit (git checkout -- ${source.file}) and make the change in a new version (npm run policy -- new ${version.policy} --effective YYYY-MM-DD). For a genuine correction, record an erratum: npm run policy -- erratum ${source.file} --reason "what was corrected".`,
        }),
      );
    }
  }
  for (const [file, entry] of Object.entries(lock.files)) {
    if (!filesOnDisk.has(file) && entry.announced <= now) {
      errors.push(new PolicyError(file, `This file of a version published on ${entry.announced} is missing; published versions stay available forever.`, { hint: `Restore it: git checkout -- ${file}` }));
    }
  }
  return errors;
}
