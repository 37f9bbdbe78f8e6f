import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { siteConfig, sourceLocale } from '../config.ts';
import { readPolicies } from '../content/load-policies.ts';
import { MANIFEST } from '../content/policy-manifest.ts';
import { PolicyValidationError } from '../content/policy-error.ts';
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
  /** Revisions of the same day folded into this one. */
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
  if (options.linkBase !== undefined && !/^https:\/\/[^/\s]+/.test(options.linkBase)) throw new UsageError('--link-base must be an https:// address.');
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(policy)) throw new UsageError(`"${policy}" cannot name a policy: use lowercase letters, digits and single hyphens.`);
  const split = options.from.lastIndexOf(':');
  if (split <= 0) throw new UsageError('Write --from <git-repo>:<path>, such as --from ../policies:privacy/index.md.');
  const [repo, file] = [options.from.slice(0, split), options.from.slice(split + 1)];
  const dir = path.join(root, siteConfig.policiesDir, policy);
  if (existsSync(dir)) throw new UsageError(`${siteConfig.policiesDir}/${policy} already exists; import into a new policy.`);

  const versions = foldByDay(gitHistory(path.resolve(repo), file), options.linkBase);
  if (versions.at(-1)!.effective > resolveNow())
    throw new UsageError(`The latest revision is dated ${versions.at(-1)!.effective}, after today: imported history must have taken effect already.`);
  const title = versions.findLast((v) => v.title)?.title ?? policy.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const others = siteConfig.locales.filter((l) => l !== sourceLocale);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, MANIFEST),
    `kind: ${kind}\n${options.linkBase ? `linkBase: ${options.linkBase}\n` : ''}# Imported from ${file} in ${path.basename(path.resolve(repo))}.\n`,
  );
  versions.forEach((version, index) => {
    const front = {
      title: version.title ?? title,
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
  // Nothing is left half-made: the policy goes unless the check accepts every version.
  const problems = readPolicies(root, { skipLock: true }).errors.filter((e) => e.file.startsWith(`${siteConfig.policiesDir}/${policy}/`));
  if (problems.length > 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new PolicyValidationError(problems);
  }
  out(`Imported ${versions.length} version${versions.length === 1 ? '' : 's'} of ${file} into ${siteConfig.policiesDir}/${policy}/ (kind ${kind}):\n`);
  out('| version | date from | commit | path | words | changes made |');
  out('| --- | --- | --- | --- | --- | --- |');
  for (const v of versions)
    out(
      `| ${v.effective} | ${v.dated}${v.folded ? ` (+${v.folded} same-day)` : ''} | ${v.revision.commit.slice(0, 7)} | ${v.revision.path} | ${wordCount(v.body)} | ${v.changes.join('; ') || '-'} |`,
    );
  out('');
  return lockCommand(root, out);
}

// One version per day and distinct text: the day's latest revision wins, and a
// stated date that runs backwards (a "Last updated" line left as it was) gives way to the commit's.
function foldByDay(revisions: Revision[], linkBase: string | undefined): ImportedVersion[] {
  const versions: ImportedVersion[] = [];
  for (const revision of revisions) {
    const text = importedText(revision.text, linkBase);
    const previous = versions.at(-1);
    if (previous && previous.body === text.body) continue;
    const stated = statedDate(revision.text.split('\n').slice(0, 60).join('\n'));
    let [effective, dated] = stated ? [stated, 'text' as const] : [revision.date, 'commit' as const];
    if (previous && effective < previous.effective) [effective, dated] = [revision.date, 'commit'];
    const version = { effective, dated, revision, folded: 0, ...text };
    if (previous && effective <= previous.effective) versions[versions.length - 1] = { ...version, effective: previous.effective, folded: previous.folded + 1 };
    else versions.push(version);
  }
  return versions;
}
