import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import YAML, { isNode, LineCounter } from 'yaml';
import { sourceLocale } from '../config.ts';
import { checkCharacters, FORBIDDEN } from './check-characters.ts';
import { PolicyError } from './policy-error.ts';

/** A recorded correction to a published version. */
export const erratumSchema = z.strictObject({
  /** The day the correction was made. */
  date: z.iso.date({ error: 'Write the date as YYYY-MM-DD.' }),
  /** What was corrected, per locale; the source locale is required. */
  reason: z.record(z.string(), z.string().min(1).refine((text) => !new RegExp(FORBIDDEN.source).test(text), 'Remove the invisible control or text-direction character.')).refine((r) => sourceLocale in r, `Give the reason at least in ${sourceLocale}.`),
  /** The sha256 of each corrected file after the correction, by file name. */
  files: z.record(
    z.string().regex(/^[a-z]{2}(?:-[A-Z]{2})?\.mdx$/, 'Name the corrected file, such as en.mdx.'),
    z.string().regex(/^[0-9a-f]{64}$/, 'Write the full sha256 (64 hex digits); `npm run policy -- erratum` computes it.'),
  ),
});

/** A recorded correction to a published version. */
export type Erratum = z.output<typeof erratumSchema>;

/**
 * Reads a version's `errata.yaml`: the only way to change a published
 * version, shown on its page and in its JSON.
 */
export function readErrata(root: string, versionDir: string, errors: PolicyError[]): Erratum[] {
  const file = `${versionDir}/errata.yaml`;
  if (!existsSync(path.join(root, file))) return [];
  const lineCounter = new LineCounter();
  const text = readFileSync(path.join(root, file), 'utf8');
  // Reasons are shown on pages and in feeds: the same characters are refused as in policy files.
  const hidden = checkCharacters(file, text);
  if (hidden.length > 0) {
    errors.push(...hidden);
    return [];
  }
  const doc = YAML.parseDocument(text, { lineCounter });
  const parsed = z.array(erratumSchema).safeParse(doc.toJS());
  if (parsed.success && doc.errors.length === 0) return parsed.data;
  const place = (at: readonly PropertyKey[]) => {
    const node = doc.getIn(at as unknown[], true);
    const pos = isNode(node) && node.range ? lineCounter.linePos(node.range[0]) : { line: 1, col: 1 };
    return { line: pos.line, column: pos.col };
  };
  for (const issue of parsed.error?.issues ?? []) {
    const [index = 0, ...rest] = issue.path;
    errors.push(new PolicyError(file, `Erratum ${Number(index) + 1}${rest.length ? `, "${rest.join('.')}"` : ''}: ${issue.message.replace(/\.$/, '')}.`, { place: place(issue.path), hint: 'Record errata with `npm run policy -- erratum <file> --reason "…"`.' }));
  }
  return [];
}
