// A worker of warmParseCache: parses the policy files it is given into the
// parse cache. Errors are left for the loader, which reports them with context.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { cachedParse } from './parse-cache.ts';
import { bodyParser } from './body-parser.ts';
import { readFrontMatter } from './read-front-matter.ts';

const { root, files } = workerData as { root: string; files: string[] };
for (const file of files) {
  try {
    cachedParse(file, readFrontMatter(file, readFileSync(path.join(root, file), 'utf8')).body, bodyParser(file));
  } catch {
    // Reported by the loader.
  }
}
parentPort?.postMessage('done');
