import type { PolicyVersion } from '../content/load-policies.ts';
import { kindOf } from '../kinds/index.ts';
import { type DataEvent, diffData } from './diff-data.ts';

/** Every change between two versions' data, by the rules of the newer version's kind. */
export function diffVersions(before: PolicyVersion, after: PolicyVersion): DataEvent[] {
  return diffData(before.data, after.data, kindOf(after));
}
