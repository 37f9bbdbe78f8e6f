import { defineKind } from '../kind.ts';
import { checkPrivacyData } from './check-data.ts';
import { privacyComponents } from './components.ts';
import { privacyLabels } from './labels.ts';
import { isPrivacyMaterial } from './material.ts';
import { privacySchema } from './schema.ts';
import { privacyWordings } from './wordings.ts';

/** A privacy policy: the controller, the data, its purposes, recipients, retention, cookies and rights, stated once as data. */
export const privacyKind = defineKind({
  id: 'privacy',
  description: 'a privacy policy: its data (controller, data collected, processors, retention, cookies, rights) stated once in the front-matter',
  schema: privacySchema,
  components: privacyComponents,
  keyedLists: { contacts: 'id', dataCollected: 'id', purposes: 'id', processors: 'id', retention: 'id', cookies: 'category', rights: 'right' },
  setLists: ['transferSafeguards'],
  falseIsAbsent: ['retention.upTo'],
  isMaterial: isPrivacyMaterial,
  labels: privacyLabels,
  check: checkPrivacyData,
  wordings: privacyWordings,
  starter: `controller:
  name: "TODO: the controller's legal name"
  locality: "TODO: its city"
  country: CO
contacts:
  - id: privacy
    label: Privacy email
    email: privacy@example.com
dataCollected:
  - id: registration
    group: personal
    label: "TODO: a category of personal data"
    description: "TODO: what it contains"
purposes:
  - id: provide-services
    label: "TODO: why the data is processed"
    legalBasis: contract
processors: []
retention:
  - id: account-data
    data: "TODO: which data"
    until: account-closure
cookies: []
rights:
  - right: access
    description: "TODO: what this right lets readers do"
requests:
  contact: privacy
  respondWithin: P15D
transferSafeguards: [eu-scc]
minimumAge: 18
`,
});
