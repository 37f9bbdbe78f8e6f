import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, SIZES } from '../../scripts/bench-corpus.ts';

// The benchmark times builds of this corpus, so it must stay a valid site as the checks grow.
describe('the benchmark corpus', () => {
  it('passes policy check', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'policy-corpus-'));
    const size = SIZES.small!;
    generateCorpus(root, size);
    const repo = path.resolve(import.meta.dirname, '../..');
    const result = spawnSync(process.execPath, [path.join(repo, 'scripts/policy.ts'), 'check'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, POLICY_NOW: '2026-11-26', POLICY_LOCALES: size.locales.join(',') },
    });
    expect(result.stdout + result.stderr).toBe('No problems found.\n');
    expect(result.status).toBe(0);
  });
});
