import { PolicyError } from './policy-error.ts';
import type { FrontMatterFile } from './read-front-matter.ts';

/**
 * Refuses a key used twice in one of the data's keyed lists (a contact id, a
 * cookie category): the lists a kind compares by key are exactly the ones whose
 * keys must be unique, so its `keyedLists` (list name to key field) say which.
 */
export function checkUniqueKeys(file: string, data: object, frontMatter: FrontMatterFile, keyedLists: Readonly<Record<string, string>>): PolicyError[] {
  const errors: PolicyError[] = [];
  for (const [field, key] of Object.entries(keyedLists)) {
    const list = (data as Record<string, unknown>)[field];
    if (!Array.isArray(list)) continue;
    const seen = new Set<string>();
    list.forEach((entry: Record<string, unknown>, index) => {
      const id = String(entry[key]);
      if (seen.has(id))
        errors.push(
          new PolicyError(file, `The ${key} "${id}" appears twice in "${field}".`, {
            place: frontMatter.placeOf([field, index]),
            hint: `Give each entry of ${field} its own ${key}.`,
          }),
        );
      seen.add(id);
    });
  }
  return errors;
}
