import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The folder of the shared test fixtures. */
export const fixturesDir = path.resolve(import.meta.dirname, '../fixtures');

/**
 * Makes a throwaway repository root: the small valid base policy, with the
 * files of `overlay` (a fixture folder holding a `policies/` tree) copied on top.
 */
export function fixtureRoot(overlay?: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'policy-fixture-'));
  cpSync(path.join(fixturesDir, 'base/policies'), path.join(root, 'policies'), { recursive: true });
  if (overlay && existsSync(path.join(overlay, 'policies'))) cpSync(path.join(overlay, 'policies'), path.join(root, 'policies'), { recursive: true });
  return root;
}
