import type { ComponentSpec } from './components.ts';
import { documentKind } from './document/index.ts';
import type { AnyPolicyKind } from './kind.ts';
import { privacyKind } from './privacy/index.ts';
import { termsKind } from './terms/index.ts';

/** The built-in kinds of policy by the name policy.yaml gives; the only place that lists them. */
export const policyKinds: Readonly<Record<string, AnyPolicyKind>> = { privacy: privacyKind, terms: termsKind, document: documentKind };

/** The kind names, in the order help texts list them. */
export const kindIds = Object.keys(policyKinds) as readonly string[];

/** The kind of a version or policy, by its `kind`. */
export function kindOf(owner: { kind: string }): AnyPolicyKind {
  const kind = Object.hasOwn(policyKinds, owner.kind) ? policyKinds[owner.kind] : undefined;
  if (!kind) throw new Error(`Unknown policy kind "${owner.kind}".`);
  return kind;
}

/**
 * Every kind's components, for the parser, which reads a text before its kind
 * is known: a name no kind has is refused at parse time, one another kind has
 * is refused by the loader, naming the kind.
 */
export const allComponentSpecs: Readonly<Record<string, ComponentSpec>> = Object.assign({}, ...Object.values(policyKinds).map((k) => k.components));

/** The names of all components, sorted, for error messages. */
export const allComponentNames = Object.keys(allComponentSpecs).sort();
