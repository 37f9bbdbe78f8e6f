import { localizedLabel } from '../../content/labels.ts';
import type { PolicyVersion } from '../../content/load-policies.ts';
import { both, countries, duration, type Entry, minimumAgeWording, optional, type Side, type WordingContext } from '../../diff/event-wordings.ts';
import { formatCountry, formatList } from '../../i18n/format.ts';
import type { PrivacyData } from './schema.ts';

const byId = (version: PolicyVersion, list: 'processors' | 'dataCollected' | 'contacts', id: unknown) =>
  Array.isArray((version.data as Record<string, unknown>)[list])
    ? ((version.data as Record<string, unknown>)[list] as Entry[]).find((e) => e.id === id)
    : undefined;

/** An entry's label in one version, found by id in its list: data categories and contacts named by processors and requests. */
function labelOf(c: WordingContext, side: Side, list: 'dataCollected' | 'contacts', id: unknown): string {
  const version = c.versions[side];
  const entry = byId(version, list, id) ?? byId(c.versions[side === 'after' ? 'before' : 'after'], list, id);
  return localizedLabel(version, c.reader, `${list}.${id}.label`, String(entry?.label ?? id));
}

const processorName = (c: WordingContext, id: unknown) =>
  String(byId(c.versions.after, 'processors', id)?.name ?? byId(c.versions.before, 'processors', id)?.name ?? id);
const contact = (c: WordingContext, side: Side, id: unknown) => `${labelOf(c, side, 'contacts', id)} (${byId(c.versions[side], 'contacts', id)?.email ?? id})`;
const dataLabels = (c: WordingContext, side: Side, ids: unknown) =>
  formatList(
    ((ids as string[] | undefined) ?? []).map((id) => labelOf(c, side, 'dataCollected', id)),
    c.locale,
  );
const retentionEvent = (c: WordingContext, value: unknown) => c.t(`event.retention.event.${value}`);

/** A retention rule as the retention table words it: "90 days after you close your account". */
function ruleText(c: WordingContext, rule: Entry): string {
  let period = rule.period ? duration(rule.period, c.locale) : rule.until ? c.t(`data.retention.until.${rule.until}`) : '';
  if (rule.period && rule.after) period = c.t(`data.retention.after.${rule.after}`, { period });
  return rule.upTo ? c.t('data.retention.upTo', { period }) : period;
}

function providers(c: WordingContext, side: Side, ids: unknown): string {
  const names = ((ids as string[] | undefined) ?? []).map((id) =>
    id === 'first-party' ? c.t('data.cookies.firstParty', { name: (c.versions[side].data as PrivacyData).controller.name }) : processorName(c, id),
  );
  return names.length ? formatList(names, c.locale) : c.t('event.cookies.noProviders');
}

/**
 * The plain-words sentence of a change to a privacy policy's data, one function
 * per subject of its schema; `undefined` for a field with no wording of its own.
 */
export const privacyWordings: Record<string, (c: WordingContext) => string | undefined> = {
  controller({ t, event, locale }) {
    const value = (v: unknown) => (event.field === 'country' ? formatCountry(String(v), locale) : String(v));
    return ['name', 'locality', 'country'].includes(event.field!)
      ? t(`event.controller.${event.field}`, { before: value(event.before), after: value(event.after) })
      : undefined;
  },
  contacts(c) {
    const { t, event, entries, entry } = c;
    if (event.type !== 'changed')
      return t(`event.contacts.${event.type}`, { label: c.text(event.type === 'added' ? 'after' : 'before', 'label'), email: entry.email });
    if (event.field === 'label') return t('event.contacts.label', { ...both(c, 'label'), email: entries.after.email });
    if (event.field === 'email') return t('event.contacts.email', { label: c.text('after', 'label'), before: event.before, after: event.after });
  },
  dataCollected(c) {
    const { t, event } = c;
    const label = c.text(event.type === 'removed' ? 'before' : 'after', 'label');
    if (event.type !== 'changed')
      return t(`event.dataCollected.${event.type}`, { label, description: c.text(event.type === 'added' ? 'after' : 'before', 'description') });
    if (event.field === 'label') return t('event.dataCollected.label', both(c, 'label'));
    if (event.field === 'description') return t('event.dataCollected.description', { label, ...both(c, 'description') });
    if (event.field === 'group') return t('event.dataCollected.group', { label, before: event.before, after: event.after });
  },
  purposes(c) {
    const { t, event } = c;
    const label = c.text(event.type === 'removed' ? 'before' : 'after', 'label');
    if (event.type !== 'changed') return t(`event.purposes.${event.type}`, { label });
    if (event.field === 'label') return t('event.purposes.label', both(c, 'label'));
    const basis = (v: unknown) => (v === undefined ? '' : t(`event.legalBasis.${v}`));
    if (event.field === 'legalBasis') return t(optional('event.purposes.legalBasis', event), { label, before: basis(event.before), after: basis(event.after) });
  },
  processors(c) {
    const { t, event, entry, locale } = c;
    const name = String(entry.name ?? event.id);
    const [before, after] = [event.before, event.after];
    if (event.type !== 'changed')
      return t(`event.processors.${event.type}`, { name, locations: countries(entry.locations, locale), safeguard: t(`data.safeguard.${entry.safeguard}`) });
    switch (event.field) {
      case 'name':
      case 'url':
        return t(`event.processors.${event.field}`, { name, before, after });
      case 'purpose':
        return t('event.processors.purpose', { name, ...both(c, 'purpose') });
      case 'data':
        return t('event.processors.data', { name, before: dataLabels(c, 'before', before), after: dataLabels(c, 'after', after) });
      case 'locations':
        return t('event.processors.locations', { name, before: countries(before, locale), after: countries(after, locale) });
      case 'safeguard':
        return t('event.processors.safeguard', { name, before: t(`data.safeguard.${before}`), after: t(`data.safeguard.${after}`) });
      case 'subProcessorOf':
        return t(optional('event.processors.subProcessorOf', event), { name, before: processorName(c, before), after: processorName(c, after) });
    }
  },
  retention(c) {
    const { t, event, entries, locale } = c;
    const data = c.text(event.type === 'removed' ? 'before' : 'after', 'data');
    if (event.type !== 'changed') return t(`event.retention.${event.type}`, { data, rule: ruleText(c, c.entry) });
    const [before, after] = [event.before, event.after];
    switch (event.field) {
      case 'data':
        return t('event.retention.data', both(c, 'data'));
      case 'reason':
        return t(optional('event.retention.reason', event), { data, ...both(c, 'reason') });
      case 'period':
        return t(optional('event.retention.period', event), { data, before: duration(before, locale), after: duration(after, locale) });
      case 'until':
      case 'after':
        return t(optional(`event.retention.${event.field}`, event), {
          data,
          before: before && retentionEvent(c, before),
          after: after && retentionEvent(c, after),
        });
      case 'upTo': {
        const rule = after ? entries.after : entries.before;
        const period = rule.period ? duration(rule.period, locale) : ruleText(c, { ...rule, upTo: false });
        return t(after ? 'event.retention.upTo.added' : 'event.retention.upTo.removed', { data, period });
      }
    }
  },
  cookies(c) {
    const { t, event } = c;
    const category = t(`data.cookies.category.${event.id}`);
    if (event.type !== 'changed') return t(`event.cookies.${event.type}`, { category });
    if (event.field === 'purpose') return t(optional('event.cookies.purpose', event), { category, ...both(c, 'purpose') });
    if (event.field === 'providers')
      return t('event.cookies.providers', { category, before: providers(c, 'before', event.before), after: providers(c, 'after', event.after) });
    if (event.field === 'consent')
      return t('event.cookies.consent', { category, before: t(`data.cookies.consent.${event.before}`), after: t(`data.cookies.consent.${event.after}`) });
  },
  rights(c) {
    const { t, event } = c;
    const right = t(`data.rights.${event.id}`);
    if (event.type !== 'changed') return t(`event.rights.${event.type}`, { right });
    if (event.field === 'description') return t('event.rights.description', { right, ...both(c, 'description') });
  },
  requests(c) {
    const { t, event, locale } = c;
    if (event.field === 'contact') return t('event.requests.contact', { before: contact(c, 'before', event.before), after: contact(c, 'after', event.after) });
    if (event.field === 'respondWithin')
      return t('event.requests.respondWithin', { before: duration(event.before, locale), after: duration(event.after, locale) });
  },
  transferSafeguards: ({ t, event }) => t(`event.transferSafeguards.${event.type}`, { safeguard: t(`data.safeguard.${event.id}`) }),
  minimumAge: minimumAgeWording,
};
