import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sourceLocale } from '../config.ts';
import { dataFingerprint } from './data-fingerprint.ts';
import { localeSources, type LocaleSource, type PolicyVersion } from './load-policies.ts';
import { lockPath, type LockFile } from './lock-file.ts';
import { PolicyError, type Place } from './policy-error.ts';

/**
 * Immutable history: every file of a version announced on or before `now`
 * must be in the lock file with the hash it was published with. A genuine
 * correction of the text is allowed only through an erratum that records the
 * new hash; the data never changes. A version the lock has not seen published
 * cannot claim to have been announced in the past, unless it is `imported`.
 */
export function checkLock(versions: readonly PolicyVersion[], lock: LockFile, now: string, filesOnDisk: ReadonlySet<string>): PolicyError[] {
  if (lock.problems.length > 0) return [...lock.problems];
  const errors: PolicyError[] = [];
  for (const version of versions) {
    const published = publishedOn(version, lock, now);
    if (published === undefined) {
      if (version.data.announced > now) continue;
      if (isBackdated(version, lock, now)) errors.push(backdatedError(version, now, lock.root));
      // Announced today: the lock must record the files as they are, as `policy lock` does.
      else
        errors.push(
          ...localeSources(version)
            .filter((s) => !isLocked(s, version, lock))
            .map((s) => notLockedError(s.file, version, lock)),
        );
      continue;
    }
    for (const source of localeSources(version)) {
      const locked = lock.files[source.file];
      if (!locked) {
        errors.push(notLockedError(source.file, version, lock));
        continue;
      }
      if (source.locale === sourceLocale && locked.data && locked.data !== dataFingerprint(version.data)) {
        errors.push(
          locked.sha256 === source.sha256
            ? editedEntryError(source.file, version, published)
            : dataChangedError(source.file, version.version, published, version.policy),
        );
        continue;
      }
      if (locked.sha256 === source.sha256) continue;
      const name = source.file.split('/').at(-1)!;
      const corrected = version.errata.findLast((e) => e.files[name] !== undefined);
      if (corrected?.files[name] === source.sha256) continue;
      errors.push(
        new PolicyError(
          source.file,
          `Version ${version.version} was published on ${published} and its text and data must not change, but this file differs from the one published (sha256 ${locked.sha256.slice(0, 12)}…, now ${source.sha256.slice(0, 12)}…).`,
          {
            place: { line: 1, column: 1 },
            hint: `Undo the edit (git checkout -- ${source.file}) and make the change in a new version (npm run policy -- new ${version.policy} --effective YYYY-MM-DD). For a genuine correction, record an erratum: npm run policy -- erratum ${source.file} --reason "what was corrected".`,
          },
        ),
      );
    }
  }
  for (const [file, entry] of Object.entries(lock.files)) {
    if (!filesOnDisk.has(file) && entry.announced <= now) {
      errors.push(
        new PolicyError(file, `This file of a version published on ${entry.announced} is missing; published versions stay available forever.`, {
          hint: `Restore it: git checkout -- ${file}`,
        }),
      );
    }
  }
  return errors;
}

/**
 * When the lock says the version was published (the earliest announced date of
 * its locked files, if on or before `now`). The lock, not the front-matter,
 * decides: moving `announced` into the future does not unpublish a version.
 */
export function publishedOn(version: PolicyVersion, lock: Pick<LockFile, 'files'>, now: string): string | undefined {
  const dates = localeSources(version)
    .map((s) => lock.files[s.file]?.announced)
    .filter((d): d is string => d !== undefined && d <= now);
  return dates.sort()[0];
}

/** A version the lock has not seen published that says it was announced before today, and is not imported. */
export function isBackdated(version: PolicyVersion, lock: Pick<LockFile, 'files'>, now: string): boolean {
  return !version.data.imported && version.data.announced < now && publishedOn(version, lock, now) === undefined;
}

/** The refusal of a backdated version, at its `announced` line: shared by `check`, the build and `policy lock`. */
export function backdatedError(version: PolicyVersion, now: string, root: string): PolicyError {
  const file = version.locales[sourceLocale]?.file ?? localeSources(version)[0]!.file;
  return new PolicyError(
    file,
    `Version ${version.version} is new (${lockPath} has not recorded it as published), but it says it was announced on ${version.data.announced}, before today (${now}): a version cannot be announced in the past.`,
    {
      place: announcedPlace(root, file),
      hint: `Set announced to ${now} or later (keeping the notice period before effective), then run \`npm run policy -- lock\`. Only a version first published elsewhere may keep a past date: mark it \`imported: true\`.`,
    },
  );
}

/** The refusal of a published source file whose data changed: no erratum can allow it. */
export function dataChangedError(file: string, version: string, published: string, policy: string): PolicyError {
  return new PolicyError(
    file,
    `Version ${version} was published on ${published}. An erratum may correct the text only; this changes the data (the facts in the front-matter: dates, periods, processors…), which needs a new version.`,
    {
      place: { line: 1, column: 1 },
      hint: `Restore the published data (git checkout -- ${file}, then redo any wording fix) and make the change in a new version: npm run policy -- new ${policy} --effective YYYY-MM-DD.`,
    },
  );
}

// `policy lock` never records a hash without the data it goes with: the entry was edited to match an edited file.
function editedEntryError(file: string, version: PolicyVersion, published: string): PolicyError {
  return new PolicyError(
    file,
    `Version ${version.version} was published on ${published}, and this file's data is not the data published, although its sha256 matches its entry in ${lockPath}: the entry was edited by hand.`,
    {
      place: { line: 1, column: 1 },
      hint: `Restore the file and ${lockPath} as published (git checkout -- ${file} ${lockPath}) and make the change in a new version: npm run policy -- new ${version.policy} --effective YYYY-MM-DD.`,
    },
  );
}

function isLocked(source: LocaleSource, version: PolicyVersion, lock: LockFile): boolean {
  const entry = lock.files[source.file];
  return entry?.sha256 === source.sha256 && entry.announced === version.data.announced;
}

function notLockedError(file: string, version: PolicyVersion, lock: LockFile): PolicyError {
  return new PolicyError(
    file,
    `Version ${version.version} was announced on ${version.data.announced}, but this file is not in ${lockPath}${lock.files[file] ? ' as it is now' : ''}.`,
    {
      hint: `Run \`npm run policy -- lock\` and commit ${lockPath}, so the published text cannot change unnoticed.`,
    },
  );
}

/**
 * Where a top-level front-matter key's value is, found in the file's text.
 * (Reads the file again: a version keeps no front-matter, and this is only needed for a refusal.)
 */
export function keyPlace(text: string, key: string): Place {
  const lines = text.split(/\r?\n/);
  const end = lines.indexOf('---', 1);
  const pattern = new RegExp(`^(["']?)${key}\\1\\s*:\\s*`);
  for (let i = 1; i < (end < 0 ? lines.length : end); i++) {
    const match = pattern.exec(lines[i]!);
    if (match) return { line: i + 1, column: match[0].length + 1 };
  }
  return { line: 1, column: 1 };
}

function announcedPlace(root: string, file: string): Place {
  try {
    return keyPlace(readFileSync(path.join(root, file), 'utf8'), 'announced');
  } catch {
    return { line: 1, column: 1 };
  }
}

/**
 * Drafts (announced after `now`) whose files are not in the lock as they are.
 * The build lets them pass, so authors can preview a draft while writing it;
 * `policy check`, which guards the merge, refuses them: on the announcement day
 * the daily build publishes the draft, and an unlocked published version would
 * stop that build and every deploy after it.
 */
export function checkDraftsLocked(versions: readonly PolicyVersion[], lock: LockFile, now: string): PolicyError[] {
  if (lock.problems.length > 0) return [];
  return versions
    .filter((version) => version.data.announced > now && publishedOn(version, lock, now) === undefined)
    .flatMap((version) =>
      localeSources(version)
        .filter((source) => !isLocked(source, version, lock))
        .map(
          (source) =>
            new PolicyError(
              source.file,
              `Version ${version.version} is to be announced on ${version.data.announced}, but this file is not in ${lockPath}${lock.files[source.file] ? ' as it is now' : ''}: on that day the daily build publishes it, and an unlocked published version stops the build.`,
              { hint: `Run \`npm run policy -- lock\` and commit ${lockPath} with the draft.` },
            ),
        ),
    );
}
