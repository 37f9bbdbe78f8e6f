import type { PolicyError } from '../../content/policy-error.ts';
import type { FrontMatterFile } from '../../content/read-front-matter.ts';
import { checkComponentProp, checkStated } from '../check-helpers.ts';
import type { ComponentUse } from '../kind.ts';
import { termsComponentFields } from './components.ts';
import type { TermsData } from './schema.ts';

/** Checks what the terms schema cannot see: components that show facts the version states, and contacts that exist. */
export function checkTermsData(_file: string, data: TermsData, _frontMatter: FrontMatterFile, uses: ComponentUse[]): PolicyError[] {
  const contacts = (data.contacts ?? []).map((c) => c.id);
  return uses.flatMap((use) => [
    ...checkStated(use, termsComponentFields, data),
    ...checkComponentProp(use, 'Email', 'contact', contacts, 'names no contact', 'Use one of the contact ids'),
  ]);
}
