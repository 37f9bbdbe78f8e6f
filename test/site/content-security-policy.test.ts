import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/site/content-security-policy.ts';

describe('contentSecurityPolicy', () => {
  it('allows no script, styles from the site only, and images from the site and the configured hosts over https', () => {
    expect(contentSecurityPolicy(['assets.infraux.com', 'https://CDN.example.com:8443', '*.img.example.org'])).toBe(
      "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' https://assets.infraux.com https://cdn.example.com:8443 https://*.img.example.org; object-src 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  it('refuses an image host that could add a directive or allow any origin', () => {
    for (const host of ["assets.infraux.com; script-src 'unsafe-inline'", 'http://assets.infraux.com', '*', 'https://assets.infraux.com/images', "'self'"]) {
      expect(() => contentSecurityPolicy([host]), host).toThrow(
        `siteConfig.imageHosts has "${host}", which is not a host name. Write it as images.example.com (https only), without a path.`,
      );
    }
  });
});
