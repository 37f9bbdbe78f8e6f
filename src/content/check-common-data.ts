import { PLACEHOLDER } from './placeholder.ts';
import { PolicyError } from './policy-error.ts';
import type { FrontMatterFile } from './read-front-matter.ts';
import type { BaseData } from './schema.ts';

/** Checks the common fields beyond their schema: the summary is written and the dates are in order. */
export function checkCommonData(file: string, data: BaseData, frontMatter: FrontMatterFile): PolicyError[] {
  const errors: PolicyError[] = [];
  const at = (path: PropertyKey[]) => frontMatter.placeOf(path);
  if (data.change?.summary.includes(PLACEHOLDER)) {
    errors.push(
      new PolicyError(file, 'The change summary is still the placeholder.', {
        place: at(['change', 'summary']),
        hint: 'Say in one or two sentences what changes and why; readers and the notice email see it.',
      }),
    );
  }
  if (data.announced > data.effective) {
    errors.push(
      new PolicyError(file, `This version is announced on ${data.announced}, after it takes effect on ${data.effective}.`, {
        place: at(['announced']),
        hint: 'A version must be announced on or before its effective date.',
      }),
    );
  }
  return errors;
}
