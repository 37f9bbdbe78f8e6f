// The JSON Schema of each API document, at a stable URL.
import type { APIRoute } from 'astro';
import { apiJsonSchema, apiSchemas } from '../../../../api/api-schemas.ts';
import { jsonResponse } from '../../../../api/json-response.ts';

export function getStaticPaths() {
  return Object.keys(apiSchemas).map((name) => ({ params: { name } }));
}

export const GET: APIRoute = ({ params }) => jsonResponse(apiJsonSchema(params.name as keyof typeof apiSchemas));
