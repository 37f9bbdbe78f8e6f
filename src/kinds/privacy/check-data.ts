import { PolicyError } from '../../content/policy-error.ts';
import type { FrontMatterFile } from '../../content/read-front-matter.ts';
import { checkComponentProp, propOf } from '../check-helpers.ts';
import type { ComponentUse } from '../kind.ts';
import type { PrivacyData } from './schema.ts';

/**
 * Checks what the privacy schema cannot see (the core has checked that ids are
 * unique): references between entries point at something that exists, and the components' props name data
 * the version has, with every data group shown somewhere.
 */
export function checkPrivacyData(file: string, data: PrivacyData, frontMatter: FrontMatterFile, uses: ComponentUse[]): PolicyError[] {
  const errors: PolicyError[] = [];
  const at = (path: PropertyKey[]) => frontMatter.placeOf(path);
  const dataIds = new Set(data.dataCollected.map((d) => d.id));
  const processorIds = new Set(data.processors.map((p) => p.id));
  data.processors.forEach((processor, index) => {
    processor.data.forEach((id, j) => {
      if (!dataIds.has(id))
        errors.push(
          new PolicyError(file, `Processor "${processor.id}" receives "${id}", which is not in dataCollected.`, {
            place: at(['processors', index, 'data', j]),
            hint: `Use one of: ${[...dataIds].join(', ')}.`,
          }),
        );
    });
    if (processor.subProcessorOf && !processorIds.has(processor.subProcessorOf)) {
      errors.push(
        new PolicyError(file, `Processor "${processor.id}" is a sub-processor of "${processor.subProcessorOf}", which is not a processor.`, {
          place: at(['processors', index, 'subProcessorOf']),
          hint: `Use one of: ${[...processorIds].join(', ')}.`,
        }),
      );
    }
  });
  data.cookies.forEach((cookie, index) => {
    cookie.providers.forEach((id, j) => {
      if (id !== 'first-party' && !processorIds.has(id))
        errors.push(
          new PolicyError(file, `Cookie provider "${id}" is not a processor.`, {
            place: at(['cookies', index, 'providers', j]),
            hint: `Use "first-party" or a processor id: ${[...processorIds].join(', ')}.`,
          }),
        );
    });
  });
  if (!data.contacts.some((c) => c.id === data.requests.contact)) {
    errors.push(
      new PolicyError(file, `requests.contact is "${data.requests.contact}", which is not a contact id.`, {
        place: at(['requests', 'contact']),
        hint: `Use one of: ${data.contacts.map((c) => c.id).join(', ')}.`,
      }),
    );
  }
  for (const use of uses) errors.push(...checkComponents(use, data));
  return errors;
}

function checkComponents(use: ComponentUse, data: PrivacyData): PolicyError[] {
  const groups = data.dataCollected.map((d) => d.group);
  const errors = [
    ...checkComponentProp(use, 'DataCollected', 'group', groups, 'names a group with no data', 'Use one of the groups in dataCollected'),
    ...checkComponentProp(
      use,
      'Email',
      'contact',
      data.contacts.map((c) => c.id),
      'names no contact',
      'Use one of the contact ids',
    ),
  ];
  // A data category is shown only through <DataCollected group="…">: a group no
  // component names would drop its categories from the page without a word.
  const shown = new Set(use.references.flatMap((r) => (r.type === 'component' && r.name === 'DataCollected' ? [String(propOf(r, 'group'))] : [])));
  if (!use.complete || errors.length > 0 || shown.size === 0) return errors;
  for (const group of new Set(groups)) {
    if (shown.has(group)) continue;
    const place = use.isSource ? use.frontMatter.placeOf(['dataCollected', groups.indexOf(group), 'group']) : undefined;
    errors.push(
      new PolicyError(use.file, `The data categories of group "${group}" are shown nowhere: no <DataCollected group="${group}" /> in this text.`, {
        place,
        hint: `Add <DataCollected group="${group}" /> where they belong, or move them to a group the text shows.`,
      }),
    );
  }
  return errors;
}
