import { describe, expect, it } from 'vitest';
import { loadPolicies, type PolicyVersion } from '../../src/content/load-policies.ts';
import { privacyKind } from '../../src/kinds/privacy/index.ts';
import type { PrivacyData } from '../../src/kinds/privacy/schema.ts';
import { describeEvent } from '../../src/diff/describe-event.ts';
import { diffData, durationDays, durationRange } from '../../src/diff/diff-data.ts';
import { FIXTURE_NOW, fixtureRoot } from '../helpers/fixture-root.ts';

const loaded = loadPolicies(fixtureRoot(), { now: FIXTURE_NOW })[0]!.versions[0]!;
const base = { ...loaded, data: loaded.data as PrivacyData };
const edit = (change: (data: PrivacyData) => void): PolicyVersion => {
  const data = structuredClone(base.data) as PrivacyData;
  change(data);
  return { ...base, data };
};
const events = (after: PolicyVersion) =>
  diffData(base.data, after.data, privacyKind).map(({ path, type, material }) => `${path} ${type} ${material ? 'material' : 'editorial'}`);

describe('diffData', () => {
  it('finds nothing between equal versions', () => {
    expect(diffData(base.data, structuredClone(base.data), privacyKind)).toEqual([]);
  });

  it('classes processor changes: a new one or a new country is material, a removal editorial', () => {
    const cloudflare = {
      id: 'cdn',
      name: 'Cloudflare',
      purpose: 'Content delivery',
      data: ['registration'],
      locations: ['US'],
      safeguard: 'eu-scc' as const,
      url: 'https://www.cloudflare.com/privacypolicy/',
    };
    const added = edit((d) => d.processors.push(cloudflare));
    expect(events(added)).toEqual(['processors.cdn added material']);
    expect(describeEvent(diffData(base.data, added.data, privacyKind)[0]!, base, added, 'en')).toBe(
      'New processor: Cloudflare (United States, EU Standard Contractual Clauses)',
    );
    expect(describeEvent(diffData(base.data, added.data, privacyKind)[0]!, base, added, 'es')).toBe(
      'Nuevo encargado: Cloudflare (Estados Unidos, Cláusulas Contractuales Tipo de la UE)',
    );
    expect(events(edit((d) => void d.processors.pop()))).toEqual(['processors.hosting removed editorial']);
    expect(events(edit((d) => d.processors[0]!.locations.push('DE')))).toEqual(['processors.hosting.locations changed material']);
    expect(events(edit((d) => (d.processors[0]!.locations = ['US'])))).toEqual([]);
  });

  it('classes retention: longer is material, shorter editorial, and says it in words', () => {
    const longer = edit((d) => (d.retention[0]!.period = 'P180D'));
    expect(events(longer)).toEqual(['retention.logs.period changed material']);
    expect(describeEvent(diffData(base.data, longer.data, privacyKind)[0]!, base, longer, 'en')).toBe('Security logs kept 180 days instead of 90 days');
    expect(describeEvent(diffData(base.data, longer.data, privacyKind)[0]!, base, longer, 'es')).toBe(
      'Registros de seguridad se conservan 180 días en lugar de 90 días',
    );
    expect(events(edit((d) => (d.retention[0]!.period = 'P30D')))).toEqual(['retention.logs.period changed editorial']);
  });

  it('classes the other rules', () => {
    expect(events(edit((d) => d.purposes.push({ id: 'ads', label: 'Show ads' })))).toEqual(['purposes.ads added material']);
    expect(events(edit((d) => (d.contacts[0]!.email = 'dpo@example.com')))).toEqual(['contacts.privacy.email changed material']);
    expect(events(edit((d) => void d.rights.pop()))).toEqual(['rights.access removed material']);
    expect(events(edit((d) => d.rights.push({ right: 'portability', description: 'Get your data' })))).toEqual(['rights.portability added editorial']);
    expect(events(edit((d) => d.cookies[0]!.providers.push('hosting')))).toEqual(['cookies.essential.providers changed material']);
    expect(events(edit((d) => (d.minimumAge = 13)))).toEqual(['minimumAge changed material']);
    expect(events(edit((d) => (d.noticePeriod = 'P14D')))).toEqual(['noticePeriod changed material']);
    expect(events(edit((d) => (d.title = 'Privacy Notice')))).toEqual(['title changed editorial']);
  });

  it('classes a moved controller and slower answers as material, more notice and a higher age as editorial', () => {
    const moved = edit((d) => Object.assign(d.controller, { name: 'Example S.A.', country: 'PA' }));
    expect(events(moved)).toEqual(['controller.name changed material', 'controller.country changed material']);
    expect(events(edit((d) => (d.requests.respondWithin = 'P45D')))).toEqual(['requests.respondWithin changed material']);
    expect(events(edit((d) => (d.noticePeriod = 'P60D')))).toEqual(['noticePeriod changed editorial']);
    expect(events(edit((d) => (d.minimumAge = 18)))).toEqual(['minimumAge changed editorial']);
  });

  it('classes a change of who gets the data, why, what, or how readers exercise their rights as material', () => {
    // Each of these, marked editorial, would once have reached readers with no notice and no email.
    expect(events(edit((d) => (d.processors[0]!.name = 'Acme Data Brokers Ltd')))).toEqual(['processors.hosting.name changed material']);
    expect(events(edit((d) => (d.processors[0]!.url = 'https://acme.example/privacy')))).toEqual(['processors.hosting.url changed material']);
    expect(events(edit((d) => (d.purposes[0]!.label = 'Sell your personal data to advertisers')))).toEqual([
      'purposes.provide-services.label changed material',
    ]);
    expect(events(edit((d) => (d.retention[0]!.data = 'All personal data, including deleted accounts')))).toEqual(['retention.logs.data changed material']);
    expect(events(edit((d) => (d.rights[0]!.description = 'Deletion requests are not accepted')))).toEqual(['rights.access.description changed material']);
    expect(events(edit((d) => (d.contacts[0]!.email = 'inbox@acme.example')))).toEqual(['contacts.privacy.email changed material']);
    expect(events(edit((d) => (d.dataCollected[0]!.label = 'Browsing history')))).toEqual(['dataCollected.registration.label changed material']);
    expect(events(edit((d) => (d.cookies[0]!.purpose = 'Track you across sites')))).toEqual(['cookies.essential.purpose changed material']);
    const redirected = edit((d) => {
      d.contacts.push({ id: 'sales', label: 'Sales', email: 'sales@example.com' });
      d.requests.contact = 'sales';
    });
    expect(events(redirected)).toEqual(['contacts.sales added material', 'requests.contact changed material']);
  });

  it('keeps wording, display and narrowing editorial', () => {
    expect(events(edit((d) => (d.contacts[0]!.label = 'Privacy team')))).toEqual(['contacts.privacy.label changed editorial']);
    expect(events(edit((d) => (d.dataCollected[0]!.group = 'account')))).toEqual(['dataCollected.registration.group changed editorial']);
    expect(events(edit((d) => (d.retention[0]!.reason = 'To investigate incidents')))).toEqual(['retention.logs.reason changed editorial']);
    const wider = edit((d) => {
      d.dataCollected.push({ id: 'payment', group: 'billing', label: 'Payment', description: 'Card' });
      d.purposes.push({ id: 'billing', label: 'Billing' });
      d.processors.push({ ...d.processors[0]!, id: 'mail', name: 'Mailer' });
      d.cookies.push({ category: 'analytics', consent: 'required', providers: ['first-party'] });
    });
    expect(diffData(wider.data, base.data, privacyKind).map(({ path, type, material }) => `${path} ${type} ${material ? 'material' : 'editorial'}`)).toEqual([
      'dataCollected.payment removed editorial',
      'purposes.billing removed editorial',
      'processors.mail removed editorial',
      'cookies.analytics removed editorial',
    ]);
  });

  it('compares durations as ranges (a month is 28 to 31 days, a year 365 or 366), so an ambiguous change is material', () => {
    expect(durationRange('P1Y2M1W3D')).toEqual({ min: 365 + 56 + 10, max: 366 + 62 + 10 });
    expect(durationDays('P1M'), 'the approximation other modules word changes with').toBe(30);
    const notice = (from: string, to: string) => diffData({ ...base.data, noticePeriod: from }, { ...base.data, noticePeriod: to }, privacyKind)[0]?.material;
    expect(notice('P30D', 'P1M'), 'P1M is 28 days in February').toBe(true);
    expect(notice('P1M', 'P30D')).toBe(true);
    expect(notice('P1M', 'P31D'), 'never shorter than a month').toBe(false);
    expect(notice('P1Y', 'P366D')).toBe(false);
    expect(notice('P1Y', 'P365D')).toBe(true);
    expect(notice('P30D', 'P2M')).toBe(false);
    const period = (value: string) => ({ ...base.data, retention: [{ ...base.data.retention[0]!, period: value }] });
    const retention = (from: string, to: string) => diffData(period(from), period(to), privacyKind)[0]?.material;
    expect(retention('P30D', 'P1M'), 'a month can be 31 days').toBe(true);
    expect(retention('P1M', 'P28D')).toBe(false);
    expect(retention('P1M', 'P29D')).toBe(true);
    expect(retention('P365D', 'P1Y')).toBe(true);
    expect(retention('P1Y', 'P365D')).toBe(false);
    expect(retention('P3M', 'P84D')).toBe(false);
    const respond = (to: string) =>
      diffData(base.data, { ...base.data, requests: { ...base.data.requests, respondWithin: to } } as PrivacyData, privacyKind)[0]?.material;
    expect(respond('P1M'), 'P30D → P1M can be a day slower').toBe(true);
    expect(respond('P4W')).toBe(false);
  });

  it('skips what is not a fact: imported, fallback, and upTo: false (which says what leaving it out says)', () => {
    expect(events(edit((d) => Object.assign(d, { imported: true, fallback: ['es'] })))).toEqual([]);
    expect(events(edit((d) => (d.retention[0]!.upTo = false)))).toEqual([]);
    expect(events(edit((d) => (d.retention[0]!.upTo = true)))).toEqual(['retention.logs.upTo changed material']);
  });

  it('keys list entries by id, so reordering is not a change', () => {
    const reordered = edit((d) => d.dataCollected.push({ id: 'payment', group: 'personal', label: 'Payment', description: 'Card' }));
    const swapped = structuredClone(reordered.data) as PrivacyData;
    swapped.dataCollected.reverse();
    expect(diffData(reordered.data, swapped, privacyKind)).toEqual([]);
  });
});
