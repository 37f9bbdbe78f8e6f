import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { siteConfig } from '../config.ts';
import { listPolicyFiles } from './list-policy-files.ts';
import { parseCacheEnabled } from './parse-cache.ts';

/**
 * Parses every policy file into the parse cache on all cores, so the loader,
 * which is synchronous and single-threaded, then reads trees instead of
 * parsing them. Only a speed-up: without it, or if a worker fails, the loader
 * parses what is missing itself.
 */
export async function warmParseCache(root: string): Promise<void> {
  if (!parseCacheEnabled) return;
  const dir = siteConfig.policiesDir;
  const files = listPolicyFiles(root, dir)
    .files.filter((f) => /\.(mdx|md)$/.test(f))
    .map((f) => `${dir}/${f}`);
  const workers = Math.min(availableParallelism(), Math.ceil(files.length / 50));
  if (workers < 2) return;
  const script = new URL('./parse-worker.ts', import.meta.url);
  await Promise.allSettled(
    Array.from({ length: workers }, (_, i) => {
      const worker = new Worker(script, { workerData: { root, files: files.filter((_, j) => j % workers === i) } });
      return new Promise<void>((resolve) => {
        worker.once('message', () => resolve());
        worker.once('error', () => resolve());
        worker.once('exit', () => resolve());
      });
    }),
  );
}
