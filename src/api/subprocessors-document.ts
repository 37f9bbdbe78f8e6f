import type { z } from 'astro/zod';
import { localizedLabel } from '../content/labels.ts';
import { describeSubprocessorChange, type SubprocessorHistory } from '../site/subprocessor-history.ts';
import { urls } from '../site/urls.ts';
import { byLocale } from './api-documents.ts';
import type { subprocessorsDocSchema } from './api-schemas.ts';

/** The sub-processor list as JSON, for customers' vendor-management tools; key order fixed for byte-identical output. */
export function subprocessorsDocument(history: SubprocessorHistory): z.output<typeof subprocessorsDocSchema> {
  const { policy, asOf } = history;
  return {
    policy: policy.id,
    asOf: asOf.version,
    page: byLocale((l) => urls.subprocessors(l, policy.id)),
    processors: history.processors.map(({ processor: p, since }) => ({
      id: p.id,
      name: p.name,
      purpose: byLocale((l) => localizedLabel(asOf, l, `processors.${p.id}.purpose`, p.purpose)),
      data: [...p.data],
      locations: [...p.locations],
      safeguard: p.safeguard,
      url: p.url,
      ...(p.subProcessorOf && { subProcessorOf: p.subProcessorOf }),
      since,
    })),
    updates: history.updates.map((update) => ({
      version: update.version.version,
      announced: update.version.data.announced,
      effective: update.version.data.effective,
      upcoming: update.upcoming,
      changes: update.changes.map((change) => ({
        type: change.type,
        id: change.id,
        name: change.name,
        text: byLocale((l) => describeSubprocessorChange(update, change, l)),
      })),
    })),
  };
}
