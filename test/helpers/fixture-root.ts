import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The folder of the shared test fixtures. */
export const fixturesDir = path.resolve(import.meta.dirname, '../fixtures');

/** "Now" for fixture checks: before the base version is announced, so only the lock fixtures meet the lock. */
export const FIXTURE_NOW = '2025-06-01';

const baseVersion = 'policies/privacy/2025-07-01';

/**
 * Makes a throwaway repository root: the small valid base policy, with the
 * files of `overlay` (a fixture folder holding a `policies/` tree) copied on top.
 * When an overlay replaces the base en.mdx but keeps the base es.mdx, the
 * translation's `source` hash follows, so each fixture shows only its own error.
 */
export function fixtureRoot(overlay?: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'policy-fixture-'));
  cpSync(path.join(fixturesDir, 'base/policies'), path.join(root, 'policies'), { recursive: true });
  if (!overlay || !existsSync(path.join(overlay, 'policies'))) return root;
  cpSync(path.join(overlay, 'policies'), path.join(root, 'policies'), { recursive: true });
  if (existsSync(path.join(overlay, baseVersion, 'en.mdx')) && !existsSync(path.join(overlay, baseVersion, 'es.mdx'))) {
    const hash = createHash('sha256')
      .update(readFileSync(path.join(root, baseVersion, 'en.mdx')))
      .digest('hex')
      .slice(0, 12);
    const es = path.join(root, baseVersion, 'es.mdx');
    writeFileSync(es, readFileSync(es, 'utf8').replace(/^source: .+$/m, `source: "${hash}"`));
  }
  return root;
}
