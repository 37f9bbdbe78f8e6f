import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { siteConfig, sourceLocale } from '../config.ts';
import { earliestEffective } from '../content/check-changes.ts';
import { PLACEHOLDER } from '../content/placeholder.ts';
import { readFrontMatter } from '../content/read-front-matter.ts';
import { localeFileIn } from '../content/body-parser.ts';
import { baseTail } from '../content/schema.ts';
import { resolveNow } from '../content/resolve-now.ts';
import { UsageError } from './usage-error.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar day written YYYY-MM-DD: 2027-02-30 matches the pattern but is not one. */
export const isDay = (value: string | undefined): value is string =>
  !!value && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

// Rewrites front-matter keys with `yaml`'s document API, which keeps comments
// and the authors' layout, and leaves the body untouched.
function editFrontMatter(source: string, edit: (doc: YAML.Document) => void): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  if (!match) throw new UsageError('The latest version has no front-matter to start from.');
  const doc = YAML.parseDocument(match[1]!);
  edit(doc);
  return `---\n${doc.toString({ lineWidth: 0 }).trimEnd()}\n---\n${source.slice(match[0].length)}`;
}

/**
 * `policy new <policy> --effective YYYY-MM-DD [--announce YYYY-MM-DD]
 * [--material | --editorial]`: starts the next version from the latest one,
 * in every locale, with placeholders `check` refuses until they are filled in.
 */
export function newCommand(
  root: string,
  policy: string,
  options: { effective?: string; announce?: string; kind: 'material' | 'editorial' },
  out: (line: string) => void,
): number {
  const policyDir = path.join(root, siteConfig.policiesDir, policy);
  if (!/^[a-z0-9-]+$/.test(policy) || !existsSync(policyDir))
    throw new UsageError(
      `There is no policy "${policy}" in ${siteConfig.policiesDir}/. To start one, give its kind: npm run policy -- new ${policy} --kind privacy|terms|document.`,
    );
  const { effective, kind } = options;
  const announced = options.announce ?? resolveNow();
  if (!isDay(effective)) throw new UsageError('Give the effective date as --effective YYYY-MM-DD.');
  if (!isDay(announced)) throw new UsageError('Give the announcement date as --announce YYYY-MM-DD.');
  // Readers cannot have been told before the version exists: notice counts from publication.
  if (announced < resolveNow())
    throw new UsageError(`The announcement date ${announced} is in the past; a new version is announced today (${resolveNow()}) or later.`);
  const latest = readdirSync(policyDir)
    .filter((d) => DATE.test(d))
    .sort()
    .at(-1);
  if (!latest) throw new UsageError(`"${policy}" has no version to start from.`);
  if (effective <= latest) throw new UsageError(`The new version must take effect after the latest one (${latest}).`);
  if (announced > effective) throw new UsageError(`The announcement (${announced}) must not come after the effective date (${effective}).`);
  const latestDir = path.join(policyDir, latest);
  const sourceName = localeFileIn(readdirSync(latestDir), sourceLocale) ?? `${sourceLocale}.mdx`;
  const sourceText = readFileSync(path.join(latestDir, sourceName), 'utf8');
  const noticePeriod = baseTail.noticePeriod.parse(readFrontMatter('', sourceText).data.noticePeriod);
  const earliest = earliestEffective(announced, noticePeriod);
  if (kind === 'material' && effective < earliest) {
    out(
      `A material change announced on ${announced} can take effect on ${earliest} at the earliest (notice period ${noticePeriod}); ${effective} is too soon.`,
    );
    out(`Use --effective ${earliest} or later, announce earlier with --announce, or use --editorial if the change is wording only.`);
    return 1;
  }
  const targetDir = path.join(policyDir, effective);
  if (existsSync(targetDir)) throw new UsageError(`${path.relative(root, targetDir)} already exists.`);
  mkdirSync(targetDir);

  const newSource = editFrontMatter(sourceText, (doc) => {
    doc.set('effective', effective);
    doc.set('announced', announced);
    doc.set('change', doc.createNode({ kind, summary: `${PLACEHOLDER} say in one or two sentences what changes and why.` }));
  });
  const written = [[sourceName, newSource]];
  const sourceHash = createHash('sha256').update(newSource).digest('hex').slice(0, 12);
  for (const file of readdirSync(latestDir)
    .filter((f) => /\.mdx?$/.test(f) && f !== sourceName)
    .sort()) {
    const text = editFrontMatter(readFileSync(path.join(latestDir, file), 'utf8'), (doc) => {
      doc.set('source', sourceHash);
      doc.setIn(['labels', 'change.summary'], `${PLACEHOLDER} translate the change summary.`);
    });
    written.push([file, text]);
  }
  for (const [file, text] of written) {
    writeFileSync(path.join(targetDir, file!), text!);
    out(`created ${path.relative(root, path.join(targetDir, file!))}`);
  }
  out(`\nNext: edit the text and data, replace the ${PLACEHOLDER} placeholders, then run \`npm run policy -- check\`.`);
  return 0;
}
