import type { Locale } from '../config.ts';
import { localizedLabel } from '../content/labels.ts';
import { formatDate } from '../i18n/format.ts';
import { translator } from '../i18n/translator.ts';
import type { SitePolicy, SiteVersion } from './site-model.ts';

/** "In effect since …", "In effect from … until …" or "Takes effect on …": where a version stands, in one sentence. */
export function statusSentence(version: SiteVersion, locale: Locale): string {
  const t = translator(locale);
  const date = (d: string) => formatDate(d, locale);
  if (version.status === 'archived') return t('status.inEffectFromUntil', { from: date(version.version), until: date(version.validUntil!) });
  if (version.status === 'upcoming') return t('status.takesEffect', { date: date(version.version), announced: date(version.data.announced) });
  return t('status.inEffectSince', { date: date(version.version) });
}

/**
 * The latest version, up to and including `version`, whose change was material.
 * The change's declared kind is enough: the check refuses an "editorial" change
 * with a material data event, so no diff needs computing here.
 */
export function lastMaterialChange(policy: SitePolicy, version: SiteVersion): SiteVersion | undefined {
  return policy.versions.findLast((v) => v.version <= version.version && v.previous && v.data.change?.kind === 'material');
}

/** A version's change summary in the reader's language. */
export function changeSummary(version: SiteVersion, locale: Locale): string {
  const change = version.data.change;
  return change ? localizedLabel(version, locale, 'change.summary', change.summary) : translator(locale)('status.firstVersion');
}
