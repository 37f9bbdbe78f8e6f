import type { DataEvent } from '../../diff/diff-data.ts';

/**
 * Rules that make a change to terms material: anything that changes who the
 * reader contracts with, which law and courts decide disputes, how disputes are
 * resolved, or who may accept the terms. A contact's display name, a new
 * contact, and a longer opt-out window are editorial: they give readers more,
 * never less. Any other field is material until a rule says otherwise.
 */
export function isTermsMaterial({ subject, type, field, before, after }: Omit<DataEvent, 'material'>): boolean {
  if (subject === 'contacts') return type === 'removed' || field === 'email';
  // Moving the contracting party's seat within its country changes neither who it is nor which law applies.
  if (subject === 'provider' && before && after) {
    const [a, b] = [before as Record<string, unknown>, after as Record<string, unknown>];
    return a.name !== b.name || a.country !== b.country;
  }
  if (subject === 'arbitration' && field === 'optOutDays') return after === undefined || (before !== undefined && Number(after) < Number(before));
  if (subject === 'arbitration' && field === 'classActionWaiver') return after === true;
  if (subject === 'venue' && field === 'exclusive') return after === true;
  return true;
}
