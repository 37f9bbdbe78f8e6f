import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML, { isNode, isSeq, LineCounter } from 'yaml';
import { siteConfig } from '../config.ts';
import { canonicalJson } from './data-fingerprint.ts';
import type { GitBase } from './git-base.ts';
import { listPolicyFiles } from './list-policy-files.ts';
import { PolicyError } from './policy-error.ts';

/**
 * errata.yaml only grows: every erratum of the base stays exactly as it was,
 * so a correction cannot be slipped in by rewriting an old one. (A new one's
 * date is checked locally: after publication and earlier errata, not in the
 * future. Tying it to the base's commit date refused every erratum pull request
 * as soon as the main branch moved on.)
 */
export function errataGrowOnly(root: string, base: GitBase): PolicyError[] {
  const errors: PolicyError[] = [];
  const hint = (file: string) =>
    `Restore it as it is in ${base.ref} (git checkout ${base.ref} -- ${file}) and record the new correction as a new erratum: npm run policy -- erratum <file> --reason "…".`;
  const here = listPolicyFiles(root, siteConfig.policiesDir).files.map((f) => `${siteConfig.policiesDir}/${f}`);
  for (const file of new Set([...base.files.keys(), ...here])) {
    if (!file.endsWith('/errata.yaml')) continue;
    const before = base.files.has(file) ? errataList(base.read(file)) : [];
    const text = readText(root, file);
    if (text === undefined) {
      if (before.length > 0) errors.push(new PolicyError(file, `errata.yaml was deleted; its ${before.length} errata must stay.`, { hint: hint(file) }));
      continue;
    }
    const lineCounter = new LineCounter();
    const doc = YAML.parseDocument(text, { lineCounter });
    const now = errataList(text);
    before.forEach((erratum, i) => {
      const date = String((erratum as { date?: unknown } | null)?.date);
      if (i >= now.length) {
        errors.push(
          new PolicyError(file, `Erratum ${i + 1} (of ${date}) was removed; errata.yaml only grows.`, { place: { line: 1, column: 1 }, hint: hint(file) }),
        );
      } else if (canonicalJson(erratum) !== canonicalJson(now[i])) {
        const node = isSeq(doc.contents) ? doc.contents.items[i] : undefined;
        const pos = isNode(node) && node.range ? lineCounter.linePos(node.range[0]) : { line: 1, col: 1 };
        errors.push(
          new PolicyError(file, `Erratum ${i + 1} (of ${date}) was changed; errata.yaml only grows: earlier errata never change.`, {
            place: { line: pos.line, column: pos.col },
            hint: hint(file),
          }),
        );
      }
    });
  }
  return errors;
}

/** Whether an erratum added since the base (not an earlier one) records `sha256` for this file. */
export function newErratumRecords(root: string, base: GitBase, file: string, sha256: string): boolean {
  const errataFile = `${path.posix.dirname(file)}/errata.yaml`;
  const before = base.files.has(errataFile) ? errataList(base.read(errataFile)) : [];
  const now = errataList(readText(root, errataFile) ?? '');
  return now.slice(before.length).some((e) => (e as { files?: Record<string, unknown> } | null)?.files?.[path.posix.basename(file)] === sha256);
}

// A broken errata.yaml reads as none here; the local check reports why it is broken.
function errataList(text: string): unknown[] {
  try {
    const list: unknown = YAML.parse(text);
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

const readText = (root: string, file: string) => (existsSync(path.join(root, file)) ? readFileSync(path.join(root, file), 'utf8') : undefined);
