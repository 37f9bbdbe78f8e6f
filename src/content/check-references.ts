import { PLACEHOLDER } from './placeholder.ts';
import { PolicyError } from './policy-error.ts';
import type { FrontMatterFile } from './read-front-matter.ts';
import type { PolicyData } from './schema.ts';

/**
 * Checks what one zod schema cannot see: ids are unique, references point at
 * something that exists, and the dates are in order.
 */
export function checkReferences(file: string, data: PolicyData, frontMatter: FrontMatterFile): PolicyError[] {
  const errors: PolicyError[] = [];
  const at = (path: PropertyKey[]) => frontMatter.placeOf(path);

  const unique = (list: string[], field: string, key: string) => {
    const seen = new Set<string>();
    list.forEach((id, index) => {
      if (seen.has(id))
        errors.push(
          new PolicyError(file, `The ${key} "${id}" appears twice in "${field}".`, {
            place: at([field, index]),
            hint: `Give each entry of ${field} its own ${key}.`,
          }),
        );
      seen.add(id);
    });
  };
  unique(
    data.contacts.map((c) => c.id),
    'contacts',
    'id',
  );
  unique(
    data.dataCollected.map((d) => d.id),
    'dataCollected',
    'id',
  );
  unique(
    data.purposes.map((p) => p.id),
    'purposes',
    'id',
  );
  unique(
    data.processors.map((p) => p.id),
    'processors',
    'id',
  );
  unique(
    data.retention.map((r) => r.id),
    'retention',
    'id',
  );
  unique(
    data.cookies.map((c) => c.category),
    'cookies',
    'category',
  );
  unique(
    data.rights.map((r) => r.right),
    'rights',
    'right',
  );

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
  if (data.change?.summary.startsWith(PLACEHOLDER)) {
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
