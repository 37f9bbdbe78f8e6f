import type { DataComponent } from './kind.ts';
import { privacyRenderers } from './privacy/render.ts';
import { sharedRenderers } from './render-shared.ts';
import { termsRenderers } from './terms/render.ts';

/**
 * Each kind's data components as render functions, apart from the registry so
 * that `policy check` never loads the renderers. A test holds both lists to the same kinds.
 */
export const kindRenderers: Readonly<Record<string, Record<string, DataComponent>>> = {
  privacy: privacyRenderers as unknown as Record<string, DataComponent>,
  terms: termsRenderers as unknown as Record<string, DataComponent>,
  document: sharedRenderers as unknown as Record<string, DataComponent>,
};
