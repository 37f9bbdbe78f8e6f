import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { siteConfig, sourceLocale } from '../config.ts';
import { readPolicies } from '../content/load-policies.ts';
import { MANIFEST } from '../content/policy-manifest.ts';
import { PolicyError, PolicyValidationError } from '../content/policy-error.ts';
import { resolveNow } from '../content/resolve-now.ts';
import { gitHistory, type Revision } from '../import/git-history.ts';
import { importedText } from '../import/imported-text.ts';
import { statedDate } from '../import/stated-date.ts';
import { kindIds, policyKinds } from '../kinds/index.ts';
import { lockCommand } from './lock-command.ts';
import { UsageError } from './usage-error.ts';

/** One version the import makes: the latest revision of its day. */
interface ImportedVersion {
  effective: string;
  /** Where the date came from. */
  dated: 'text' | 'commit';
  revision: Revision;
  /** Revisions folded into this one (same day, or dated before it). */
  folded: number;
  title?: string;
  body: string;
  changes: string[];
}

const wordCount = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;

/**
 * `policy import <policy> --from <repo>:<path> [--kind K] [--locale L] [--link-base URL]`:
 * turns every revision of one Markdown file in a local git repository into the
 * versions of a new policy, one per distinct text and day, marked imported
 * (first published elsewhere: never notified, never refused as backdated). It
 * writes nothing unless `check` accepts the result, then updates the lock.
 */
export function importCommand(
  root: string,
  policy: string,
  options: { from: string; kind?: string; locale?: string; linkBase?: string },
  out: (line: string) => void,
): number {
  const kind = options.kind ?? 'document';
  if (!Object.hasOwn(policyKinds, kind)) throw new UsageError(`--kind must be one of ${kindIds.join(', ')}, not "${kind}".`);
  // A privacy policy's data (controller, processors, retention…) is facts no text states in a form we can read.
  if (kind === 'privacy')
    throw new UsageError(
      'A privacy policy needs its data (controller, processors, retention…) in front-matter, which no imported text has. Import it as --kind document, then add the data with `policy new`.',
    );
  const locale = options.locale ?? sourceLocale;
  if (locale !== sourceLocale)
    throw new UsageError(
      `--locale ${locale}: an imported text becomes the source text, which is in ${sourceLocale} on this site; other locales fall back to it.`,
    );
  if (options.linkBase !== undefined && !(/^https:\/\/[^/\s?#]+[^\s?#]*$/.test(options.linkBase) && URL.canParse(options.linkBase)))
    throw new UsageError('--link-base must be an https:// address with no spaces, query or fragment, such as https://old.example.com/legal/.');
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(policy)) throw new UsageError(`"${policy}" cannot name a policy: use lowercase letters, digits and single hyphens.`);
  const split = options.from.lastIndexOf(':');
  if (split <= 0) throw new UsageError('Write --from <git-repo>:<path>, such as --from ../policies:privacy/index.md.');
  const [repo, file] = [options.from.slice(0, split), options.from.slice(split + 1)];
  const dir = path.join(root, siteConfig.policiesDir, policy);
  if (existsSync(dir)) throw new UsageError(`${siteConfig.policiesDir}/${policy} already exists; import into a new policy.`);
  // An import must leave a repository `check` accepts; one that fails already would hide what the import broke.
  const before = readPolicies(root, {}).errors;
  if (before.length > 0)
    throw new UsageError(
      `The policies already have ${before.length} problem${before.length === 1 ? '' : 's'}; run \`npm run policy -- check\` and fix them before importing.`,
    );

  const { versions, notes } = foldByDay(gitHistory(path.resolve(repo), file), options.linkBase, resolveNow());
  if (versions.length === 0) throw new UsageError(`Every revision of ${file} is empty; there is no text to import.`);
  if (versions.at(-1)!.effective > resolveNow())
    throw new UsageError(`The latest revision is dated ${versions.at(-1)!.effective}, after today: imported history must have taken effect already.`);
  const title = versions.findLast((v) => v.title)?.title ?? policy.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  mkdirSync(dir, { recursive: true });
  try {
    writeVersions(dir, { kind, linkBase: options.linkBase, title }, versions);
    // Nothing is left half-made: the policy goes unless the check accepts every version.
    const problems = readPolicies(root, { skipLock: true }).errors.filter((e) => e.file.startsWith(`${siteConfig.policiesDir}/${policy}/`));
    if (problems.length > 0) throw new PolicyValidationError(problems.map((e) => fromCommit(e, versions)));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  out(`Imported ${versions.length} version${versions.length === 1 ? '' : 's'} of ${file} into ${siteConfig.policiesDir}/${policy}/ (kind ${kind}):\n`);
  out('| version | date from | commit | path | words | changes made |');
  out('| --- | --- | --- | --- | --- | --- |');
  for (const v of versions)
    out(
      `| ${v.effective} | ${v.dated}${v.folded ? ` (+${v.folded} folded)` : ''} | ${v.revision.commit.slice(0, 7)} | ${v.revision.path} | ${wordCount(v.body)} | ${v.changes.join('; ') || '-'} |`,
    );
  for (const note of notes) out(`\nNote: ${note}`);
  out('');
  return lockCommand(root, out);
}

// A problem in a version the import wrote names the revision it came from: the file is gone by then.
function fromCommit(error: PolicyError, versions: readonly ImportedVersion[]): PolicyError {
  const version = versions.find((v) => error.file.includes(`/${v.effective}/`));
  if (!version) return error;
  const where = `${version.revision.path} at commit ${version.revision.commit.slice(0, 7)}`;
  return new PolicyError(error.file, `${error.message} (From ${where}; nothing was written.)`, { place: error.place, hint: error.hint });
}

function writeVersions(dir: string, policy: { kind: string; linkBase?: string; title: string }, versions: readonly ImportedVersion[]): void {
  const others = siteConfig.locales.filter((l) => l !== sourceLocale);
  writeFileSync(path.join(dir, MANIFEST), YAML.stringify({ kind: policy.kind, ...(policy.linkBase && { linkBase: policy.linkBase }) }));
  versions.forEach((version, index) => {
    const front = {
      title: version.title ?? policy.title,
      effective: version.effective,
      announced: version.effective,
      ...(index > 0 && {
        // Whether an old change was material cannot be read from its text; material is the safe side.
        change: {
          kind: 'material',
          summary: `Revision of ${version.effective}, imported from the history of ${version.revision.path} (commit ${version.revision.commit.slice(0, 7)}).`,
        },
      }),
      imported: true,
      ...(others.length && { fallback: others }),
    };
    mkdirSync(path.join(dir, version.effective));
    writeFileSync(
      path.join(dir, version.effective, `${sourceLocale}.md`),
      `---\n${YAML.stringify(front, { lineWidth: 0 })}---\n\n${version.body.replace(/^\n+/, '')}`,
    );
  });
}

// One version per day and distinct text: the day's latest revision wins. A date
// stated in the text is believed unless it is in the future, runs backwards, or
// stays the same while the commits move on (a "Last updated" line nobody
// updated); then the commit's date is used, and the table says so.
function foldByDay(revisions: Revision[], linkBase: string | undefined, today: string): { versions: ImportedVersion[]; notes: string[] } {
  const versions: ImportedVersion[] = [];
  const notes: string[] = [];
  let empty = 0;
  for (const revision of revisions) {
    const text = importedText(revision.text, linkBase);
    if (wordCount(text.body) === 0) {
      empty++;
      continue;
    }
    const previous = versions.at(-1);
    if (previous && previous.body === text.body) continue;
    const stated = statedDate(revision.text.split('\n').slice(0, 60).join('\n'));
    let [effective, dated]: [string, ImportedVersion['dated']] = stated ? [stated, 'text'] : [revision.date, 'commit'];
    const stale = previous !== undefined && stated === previous.effective && revision.date > previous.revision.date;
    if (stated && (stated > today || (previous && stated < previous.effective) || stale)) [effective, dated] = [revision.date, 'commit'];
    const version: ImportedVersion = { effective, dated, revision, folded: 0, ...text };
    if (previous && effective <= previous.effective) {
      if (effective < previous.effective)
        notes.push(`${revision.commit.slice(0, 7)} is dated ${effective}, before the version of ${previous.effective}: its text became that version.`);
      versions[versions.length - 1] = { ...version, effective: previous.effective, dated: previous.dated, folded: previous.folded + 1 };
    } else versions.push(version);
  }
  if (empty) notes.push(`${empty} empty revision${empty === 1 ? '' : 's'} left out.`);
  return { versions, notes };
}
