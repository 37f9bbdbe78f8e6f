import { describe, expect, it } from 'vitest';
import { loadPolicies } from '../../src/content/load-policies.ts';
import { renderBody } from '../../src/render/render-body.ts';
import { FIXTURE_NOW, fixtureRoot } from '../helpers/fixture-root.ts';

const version = loadPolicies(fixtureRoot(), { now: FIXTURE_NOW })[0]!.versions[0]!;

describe('renderBody', () => {
  it('renders data components from the front-matter with the translation labels', () => {
    const { html, sections } = renderBody(version, 'es');
    expect(html).toContain('<li><strong>Datos de registro:</strong> Nombre y correo electrónico</li>');
    expect(html).toContain('<th scope="row">Registros de seguridad</th><td>90 días</td>');
    expect(html).toContain('<th scope="row"><a href="https://hosting.example/privacy">Hosting Co</a></th><td>Alojamiento de infraestructura</td><td>Datos de registro</td><td>Estados Unidos</td><td>Cláusulas Contractuales Tipo de la UE</td>');
    expect(sections.find((s) => s.id === 'retention')!.text).toContain('Escriba a privacy@example.com. Debe tener al menos 16 años.');
  });

  it('renders the same data in the source locale from the source text', () => {
    const { html } = renderBody(version, 'en');
    expect(html).toContain('<th scope="row">Security logs</th><td>90 days</td>');
    expect(html).toContain('<a href="mailto:privacy@example.com">privacy@example.com</a>. You must be at least 16 years old.');
  });

  it('splits the text into sections by their stable ids, one block per line', () => {
    const { sections } = renderBody(version, 'en');
    expect(sections.map((s) => [s.id, s.depth, s.heading])).toEqual([
      ['introduction', 2, '1. Introduction'],
      ['sharing', 2, '2. Sharing'],
      ['retention', 2, '3. Retention'],
    ]);
    expect(sections[0]!.text).toBe('We collect:\nRegistration data: Name and email address');
    expect(sections[0]!.html).toMatch(/^<h2 id="introduction">1. Introduction<\/h2>/);
  });

  it('gives the same output for the same input', () => {
    expect(renderBody(version, 'es')).toEqual(renderBody(version, 'es'));
  });
});
