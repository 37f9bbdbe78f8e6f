import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BodyParser } from './body-parser.ts';
import { markdownFingerprint } from './parse-markdown.ts';
import { parserFingerprint, type ParsedBody } from './parse-mdx.ts';

// Parsing MDX is the slowest step of loading; a rebuild of unchanged files
// reads the trees back instead. Entries are keyed by the file's text and by
// everything that shapes the tree (the parser's code and the remark versions),
// so a change to any of them misses the cache instead of reusing it.
function parserCode(): string {
  // From src/ when this runs from it (the config, the CLI, the parse workers);
  // from the code's own text when it runs from Vite's bundle.
  try {
    const here = path.dirname(fileURLToPath(import.meta.url));
    return [
      'parse-mdx.ts',
      'parse-markdown.ts',
      'raw-html.ts',
      'section-headings.ts',
      'nesting-depth.ts',
      'body-parser.ts',
      'components.ts',
      'parse-cache.ts',
      'remark-policy-gfm.ts',
      'check-characters.ts',
    ]
      .map((f) => readFileSync(path.join(here, f), 'utf8'))
      .join('\0');
  } catch {
    return parserFingerprint + markdownFingerprint + cachedParse.toString();
  }
}
// The versions of the parser packages this code itself loads, found from this
// module's location: never from the current folder, which in a pull request's
// checkout is the pull request's to fill.
function remarkVersions(): string | undefined {
  try {
    const packages = [
      'remark-mdx',
      'remark-parse',
      'micromark',
      'micromark-extension-gfm-table',
      'micromark-extension-gfm-footnote',
      'micromark-extension-gfm-strikethrough',
      'remark-gfm',
      'hast-util-from-html',
    ];
    return packages.map((p) => JSON.parse(readFileSync(module.findPackageJSON(p, import.meta.url)!, 'utf8')).version).join();
  } catch {
    return undefined;
  }
}
const versions = remarkVersions();
const parserVersion = createHash('sha256')
  .update(parserCode())
  .update(versions ?? '')
  .digest('hex');

// A cached tree skips every parse-time check, so the cache lives where only this
// tool writes: the user's cache folder, never inside a checkout, where a pull
// request could commit entries of its own (node_modules/.cache included).
const userCache = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
const cacheDir = process.env.POLICY_CACHE_DIR ?? path.join(userCache, 'policy-as-code', 'mdx');
/** False when POLICY_NO_CACHE=1, or when the remark versions (part of the key) cannot be read. */
export const parseCacheEnabled = process.env.POLICY_NO_CACHE !== '1' && versions !== undefined;

// The cache entry each body returned by `cachedParse` was read from or written to.
const cacheEntries = new WeakMap<ParsedBody, { file: string; entry: string }>();

/**
 * Parses with `parse`, or returns the tree a previous build cached for the
 * same text. Only clean parses are cached: errors name their file and are
 * cheap to find again.
 */
export function cachedParse(file: string, body: string, parser: BodyParser): ParsedBody {
  const { parse, variant } = parser;
  if (!parseCacheEnabled) return parse(file, body);
  // The same text parses differently as Markdown and as MDX: the variant is part of the key.
  const key = createHash('sha256').update(parserVersion).update(`\0${variant}\0`).update(body).digest('hex');
  const entry = path.join(cacheDir, key.slice(0, 2), `${key}.json`);
  if (existsSync(entry)) {
    try {
      const body: ParsedBody = { ...(JSON.parse(readFileSync(entry, 'utf8')) as Omit<ParsedBody, 'errors'>), errors: [] };
      cacheEntries.set(body, { file, entry });
      return body;
    } catch {
      // A torn or foreign file: parse again and overwrite it.
    }
  }
  const parsed = parse(file, body);
  if (parsed.errors.length === 0) {
    mkdirSync(path.dirname(entry), { recursive: true });
    // Write then rename, so a concurrent or killed build never reads half a file.
    const temporary = `${entry}.${process.pid}.tmp`;
    const { errors: _none, ...kept } = parsed;
    writeFileSync(temporary, JSON.stringify(kept));
    renameSync(temporary, entry);
    cacheEntries.set(parsed, { file, entry });
  }
  return parsed;
}

/**
 * Lets a body's tree go once the checks that walk it have run: from then on
 * `body.tree` reads it back from the cache entry on each use. A site of
 * thousands of files then never holds every tree at once (they are several
 * times the size of the text); reading one back costs a fraction of a
 * millisecond. A body that is not in the cache keeps its tree.
 */
export function releaseTree(body: ParsedBody): void {
  const cached = cacheEntries.get(body);
  if (!cached) return;
  Object.defineProperty(body, 'tree', {
    enumerable: true,
    configurable: true,
    get: () => {
      try {
        return (JSON.parse(readFileSync(cached.entry, 'utf8')) as Pick<ParsedBody, 'tree'>).tree;
      } catch {
        // The entry was checked when it was read; rendering from another text would publish unchecked text.
        throw new Error(`The parse cache entry of ${cached.file} (${cached.entry}) disappeared during the build. Build again.`);
      }
    },
  });
}
