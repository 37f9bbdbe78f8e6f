import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { kindIds, policyKinds } from '../kinds/index.ts';
import { checkCharacters } from './check-characters.ts';
import { PolicyError } from './policy-error.ts';
import { readFrontMatter } from './read-front-matter.ts';
import { schemaErrors } from './schema-errors.ts';

/** policies/<policy>/policy.yaml: what a policy is, stated once for all its versions. */
export const policyManifestSchema = z.strictObject({
  /** Path to the JSON Schema, for editors; ignored by the build. */
  $schema: z.string().optional(),
  /** The kind of policy, which decides its front-matter, components and material-change rules. */
  kind: z
    .string({ error: `Say what kind of policy this is: kind: ${kindIds.join(', kind: ')}.` })
    .refine((kind) => Object.hasOwn(policyKinds, kind), { error: `Use one of the kinds ${kindIds.join(', ')}.` })
    .describe(`The kind of policy: ${kindIds.join(', ')}.`),
  /** The address the text was first published at: relative links that lead to no policy file resolve against it. */
  linkBase: z
    .url({ protocol: /^https$/, error: 'Write the https:// address the text was first published at, such as https://example.com/policies/privacy/.' })
    .optional()
    .describe('The https:// address the text was first published at; relative links that are no policy file of this site resolve against it.'),
  /** Where the policy comes in lists of the site's policies, lowest first; then by name. */
  order: z.int().min(0).max(1000).optional().describe('Where the policy comes in the site’s lists, lowest first (then by name).'),
});

/** A policy's manifest after validation. */
export type PolicyManifest = z.output<typeof policyManifestSchema>;

/** The manifest's file name inside a policy's folder. */
export const MANIFEST = 'policy.yaml';

/**
 * Reads and checks a policy's policy.yaml.
 *
 * @returns The manifest, or undefined with the reasons pushed to `errors`.
 */
export function readPolicyManifest(root: string, dir: string, policy: string, errors: PolicyError[]): PolicyManifest | undefined {
  const file = `${dir}/${policy}/${MANIFEST}`;
  if (!lstatSync(path.join(root, file), { throwIfNoEntry: false })) {
    errors.push(
      new PolicyError(`${dir}/${policy}`, `The policy "${policy}" has no ${MANIFEST}, which says what kind of policy it is.`, {
        hint: `Create ${file} with one line, "kind: privacy", "kind: terms" or "kind: document" (any other legal text); npm run policy -- new ${policy} --kind <kind> starts a policy with one.`,
      }),
    );
    return undefined;
  }
  return readManifestFile(path.join(root, file), file, errors);
}

/**
 * Reads and checks one policy.yaml that exists, wherever it is (the loader's,
 * or the one beside a file given to `policy diff`).
 *
 * @param absolute Where to read it.
 * @param file How messages name it.
 * @returns The manifest, or undefined with the reasons pushed to `errors`.
 */
export function readManifestFile(absolute: string, file: string, errors: PolicyError[]): PolicyManifest | undefined {
  const stats = lstatSync(absolute);
  if (!stats.isFile()) {
    // A link, a folder, a FIFO or a device: never read (a FIFO would hang the check).
    errors.push(
      new PolicyError(
        file,
        `${MANIFEST} must be a plain file, and this is ${stats.isSymbolicLink() ? 'a symbolic link' : stats.isDirectory() ? 'a folder' : 'a special file'}.`,
        {
          hint: `Replace it with a plain file holding "kind: privacy", "kind: terms" or "kind: document".`,
        },
      ),
    );
    return undefined;
  }
  const text = readFileSync(absolute, 'utf8');
  const before = errors.length;
  errors.push(...checkCharacters(file, text));
  if (errors.length > before) return undefined;
  const normal = text.replace(/\r\n?/g, '\n');
  const yaml = normal.replace(/^---\n/, '');
  // The reader below sees one line more than the file (its opening fence), one less if the file had its own.
  const shift = yaml === normal ? 1 : 0;
  try {
    // The front-matter reader's rules (YAML only, no tags, bounded depth) fit the manifest, one line down.
    // A leading document marker is YAML's own; a second document would be ignored, so it is refused.
    const second = yaml.split('\n').findIndex((line) => /^(?:---|\.\.\.)\s*$/.test(line));
    if (second >= 0) {
      const line = second + 2 - shift;
      errors.push(
        new PolicyError(file, `${MANIFEST} holds more than one YAML document; everything after line ${line} would be ignored.`, {
          place: { line, column: 1 },
          hint: 'Keep one document: delete the "---" line and put every key in one list.',
        }),
      );
      return undefined;
    }
    const read = readFrontMatter(file, `---\n${yaml.replace(/\n?$/, '\n')}---\n`);
    const shifted = { ...read, placeOf: (p: readonly PropertyKey[]) => ({ ...read.placeOf(p), line: Math.max(1, read.placeOf(p).line - shift) }) };
    const parsed = policyManifestSchema.safeParse(read.data);
    if (parsed.success) return parsed.data;
    errors.push(...schemaErrors(file, shifted, parsed.error.issues));
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    const line = error.place ? Math.max(1, error.place.line - shift) : undefined;
    errors.push(new PolicyError(file, error.message, { place: line ? { line, column: error.place!.column } : undefined, hint: error.hint }));
  }
  return undefined;
}
