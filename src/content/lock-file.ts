import { existsSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import YAML, { isMap, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
import { siteConfig } from '../config.ts';
import { PolicyError, type Place } from './policy-error.ts';

/** Where the lock file lives, relative to the repository root. */
export const lockPath = `${siteConfig.policiesDir}/lock.json`;

/** The path of a policy file in a version folder, relative to the repository root. */
export const policyFilePattern = new RegExp(`^${siteConfig.policiesDir}/[a-z0-9-]+/\\d{4}-\\d{2}-\\d{2}/[a-z]{2}(?:-[A-Z]{2})?\\.mdx?$`);

const sha256 = z.string({ error: 'Write the full sha256 (64 hex digits).' }).regex(/^[0-9a-f]{64}$/, 'Write the full sha256 (64 lowercase hex digits).');
const lockEntrySchema = z.strictObject({
  /** The sha256 of the file's bytes as published. */
  sha256,
  /** When the file's version was announced. */
  announced: z.iso.date({ error: 'Write the date as YYYY-MM-DD.' }),
  /** For a source-locale file: the sha256 of its data (see `dataFingerprint`), which no erratum may change. */
  data: sha256.optional(),
});
const lockSchema = z.strictObject({
  $comment: z.string().optional(),
  files: z.record(z.string().regex(policyFilePattern), lockEntrySchema),
});

/** One locked file. */
export type LockEntry = z.output<typeof lockEntrySchema>;

/**
 * The lock file: the sha256 of every policy file as it was published. Once a
 * version is announced, its files must keep these hashes (or carry an
 * erratum), so nobody can quietly rewrite what readers were told.
 */
export interface LockFile {
  /** By file path: its published sha256, when its version was announced and, for a source file, its data hash. */
  files: Record<string, LockEntry>;
  /** What is wrong with the file as written (broken JSON, a key twice, a wrong shape); when any, `files` is empty. */
  problems: readonly PolicyError[];
  /** Where an entry's key is in the file, or the "files" key when `file` is not given or has no entry. */
  placeOf(file?: string): Place;
  /** The repository root it was read from, to read the policy files messages point into. */
  root: string;
}

const hint = `Restore it (git checkout -- ${lockPath}) and run \`npm run policy -- lock\`, which writes it; never edit it by hand.`;

const isLink = (file: string) => lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() === true;

/** Reads the lock file strictly; a missing file is an empty lock. It never throws: problems are in `problems`. */
export function readLock(root: string): LockFile {
  const file = path.join(root, lockPath);
  if (!existsSync(file) && !isLink(file)) return parseLock('{"files": {}}', root);
  try {
    // Never read through a link: its target's text would end up in messages and PR comments.
    if (isLink(file)) throw new Error('it is a symbolic link');
    return parseLock(readFileSync(file, 'utf8'), root);
  } catch (error) {
    return {
      files: {},
      root,
      placeOf: () => ({ line: 1, column: 1 }),
      problems: [new PolicyError(lockPath, `${lockPath} cannot be read: ${(error as Error).message}.`, { hint })],
    };
  }
}

/**
 * Parses the text of a lock file: valid JSON, no key twice (JSON.parse would
 * silently keep the last one) and the expected shape, each problem at its line.
 *
 * @param root The repository root the lock belongs to.
 */
export function parseLock(text: string, root: string): LockFile {
  const lineCounter = new LineCounter();
  const at = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const broken = (problems: PolicyError[]): LockFile => ({ files: {}, problems, root, placeOf: () => ({ line: 1, column: 1 }) });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    const message = (error as Error).message;
    const end = text.trimEnd().length;
    const offset = Math.min(Number(/at position (\d+)/.exec(message)?.[1] ?? end), end);
    const reason = offset >= end ? 'it ends before the JSON is complete (was it cut off?)' : message.replace(/ in JSON at position.*$/, '');
    return broken([new PolicyError(lockPath, `${lockPath} is not valid JSON: ${reason}.`, { place: at(offset), hint })]);
  }
  const doc = YAML.parseDocument(text, { lineCounter, uniqueKeys: false });
  const problems = duplicateKeys(doc, at);
  const parsed = lockSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(new PolicyError(lockPath, describeIssue(issue), { place: placeIn(doc, issue.path, at), hint }));
  }
  if (problems.length > 0 || !parsed.success) return broken(problems);
  return { files: parsed.data.files, problems: [], root, placeOf: (file) => placeIn(doc, file && file in parsed.data.files ? ['files', file] : ['files'], at) };
}

function duplicateKeys(doc: Document, at: (offset: number) => Place): PolicyError[] {
  const problems: PolicyError[] = [];
  YAML.visit(doc, {
    Map(_, map) {
      const seen = new Map<string, Place>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const key = String(pair.key.value);
        const place = at(pair.key.range[0]);
        const first = seen.get(key);
        if (!first) seen.set(key, place);
        else
          problems.push(
            new PolicyError(lockPath, `"${key}" appears twice (first at line ${first.line}); JSON keeps only the last one and silently drops the other.`, {
              place,
              hint,
            }),
          );
      }
    },
  });
  return problems;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const [first, entry, ...rest] = issue.path.map(String);
  const where =
    first === 'files' && entry !== undefined
      ? `The entry "${entry}"${rest.length ? `, "${rest.join('.')}"` : ''}`
      : issue.path.length
        ? `"${issue.path.join('.')}"`
        : 'The lock file';
  if (issue.code === 'invalid_key') return `"${entry}" is not the path of a policy file, such as ${siteConfig.policiesDir}/privacy/2025-07-01/en.mdx.`;
  if (issue.code === 'unrecognized_keys') return `${where} has a key it should not have: ${issue.keys.map((k) => `"${k}"`).join(', ')}.`;
  if (issue.code === 'invalid_type' && issue.path.length === 2) return `${where} must be an object with "sha256" and "announced".`;
  if (issue.code === 'invalid_type' && issue.path.length < 2)
    return `${where} must be ${issue.path.length ? 'an object of file paths to entries' : 'a JSON object with "files"'}.`;
  return `${where}: ${issue.message.replace(/\.$/, '')}.`;
}

// The deepest node of the path that exists: a key's own position when there is one.
function placeIn(doc: Document, at: readonly PropertyKey[], place: (offset: number) => Place): Place {
  let node: Node | null | undefined = doc.contents;
  let found: Place = { line: 1, column: 1 };
  if (node?.range) found = place(node.range[0]);
  for (const key of at) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      if (isScalar(pair.key) && pair.key.range) found = place(pair.key.range[0]);
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      node = node.items[Number(key)] as Node | undefined;
      if (!node?.range) break;
      found = place(node.range[0]);
    } else break;
  }
  return found;
}

/** Writes the lock file with sorted keys, so it diffs cleanly in pull requests. */
export function writeLock(root: string, lock: Pick<LockFile, 'files'>): void {
  const files = Object.fromEntries(
    Object.entries(lock.files)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([file, { sha256, announced, data }]) => [file, data ? { sha256, announced, data } : { sha256, announced }]),
  );
  const text = `${JSON.stringify({ $comment: 'sha256 of each policy file as published. Update with `npm run policy -- lock`; never edit by hand.', files }, null, 2)}\n`;
  writeFileSync(path.join(root, lockPath), text);
}
