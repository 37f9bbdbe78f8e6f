import { defineKind } from '../kind.ts';
import { checkTermsData } from './check-data.ts';
import { termsComponents } from './components.ts';
import { termsLabels } from './labels.ts';
import { isTermsMaterial } from './material.ts';
import { termsSchema } from './schema.ts';
import { termsWordings } from './wordings.ts';

/** Terms of service: text first, with the facts disputes turn on (who, which law, which courts, arbitration, age) stated where the text relies on them. */
export const termsKind = defineKind({
  id: 'terms',
  description: 'terms of service: text first, with optional facts (provider, governing law, venue, arbitration, minimum age)',
  schema: termsSchema,
  components: termsComponents,
  keyedLists: { contacts: 'id' },
  setLists: [],
  falseIsAbsent: [],
  wholeObjects: ['provider', 'governingLaw'],
  isMaterial: isTermsMaterial,
  labels: termsLabels,
  check: checkTermsData,
  wordings: termsWordings,
  starter: `# Every fact below is optional: keep those the text relies on, delete the others.
provider:
  name: "TODO: the legal name of the company the reader contracts with"
  country: CO
governingLaw:
  country: CO
`,
});
