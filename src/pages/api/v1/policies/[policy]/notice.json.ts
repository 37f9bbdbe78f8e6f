// One policy's in-app change notice: the input of the <policy-notice> element.
import type { APIRoute } from 'astro';
import { jsonResponse } from '../../../../../api/json-response.ts';
import { noticeDocument } from '../../../../../api/notice-document.ts';
import { getSiteModel, type SitePolicy } from '../../../../../site/site-model.ts';

export function getStaticPaths() {
  return getSiteModel().policies.map((policy) => ({ params: { policy: policy.id }, props: { policy }, cacheKey: policy.cacheKey }));
}

export const GET: APIRoute = ({ props }) => jsonResponse(noticeDocument((props as { policy: SitePolicy }).policy, getSiteModel().now));
