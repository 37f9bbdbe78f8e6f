import type { Locale } from '../config.ts';
import { localizedLabel } from '../content/labels.ts';
import type { PolicyVersion } from '../content/load-policies.ts';
import type { PolicyData } from '../content/schema.ts';
import { formatCountry, formatDuration, formatList } from '../i18n/format.ts';
import { translator } from '../i18n/translator.ts';
import type { DataEvent } from './diff-data.ts';

type Entry = Record<string, unknown>;

/**
 * Says a data change in plain words in the reader's language, for the diff
 * page, the feeds and the change-notice email: "New processor: Cloudflare
 * (United States, EU Standard Contractual Clauses)".
 */
export function describeEvent(event: DataEvent, before: PolicyVersion, after: PolicyVersion, locale: Locale): string {
  const t = translator(locale);
  const label = (version: PolicyVersion, key: string, text: unknown) => localizedLabel(version, locale, key, String(text ?? ''));
  // Added and removed events carry the whole entry; changed ones only the field.
  const entry = event.type === 'changed' ? undefined : ((event.type === 'removed' ? event.before : event.after) as Entry);
  const version = event.type === 'removed' ? before : after;
  const findIn = (data: PolicyData, list: string) => ((data as unknown as Record<string, Entry[]>)[list] ?? []).find((e) => e.id === event.id || e.category === event.id || e.right === event.id);
  const current = entry ?? findIn(after.data, event.subject) ?? findIn(before.data, event.subject) ?? {};
  const period = (rule: Entry) => (rule.period ? formatDuration(String(rule.period), locale) : t(`data.retention.until.${rule.until}`));
  const dataLabels = (ids: unknown) => formatList(((ids as string[]) ?? []).map((id) => label(after, `dataCollected.${id}.label`, after.data.dataCollected.find((d) => d.id === id)?.label ?? before.data.dataCollected.find((d) => d.id === id)?.label ?? id)), locale);
  const countries = (codes: unknown) => formatList(((codes as string[]) ?? []).map((c) => formatCountry(c, locale)), locale);
  const providers = (ids: unknown) => formatList(((ids as string[]) ?? []).map((id) => (id === 'first-party' ? t('data.cookies.firstParty', { name: after.data.controller.name }) : (after.data.processors.find((p) => p.id === id)?.name ?? before.data.processors.find((p) => p.id === id)?.name ?? id))), locale);

  switch (event.subject) {
    case 'processors': {
      const name = String(current.name ?? event.id);
      if (event.type !== 'changed') return t(`event.processors.${event.type}`, { name, locations: countries(current.locations), safeguard: t(`data.safeguard.${current.safeguard}`) });
      if (event.field === 'locations') return t('event.processors.locations', { name, before: countries(event.before), after: countries(event.after) });
      if (event.field === 'data') return t('event.processors.data', { name, before: dataLabels(event.before), after: dataLabels(event.after) });
      if (event.field === 'safeguard') return t('event.processors.safeguard', { name, before: t(`data.safeguard.${event.before}`), after: t(`data.safeguard.${event.after}`) });
      return t('event.processors.changed', { name, field: event.field });
    }
    case 'retention': {
      const data = label(version, `retention.${event.id}.data`, current.data);
      if (event.type !== 'changed') return t(`event.retention.${event.type}`, { data, after: period(current) });
      if (event.field === 'period' && event.before && event.after) return t('event.retention.period', { data, before: formatDuration(String(event.before), locale), after: formatDuration(String(event.after), locale) });
      if (event.field === 'data' || event.field === 'reason') return t('event.retention.reworded', { data });
      return t('event.retention.changed', { data, after: period(current) });
    }
    case 'purposes':
      return t(`event.purposes.${event.type}`, { label: label(version, `purposes.${event.id}.label`, current.label) });
    case 'dataCollected':
      return t(`event.dataCollected.${event.type}`, { label: label(version, `dataCollected.${event.id}.label`, current.label), description: label(version, `dataCollected.${event.id}.description`, current.description) });
    case 'cookies': {
      const category = t(`data.cookies.category.${event.id}`);
      if (event.type !== 'changed') return t(`event.cookies.${event.type}`, { category });
      if (event.field === 'providers') return t('event.cookies.providers', { category, before: providers(event.before), after: providers(event.after) });
      if (event.field === 'consent') return t('event.cookies.consent', { category, before: t(`data.cookies.consent.${event.before}`), after: t(`data.cookies.consent.${event.after}`) });
      return t('event.cookies.changed', { category, field: event.field });
    }
    case 'rights':
      return t(`event.rights.${event.type}`, { right: t(`data.rights.${event.id}`) });
    case 'contacts':
      return t(`event.contacts.${event.type}`, { label: label(version, `contacts.${event.id}.label`, current.label), email: current.email });
    case 'transferSafeguards':
      return t(`event.transferSafeguards.${event.type}`, { before: t(`data.safeguard.${event.before}`), after: t(`data.safeguard.${event.after}`) });
    case 'minimumAge':
      return t('event.minimumAge', { before: event.before, after: event.after });
    case 'noticePeriod':
      return t('event.noticePeriod', { before: formatDuration(String(event.before), locale), after: formatDuration(String(event.after), locale) });
    case 'requests':
      if (event.field === 'respondWithin') return t('event.requests.respondWithin', { before: formatDuration(String(event.before), locale), after: formatDuration(String(event.after), locale) });
      return t('event.generic', { path: event.path });
    default:
      return t('event.generic', { path: event.path });
  }
}
