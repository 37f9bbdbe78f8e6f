import { describe, expect, it } from 'vitest';
import { loadPolicies, type PolicyVersion } from '../../src/content/load-policies.ts';
import { privacySchema as policyFrontmatterSchema, type PrivacyData as PolicyData } from '../../src/kinds/privacy/schema.ts';
import { describeEvent } from '../../src/diff/describe-event.ts';
import { diffVersions } from '../../src/diff/diff-versions.ts';
import type { DataEvent } from '../../src/diff/diff-data.ts';
import { FIXTURE_NOW, fixtureRoot } from '../helpers/fixture-root.ts';

// Every field of the schema, changed one way or another, in the words a legal reader gets in English and Spanish.
const base = loadPolicies(fixtureRoot(), { now: FIXTURE_NOW })[0]!.versions[0]!;

/** A change to the base version: its data, and the Spanish translation's title and labels. */
interface Edit {
  data?: (data: PolicyData) => void;
  esTitle?: string;
  es?: Record<string, string>;
}

function version(edit: Edit = {}): PolicyVersion {
  const data = structuredClone(base.data) as PolicyData;
  edit.data?.(data);
  const es = base.locales.es!;
  return { ...base, data, locales: { ...base.locales, es: { ...es, title: edit.esTitle ?? es.title, labels: { ...es.labels, ...edit.es } } } };
}

const dpo: Edit = {
  data: (d) => void d.contacts.push({ id: 'dpo', label: 'Data Protection Officer', email: 'dpo@example.com' }),
  es: { 'contacts.dpo.label': 'Delegado de protección de datos' },
};
const payment: Edit = {
  data: (d) => void d.dataCollected.push({ id: 'payment', group: 'billing', label: 'Payment data', description: 'Card type and last four digits' }),
  es: { 'dataCollected.payment.label': 'Datos de pago', 'dataCollected.payment.description': 'Tipo de tarjeta y últimos cuatro dígitos' },
};
const processor = (id: string, name: string) => ({
  id,
  name,
  purpose: 'Content delivery',
  data: ['registration'],
  locations: ['US'],
  safeguard: 'eu-scc' as const,
  url: `https://${id}.example/privacy`,
});
const processors: Edit = { data: (d) => void d.processors.push(processor('cdn', 'Cloudflare'), processor('mail', 'Mailer Inc')) };
const backups: Edit = {
  data: (d) => void d.retention.push({ id: 'backups', data: 'Backups', period: 'P30D', after: 'deletion', upTo: true }),
  es: { 'retention.backups.data': 'Copias de seguridad' },
};
const analytics: Edit = {
  data: (d) => void d.cookies.push({ category: 'analytics', purpose: 'Measure use', consent: 'required', providers: ['hosting'] }),
  es: { 'cookies.analytics.purpose': 'Medir el uso' },
};
const reason = (text: string, es: string): Edit => ({ data: (d) => void (d.retention[0]!.reason = text), es: { 'retention.logs.reason': es } });
const both = (...edits: Edit[]): Edit => ({
  data: (d) => {
    for (const e of edits) e.data?.(d);
  },
  es: Object.assign({}, ...edits.map((e) => e.es)),
});

/** name: [the version before, the version after, the English sentences, the Spanish ones]. */
const cases: Record<string, [Edit, Edit, string[], string[]]> = {
  title: [
    {},
    { data: (d) => void (d.title = 'Privacy Notice'), esTitle: 'Aviso de privacidad' },
    ['Title changed from “Privacy Policy” to “Privacy Notice”'],
    ['El título pasa de «Política de privacidad» a «Aviso de privacidad»'],
  ],
  'title, translation title unchanged': [
    {},
    { data: (d) => void (d.title = 'Privacy Notice') },
    ['Title changed from “Privacy Policy” to “Privacy Notice”'],
    ['El título pasa de «Privacy Policy» a «Privacy Notice»'],
  ],
  controller: [
    {},
    { data: (d) => void Object.assign(d.controller, { name: 'Example S.A.', locality: 'Panama City', country: 'PA' }) },
    [
      'Controller’s name changed from “Example Ltd” to “Example S.A.”',
      'Controller’s city changed from Bogotá to Panama City',
      'Controller’s country changed from Colombia to Panama',
    ],
    [
      'El nombre del responsable del tratamiento pasa de «Example Ltd» a «Example S.A.»',
      'La ciudad del responsable del tratamiento pasa de Bogotá a Panama City',
      'El país del responsable del tratamiento pasa de Colombia a Panamá',
    ],
  ],
  'contacts added': [
    {},
    dpo,
    ['New contact: Data Protection Officer (dpo@example.com)'],
    ['Nuevo contacto: Delegado de protección de datos (dpo@example.com)'],
  ],
  'contacts removed': [
    dpo,
    {},
    ['Contact removed: Data Protection Officer (dpo@example.com)'],
    ['Contacto eliminado: Delegado de protección de datos (dpo@example.com)'],
  ],
  'contacts label and email': [
    {},
    {
      data: (d) => void Object.assign(d.contacts[0]!, { label: 'Data Protection Email', email: 'dpo@example.com' }),
      es: { 'contacts.privacy.label': 'Correo de protección de datos' },
    },
    [
      'Contact “Privacy Email” renamed “Data Protection Email” (dpo@example.com)',
      'Data Protection Email: address changed from privacy@example.com to dpo@example.com',
    ],
    [
      'El contacto «Correo de privacidad» pasa a llamarse «Correo de protección de datos» (dpo@example.com)',
      'Correo de protección de datos: la dirección pasa de privacy@example.com a dpo@example.com',
    ],
  ],
  'dataCollected added': [
    {},
    payment,
    ['New data collected: Payment data (Card type and last four digits)'],
    ['Nuevos datos recopilados: Datos de pago (Tipo de tarjeta y últimos cuatro dígitos)'],
  ],
  'dataCollected removed': [payment, {}, ['Data no longer collected: Payment data'], ['Datos que ya no se recopilan: Datos de pago']],
  'dataCollected group, label and description': [
    {},
    {
      data: (d) => void Object.assign(d.dataCollected[0]!, { group: 'account', label: 'Account data', description: 'Name, email address and phone number' }),
      es: { 'dataCollected.registration.label': 'Datos de la cuenta', 'dataCollected.registration.description': 'Nombre, correo electrónico y teléfono' },
    },
    [
      'Account data: moved from group “personal” to group “account”',
      'Data category “Registration data” renamed “Account data”',
      'Account data: description now “Name, email address and phone number” (before: “Name and email address”)',
    ],
    [
      'Datos de la cuenta: pasa del grupo «personal» al grupo «account»',
      'La categoría de datos «Datos de registro» pasa a llamarse «Datos de la cuenta»',
      'Datos de la cuenta: nueva descripción «Nombre, correo electrónico y teléfono» (antes: «Nombre y correo electrónico»)',
    ],
  ],
  'purposes added': [
    {},
    { data: (d) => void d.purposes.push({ id: 'ads', label: 'Show advertising' }), es: { 'purposes.ads.label': 'Mostrar publicidad' } },
    ['New purpose: Show advertising'],
    ['Nueva finalidad: Mostrar publicidad'],
  ],
  'purposes removed': [
    { data: (d) => void d.purposes.push({ id: 'ads', label: 'Show advertising' }), es: { 'purposes.ads.label': 'Mostrar publicidad' } },
    {},
    ['Purpose removed: Show advertising'],
    ['Finalidad eliminada: Mostrar publicidad'],
  ],
  'purposes label': [
    {},
    {
      data: (d) => void (d.purposes[0]!.label = 'Provide and improve our services'),
      es: { 'purposes.provide-services.label': 'Prestar y mejorar nuestros servicios' },
    },
    ['Purpose “Provide our services” reworded as “Provide and improve our services”'],
    ['La finalidad «Prestar nuestros servicios» se redacta ahora como «Prestar y mejorar nuestros servicios»'],
  ],
  'purposes legalBasis added': [
    {},
    { data: (d) => void (d.purposes[0]!.legalBasis = 'contract') },
    ['Legal basis for “Provide our services” now stated: performance of a contract'],
    ['Se indica la base jurídica de «Prestar nuestros servicios»: ejecución de un contrato'],
  ],
  'purposes legalBasis removed': [
    { data: (d) => void (d.purposes[0]!.legalBasis = 'contract') },
    {},
    ['Legal basis for “Provide our services” no longer stated (was performance of a contract)'],
    ['Ya no se indica la base jurídica de «Prestar nuestros servicios» (era ejecución de un contrato)'],
  ],
  'purposes legalBasis changed': [
    { data: (d) => void (d.purposes[0]!.legalBasis = 'contract') },
    { data: (d) => void (d.purposes[0]!.legalBasis = 'legitimate-interests') },
    ['Legal basis for “Provide our services” changed from performance of a contract to legitimate interests'],
    ['La base jurídica de «Prestar nuestros servicios» pasa de ejecución de un contrato a intereses legítimos'],
  ],
  'processors added': [
    {},
    { data: (d) => void d.processors.push(processor('cdn', 'Cloudflare')) },
    ['New processor: Cloudflare (United States, EU Standard Contractual Clauses)'],
    ['Nuevo encargado: Cloudflare (Estados Unidos, Cláusulas Contractuales Tipo de la UE)'],
  ],
  'processors removed': [{}, { data: (d) => void d.processors.pop() }, ['Processor removed: Hosting Co'], ['Encargado eliminado: Hosting Co']],
  'processors name, purpose, locations, safeguard and url': [
    {},
    {
      data: (d) =>
        void Object.assign(d.processors[0]!, {
          name: 'Hosting Inc',
          purpose: 'Hosting and backups',
          locations: ['US', 'DE'],
          safeguard: 'adequacy',
          url: 'https://hosting.example/legal',
        }),
      es: { 'processors.hosting.purpose': 'Alojamiento y copias de seguridad' },
    },
    [
      'Processor “Hosting Co” renamed “Hosting Inc”',
      'Hosting Inc: service now “Hosting and backups” (before: “Infrastructure hosting”)',
      'Hosting Inc now processes data in United States and Germany (before: United States)',
      'Hosting Inc transfers now rely on Adequacy decision instead of EU Standard Contractual Clauses',
      'Hosting Inc: privacy notice now at https://hosting.example/legal (before: https://hosting.example/privacy)',
    ],
    [
      'El encargado «Hosting Co» pasa a llamarse «Hosting Inc»',
      'Hosting Inc: servicio ahora «Alojamiento y copias de seguridad» (antes: «Alojamiento de infraestructura»)',
      'Hosting Inc ahora trata datos en Estados Unidos y Alemania (antes: Estados Unidos)',
      'Las transferencias a Hosting Inc ahora se basan en Decisión de adecuación en lugar de Cláusulas Contractuales Tipo de la UE',
      'Hosting Inc: aviso de privacidad ahora en https://hosting.example/legal (antes: https://hosting.example/privacy)',
    ],
  ],
  'processors data': [
    payment,
    both(payment, { data: (d) => void d.processors[0]!.data.push('payment') }),
    ['Hosting Co now receives Registration data and Payment data (before: Registration data)'],
    ['Hosting Co ahora recibe Datos de registro y Datos de pago (antes: Datos de registro)'],
  ],
  'processors subProcessorOf added': [
    processors,
    both(processors, { data: (d) => void (d.processors[0]!.subProcessorOf = 'cdn') }),
    ['Hosting Co is now a sub-processor of Cloudflare'],
    ['Hosting Co pasa a ser subencargado de Cloudflare'],
  ],
  'processors subProcessorOf removed': [
    both(processors, { data: (d) => void (d.processors[0]!.subProcessorOf = 'cdn') }),
    processors,
    ['Hosting Co is no longer a sub-processor of Cloudflare'],
    ['Hosting Co deja de ser subencargado de Cloudflare'],
  ],
  'processors subProcessorOf changed': [
    both(processors, { data: (d) => void (d.processors[0]!.subProcessorOf = 'cdn') }),
    both(processors, { data: (d) => void (d.processors[0]!.subProcessorOf = 'mail') }),
    ['Hosting Co is now a sub-processor of Mailer Inc instead of Cloudflare'],
    ['Hosting Co pasa a ser subencargado de Mailer Inc en lugar de Cloudflare'],
  ],
  'retention added': [
    {},
    backups,
    ['New retention rule: Backups (Maximum 30 days after deletion)'],
    ['Nueva regla de conservación: Copias de seguridad (Máximo 30 días después de la eliminación)'],
  ],
  'retention removed': [
    backups,
    {},
    ['Retention rule removed: Backups (Maximum 30 days after deletion)'],
    ['Regla de conservación eliminada: Copias de seguridad (Máximo 30 días después de la eliminación)'],
  ],
  'retention data and period': [
    {},
    {
      data: (d) => void Object.assign(d.retention[0]!, { data: 'Security and access logs', period: 'P180D' }),
      es: { 'retention.logs.data': 'Registros de seguridad y de acceso' },
    },
    ['Retention rule for “Security logs” now covers “Security and access logs”', 'Security and access logs kept 180 days instead of 90 days'],
    [
      'La regla de conservación de «Registros de seguridad» ahora abarca «Registros de seguridad y de acceso»',
      'Registros de seguridad y de acceso se conservan 180 días en lugar de 90 días',
    ],
  ],
  'retention from a period to an event': [
    {},
    { data: (d) => void (d.retention[0] = { id: 'logs', data: 'Security logs', until: 'account-closure' }) },
    ['Security logs now kept until account closure', 'Security logs: the retention period of 90 days no longer applies'],
    ['Registros de seguridad: conservación hasta el cierre de la cuenta', 'Registros de seguridad: deja de aplicarse el plazo de conservación de 90 días'],
  ],
  'retention from an event to a period': [
    { data: (d) => void (d.retention[0] = { id: 'logs', data: 'Security logs', until: 'account-closure' }) },
    {},
    ['Security logs: a retention period of 90 days now applies', 'Security logs no longer kept until account closure'],
    [
      'Registros de seguridad: se aplica un plazo de conservación de 90 días',
      'Registros de seguridad: deja de aplicarse la conservación hasta el cierre de la cuenta',
    ],
  ],
  'retention until changed': [
    { data: (d) => void (d.retention[0] = { id: 'logs', data: 'Security logs', until: 'account-closure' }) },
    { data: (d) => void (d.retention[0] = { id: 'logs', data: 'Security logs', until: 'deletion' }) },
    ['Security logs now kept until deletion instead of until account closure'],
    ['Registros de seguridad: conservación hasta la eliminación en lugar de hasta el cierre de la cuenta'],
  ],
  'retention after added': [
    {},
    { data: (d) => void (d.retention[0]!.after = 'account-closure') },
    ['Security logs: retention period now counted from account closure'],
    ['Registros de seguridad: el plazo de conservación se cuenta ahora desde el cierre de la cuenta'],
  ],
  'retention after removed': [
    { data: (d) => void (d.retention[0]!.after = 'account-closure') },
    {},
    ['Security logs: retention period no longer counted from account closure'],
    ['Registros de seguridad: el plazo de conservación ya no se cuenta desde el cierre de la cuenta'],
  ],
  'retention after changed': [
    { data: (d) => void (d.retention[0]!.after = 'account-closure') },
    { data: (d) => void (d.retention[0]!.after = 'last-activity') },
    ['Security logs: retention period now counted from your last activity instead of from account closure'],
    ['Registros de seguridad: el plazo de conservación se cuenta ahora desde su última actividad en lugar de desde el cierre de la cuenta'],
  ],
  'retention upTo added': [
    {},
    { data: (d) => void (d.retention[0]!.upTo = true) },
    ['Security logs: the retention period of 90 days is now a maximum'],
    ['Registros de seguridad: el plazo de conservación de 90 días pasa a ser un máximo'],
  ],
  'retention upTo removed': [
    { data: (d) => void (d.retention[0]!.upTo = true) },
    { data: (d) => void (d.retention[0]!.upTo = false) },
    ['Security logs: the retention period of 90 days is no longer a maximum'],
    ['Registros de seguridad: el plazo de conservación de 90 días deja de ser un máximo'],
  ],
  'retention upTo false is no change': [{}, { data: (d) => void (d.retention[0]!.upTo = false) }, [], []],
  'retention reason added': [
    {},
    reason('to investigate incidents', 'para investigar incidentes'),
    ['Security logs: reason for retention now stated: “to investigate incidents”'],
    ['Registros de seguridad: se indica el motivo de la conservación: «para investigar incidentes»'],
  ],
  'retention reason removed': [
    reason('to investigate incidents', 'para investigar incidentes'),
    {},
    ['Security logs: reason for retention no longer stated (was “to investigate incidents”)'],
    ['Registros de seguridad: ya no se indica el motivo de la conservación (era «para investigar incidentes»)'],
  ],
  'retention reason changed': [
    reason('to investigate incidents', 'para investigar incidentes'),
    reason('to detect and investigate incidents', 'para detectar e investigar incidentes'),
    ['Security logs: reason for retention now “to detect and investigate incidents” (before: “to investigate incidents”)'],
    ['Registros de seguridad: motivo de la conservación ahora «para detectar e investigar incidentes» (antes: «para investigar incidentes»)'],
  ],
  'cookies added': [{}, analytics, ['New cookie category: Analytics cookies'], ['Nueva categoría de cookies: Cookies analíticas']],
  'cookies removed': [analytics, {}, ['Cookie category removed: Analytics cookies'], ['Categoría de cookies eliminada: Cookies analíticas']],
  'cookies purpose added, consent and providers': [
    {},
    {
      data: (d) => void Object.assign(d.cookies[0]!, { purpose: 'Keep you signed in', consent: 'required', providers: ['first-party', 'hosting'] }),
      es: { 'cookies.essential.purpose': 'Mantener su sesión' },
    },
    [
      'Essential cookies: consent now “Only with your consent” (before: “Not required”)',
      'Essential cookies: providers now Example Ltd (first party) and Hosting Co (before: Example Ltd (first party))',
      'Essential cookies: purpose now stated: “Keep you signed in”',
    ],
    [
      'Cookies esenciales: consentimiento ahora «Solo con su consentimiento» (antes: «No es necesario»)',
      'Cookies esenciales: proveedores ahora Example Ltd (propias) y Hosting Co (antes: Example Ltd (propias))',
      'Cookies esenciales: se indica la finalidad: «Mantener su sesión»',
    ],
  ],
  'cookies purpose changed, providers emptied': [
    { data: (d) => void (d.cookies[0]!.purpose = 'Keep you signed in'), es: { 'cookies.essential.purpose': 'Mantener su sesión' } },
    {
      data: (d) => void Object.assign(d.cookies[0]!, { purpose: 'Keep you signed in and secure', providers: [] }),
      es: { 'cookies.essential.purpose': 'Mantener su sesión segura' },
    },
    [
      'Essential cookies: providers now none (before: Example Ltd (first party))',
      'Essential cookies: purpose now “Keep you signed in and secure” (before: “Keep you signed in”)',
    ],
    [
      'Cookies esenciales: proveedores ahora ninguno (antes: Example Ltd (propias))',
      'Cookies esenciales: finalidad ahora «Mantener su sesión segura» (antes: «Mantener su sesión»)',
    ],
  ],
  'cookies purpose removed': [
    { data: (d) => void (d.cookies[0]!.purpose = 'Keep you signed in'), es: { 'cookies.essential.purpose': 'Mantener su sesión' } },
    {},
    ['Essential cookies: purpose no longer stated (was “Keep you signed in”)'],
    ['Cookies esenciales: ya no se indica la finalidad (era «Mantener su sesión»)'],
  ],
  'rights added and removed': [
    {},
    { data: (d) => void (d.rights[0] = { right: 'portability', description: 'Get your data' }) },
    ['New right: Portability', 'Right removed: Access'],
    ['Nuevo derecho: Portabilidad', 'Derecho eliminado: Acceso'],
  ],
  'rights description': [
    {},
    {
      data: (d) => void (d.rights[0]!.description = 'Request a copy of your data and how it is used'),
      es: { 'rights.access.description': 'Solicitar una copia de sus datos y de su uso' },
    },
    ['Right “Access” now described as “Request a copy of your data and how it is used” (before: “Request a copy of your data”)'],
    ['Derecho «Acceso»: nueva descripción «Solicitar una copia de sus datos y de su uso» (antes: «Solicitar una copia de sus datos»)'],
  ],
  requests: [
    dpo,
    both(dpo, { data: (d) => void Object.assign(d.requests, { contact: 'dpo', respondWithin: 'P15D' }) }),
    [
      'Rights requests now go to Data Protection Officer (dpo@example.com) instead of Privacy Email (privacy@example.com)',
      'Rights requests answered within 15 days instead of 30 days',
    ],
    [
      'Las solicitudes de derechos se dirigen ahora a Delegado de protección de datos (dpo@example.com) en lugar de a Correo de privacidad (privacy@example.com)',
      'Las solicitudes de derechos se responden en un plazo de 15 días en lugar de 30 días',
    ],
  ],
  transferSafeguards: [
    {},
    { data: (d) => void (d.transferSafeguards = ['adequacy']) },
    ['New transfer safeguard: Adequacy decision', 'Transfer safeguard removed: EU Standard Contractual Clauses'],
    ['Nueva garantía de transferencia: Decisión de adecuación', 'Garantía de transferencia eliminada: Cláusulas Contractuales Tipo de la UE'],
  ],
  'minimumAge lowered': [{}, { data: (d) => void (d.minimumAge = 13) }, ['Minimum age lowered from 16 to 13 years'], ['La edad mínima baja de 16 a 13 años']],
  'minimumAge raised': [{}, { data: (d) => void (d.minimumAge = 18) }, ['Minimum age raised from 16 to 18 years'], ['La edad mínima sube de 16 a 18 años']],
  'noticePeriod extended': [
    {},
    { data: (d) => void (d.noticePeriod = 'P60D') },
    ['Notice period for material changes extended from 30 days to 60 days'],
    ['El plazo de preaviso de los cambios sustanciales se amplía de 30 días a 60 días'],
  ],
  'noticePeriod shortened': [
    {},
    { data: (d) => void (d.noticePeriod = 'P2W') },
    ['Notice period for material changes shortened from 30 days to 2 weeks'],
    ['El plazo de preaviso de los cambios sustanciales se reduce de 30 días a 2 semanas'],
  ],
  'noticePeriod rewritten': [
    {},
    { data: (d) => void (d.noticePeriod = 'P1M') },
    ['Notice period for material changes changed from 30 days to 1 month'],
    ['El plazo de preaviso de los cambios sustanciales pasa de 30 días a 1 mes'],
  ],
  'imported and fallback are not facts': [{}, { data: (d) => void Object.assign(d, { imported: true, fallback: ['fr'] }) }, [], []],
};

const coverageKey = (e: DataEvent) =>
  e.field
    ? `${e.subject}.${e.field}${e.before === undefined ? ' added' : e.after === undefined || e.after === false ? ' removed' : ''}`
    : `${e.subject}${e.type === 'changed' ? '' : ` ${e.type}`}`;

describe('describeEvent', () => {
  for (const [name, [from, to, en, es]] of Object.entries(cases)) {
    it(name, () => {
      const [before, after] = [version(from), version(to)];
      const events = diffVersions(before, after);
      expect(events.map((e) => describeEvent(e, before, after, 'en'))).toEqual(en);
      expect(events.map((e) => describeEvent(e, before, after, 'es'))).toEqual(es);
    });
  }

  it('has words for every field of the schema, each way it can change', () => {
    type Def = { type: string; innerType?: { _zod: { def: Def } }; element?: { _zod: { def: Def } }; shape?: Record<string, { _zod: { def: Def } }> };
    const def = (schema: { _zod: { def: Def } }) => schema._zod.def;
    const unwrap = (d: Def): Def => (d.innerType ? unwrap(def(d.innerType)) : d);
    const keyFields = new Set(['id', 'category', 'right']);
    const notFacts = new Set(['$schema', 'effective', 'announced', 'change', 'imported', 'fallback']);
    const expected: string[] = [];
    for (const [key, field] of Object.entries(policyFrontmatterSchema.shape)) {
      if (notFacts.has(key)) continue;
      const d = unwrap(def(field as never));
      const element = d.element && unwrap(def(d.element));
      if (d.type === 'array') expected.push(`${key} added`, `${key} removed`);
      for (const [name, inner] of Object.entries((element ?? d).shape ?? {})) {
        if (keyFields.has(name)) continue;
        const optional = def(inner).type === 'optional';
        const boolean = unwrap(def(inner)).type === 'boolean';
        expected.push(...(optional ? [`${key}.${name} added`, `${key}.${name} removed`] : []), ...(boolean ? [] : [`${key}.${name}`]));
      }
      if (!d.shape && d.type !== 'array') expected.push(key);
    }
    const covered = new Set(Object.values(cases).flatMap(([from, to]) => diffVersions(version(from), version(to)).map(coverageKey)));
    expect(expected.length).toBeGreaterThan(40);
    expect([...covered].sort()).toEqual(expected.sort());
  });

  it('tells the reader in the source locale strings for a locale without its own', () => {
    const [before, after] = [version(), version({ data: (d) => void (d.minimumAge = 13) })];
    expect(describeEvent(diffVersions(before, after)[0]!, before, after, 'fr')).toBe('Minimum age lowered from 16 to 13 years');
  });
});
