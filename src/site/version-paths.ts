import { siteConfig } from '../config.ts';
import { getSiteModel, type SitePolicy, type SiteVersion } from './site-model.ts';

/**
 * The static paths of a per-version route (a version's page, its changes, its
 * comparison with the version in force): one per version that `has` such a
 * page, in every locale, keyed on the policy so an incremental build re-renders
 * them only when the policy (or the navigation) changes.
 */
export function versionPaths(has: (version: SiteVersion, policy: SitePolicy) => boolean = () => true) {
  return getSiteModel().policies.flatMap((policy) =>
    policy.versions
      .filter((version) => has(version, policy))
      .flatMap((version) =>
        siteConfig.locales.map((locale) => ({
          params: { locale, policy: policy.id, version: version.version },
          props: { policy, version },
          cacheKey: policy.cacheKey,
        })),
      ),
  );
}
