import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// vitest 5 and Astro 7 need Node 22+. `npm test` puts the pinned Node 24 from
// node_modules/.bin first on PATH; a bare `npx vitest` under an older Node fails here, clearly.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  throw new Error(
    `The tests need Node.js 22 or newer, but this is ${process.version}. Run them with \`npm test\`, which uses the Node pinned in devDependencies.`,
  );
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Most test time is waiting on spawned CLIs, builds and servers, not on this
    // process: two files at a time keep both cores busy.
    maxWorkers: 2,
    // The build tests run the real Astro build; the first one warms Vite's caches.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // A reader west of UTC is where date-only values shift a day if formatted carelessly.
    // Every CLI, build and job the tests spawn reads compiled modules from Node's
    // compile cache (in the OS temp folder), as `npm run policy` does.
    env: { TZ: 'America/Bogota', NODE_COMPILE_CACHE: path.join(tmpdir(), 'policy-as-code-node-compile-cache') },
  },
});
