// One version in one locale: its data and its sections.
import type { APIRoute } from 'astro';
import { versionDocument } from '../../../../../../api/api-documents.ts';
import { jsonResponse } from '../../../../../../api/json-response.ts';
import { siteConfig, type Locale } from '../../../../../../config.ts';
import { getSiteModel, type SitePolicy, type SiteVersion } from '../../../../../../site/site-model.ts';

export function getStaticPaths() {
  return getSiteModel().policies.flatMap((policy) =>
    policy.versions.flatMap((version) =>
      siteConfig.locales.map((locale) => ({
        params: { policy: policy.id, version: version.version, locale },
        props: { policy, version },
        cacheKey: policy.cacheKey,
      })),
    ),
  );
}

export const GET: APIRoute = ({ params, props }) => {
  const { policy, version } = props as { policy: SitePolicy; version: SiteVersion };
  return jsonResponse(versionDocument(policy, version, params.locale as Locale));
};
