// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { siteConfig } from './src/config.ts';
import policySite from './src/integration.ts';
import { sitemapOptions } from './src/site/sitemap-options.ts';

export default defineConfig({
  site: siteConfig.site,
  trailingSlash: 'always',
  // The stylesheet is a file, never a <style> block: the Content-Security-Policy then allows
  // styles from the site's origin only ('self'), with no hash to keep in step with the CSS.
  // concurrency: pages render while others are written; one at a time, the build waited on the disk
  // for almost half of its page phase. 4 was about 15% faster than 1 at the medium benchmark size;
  // 8 was a little faster still but took the large build to within 2% of its 2 GB memory target.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  integrations: [policySite(), sitemap(sitemapOptions())],
  // Tests give each build its own cache, so parallel builds never share the incremental-build manifest.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  // Readers never need client code on a policy page, so none is shipped.
  devToolbar: { enabled: false },
  // Pages return a cacheKey of the policy files they show; unchanged pages are copied, not rendered.
  experimental: { incrementalBuild: true },
});
