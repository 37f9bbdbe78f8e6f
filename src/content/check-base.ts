import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { siteConfig, sourceLocale } from '../config.ts';
import { keyPlace, publishedOn } from './check-lock.ts';
import { canonicalJson, dataFingerprint, fileDataFingerprint } from './data-fingerprint.ts';
import { errataGrowOnly, newErratumRecords } from './base-errata.ts';
import { readGitBase, type GitBase } from './git-base.ts';
import { localeSources, type Policy, type PolicyVersion } from './load-policies.ts';
import { lockPath, parseLock, policyFilePattern, readLock, type LockEntry, type LockFile } from './lock-file.ts';
import { PolicyError } from './policy-error.ts';
import { readFrontMatter } from './read-front-matter.ts';

/**
 * What only a comparison with the pull request's base can show, since a lock
 * file and errata edited together with the files they guard look consistent on
 * their own: a changed or removed entry of a published file, a deleted published
 * file, a published file changed without a new erratum, an edited or removed
 * erratum, a moved `announced` date, a new lock entry dated in the past, and a
 * changed file of a version not yet announced that the lock does not record
 * (it would otherwise become published unrecorded, and then look backdated).
 *
 * @param policies The policies as they are now (from `readPolicies`).
 * @throws {UsageError} when `ref` is not a revision of the repository at `root`.
 */
export function checkBase(root: string, ref: string, now: string, policies: readonly Policy[]): PolicyError[] {
  const base = readGitBase(root, ref);
  const baseLock = parseLock(base.files.has(lockPath) ? base.read(lockPath) : '{"files": {}}', root);
  if (baseLock.problems.length > 0) {
    return [
      new PolicyError(lockPath, `${lockPath} in ${ref} is not valid, so this change cannot be compared with it.`, {
        hint: `Check ${ref} first: npm run policy -- check, on ${ref}.`,
      }),
    ];
  }
  const ctx: Context = {
    root,
    now,
    base,
    baseLock: baseLock.files,
    lock: readLock(root),
    versions: new Map(policies.flatMap((p) => p.versions).map((v) => [versionDir(v), v])),
  };
  return [
    ...publishedFiles(ctx),
    ...(ctx.lock.problems.length > 0 ? [] : lockEntries(ctx)),
    ...errataGrowOnly(root, base),
    ...announcedDates(ctx),
    ...insertedVersions(ctx),
  ];
}

interface Context {
  root: string;
  now: string;
  base: GitBase;
  baseLock: Readonly<Record<string, LockEntry>>;
  lock: LockFile;
  versions: ReadonlyMap<string, PolicyVersion>;
}

const versionDir = (v: PolicyVersion) => `${siteConfig.policiesDir}/${v.policy}/${v.version}`;
const bytesOf = (ctx: Context, file: string) => (existsSync(path.join(ctx.root, file)) ? readFileSync(path.join(ctx.root, file)) : undefined);
const restoreHint = (ctx: Context, file: string) => `Restore it as it is in ${ctx.base.ref}: git checkout ${ctx.base.ref} -- ${file}`;

// Published files of the base stay, and change only with a new erratum that records their new hash.
function publishedFiles(ctx: Context): PolicyError[] {
  const errors: PolicyError[] = [];
  for (const [file, entry] of Object.entries(ctx.baseLock)) {
    if (entry.announced > ctx.now || !ctx.base.files.has(file)) continue;
    const version = path.posix.basename(path.posix.dirname(file));
    const bytes = bytesOf(ctx, file);
    if (!bytes) {
      const alsoEntry = ctx.lock.files[file] ? '' : ` together with its entry in ${lockPath}`;
      errors.push(
        new PolicyError(
          file,
          `This file of version ${version}, published on ${entry.announced}, was deleted${alsoEntry}; published versions stay available forever.`,
          { hint: restoreHint(ctx, `${file} ${lockPath}`) },
        ),
      );
      continue;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (!ctx.base.sameAs(file, bytes) && !newErratumRecords(ctx.root, ctx.base, file, sha256)) {
      errors.push(
        new PolicyError(
          file,
          `Version ${version} was published on ${entry.announced}, and this file changed, but no new erratum in errata.yaml records its new sha256 (${sha256.slice(0, 12)}…).`,
          {
            place: { line: 1, column: 1 },
            hint: `Undo the edit (git checkout ${ctx.base.ref} -- ${file}), or record the correction as a new erratum: npm run policy -- erratum ${file} --reason "what was corrected". Earlier errata never change.`,
          },
        ),
      );
    }
  }
  return errors;
}

// Entries of published files never change; an entry added or changed here cannot say "announced in the past".
function lockEntries(ctx: Context): PolicyError[] {
  const errors: PolicyError[] = [];
  const { lock, baseLock, now, base } = ctx;
  const hint = (file: string) =>
    `Restore the entry as it is in ${base.ref} (never edit ${lockPath} by hand). To correct ${file}, record an erratum; to change it, make a new version.`;
  for (const [file, before] of Object.entries(baseLock)) {
    if (before.announced > now) continue;
    const after = lock.files[file];
    if (!after) {
      if (existsSync(path.join(ctx.root, file)) || !base.files.has(file)) {
        errors.push(
          new PolicyError(lockPath, `The entry of ${file}, published on ${before.announced}, was removed; entries of published files stay forever.`, {
            place: lock.placeOf(),
            hint: hint(file),
          }),
        );
      }
      continue;
    }
    const changes = [
      ...(after.sha256 === before.sha256 ? [] : [`sha256 ${before.sha256.slice(0, 12)}… → ${after.sha256.slice(0, 12)}…`]),
      ...(after.announced === before.announced ? [] : [`announced ${before.announced} → ${after.announced}`]),
      ...(after.data === before.data || dataFirstRecorded(ctx, file, before, after)
        ? []
        : [`data ${before.data?.slice(0, 12) ?? 'none'}… → ${after.data?.slice(0, 12) ?? 'none'}…`]),
    ];
    if (changes.length > 0) {
      errors.push(
        new PolicyError(
          lockPath,
          `The entry of ${file}, published on ${before.announced}, was changed (${changes.join(', ')}); entries of published files never change.`,
          { place: lock.placeOf(file), hint: hint(file) },
        ),
      );
    }
  }
  for (const [file, after] of Object.entries(lock.files)) {
    const before = baseLock[file];
    if ((before && before.announced <= now) || after.announced >= now || canonicalJson(before) === canonicalJson(after)) continue;
    const dir = path.posix.dirname(file);
    if (ctx.versions.get(dir)?.data.imported) continue;
    // A translation added to a version published at base, on its date.
    if (Object.entries(baseLock).some(([f, e]) => path.posix.dirname(f) === dir && e.announced <= now && e.announced === after.announced)) continue;
    errors.push(
      new PolicyError(
        lockPath,
        `This change ${before ? 'dates' : 'adds'} the entry of ${file} as announced on ${after.announced}, before today (${now}): a version cannot be announced in the past.`,
        {
          place: lock.placeOf(file),
          hint: `Set the version's announced date to ${now} or later and run \`npm run policy -- lock\`. Only a version first published elsewhere may keep a past date: mark it \`imported: true\`.`,
        },
      ),
    );
  }
  return [...errors, ...unlockedChanges(ctx)];
}

// The data hash added by `policy lock` to an entry written before it existed must be the published file's.
function dataFirstRecorded(ctx: Context, file: string, before: LockEntry, after: LockEntry): boolean {
  return !before.data && after.data !== undefined && after.sha256 === before.sha256 && fileDataFingerprint(file, ctx.base.read(file)) === after.data;
}

// A changed file of a version not yet announced must be locked as it is, or it would become published unrecorded.
function unlockedChanges(ctx: Context): PolicyError[] {
  const errors: PolicyError[] = [];
  for (const version of ctx.versions.values()) {
    if (publishedOn(version, ctx.lock, ctx.now) !== undefined || version.data.announced <= ctx.now) continue;
    for (const source of localeSources(version)) {
      const bytes = bytesOf(ctx, source.file);
      if (!bytes || ctx.base.sameAs(source.file, bytes)) continue;
      const entry = ctx.lock.files[source.file];
      const data = source.locale === sourceLocale ? dataFingerprint(version.data) : undefined;
      if (entry?.sha256 === source.sha256 && entry.announced === version.data.announced && entry.data === data) continue;
      errors.push(
        new PolicyError(source.file, `This file changed, but ${lockPath} does not record it as it is now.`, {
          hint: `Run \`npm run policy -- lock\` and commit ${lockPath} with the change.`,
        }),
      );
    }
  }
  return errors;
}

// A version published at base keeps its announced date.
function announcedDates(ctx: Context): PolicyError[] {
  const errors: PolicyError[] = [];
  for (const file of ctx.base.files.keys()) {
    if (!policyFilePattern.test(file) || !path.posix.basename(file).startsWith(`${sourceLocale}.`)) continue;
    const bytes = bytesOf(ctx, file);
    if (!bytes || ctx.base.sameAs(file, bytes)) continue;
    const text = bytes.toString('utf8');
    const before = announcedIn(file, ctx.base.read(file));
    const after = announcedIn(file, text);
    const published = (before !== undefined && before <= ctx.now) || (ctx.baseLock[file]?.announced ?? '9999') <= ctx.now;
    if (!published || before === undefined || after === undefined || before === after) continue;
    errors.push(
      new PolicyError(
        file,
        `This version was announced on ${before} (as published in ${ctx.base.ref}) and its announced date never changes, but it now says ${after}.`,
        {
          place: keyPlace(text, 'announced'),
          hint: `Restore announced: ${before}. To change anything of substance, make a new version: npm run policy -- new ${file.split('/').at(-3)} --effective YYYY-MM-DD.`,
        },
      ),
    );
  }
  return errors;
}

function announcedIn(file: string, text: string): string | undefined {
  try {
    const value = readFrontMatter(file, text).data.announced;
    return value === undefined ? undefined : String(value);
  } catch {
    return undefined;
  }
}

// A version slipped in before one already published (imported or not) would change
// that version's predecessor, so its changes page and notice would say something else.
function insertedVersions(ctx: Context): PolicyError[] {
  const latestPublished = new Map<string, string>();
  for (const [file, entry] of Object.entries(ctx.baseLock)) {
    const [, policy = '', version = ''] = file.split('/');
    if (entry.announced <= ctx.now && ctx.base.files.has(file) && version > (latestPublished.get(policy) ?? '')) latestPublished.set(policy, version);
  }
  const errors: PolicyError[] = [];
  for (const version of ctx.versions.values()) {
    const latest = latestPublished.get(version.policy);
    const isNew = localeSources(version).every((source) => !ctx.base.files.has(source.file));
    if (!latest || !isNew || version.version >= latest) continue;
    const file = version.locales[sourceLocale]?.file ?? `${versionDir(version)}/${sourceLocale}.mdx`;
    errors.push(
      new PolicyError(
        file,
        `This new version takes effect on ${version.version}, before version ${latest}, which is already published; adding it would change what readers were told about ${latest}.`,
        {
          place: { line: 1, column: 1 },
          hint: `A new version takes effect after ${latest}. History from before this repository is imported before any version is published here.`,
        },
      ),
    );
  }
  return errors;
}
