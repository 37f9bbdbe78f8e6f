import { z } from 'astro/zod';
import { policyFrontmatterSchema, translationSchema } from './schema.ts';

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
    'policy-frontmatter.schema.json': convert(policyFrontmatterSchema, 'policy-frontmatter.schema.json', 'Policy version front-matter (source locale)'),
    'translation-frontmatter.schema.json': convert(translationSchema, 'translation-frontmatter.schema.json', 'Policy version front-matter (translation)'),
  };
}
