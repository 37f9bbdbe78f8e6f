import { baseComponents } from '../components.ts';
import { defineKind } from '../kind.ts';
import { baseSchema } from '../../content/schema.ts';

/**
 * Any other legal text (acceptable use, a DPA, a cookie policy): text only, so
 * its versions carry the common fields and nothing else, and whether a change
 * is material is the author's `change.kind`, never inferred.
 */
export const documentKind = defineKind({
  id: 'document',
  description: 'any other legal text (acceptable use, DPA, cookie policy): text only; the author declares each change material or editorial',
  schema: baseSchema,
  components: baseComponents,
  keyedLists: {},
  setLists: [],
  isMaterial: () => true,
  labels: () => new Map(),
  check: () => [],
  wordings: {},
  starter: '',
});
