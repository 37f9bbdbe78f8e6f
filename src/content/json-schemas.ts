import { z } from 'astro/zod';
import { policyKinds } from '../kinds/index.ts';
import { policyManifestSchema } from './policy-manifest.ts';
import { translationSchema } from './schema.ts';

/**
 * The front-matter schemas as JSON Schema (draft 2020-12), for editors and
 * other tools. Published under /schemas/ and kept in git so a stale copy fails a test.
 */
export function frontMatterJsonSchemas(): Record<string, object> {
  const convert = (schema: z.ZodType, id: string, title: string) => ({
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
    $id: `https://policies.infraux.com/schemas/${id}`,
    title,
  });
  return {
    ...Object.fromEntries(
      Object.values(policyKinds).map((kind) => [
        `${kind.id}-frontmatter.schema.json`,
        convert(kind.schema, `${kind.id}-frontmatter.schema.json`, `Front-matter of a ${kind.id} policy version (source locale)`),
      ]),
    ),
    // Published privacy versions name the schema by its first name, and a published file never changes.
    'policy-frontmatter.schema.json': convert(
      policyKinds.privacy!.schema,
      'policy-frontmatter.schema.json',
      'Front-matter of a privacy policy version (source locale)',
    ),
    'policy-manifest.schema.json': convert(policyManifestSchema, 'policy-manifest.schema.json', 'policy.yaml: the kind of a policy'),
    'translation-frontmatter.schema.json': convert(translationSchema, 'translation-frontmatter.schema.json', 'Policy version front-matter (translation)'),
  };
}
