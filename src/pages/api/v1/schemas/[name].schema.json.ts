// The JSON Schema of each API document, at a stable URL.
import type { APIRoute } from 'astro';
import { apiJsonSchema, apiSchemas } from '../../../../api/api-schemas.ts';
import { jsonResponse } from '../../../../api/json-response.ts';

export function getStaticPaths() {
  // The schemas depend on code only, which Astro's incremental build tracks itself.
  return Object.keys(apiSchemas).map((name) => ({ params: { name }, cacheKey: 'code-only' }));
}

export const GET: APIRoute = ({ params }) => jsonResponse(apiJsonSchema(params.name as keyof typeof apiSchemas));
