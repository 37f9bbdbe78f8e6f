import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import path from 'node:path';
import { isLocale, siteConfig, sourceLocale, type Locale } from '../config.ts';
import { checkChanges } from './check-changes.ts';
import { checkCharacters } from './check-characters.ts';
import { checkPlaceholders } from './check-placeholders.ts';
import { checkTitleHeading } from './check-title-heading.ts';
import { checkLinks } from './check-links.ts';
import { checkLock } from './check-lock.ts';
import { checkCommonData } from './check-common-data.ts';
import { checkUniqueKeys } from './check-unique-keys.ts';
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
import { translationSchema, type BaseData } from './schema.ts';
import { allComponentSpecs, kindOf } from '../kinds/index.ts';
import type { AnyPolicyKind, ComponentUse } from '../kinds/kind.ts';
import { MANIFEST, readPolicyManifest } from './policy-manifest.ts';
import { JEKYLL_KEYS } from './jekyll-keys.ts';
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

/** The common fields of a version's data, and its kind's own; `kindOf(version)` knows their shape. */
export type PolicyData = BaseData;

/** One version of a policy: its data, stated once, and its text per locale. */
export interface PolicyVersion {
  policy: string;
  /** The policy's kind, from its policy.yaml: which schema the data follows. */
  kind: string;
  /** Where relative links that are no policy file resolve, from policy.yaml. */
  linkBase?: string;
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
  /** Its kind, from policy.yaml. */
  kind: string;
  /** Where it comes in the site's lists, from policy.yaml; undefined lists it after those that have one. */
  order?: number;
  /** Where relative links that are no policy file resolve, from policy.yaml. */
  linkBase?: string;
  versions: PolicyVersion[];
}

interface FileEntry {
  policy: string;
  folder: string;
  locale: Locale;
  file: string;
  kind: AnyPolicyKind;
  frontMatter: FrontMatterFile;
  source: LocaleSource;
  /** False when the front-matter failed the schema; its errors are already reported. */
  valid: boolean;
  data?: PolicyData;
}

// Addresses under /<locale>/ that the site uses itself (src/pages/[locale]/notice-demo/).
const RESERVED_POLICY_IDS: ReadonlySet<string> = new Set(['notice-demo']);

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
export function readPolicies(
  root: string,
  options: { now?: string; skipLock?: boolean } = {},
): { policies: Policy[]; errors: PolicyError[]; notes: PolicyError[] } {
  const dir = siteConfig.policiesDir;
  const now = options.now ?? resolveNow();
  const errors: PolicyError[] = [];
  const notes: PolicyError[] = [];
  const entries: FileEntry[] = [];
  const listing = listPolicyFiles(root, dir);
  errors.push(...listing.errors);
  const files = listing.files.filter((f) => /\.(mdx?|markdown)$/.test(f));
  // Each policy's kind decides the schema its files are read with, so the manifests come first.
  const ids = new Set(listing.files.flatMap((f) => (FILE_PATTERN.test(f) || f.endsWith(`/${MANIFEST}`) ? [f.split('/')[0]!] : [])));
  for (const id of [...ids].filter((id) => RESERVED_POLICY_IDS.has(id)).sort())
    errors.push(
      new PolicyError(`${dir}/${id}`, `"${id}" cannot name a policy: the site has a page of its own at /<locale>/${id}/.`, {
        hint: `Rename the folder ${dir}/${id}/, for example to ${dir}/${id}-policy/.`,
      }),
    );
  const manifests = new Map([...ids].sort().map((id) => [id, readPolicyManifest(root, dir, id, errors)]));

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
    const manifest = manifests.get(policy);
    if (manifest) entries.push(readEntry(root, file, { policy, folder, locale, kind: kindOf(manifest) }, errors, notes));
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
    const manifest = manifests.get(id)!;
    const kind = kindOf(manifest);
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
      const valid = group.filter((e) => e.valid);
      const uses = valid.map((e) => componentUse(e, e === source));
      errors.push(...checkCommonData(source.file, source.data, source.frontMatter));
      errors.push(...checkUniqueKeys(source.file, source.data, source.frontMatter, kind.keyedLists));
      errors.push(...kind.check(source.file, source.data, source.frontMatter, uses));
      for (const use of uses) errors.push(...checkKindComponents(use, kind));
      errors.push(
        ...checkMissingLocales(
          source,
          group.map((e) => e.locale),
        ),
      );
      const locales: PolicyVersion['locales'] = {};
      for (const entry of valid) {
        if (entry !== source) errors.push(...checkTranslation(entry, source, entry.frontMatter));
        locales[entry.locale] = entry.source;
      }
      const errata = readErrata(root, `${dir}/${id}/${folder}`, errors, { announced: source.data.announced, now });
      const version: PolicyVersion = {
        policy: id,
        kind: kind.id,
        ...(manifest.linkBase && { linkBase: manifest.linkBase }),
        version: folder,
        data: source.data,
        locales,
        errata,
      };
      const previous = versions.at(-1);
      if (previous) errors.push(...checkChanges(previous, version, source.file, source.frontMatter));
      versions.push(version);
    }
    result.push({
      id,
      kind: kind.id,
      ...(manifest.order !== undefined && { order: manifest.order }),
      ...(manifest.linkBase && { linkBase: manifest.linkBase }),
      versions,
    });
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
  return { policies: result, errors, notes };
}

function readEntry(
  root: string,
  file: string,
  at: { policy: string; folder: string; locale: Locale; kind: AnyPolicyKind },
  errors: PolicyError[],
  notes: PolicyError[],
): FileEntry {
  const { policy, folder, locale, kind } = at;
  const bytes = readFileSync(path.join(root, file));
  const text = bytes.toString('utf8');
  errors.push(...checkCharacters(file, text), ...checkPlaceholders(file, text));
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
      kind,
      valid: false,
      frontMatter: { data: {}, body: '', placeOf: () => ({ line: 1, column: 1 }) },
      source: { locale, file, sha256: '', title: '', labels: {}, body, references: [] },
    };
  }
  const isSource = locale === sourceLocale;
  const schema = isSource ? kind.schema : translationSchema;
  const own = withoutJekyllKeys(file, frontMatter, notes);
  const raw = isSource ? own : withoutRestatedData(file, frontMatter, own, kind, errors);
  const parsed = schema.safeParse(raw);
  const body = cachedParse(file, frontMatter.body, bodyParser(file));
  const names = Object.keys(kind.components).sort();
  for (const error of body.errors)
    errors.push(
      error.code === 'unknown-component'
        ? new PolicyError(file, error.message, {
            place: error.place,
            hint: `A ${kind.id} policy's text may use ${names.map((n) => `<${n} />`).join(', ')}; write the rest in Markdown.`,
          })
        : error,
    );
  const references = treeReferences(body.tree);
  releaseTree(body);
  if (!parsed.success) {
    errors.push(...schemaErrors(file, frontMatter, parsed.error.issues));
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (!parsed.success)
    return { policy, folder, locale, file, kind, frontMatter, valid: false, source: { locale, file, sha256, title: '', labels: {}, body, references } };
  const translation = isSource ? undefined : (parsed.data as z.output<typeof translationSchema>);
  errors.push(...checkTitleHeading(file, (parsed.data as { title: string }).title, body));
  const source: LocaleSource = {
    locale,
    file,
    sha256,
    title: (parsed.data as { title: string }).title,
    labels: translation?.labels ?? {},
    translatedFrom: translation?.source,
    body,
    references,
  };
  return { policy, folder, locale, file, kind, frontMatter, valid: true, source, data: isSource ? (parsed.data as PolicyData) : undefined };
}

// Jekyll's own keys (a page's layout, address and redirects) come with policies
// imported from GitHub Pages sites; they say nothing about the policy, and the
// site makes its own addresses, so they are set aside with a note, not refused.
function withoutJekyllKeys(file: string, frontMatter: FrontMatterFile, notes: PolicyError[]): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(frontMatter.data)) {
    if (!JEKYLL_KEYS.includes(key)) rest[key] = value;
    else
      notes.push(
        new PolicyError(file, `"${key}" belongs to the site generator the text came from (Jekyll, GitHub Docs); it is ignored here.`, {
          place: frontMatter.placeOf([key]),
          code: 'ignored-key',
          hint: 'Every version keeps its own permanent address on this site, so nothing needs it; delete it when convenient.',
        }),
      );
  }
  return rest;
}

/** A locale file's component uses, for its kind's checks. */
function componentUse(entry: FileEntry, isSource: boolean): ComponentUse {
  const { body } = entry.source;
  return { file: entry.file, isSource, frontMatter: entry.frontMatter, references: entry.source.references, complete: body.parsed && body.errors.length === 0 };
}

// The parser refuses names no kind has; which of the others a text may use is its kind's to say.
function checkKindComponents(use: ComponentUse, kind: AnyPolicyKind): PolicyError[] {
  const names = Object.keys(kind.components).sort();
  return use.references.flatMap((r) =>
    r.type === 'component' && r.name && Object.hasOwn(allComponentSpecs, r.name) && !Object.hasOwn(kind.components, r.name)
      ? [
          new PolicyError(use.file, `<${r.name} /> is not available in a ${kind.id} policy: its data has nothing for it to show.`, {
            place: r.position?.start,
            hint: `A ${kind.id} policy's text may use ${names.map((n) => `<${n} />`).join(', ')}; write the rest in Markdown.`,
          }),
        ]
      : [],
  );
}

// Data lives once per version, in the source locale: a translation that states
// it again could silently disagree, so each such key is refused by name.
function withoutRestatedData(
  file: string,
  frontMatter: FrontMatterFile,
  data: Record<string, unknown>,
  kind: AnyPolicyKind,
  errors: PolicyError[],
): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (Object.hasOwn(kind.schema.shape, key) && key !== 'title' && key !== '$schema') {
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
