import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frontMatterJsonSchemas } from '../../src/content/json-schemas.ts';

describe('front-matter JSON Schemas', () => {
  it('are published up to date (run `npm run schema` after changing the zod schema)', () => {
    for (const [name, schema] of Object.entries(frontMatterJsonSchemas())) {
      expect(JSON.parse(readFileSync(`public/schemas/${name}`, 'utf8')), name).toEqual(schema);
    }
  });

  it('describe every top-level field for editor hovers', () => {
    const schema = frontMatterJsonSchemas()['policy-frontmatter.schema.json'] as { properties: Record<string, { description?: string }> };
    const undocumented = Object.entries(schema.properties).filter(([key, value]) => key !== '$schema' && !value.description);
    expect(undocumented).toEqual([]);
  });
});
