// Writes the front-matter JSON Schemas to public/schemas/ (run after editing src/content/schema.ts).
import { writeFileSync } from 'node:fs';
import { frontMatterJsonSchemas } from '../src/content/json-schemas.ts';

for (const [name, schema] of Object.entries(frontMatterJsonSchemas())) {
  writeFileSync(`public/schemas/${name}`, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote public/schemas/${name}`);
}
