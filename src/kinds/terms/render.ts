import { h } from 'hastscript';
import type { DataComponent } from '../kind.ts';
import { sharedRenderers, strongItem } from '../render-shared.ts';
import { lawText, providerText } from './describe-facts.ts';
import type { TermsData } from './schema.ts';

/** The data components of terms, by the names authors write; each shows one stated fact, localized. */
export const termsRenderers: Record<string, DataComponent<TermsData>> = {
  GoverningLaw({ data, locale, label }) {
    return lawText(data.governingLaw!, locale, label);
  },
  Venue({ data, label }) {
    return label('venue.courts', data.venue!.courts);
  },
  Arbitration({ data, label, t }) {
    const a = data.arbitration!;
    return h('ul', [
      strongItem(t('data.arbitration.required'), t(`data.arbitration.required.${a.required}`)),
      ...(a.rules ? [strongItem(t('data.arbitration.rules'), label('arbitration.rules', a.rules))] : []),
      ...(a.seat ? [strongItem(t('data.arbitration.seat'), label('arbitration.seat', a.seat))] : []),
      strongItem(t('data.arbitration.classActionWaiver'), t(`data.arbitration.classActionWaiver.${a.classActionWaiver}`)),
      ...(a.optOutDays ? [strongItem(t('data.arbitration.optOut'), t('data.arbitration.optOutDays', { count: a.optOutDays }))] : []),
    ]);
  },
  Provider({ data, locale, label, t }) {
    const contacts = data.contacts ?? [];
    return h('dl', { className: ['contact'] }, [
      h('dt', t('data.provider.name')),
      h('dd', h('address', providerText(data.provider!, locale, label))),
      ...contacts.flatMap((c) => [h('dt', label(`contacts.${c.id}.label`, c.label)), h('dd', h('a', { href: `mailto:${c.email}` }, c.email))]),
    ]);
  },
  ...sharedRenderers,
};
