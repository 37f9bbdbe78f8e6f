import { h } from 'hastscript';
import { formatCountry, formatDuration, formatList } from '../../i18n/format.ts';
import type { DataComponent } from '../kind.ts';
import { sharedRenderers, strongItem, table } from '../render-shared.ts';
import type { PrivacyData } from './schema.ts';

/**
 * A privacy policy's data components, by the names authors write. Each renders
 * part of the version's front-matter, localized, so the text never restates the data.
 */
export const privacyRenderers: Record<string, DataComponent<PrivacyData>> = {
  DataCollected({ data, label }, { group }) {
    return h(
      'ul',
      data.dataCollected
        .filter((d) => d.group === group)
        .map((d) => strongItem(label(`dataCollected.${d.id}.label`, d.label), label(`dataCollected.${d.id}.description`, d.description))),
    );
  },
  Purposes({ data, label }) {
    return h(
      'ul',
      data.purposes.map((p) => h('li', label(`purposes.${p.id}.label`, p.label))),
    );
  },
  Processors({ data, label, locale, t }) {
    const dataLabel = (id: string) => label(`dataCollected.${id}.label`, data.dataCollected.find((d) => d.id === id)?.label ?? id);
    const parent = (id: string) => data.processors.find((p) => p.id === id)?.name ?? id;
    return table(
      t('data.processors.caption'),
      ['name', 'purpose', 'data', 'locations', 'safeguard'].map((k) => t(`data.processors.${k}`)),
      data.processors.map((p) => [
        [h('a', { href: p.url }, p.name), ...(p.subProcessorOf ? [` (${t('data.processors.subProcessorOf', { name: parent(p.subProcessorOf) })})`] : [])],
        label(`processors.${p.id}.purpose`, p.purpose),
        formatList(p.data.map(dataLabel), locale),
        formatList(
          p.locations.map((c) => formatCountry(c, locale)),
          locale,
        ),
        t(`data.safeguard.${p.safeguard}`),
      ]),
    );
  },
  RetentionTable({ data, label, locale, t }) {
    return table(
      t('data.retention.caption'),
      ['data', 'period', 'reason'].map((k) => t(`data.retention.${k}`)),
      data.retention.map((r) => {
        let period = r.period ? formatDuration(r.period, locale) : t(`data.retention.until.${r.until}`);
        if (r.period && r.after) period = t(`data.retention.after.${r.after}`, { period });
        if (r.upTo) period = t('data.retention.upTo', { period });
        return [label(`retention.${r.id}.data`, r.data), period, r.reason ? label(`retention.${r.id}.reason`, r.reason) : t('data.notStated')];
      }),
    );
  },
  Cookies({ data, label, locale, t }) {
    const provider = (id: string) =>
      id === 'first-party' ? t('data.cookies.firstParty', { name: data.controller.name }) : (data.processors.find((p) => p.id === id)?.name ?? id);
    return table(
      t('data.cookies.caption'),
      ['category', 'purpose', 'consent', 'providers'].map((k) => t(`data.cookies.${k}`)),
      data.cookies.map((c) => [
        t(`data.cookies.category.${c.category}`),
        c.purpose ? label(`cookies.${c.category}.purpose`, c.purpose) : t('data.notStated'),
        t(`data.cookies.consent.${c.consent}`),
        c.providers.length ? formatList(c.providers.map(provider), locale) : t('data.cookies.noProviders'),
      ]),
    );
  },
  Rights({ data, label, t }) {
    return h(
      'ul',
      data.rights.map((r) => strongItem(t(`data.rights.${r.right}`), label(`rights.${r.right}.description`, r.description))),
    );
  },
  TransferSafeguards({ data, t }) {
    return h(
      'ul',
      data.transferSafeguards.map((s) => h('li', t(`data.safeguard.${s}`))),
    );
  },
  Contact({ data, label, locale, t }) {
    const { name, locality, country } = data.controller;
    return h('dl', { className: ['contact'] }, [
      ...data.contacts.flatMap((c) => [h('dt', label(`contacts.${c.id}.label`, c.label)), h('dd', h('a', { href: `mailto:${c.email}` }, c.email))]),
      h('dt', t('data.contact.address')),
      h('dd', h('address', [name, h('br'), `${locality}, ${formatCountry(country, locale)}`])),
    ]);
  },
  ...sharedRenderers,
  ResponseTime({ data, locale }) {
    return formatDuration(data.requests.respondWithin, locale);
  },
};
