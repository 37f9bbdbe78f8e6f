import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicies } from '../../src/content/load-policies.ts';
import { renderBody } from '../../src/render/render-body.ts';
import { FIXTURE_NOW, fixtureRoot, fixturesDir } from '../helpers/fixture-root.ts';

const version = loadPolicies(fixtureRoot(), { now: FIXTURE_NOW })[0]!.versions[0]!;

describe('renderBody', () => {
  it('renders data components from the front-matter with the translation labels', () => {
    const { html, sections } = renderBody(version, 'es');
    expect(html).toContain('<li><strong>Datos de registro:</strong> Nombre y correo electrónico</li>');
    expect(html).toContain('<th scope="row">Registros de seguridad</th><td>90 días</td>');
    expect(html).toContain(
      '<th scope="row"><a href="https://hosting.example/privacy">Hosting Co</a></th><td>Alojamiento de infraestructura</td><td>Datos de registro</td><td>Estados Unidos</td><td>Cláusulas Contractuales Tipo de la UE</td>',
    );
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
    expect(sections[0]!.text).toBe('We collect:\n• Registration data: Name and email address');
    expect(sections[0]!.html).toMatch(/^<h2 id="introduction">1. Introduction<\/h2>/);
  });

  it('gives the same output for the same input', () => {
    expect(renderBody(version, 'es')).toEqual(renderBody(version, 'es'));
  });
});

describe('renderBody on MDX comments', () => {
  // test/fixtures/publishing/ has `{/* internal note: … */}` in a heading, a paragraph, a list item, a table cell and between blocks.
  const published = loadPolicies(fixtureRoot(path.join(fixturesDir, 'publishing')), { now: '2026-03-01' }).find((p) => p.id === 'privacy')!;
  const commented = published.versions.find((v) => v.version === '2026-01-15')!;

  it('drops them from the HTML and from the text that diffs and JSON use, keeping the text around them', () => {
    for (const locale of ['en', 'es']) {
      const { html, sections } = renderBody(commented, locale);
      expect(html).not.toMatch(/internal note|\/\*/);
      expect(JSON.stringify(sections)).not.toMatch(/internal note|\/\*/);
    }
    const { sections } = renderBody(commented, 'en');
    expect(sections.map((s) => s.heading)).toEqual(['1. Introduction', '2. Sharing', '3. Retention']);
    expect(sections[0]!.text).toBe('We collect:\n• Registration data: Name and email address\n• An item in a list');
    expect(sections[1]!.text.split('\n').at(-1)).toBe('| Access | Write to us |');
  });
});
