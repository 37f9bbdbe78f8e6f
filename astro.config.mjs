// @ts-check
import { defineConfig } from 'astro/config';
import { siteConfig } from './src/config.ts';
import policySite from './src/integration.ts';

export default defineConfig({
  site: siteConfig.site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [policySite()],
  // Tests give each build its own cache, so parallel builds never share the incremental-build manifest.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  // Readers never need client code on a policy page, so none is shipped.
  devToolbar: { enabled: false },
  // Pages return a cacheKey of the policy files they show; unchanged pages are copied, not rendered.
  experimental: { incrementalBuild: true },
});
