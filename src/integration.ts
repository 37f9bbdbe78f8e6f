import type { AstroIntegration } from 'astro';
import { internalErrorMessage } from './cli/internal-error.ts';
import { PolicyValidationError } from './content/policy-error.ts';
import { writeFileSync } from 'node:fs';
import { warmParseCache } from './content/warm-parse-cache.ts';
import { getSiteModel, modelTimings, policiesRoot } from './site/site-model.ts';

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
