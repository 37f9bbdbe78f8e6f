import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isLocale, siteConfig, sourceLocale, type Locale } from '../config.ts';
import { checkChanges } from './check-changes.ts';
import { checkCharacters } from './check-characters.ts';
import { checkLinks } from './check-links.ts';
import { checkLock } from './check-lock.ts';
import { checkReferences } from './check-references.ts';
import { checkMissingLocales, checkTranslation } from './check-translation.ts';
import { listPolicyFiles } from './list-policy-files.ts';
import { readLock } from './lock-file.ts';
import { readErrata, type Erratum } from './read-errata.ts';
import { resolveNow } from './resolve-now.ts';
import { cachedParse, releaseTree } from './parse-cache.ts';
import type { ParsedBody } from './parse-mdx.ts';
import { bodyParser } from './body-parser.ts';
import { PolicyError, PolicyValidationError } from './policy-error.ts';
import { readFrontMatter, type FrontMatterFile } from './read-front-matter.ts';
import { policyFrontmatterSchema, translationSchema, type PolicyData } from './schema.ts';
import { schemaErrors } from './schema-errors.ts';
import { treeReferences, type TreeReference } from './tree-references.ts';

/** One locale's file of a policy version. */
export interface LocaleSource {
  locale: Locale;
  /** Path relative to the repository root. */
  file: string;
  /** sha256 of the file's bytes, hex. */
  sha256: string;
  title: string;
  /** Translated labels by dotted key; empty for the source locale. */
  labels: Record<string, string>;
  /** For a translation: the hash prefix of the source file it was made from. */
  translatedFrom?: string;
  body: ParsedBody;
  /** The text's links, images and components, for the checks that run after its tree is let go. */
  references: TreeReference[];
}

/** One version of a policy: its data, stated once, and its text per locale. */
export interface PolicyVersion {
  policy: string;
  /** The effective date, which is also the version's name. */
  version: string;
  data: PolicyData;
  locales: Partial<Record<Locale, LocaleSource>>;
  /** Recorded corrections to the published text, oldest first. */
  errata: Erratum[];
}

/** The locale files a version has, in configured order. */
export function localeSources(version: PolicyVersion): LocaleSource[] {
  return Object.values(version.locales).filter((source): source is LocaleSource => source !== undefined);
}

/** A policy and its versions, oldest first. */
export interface Policy {
  id: string;
  versions: PolicyVersion[];
}

interface FileEntry {
  policy: string;
  folder: string;
  locale: Locale;
  file: string;
  frontMatter: FrontMatterFile;
  source: LocaleSource;
  /** False when the front-matter failed the schema; its errors are already reported. */
  valid: boolean;
  data?: PolicyData;
}

const FILE_PATTERN = /^([a-z0-9-]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]{2}(?:-[A-Z]{2})?)\.mdx?$/;

/**
 * Reads and checks every policy under `policies/`. Collects every problem
 * before failing so an author sees them all at once.
 *
 * @param root The repository root.
 * @param options.now The date that decides which versions are published (and so locked).
 * @param options.skipLock Skip the lock check, for `policy lock` itself.
 * @param options.warnings When given (the dev server), stale translations are collected here instead of failing.
 * @throws {PolicyValidationError} listing every problem found.
 */
export function loadPolicies(root: string, options: { now?: string; skipLock?: boolean; warnings?: PolicyError[] } = {}): Policy[] {
  const { policies, errors } = readPolicies(root, options);
  // While authors edit (the dev server), a translation left behind by an edit of
  // its source is a warning to show, not a reason to take every page down.
  const fatal = options.warnings ? errors.filter((e) => e.code !== 'stale-translation') : errors;
  options.warnings?.push(...errors.filter((e) => !fatal.includes(e)));
  if (fatal.length > 0) throw new PolicyValidationError(fatal);
  return policies;
}

/**
 * Like `loadPolicies`, but returns the problems beside whatever loaded, for
 * reports (such as a pull-request summary) that are useful even when a check fails.
 */
export function readPolicies(root: string, options: { now?: string; skipLock?: boolean } = {}): { policies: Policy[]; errors: PolicyError[] } {
  const dir = siteConfig.policiesDir;
  const now = options.now ?? resolveNow();
  const errors: PolicyError[] = [];
  const entries: FileEntry[] = [];
  const listing = listPolicyFiles(root, dir);
  errors.push(...listing.errors);
  const files = listing.files.filter((f) => /\.(mdx?|markdown)$/.test(f));

  for (const relative of files) {
    const file = `${dir}/${relative}`;
    const match = FILE_PATTERN.exec(relative);
    if (!match) {
      errors.push(
        new PolicyError(file, 'This file is not where a policy version goes.', {
          hint: `Name it ${dir}/<policy>/<YYYY-MM-DD>/<locale>.mdx (or .md for plain Markdown), for example ${dir}/privacy/2026-03-15/en.mdx.`,
        }),
      );
      continue;
    }
    const [, policy, folder, locale] = match as unknown as [string, string, string, string];
    if (!isLocale(locale)) {
      errors.push(
        new PolicyError(file, `"${locale}" is not one of the site's locales (${siteConfig.locales.join(', ')}).`, {
          hint: 'Rename the file to a configured locale, or add the locale to siteConfig.locales in src/config.ts together with its UI strings in src/i18n/.',
        }),
      );
      continue;
    }
    entries.push(readEntry(root, file, policy, folder, locale, errors));
  }

  const policies = new Map<string, Map<string, FileEntry[]>>();
  for (const entry of entries) {
    const versions = policies.get(entry.policy) ?? new Map<string, FileEntry[]>();
    policies.set(entry.policy, versions);
    const group = versions.get(entry.folder) ?? [];
    const twin = group.find((e) => e.locale === entry.locale);
    if (twin) {
      errors.push(
        new PolicyError(entry.file, `This version already has ${twin.file.split('/').at(-1)} for ${entry.locale}; one file per locale.`, {
          hint: 'Keep the .mdx file if the text uses components, or the .md file for plain Markdown, and delete the other.',
        }),
      );
      continue;
    }
    versions.set(entry.folder, [...group, entry]);
  }

  const result: Policy[] = [];
  for (const [id, folders] of [...policies].sort(([a], [b]) => a.localeCompare(b))) {
    const versions: PolicyVersion[] = [];
    const byEffective = new Map<string, string>();
    for (const [folder, group] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
      const source = group.find((e) => e.locale === sourceLocale);
      if (!source) {
        errors.push(
          new PolicyError(`${dir}/${id}/${folder}`, `Version ${folder} of "${id}" has no ${sourceLocale}.mdx (or ${sourceLocale}.md), which holds its data.`, {
            hint: `Add ${dir}/${id}/${folder}/${sourceLocale}.mdx; translations only carry text.`,
          }),
        );
        continue;
      }
      if (!source.data) continue;
      const { effective } = source.data;
      const twin = byEffective.get(effective);
      if (twin) {
        errors.push(
          new PolicyError(source.file, `Version ${effective} of "${id}" is defined twice: here and in ${twin}.`, {
            place: source.frontMatter.placeOf(['effective']),
            hint: 'Each version needs its own effective date; correct the date or delete the duplicate.',
          }),
        );
        continue;
      }
      byEffective.set(effective, source.file);
      if (effective !== folder) {
        errors.push(
          new PolicyError(source.file, `The effective date ${effective} does not match the folder name ${folder}.`, {
            place: source.frontMatter.placeOf(['effective']),
            hint: `A version is named by its effective date: move the file to ${dir}/${id}/${effective}/ or correct the date.`,
          }),
        );
        continue;
      }
      if (versions.length > 0 && !source.data.change) {
        errors.push(
          new PolicyError(source.file, `Version ${folder} is not the first version of "${id}", so it needs a "change" entry.`, {
            place: { line: 2, column: 1 },
            hint: 'Add change: { kind: material or editorial, summary: "what changed and why" }.',
          }),
        );
      }
      errors.push(...checkReferences(source.file, source.data, source.frontMatter));
      errors.push(
        ...checkMissingLocales(
          source,
          group.map((e) => e.locale),
        ),
      );
      const locales: PolicyVersion['locales'] = {};
      for (const entry of group.filter((e) => e.valid)) {
        if (entry !== source) errors.push(...checkTranslation(entry, source, entry.frontMatter));
        errors.push(...checkComponentProps(entry, source.data));
        locales[entry.locale] = entry.source;
      }
      const errata = readErrata(root, `${dir}/${id}/${folder}`, errors, { announced: source.data.announced, now });
      const version: PolicyVersion = { policy: id, version: folder, data: source.data, locales, errata };
      const previous = versions.at(-1);
      if (previous) errors.push(...checkChanges(previous, version, source.file, source.frontMatter));
      versions.push(version);
    }
    result.push({ id, versions });
  }
  errors.push(...checkLinks(result, now));
  if (!options.skipLock)
    errors.push(
      ...checkLock(
        result.flatMap((p) => p.versions),
        readLock(root),
        now,
        new Set(files.map((f) => `${dir}/${f}`)),
      ),
    );
  return { policies: result, errors };
}

function readEntry(root: string, file: string, policy: string, folder: string, locale: Locale, errors: PolicyError[]): FileEntry {
  const bytes = readFileSync(path.join(root, file));
  const text = bytes.toString('utf8');
  errors.push(...checkCharacters(file, text));
  let frontMatter: FrontMatterFile;
  try {
    frontMatter = readFrontMatter(file, text);
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    errors.push(error);
    // Kept as an invalid entry so the version is not also reported as missing this file.
    const body = { tree: { type: 'root' as const, children: [] }, headings: [], errors: [], parsed: false };
    return {
      policy,
      folder,
      locale,
      file,
      valid: false,
      frontMatter: { data: {}, body: '', placeOf: () => ({ line: 1, column: 1 }) },
      source: { locale, file, sha256: '', title: '', labels: {}, body, references: [] },
    };
  }
  const isSource = locale === sourceLocale;
  const schema = isSource ? policyFrontmatterSchema : translationSchema;
  const raw = isSource ? frontMatter.data : withoutRestatedData(file, frontMatter, errors);
  const parsed = schema.safeParse(raw);
  const body = cachedParse(file, frontMatter.body, bodyParser(file));
  errors.push(...body.errors);
  const references = treeReferences(body.tree);
  releaseTree(body);
  if (!parsed.success) {
    errors.push(...schemaErrors(file, frontMatter, parsed.error.issues));
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (!parsed.success)
    return { policy, folder, locale, file, frontMatter, valid: false, source: { locale, file, sha256, title: '', labels: {}, body, references } };
  const translation = 'labels' in parsed.data ? parsed.data : undefined;
  const source: LocaleSource = {
    locale,
    file,
    sha256,
    title: parsed.data.title,
    labels: translation?.labels ?? {},
    translatedFrom: translation?.source,
    body,
    references,
  };
  return { policy, folder, locale, file, frontMatter, valid: true, source, data: isSource ? (parsed.data as PolicyData) : undefined };
}

// Data lives once per version, in the source locale: a translation that states
// it again could silently disagree, so each such key is refused by name.
function withoutRestatedData(file: string, frontMatter: FrontMatterFile, errors: PolicyError[]): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(frontMatter.data)) {
    if (key in policyFrontmatterSchema.shape && key !== 'title' && key !== '$schema') {
      errors.push(
        new PolicyError(file, `This translation restates "${key}", which belongs to the version's data.`, {
          place: frontMatter.placeOf([key]),
          hint: `Remove "${key}" here; it is stated once in ${sourceLocale}.mdx. Translate its text under "labels" instead.`,
        }),
      );
    } else rest[key] = value;
  }
  return rest;
}

function checkComponentProps(entry: FileEntry, data: PolicyData): PolicyError[] {
  const errors: PolicyError[] = [];
  const groups = new Set(data.dataCollected.map((d) => d.group));
  const contacts = new Set(data.contacts.map((c) => c.id));
  const shown = new Set<string>();
  for (const node of entry.source.references) {
    if (node.type !== 'component') continue;
    const prop = (name: string) => node.attributes?.find((a) => a.name === name)?.value;
    const place = node.position?.start;
    if (node.name === 'DataCollected') shown.add(String(prop('group')));
    if (node.name === 'DataCollected' && typeof prop('group') === 'string' && !groups.has(prop('group') as string)) {
      errors.push(
        new PolicyError(entry.file, `<DataCollected group="${prop('group')}"> names a group with no data.`, {
          place,
          hint: `Use one of the groups in dataCollected: ${[...groups].join(', ')}.`,
        }),
      );
    }
    if (node.name === 'Email' && typeof prop('contact') === 'string' && !contacts.has(prop('contact') as string)) {
      errors.push(
        new PolicyError(entry.file, `<Email contact="${prop('contact')}"> names no contact.`, {
          place,
          hint: `Use one of the contact ids: ${[...contacts].join(', ')}.`,
        }),
      );
    }
  }
  // A data category is shown only through <DataCollected group="…">: a group no
  // component names would drop its categories from the page without a word.
  if (entry.source.body.parsed && entry.source.body.errors.length === 0 && errors.length === 0) {
    for (const group of groups) {
      if (shown.size > 0 && !shown.has(group)) {
        const index = data.dataCollected.findIndex((d) => d.group === group);
        const place = entry.locale === sourceLocale ? entry.frontMatter.placeOf(['dataCollected', index, 'group']) : undefined;
        errors.push(
          new PolicyError(entry.file, `The data categories of group "${group}" are shown nowhere: no <DataCollected group="${group}" /> in this text.`, {
            place,
            hint: `Add <DataCollected group="${group}" /> where they belong, or move them to a group the text shows.`,
          }),
        );
      }
    }
  }
  return errors;
}
