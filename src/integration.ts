import type { AstroIntegration } from 'astro';
import { internalErrorMessage } from './cli/internal-error.ts';
import { PolicyValidationError } from './content/policy-error.ts';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { siteConfig } from './config.ts';
import { warmParseCache } from './content/warm-parse-cache.ts';
import { getSiteModel, invalidateSiteModel, modelTimings, policiesRoot } from './site/site-model.ts';

/**
 * The policy-as-code Astro integration. It checks every policy before Astro
 * renders a page, so a bad file stops the build with the author's errors
 * (file, line, fix) and nothing written, rather than a stack trace from deep
 * inside a page.
 */
export default function policySite(): AstroIntegration {
  return {
    name: 'policy-as-code',
    hooks: {
      'astro:config:setup': ({ command }) => {
        // The model turns stale translations into page warnings while authors edit.
        if (command === 'dev') process.env.POLICY_DEV = '1';
      },
      'astro:server:setup': ({ server, logger }) => {
        // Policy files are read by the model, not imported, so Vite does not
        // know to reload for them: any change under policies/ drops the model
        // and reloads the open pages, which then show the edit or its error.
        const dir = path.join(policiesRoot(), siteConfig.policiesDir);
        server.watcher.add(dir);
        server.watcher.on('all', (_event, file) => {
          if (!path.resolve(file).startsWith(`${dir}${path.sep}`)) return;
          invalidateSiteModel();
          logger.info(`${path.relative(policiesRoot(), file)} changed; reloading.`);
          // Pages get their props from getStaticPaths, which Astro's dev server caches per
          // route; the event its content layer sends on a data change clears that cache.
          for (const [name, environment] of Object.entries(server.environments)) {
            if (name !== 'client') environment.hot.send('astro:content-changed', {});
          }
          server.environments.client.hot.send({ type: 'full-reload', path: '*' });
        });
      },
      'astro:build:start': async ({ logger }) => {
        try {
          await warmParseCache(policiesRoot());
          getSiteModel();
        } catch (error) {
          const known = error instanceof PolicyValidationError || (error instanceof Error && error.message.startsWith('POLICY_NOW'));
          // Astro prints a stack trace for errors thrown by hooks; authors need only the list.
          if (known) logger.error(`${error.message}\nFix the files listed above, then build again.`);
          else logger.error(internalErrorMessage('build', error));
          process.exit(1);
        }
      },
      'astro:build:done': () => {
        // The benchmark reads the phase times of the model from here.
        const file = process.env.POLICY_TIMINGS_FILE;
        if (file) writeFileSync(file, JSON.stringify(Object.fromEntries(Object.entries(modelTimings).map(([k, v]) => [k, Math.round(v)]))));
      },
    },
  };
}
