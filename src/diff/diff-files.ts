import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isLocale, sourceLocale, type Locale } from '../config.ts';
import type { PolicyVersion } from '../content/load-policies.ts';
import { cachedParse } from '../content/parse-cache.ts';
import { bodyParser, localeFileIn } from '../content/body-parser.ts';
import { PolicyError, PolicyValidationError } from '../content/policy-error.ts';
import { readFrontMatter } from '../content/read-front-matter.ts';
import { translationSchema, type BaseData } from '../content/schema.ts';
import { allComponentNames, kindOf, policyKinds } from '../kinds/index.ts';
import type { DataComponent } from '../kinds/kind.ts';
import { kindRenderers } from '../kinds/renderers.ts';
import { MANIFEST, readManifestFile } from '../content/policy-manifest.ts';
import { withoutJekyll } from '../content/jekyll-keys.ts';
import { renderBody } from '../render/render-body.ts';
import type { DataEvent } from './diff-data.ts';
import { diffVersions } from './diff-versions.ts';
import { diffSections, type SectionDiff } from './diff-sections.ts';

/** The diff of two files: the text by section, and the data events when both have data. */
export interface FileDiff {
  locale: Locale;
  sections: SectionDiff[];
  data: DataEvent[];
}

// Without data, a component shows as its name, so moving or adding one still diffs.
const placeholders: Record<string, DataComponent> = Object.fromEntries(allComponentNames.map((name) => [name, () => `[${name}]`]));

/**
 * The kind of a file's policy: the policy.yaml two folders up when it has one
 * (policies/<policy>/<version>/<locale>.md), else the first kind whose schema
 * the data fits, so a privacy policy's data is diffed as privacy data.
 */
function kindFor(file: string, data: unknown): string | undefined {
  const manifest = path.join(path.dirname(file), '..', MANIFEST);
  // Read as the loader reads it; a broken one (its problems are the check's to report) says nothing here.
  const kind = existsSync(manifest) ? readManifestFile(manifest, manifest, [])?.kind : undefined;
  if (kind) return kind;
  return Object.values(policyKinds).find((k) => k.schema.safeParse(data).success)?.id;
}

function readData(file: string, frontMatter: Record<string, unknown>): { kind: string; data: BaseData } | undefined {
  const data = withoutJekyll(frontMatter);
  const kind = kindFor(file, data);
  const parsed = kind ? kindOf({ kind }).schema.safeParse(data) : undefined;
  return kind && parsed?.success ? { kind, data: parsed.data } : undefined;
}

/**
 * Reads any MDX or Markdown file, front-matter optional, and renders it the
 * way the site would. A translation next to its source file borrows the
 * source's data so its components render too.
 */
function readVersion(file: string): { version: PolicyVersion; hasData: boolean; locale: Locale } {
  const base = path.basename(file).replace(/\.(mdx?|markdown)$/, '');
  const locale: Locale = isLocale(base) ? base : sourceLocale;
  const frontMatter = readFrontMatter(file, readFileSync(file, 'utf8'));
  // Authors diff the same files again and again: clean parses come from the cache.
  const body = cachedParse(file, frontMatter.body, bodyParser(file, false));
  if (body.errors.length > 0) throw new PolicyValidationError(body.errors);
  let read = readData(file, frontMatter.data);
  const translation = read ? undefined : translationSchema.safeParse(frontMatter.data).data;
  const sibling = path.join(path.dirname(file), localeFileIn(readdirSync(path.dirname(file)), sourceLocale) ?? `${sourceLocale}.mdx`);
  if (translation && existsSync(sibling) && !lstatSync(sibling).isSymbolicLink() && path.resolve(sibling) !== path.resolve(file)) {
    read = readData(sibling, readFrontMatter(sibling, readFileSync(sibling, 'utf8')).data);
  }
  const data = read?.data;
  const source = { locale, file, sha256: '', title: translation?.title ?? data?.title ?? '', labels: translation?.labels ?? {}, body, references: [] };
  const version: PolicyVersion = {
    policy: '',
    kind: read?.kind ?? 'document',
    version: data?.effective ?? '',
    data: data as BaseData,
    locales: { [locale]: source },
    errata: [],
  };
  return { version, hasData: data !== undefined, locale };
}

/** True when the file, or a folder on its way from the current folder, is a symbolic link. */
function linkedPath(file: string): boolean {
  const parts = path.relative(process.cwd(), path.resolve(file)).split(path.sep);
  if (parts[0] === '..') return lstatSync(file).isSymbolicLink();
  return parts.some((_, i) => lstatSync(path.join(process.cwd(), ...parts.slice(0, i + 1))).isSymbolicLink());
}

/**
 * Compares two policy files without a build.
 *
 * @throws {PolicyValidationError} when a file cannot be read or parsed.
 */
export function diffFiles(oldFile: string, newFile: string): FileDiff {
  for (const file of [oldFile, newFile]) {
    if (!existsSync(file))
      throw new PolicyValidationError([
        new PolicyError(file, 'This file does not exist.', { hint: 'Check the path; it is relative to the current directory.' }),
      ]);
    // A link could show any file of the machine, for instance in a pull request's summary comment.
    if (linkedPath(file))
      throw new PolicyValidationError([
        new PolicyError(file, 'This is a symbolic link; policy files must be plain files.', { hint: 'Compare the file itself.' }),
      ]);
    if (!statSync(file).isFile())
      throw new PolicyValidationError([
        new PolicyError(file, statSync(file).isDirectory() ? 'This is a folder, not a file.' : 'This is not a regular file.', {
          hint: 'Name one policy file on each side, such as policies/privacy/2026-03-15/en.mdx.',
        }),
      ]);
  }
  const before = readVersion(oldFile);
  const after = readVersion(newFile);
  const render = (side: typeof before) => renderBody(side.version, side.locale, side.hasData ? kindRenderers[side.version.kind] : placeholders).sections;
  return {
    locale: after.locale,
    sections: diffSections(render(before), render(after), after.locale),
    data: before.hasData && after.hasData && before.version.kind === after.version.kind ? diffVersions(before.version, after.version) : [],
  };
}
