import type { DataEvent } from '../../diff/diff-data.ts';
import { durationRange } from '../../diff/diff-data.ts';

const CONSENT_STRICTNESS = { 'not-required': 0, required: 1, explicit: 2 } as const;

// A duration that can turn out longer than before (P30D → P1M is 31 days in some months).
const canBeLonger = (before: unknown, after: unknown) =>
  before === undefined || after === undefined || durationRange(String(after)).max > durationRange(String(before)).min;

const added = (before: unknown, after: unknown) => {
  const old = new Set((before as unknown[] | undefined) ?? []);
  return ((after as unknown[] | undefined) ?? []).some((item) => !old.has(item));
};

// Fields whose change never changes what is done with the data: a contact's display name, the
// grouping of data categories on the page, and the stated reason for keeping data.
const EDITORIAL_FIELDS = new Set(['contacts.label', 'dataCollected.group', 'retention.reason']);

/**
 * Rules that make a privacy change material: anything that lets more data go to
 * more places or other recipients, for more or other purposes, for longer, or
 * changes how readers exercise their rights or gives them fewer. Only the
 * fields in EDITORIAL_FIELDS and changes that narrow processing are editorial,
 * so a field added to the schema is material until a rule says otherwise.
 */
export function isPrivacyMaterial({ subject, type, field, before, after }: Omit<DataEvent, 'material'>): boolean {
  // A new contact is a new address readers write to with their requests: renaming a contact's id would otherwise swap it unnoticed.
  if (type === 'added') return ['dataCollected', 'purposes', 'processors', 'retention', 'cookies', 'contacts'].includes(subject);
  if (type === 'removed') return ['rights', 'retention', 'transferSafeguards'].includes(subject);
  const rule = `${subject}.${field ?? ''}`;
  if (EDITORIAL_FIELDS.has(rule)) return false;
  switch (rule) {
    case 'processors.locations':
    case 'processors.data':
    case 'cookies.providers':
      return added(before, after);
    case 'retention.period':
    case 'requests.respondWithin':
      return canBeLonger(before, after);
    case 'minimumAge.':
      return Number(after) < Number(before);
    case 'cookies.consent':
      return CONSENT_STRICTNESS[after as keyof typeof CONSENT_STRICTNESS] < CONSENT_STRICTNESS[before as keyof typeof CONSENT_STRICTNESS];
    default:
      return true;
  }
}
