// An archived version against the version in force, beside its compare pages.
import type { APIRoute } from 'astro';
import { compareDocument } from '../../../../../../api/api-documents.ts';
import { jsonResponse } from '../../../../../../api/json-response.ts';
import { hasComparison } from '../../../../../../site/version-compare.ts';
import { getSiteModel, type SitePolicy, type SiteVersion } from '../../../../../../site/site-model.ts';

export function getStaticPaths() {
  return getSiteModel().policies.flatMap((policy) =>
    policy.versions
      .filter((version) => hasComparison(version, policy))
      .map((version) => ({ params: { policy: policy.id, version: version.version }, props: { policy, version }, cacheKey: policy.cacheKey })),
  );
}

export const GET: APIRoute = ({ props }) => jsonResponse(compareDocument(props.policy as SitePolicy, props.version as SiteVersion));
