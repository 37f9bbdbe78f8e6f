import { PolicyError } from '../content/policy-error.ts';
import type { TreeReference } from '../content/tree-references.ts';
import type { ComponentUse } from './kind.ts';

/** A component's prop as written, or undefined. */
export const propOf = (reference: TreeReference, name: string) => reference.attributes?.find((a) => a.name === name)?.value;

/**
 * Refuses each use of `component` whose `prop` names nothing in `allowed`:
 * `<Email contact="sales">` when there is no such contact.
 */
export function checkComponentProp(
  use: ComponentUse,
  component: string,
  prop: string,
  allowed: readonly string[],
  problem: string,
  hint: string,
): PolicyError[] {
  const errors: PolicyError[] = [];
  for (const reference of use.references) {
    const value = reference.type === 'component' && reference.name === component ? propOf(reference, prop) : undefined;
    if (typeof value !== 'string' || allowed.includes(value)) continue;
    errors.push(
      new PolicyError(use.file, `<${component} ${prop}="${value}"> ${problem}.`, {
        place: reference.position?.start,
        hint: allowed.length
          ? `${hint}: ${[...new Set(allowed)].join(', ')}.`
          : `This version states none; add them to the front-matter of the source-locale file first.`,
      }),
    );
  }
  return errors;
}

/**
 * Refuses components that show a part of the data the version does not state:
 * `<Arbitration />` in terms without `arbitration`.
 */
export function checkStated(use: ComponentUse, shows: Record<string, string>, data: object): PolicyError[] {
  const errors: PolicyError[] = [];
  for (const reference of use.references) {
    const field = reference.type === 'component' && reference.name ? shows[reference.name] : undefined;
    if (!field || (data as Record<string, unknown>)[field] !== undefined) continue;
    errors.push(
      new PolicyError(use.file, `<${reference.name} /> shows "${field}", which this version does not state.`, {
        place: reference.position?.start,
        hint: `Add "${field}" to the front-matter of the source-locale file, or remove <${reference.name} />.`,
      }),
    );
  }
  return errors;
}
