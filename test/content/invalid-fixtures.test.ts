import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicies } from '../../src/content/load-policies.ts';
import { PolicyValidationError } from '../../src/content/policy-error.ts';
import { FIXTURE_NOW, fixtureRoot, fixturesDir } from '../helpers/fixture-root.ts';

// Each folder under fixtures/invalid/ overlays one broken file on the valid
// base policy; expected.txt holds the exact report an author must see.
const invalidDir = path.join(fixturesDir, 'invalid');

describe('invalid policy fixtures', () => {
  it('the base fixture itself is valid', () => {
    expect(loadPolicies(fixtureRoot(), { now: FIXTURE_NOW })[0]!.versions).toHaveLength(1);
    // ...and stays valid once published: its lock file matches.
    expect(loadPolicies(fixtureRoot(), { now: '2026-11-26' })[0]!.versions).toHaveLength(1);
  });

  for (const name of readdirSync(invalidDir).sort()) {
    it(`reports ${name} with file, line and fix`, () => {
      const dir = path.join(invalidDir, name);
      let report: string | undefined;
      try {
        // A fixture may pin "now" (lock fixtures need a published version).
        const now = existsSync(path.join(dir, 'now.txt')) ? readFileSync(path.join(dir, 'now.txt'), 'utf8').trim() : FIXTURE_NOW;
        loadPolicies(fixtureRoot(dir), { now });
      } catch (error) {
        expect(error).toBeInstanceOf(PolicyValidationError);
        report = `${(error as PolicyValidationError).errors.map((e) => e.format()).join('\n\n')}\n`;
      }
      expect(report, 'the fixture should fail validation').toBeDefined();
      const expectedFile = path.join(dir, 'expected.txt');
      if (process.env.UPDATE_FIXTURES && !existsSync(expectedFile)) writeFileSync(expectedFile, report!);
      expect(report).toBe(readFileSync(expectedFile, 'utf8'));
      // Every problem names its place in a file an author can open.
      expect(report).toMatch(/^policies\/[\w/.-]+(:\d+:\d+)? {2}\S/m);
    });
  }
});
