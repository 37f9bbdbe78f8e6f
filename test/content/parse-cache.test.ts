import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedBody } from '../../src/content/parse-mdx.ts';

const TEXT = '## Data we keep {#data}\n\nWe keep [records](https://example.com) for 30 days.\n\n<Contact />\n';
let cache: typeof import('../../src/content/parse-cache.ts');
let parseMdx: typeof import('../../src/content/parse-mdx.ts').parseMdx;
let dir: string;

beforeAll(async () => {
  // The cache folder is read once, when the module loads.
  dir = mkdtempSync(path.join(tmpdir(), 'parse-cache-'));
  process.env.POLICY_CACHE_DIR = dir;
  cache = await import('../../src/content/parse-cache.ts');
  ({ parseMdx } = await import('../../src/content/parse-mdx.ts'));
});

const ownTree = (body: ParsedBody) => Object.getOwnPropertyDescriptor(body, 'tree')!;

describe('releaseTree', () => {
  it('lets a cached tree go and reads the same tree back on each use', () => {
    const fresh = parseMdx('policies/p/2026-01-01/en.mdx', TEXT);
    const body = cache.cachedParse('policies/p/2026-01-01/en.mdx', TEXT, { variant: 'mdx', parse: parseMdx });
    cache.releaseTree(body);
    expect(ownTree(body).value).toBeUndefined();
    expect(ownTree(body).get).toBeTypeOf('function');
    expect(body.tree).toEqual(JSON.parse(JSON.stringify(fresh.tree)));
    expect(body.tree).not.toBe(body.tree);
    expect(body.headings).toEqual(fresh.headings);
  });

  it('keeps the tree of a body the cache does not hold', () => {
    const body = cache.cachedParse('policies/p/2026-01-01/en.mdx', '## Broken {#Bad Id}\n', { variant: 'mdx', parse: parseMdx });
    expect(body.errors).toHaveLength(1);
    cache.releaseTree(body);
    expect(ownTree(body).value).toBe(body.tree);
  });

  it('refuses, in one sentence, to render a tree whose cache entry vanished', () => {
    const body = cache.cachedParse('policies/p/2026-02-01/en.mdx', `${TEXT}\nMore.\n`, { variant: 'mdx', parse: parseMdx });
    cache.releaseTree(body);
    for (const entry of readdirSync(dir)) rmSync(path.join(dir, entry), { recursive: true });
    expect(() => body.tree).toThrow(/^The parse cache entry of policies\/p\/2026-02-01\/en\.mdx \(.+\) disappeared during the build\. Build again\.$/);
  });
});
