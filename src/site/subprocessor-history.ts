import type { Locale } from '../config.ts';
import type { PrivacyData } from '../kinds/privacy/schema.ts';
import { describeEvent } from '../diff/describe-event.ts';
import type { DataEvent } from '../diff/diff-data.ts';
import { diffVersions } from '../diff/diff-versions.ts';
import { type SitePolicy, type SiteVersion, shownVersion } from './site-model.ts';

/** One processor as a version lists it. */
export type Processor = PrivacyData['processors'][number];

// The list is a view over privacy data: only privacy policies have one.
const processorsOf = (version: SiteVersion | undefined) => (version ? (version.data as PrivacyData).processors : []);

/** A version's changes to the list: additions, removals and changed entries, with their dates. */
export interface SubprocessorUpdate {
  version: SiteVersion;
  /** The version before; absent on the first, whose entries are the initial list. */
  previous?: SiteVersion;
  /** True until the version takes effect: announced ahead, as GDPR Art. 28(2) customers need. */
  upcoming: boolean;
  changes: Array<{ type: 'added' | 'removed' | 'changed'; id: string; name: string; events: DataEvent[] }>;
}

/** The sub-processor list of a privacy policy, derived from its versions' `processors` data: no second source. */
export interface SubprocessorHistory {
  policy: SitePolicy;
  /** The version whose list is in force, or the first one while none is. */
  asOf: SiteVersion;
  /** The list in force, each with the effective date of the version that (last) added it. */
  processors: Array<{ processor: Processor; since: string }>;
  /** Every version that changed the list, newest first; the first version lists the initial entries as added. */
  updates: SubprocessorUpdate[];
}

/** Whether a policy has a sub-processor list: a privacy policy whose versions state processors. */
export const hasSubprocessors = (policy: SitePolicy) => policy.kind === 'privacy';

/**
 * Derives a policy's sub-processor list and its dated change log from the
 * versions' data. An entry whose name, purpose, data, locations, safeguard
 * or link changed is listed with the events that say how.
 */
export function subprocessorHistory(policy: SitePolicy): SubprocessorHistory {
  const updates: SubprocessorUpdate[] = [];
  const since = new Map<string, string>();
  const asOf = shownVersion(policy);
  let inForce = new Map<string, string>();
  policy.versions.forEach((version, index) => {
    const previous = policy.versions[index - 1];
    const before = new Map(processorsOf(previous).map((p) => [p.id, p]));
    const after = new Map(processorsOf(version).map((p) => [p.id, p]));
    // The first list is worded as additions, like every later one.
    const events: DataEvent[] = previous
      ? diffVersions(previous, version).filter((e) => e.subject === 'processors')
      : processorsOf(version).map((p) => ({ path: `processors.${p.id}`, subject: 'processors', id: p.id, type: 'added', after: p, material: true }));
    const changes: SubprocessorUpdate['changes'] = [];
    for (const [id, processor] of after) {
      if (!before.has(id)) {
        changes.push({ type: 'added', id, name: processor.name, events: events.filter((e) => e.id === id) });
        since.set(id, version.version);
      } else {
        const changed = events.filter((e) => e.id === id);
        if (changed.length) changes.push({ type: 'changed', id, name: processor.name, events: changed });
      }
    }
    for (const [id, processor] of before) {
      if (!after.has(id)) changes.push({ type: 'removed', id, name: processor.name, events: events.filter((e) => e.id === id) });
    }
    if (changes.length) updates.push({ version, previous, upcoming: version.status === 'upcoming', changes });
    if (version === asOf) inForce = new Map(since);
  });
  return {
    policy,
    asOf,
    processors: processorsOf(asOf).map((processor) => ({ processor, since: inForce.get(processor.id)! })),
    updates: updates.reverse(),
  };
}

/** A change in plain words in the reader's language, one line per event, from the same wordings as the diff pages. */
export function describeSubprocessorChange(update: SubprocessorUpdate, change: SubprocessorUpdate['changes'][number], locale: Locale): string[] {
  return change.events.map((event) => describeEvent(event, update.previous ?? update.version, update.version, locale));
}
