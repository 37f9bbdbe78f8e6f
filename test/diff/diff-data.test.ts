import { describe, expect, it } from 'vitest';
import { loadPolicies, type PolicyVersion } from '../../src/content/load-policies.ts';
import type { PolicyData } from '../../src/content/schema.ts';
import { describeEvent } from '../../src/diff/describe-event.ts';
import { diffData } from '../../src/diff/diff-data.ts';
import { FIXTURE_NOW, fixtureRoot } from '../helpers/fixture-root.ts';

const base = loadPolicies(fixtureRoot(), { now: FIXTURE_NOW })[0]!.versions[0]!;
const edit = (change: (data: PolicyData) => void): PolicyVersion => {
  const data = structuredClone(base.data);
  change(data);
  return { ...base, data };
};
const events = (after: PolicyVersion) => diffData(base.data, after.data).map(({ path, type, material }) => `${path} ${type} ${material ? 'material' : 'editorial'}`);

describe('diffData', () => {
  it('finds nothing between equal versions', () => {
    expect(diffData(base.data, structuredClone(base.data))).toEqual([]);
  });

  it('classes processor changes: a new one or a new country is material, a removal editorial', () => {
    const cloudflare = { id: 'cdn', name: 'Cloudflare', purpose: 'Content delivery', data: ['registration'], locations: ['US'], safeguard: 'eu-scc' as const, url: 'https://www.cloudflare.com/privacypolicy/' };
    const added = edit((d) => d.processors.push(cloudflare));
    expect(events(added)).toEqual(['processors.cdn added material']);
    expect(describeEvent(diffData(base.data, added.data)[0]!, base, added, 'en')).toBe('New processor: Cloudflare (United States, EU Standard Contractual Clauses)');
    expect(describeEvent(diffData(base.data, added.data)[0]!, base, added, 'es')).toBe('Nuevo encargado: Cloudflare (Estados Unidos, Cláusulas Contractuales Tipo de la UE)');
    expect(events(edit((d) => void d.processors.pop()))).toEqual(['processors.hosting removed editorial']);
    expect(events(edit((d) => d.processors[0]!.locations.push('DE')))).toEqual(['processors.hosting.locations changed material']);
    expect(events(edit((d) => (d.processors[0]!.locations = ['US'])))).toEqual([]);
  });

  it('classes retention: longer is material, shorter editorial, and says it in words', () => {
    const longer = edit((d) => (d.retention[0]!.period = 'P180D'));
    expect(events(longer)).toEqual(['retention.logs.period changed material']);
    expect(describeEvent(diffData(base.data, longer.data)[0]!, base, longer, 'en')).toBe('Security logs kept 180 days instead of 90 days');
    expect(describeEvent(diffData(base.data, longer.data)[0]!, base, longer, 'es')).toBe('Registros de seguridad se conservan 180 días en lugar de 90 días');
    expect(events(edit((d) => (d.retention[0]!.period = 'P30D')))).toEqual(['retention.logs.period changed editorial']);
  });

  it('classes the other rules', () => {
    expect(events(edit((d) => d.purposes.push({ id: 'ads', label: 'Show ads' })))).toEqual(['purposes.ads added material']);
    expect(events(edit((d) => (d.contacts[0]!.email = 'dpo@example.com')))).toEqual(['contacts.privacy.email changed editorial']);
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

  it('skips what is not a fact: imported, fallback, and upTo: false (which says what leaving it out says)', () => {
    expect(events(edit((d) => Object.assign(d, { imported: true, fallback: ['es'] })))).toEqual([]);
    expect(events(edit((d) => (d.retention[0]!.upTo = false)))).toEqual([]);
    expect(events(edit((d) => (d.retention[0]!.upTo = true)))).toEqual(['retention.logs.upTo changed material']);
  });

  it('keys list entries by id, so reordering is not a change', () => {
    const reordered = edit((d) => d.dataCollected.push({ id: 'payment', group: 'personal', label: 'Payment', description: 'Card' }));
    const swapped = structuredClone(reordered.data);
    swapped.dataCollected.reverse();
    expect(diffData(reordered.data, swapped)).toEqual([]);
  });
});
