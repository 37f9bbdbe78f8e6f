// @ts-check
import { defineConfig } from 'astro/config';
import { siteConfig } from './src/config.ts';
import policySite from './src/integration.ts';

export default defineConfig({
  site: siteConfig.site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [policySite()],
  // Readers never need client code on a policy page, so none is shipped.
  devToolbar: { enabled: false },
});
