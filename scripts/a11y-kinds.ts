// Builds the three-kinds example site (a privacy policy, GitHub's real Terms of
// Service and DPA: test/fixtures/kinds/) and runs the accessibility check over
// it (scripts/a11y.ts: light and dark colour schemes), so the pages of every kind,
// and redlines with link changes, stay at zero errors.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildSite } from '../test/helpers/build-site.ts';
import { kindsRoot } from '../test/helpers/kinds-root.ts';

const now = '2026-03-01';
const root = kindsRoot();
const env = { ...process.env, POLICY_NOW: now };
const lock = spawnSync(process.execPath, [path.resolve('scripts/policy.ts'), 'lock'], { cwd: root, env, stdio: 'inherit' });
if (lock.status !== 0) process.exit(lock.status ?? 1);
const build = buildSite({ now, policiesRoot: root });
if (build.status !== 0) {
  console.error(build.stdout, build.stderr);
  process.exit(1);
}
const a11y = spawnSync(process.execPath, [path.resolve('scripts/a11y.ts'), build.out], { stdio: 'inherit' });
process.exit(a11y.status ?? 1);
