import { lstatSync, readFileSync } from 'node:fs';
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
  reason: z
    .record(
      z.string(),
      z
        .string()
        .min(1)
        .refine((text) => !FORBIDDEN.test(text), 'Remove the invisible control or text-direction character.'),
    )
    .refine((r) => sourceLocale in r, `Give the reason at least in ${sourceLocale}.`),
  /** The sha256 of each corrected file after the correction, by file name. */
  files: z.record(
    z.string().regex(/^[a-z]{2}(?:-[A-Z]{2})?\.mdx?$/, 'Name the corrected file, such as en.mdx.'),
    z.string().regex(/^[0-9a-f]{64}$/, 'Write the full sha256 (64 hex digits); `npm run policy -- erratum` computes it.'),
  ),
});

/** A recorded correction to a published version. */
export type Erratum = z.output<typeof erratumSchema>;

/**
 * Reads a version's `errata.yaml`: the only way to change a published
 * version, shown on its page and in its JSON.
 */
export function readErrata(root: string, versionDir: string, errors: PolicyError[], bounds?: { announced: string; now: string }): Erratum[] {
  const file = `${versionDir}/errata.yaml`;
  const stats = lstatSync(path.join(root, file), { throwIfNoEntry: false });
  if (!stats) return [];
  // The folder listing reports a link; its target is never read.
  if (!stats.isFile()) return [];
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
  const place = (at: readonly PropertyKey[]) => {
    const node = doc.getIn(at as unknown[], true);
    const pos = isNode(node) && node.range ? lineCounter.linePos(node.range[0]) : { line: 1, col: 1 };
    return { line: pos.line, column: pos.col };
  };
  if (parsed.success && doc.errors.length === 0) {
    const misdated = bounds ? checkDates(file, parsed.data, bounds, place) : [];
    errors.push(...misdated);
    return misdated.length ? [] : parsed.data;
  }
  for (const issue of parsed.error?.issues ?? []) {
    const [index = 0, ...rest] = issue.path;
    errors.push(
      new PolicyError(file, `Erratum ${Number(index) + 1}${rest.length ? `, "${rest.join('.')}"` : ''}: ${issue.message.replace(/\.$/, '')}.`, {
        place: place(issue.path),
        hint: 'Record errata with `npm run policy -- erratum <file> --reason "…"`.',
      }),
    );
  }
  return [];
}

// Readers are told when a text was corrected: the date cannot precede the
// publication or an earlier correction, nor lie in the future.
function checkDates(
  file: string,
  errata: readonly Erratum[],
  bounds: { announced: string; now: string },
  place: (at: readonly PropertyKey[]) => { line: number; column: number },
): PolicyError[] {
  const errors: PolicyError[] = [];
  errata.forEach((erratum, i) => {
    const earliest = i === 0 ? bounds.announced : errata[i - 1]!.date;
    const problem =
      erratum.date > bounds.now
        ? `is dated ${erratum.date}, after today (${bounds.now})`
        : erratum.date < earliest
          ? `is dated ${erratum.date}, before ${i === 0 ? 'the version was published' : 'the erratum before it'} (${earliest})`
          : undefined;
    if (problem) {
      errors.push(
        new PolicyError(file, `Erratum ${i + 1} ${problem}.`, {
          place: place([i, 'date']),
          hint: 'An erratum carries the day it was recorded; `npm run policy -- erratum` writes it.',
        }),
      );
    }
  });
  return errors;
}
