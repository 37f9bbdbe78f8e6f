// Starts a TypeScript entry point with Node's module compile cache on, so even
// the entry is read from the cache and the CLI answers in about the time of
// `node -e 0`: `node scripts/with-compile-cache.mjs scripts/policy.ts check`.
// Plain JavaScript on purpose: a .ts launcher would be compiled before the
// cache could be switched on. The cache lives in the OS temp folder, never in
// the checkout, and Node rejects entries whose source does not match.
import module from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

module.enableCompileCache?.();
const [, , entry] = process.argv;
if (!entry) {
  process.stderr.write('Usage: node scripts/with-compile-cache.mjs <script.ts> [args...]\n');
  process.exit(2);
}
// The entry sees its own path as argv[1], as if started directly.
process.argv.splice(1, 2, path.resolve(entry));
await import(pathToFileURL(path.resolve(entry)).href);
