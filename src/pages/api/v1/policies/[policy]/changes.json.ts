// Every consecutive pair of one policy's versions.
import type { APIRoute } from 'astro';
import { changesDocument } from '../../../../../api/api-documents.ts';
import { jsonResponse } from '../../../../../api/json-response.ts';
import { getSiteModel, type SitePolicy } from '../../../../../site/site-model.ts';

export function getStaticPaths() {
  return getSiteModel().policies.map((policy) => ({ params: { policy: policy.id }, props: { policy }, cacheKey: policy.cacheKey }));
}

export const GET: APIRoute = ({ props }) => jsonResponse(changesDocument((props as { policy: SitePolicy }).policy));
