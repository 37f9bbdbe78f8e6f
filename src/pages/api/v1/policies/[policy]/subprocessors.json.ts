// A privacy policy's sub-processor list and its dated changes.
import type { APIRoute } from 'astro';
import { jsonResponse } from '../../../../../api/json-response.ts';
import { subprocessorsDocument } from '../../../../../api/subprocessors-document.ts';
import { getSiteModel, type SitePolicy } from '../../../../../site/site-model.ts';
import { hasSubprocessors, subprocessorHistory } from '../../../../../site/subprocessor-history.ts';

export function getStaticPaths() {
  return getSiteModel()
    .policies.filter(hasSubprocessors)
    .map((policy) => ({ params: { policy: policy.id }, props: { policy }, cacheKey: policy.cacheKey }));
}

export const GET: APIRoute = ({ props }) => jsonResponse(subprocessorsDocument(subprocessorHistory((props as { policy: SitePolicy }).policy)));
