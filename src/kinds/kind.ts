import type { z } from 'astro/zod';
import type { TFunction } from 'i18next';
import type { Element } from 'hast';
import type { Locale } from '../config.ts';
import type { PolicyError } from '../content/policy-error.ts';
import type { FrontMatterFile } from '../content/read-front-matter.ts';
import type { BaseData } from '../content/schema.ts';
import type { TreeReference } from '../content/tree-references.ts';
import type { DataEvent } from '../diff/diff-data.ts';
import type { WordingContext } from '../diff/event-wordings.ts';
import type { ComponentSpec } from './components.ts';

/** What a data component needs to render one version in one locale. */
export interface RenderContext<Data = BaseData> {
  locale: Locale;
  data: Data;
  t: TFunction;
  /** The translated text for a label key, or the source text in the source locale. */
  label(key: string, source: string): string;
}

/** Renders one data component from the version's data: never from the text, never executed. */
export type DataComponent<Data = BaseData> = (context: RenderContext<Data>, props: Record<string, string>) => Element | string;

/** One use of a component in a locale's text, for a kind's checks of what its props name. */
export interface ComponentUse {
  file: string;
  /** True in the source-locale file, where the data's lines can be pointed at. */
  isSource: boolean;
  frontMatter: FrontMatterFile;
  references: readonly TreeReference[];
  /** False when the text did not parse cleanly: checks that need the whole text skip. */
  complete: boolean;
}

/**
 * Everything that differs between kinds of policy (privacy policy, terms,
 * other legal text). The core reads a version's common fields itself and asks
 * its kind for the rest, so a new kind is a folder, not a change to the core.
 */
export interface PolicyKind<Data extends BaseData = BaseData> {
  /** The name written in policy.yaml, such as `terms`. */
  id: string;
  /** One line for `policy new --help` and the authoring guide. */
  description: string;
  /** The source-locale front-matter: the common fields and this kind's data. */
  schema: z.ZodType<Data> & { shape: Record<string, z.ZodType> };
  /** The components its text may use, by name. */
  components: Record<string, ComponentSpec>;
  /** The lists of its data compared by a key field, never by position: list name to key. */
  keyedLists: Record<string, string>;
  /** Its lists of plain values, compared as sets. */
  setLists: readonly string[];
  /** `list.field` paths whose `false` means the same as leaving the field out. */
  falseIsAbsent?: readonly string[];
  /** Object fields that change as one fact: one event, never one per field. */
  wholeObjects?: readonly string[];
  /**
   * Whether one data change needs the notice period. Kinds err towards
   * material: a field without a rule of its own is material.
   */
  isMaterial(event: Omit<DataEvent, 'material'>): boolean;
  /** Every piece of text in its data a translation must translate, by dotted key. */
  labels(data: Data): Map<string, string>;
  /** What the schema cannot see (unique keys aside, which `keyedLists` settle): references between entries, components' props against the data. */
  check(file: string, data: Data, frontMatter: FrontMatterFile, uses: ComponentUse[]): PolicyError[];
  /** The plain-words sentence of a change to its data, by subject. */
  wordings: Record<string, (c: WordingContext) => string | undefined>;
  /** The front-matter of a first version, as `policy new --kind` writes it, with placeholders to fill in. */
  starter: string;
}

/** A kind with its data type erased, as the registry holds it. */
export type AnyPolicyKind = PolicyKind<BaseData>;

/** Registers a kind: checks its types once, then erases them for the registry. */
export function defineKind<Data extends BaseData>(kind: PolicyKind<Data>): AnyPolicyKind {
  return kind as unknown as AnyPolicyKind;
}
