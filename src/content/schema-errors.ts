import type { z } from 'astro/zod';
import { PolicyError } from './policy-error.ts';
import type { FrontMatterFile } from './read-front-matter.ts';

/** Writes a zod path the way authors see it in YAML: `processors[2].locations`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], data);
}

/**
 * Turns zod's issues into one PolicyError each, at the line of the offending
 * value, in words an author can act on (in the spirit of Starlight's errors).
 */
export function schemaErrors(file: string, frontMatter: FrontMatterFile, issues: readonly z.core.$ZodIssue[]): PolicyError[] {
  return issues.flatMap((issue) => {
    const where = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map(
        (key) =>
          new PolicyError(file, `Unknown field "${formatPath([...issue.path, key])}" in the front-matter.`, {
            place: frontMatter.placeOf([...issue.path, key]),
            hint: 'Remove it or correct its spelling; the JSON Schema in public/schemas/ lists every field.',
          }),
      );
    }
    const place = frontMatter.placeOf(issue.path);
    if (issue.code === 'invalid_type' && valueAt(frontMatter.data, issue.path) === undefined) {
      return [
        new PolicyError(file, `The required field "${where}" is missing.`, {
          place,
          hint: `Add "${String(issue.path.at(-1))}" here (expected ${issue.expected}).`,
        }),
      ];
    }
    if (issue.code === 'invalid_value') {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return [
        new PolicyError(file, `"${where}" is ${JSON.stringify(valueAt(frontMatter.data, issue.path))}, which is not allowed.`, {
          place,
          hint: `Use one of ${allowed}.`,
        }),
      ];
    }
    if (issue.code === 'invalid_type') {
      const got = valueAt(frontMatter.data, issue.path);
      // YAML reads an unquoted 123e4 or 0012 as a number; quoting keeps it text.
      const hint = issue.expected === 'string' && typeof got === 'number' ? `Put the value in quotes: ${String(issue.path.at(-1))}: "…".` : undefined;
      const shown = typeof got === 'number' ? String(got) : JSON.stringify(got);
      return [
        new PolicyError(
          file,
          `"${where}" should be ${issue.expected === 'int' ? 'a whole number' : `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`}, not ${shown}.`,
          { place, hint },
        ),
      ];
    }
    // Custom messages (dates, durations, country codes) already say what to write.
    return [new PolicyError(file, `"${where || 'front-matter'}" is not valid: ${issue.message.replace(/\.$/, '')}.`, { place })];
  });
}
