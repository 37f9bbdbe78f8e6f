import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');

// The accessibility check runs every page in the light and the dark colour scheme. Two pages,
// each failing in one scheme only (test/fixtures/a11y-schemes/): the dark run must really match
// `prefers-color-scheme: dark`, the light run must not, and the report must say which failed where.
describe('scripts/a11y.ts', () => {
  it('catches a contrast failure in the scheme it is in, and only there', () => {
    const site = path.join(repo, 'test/fixtures/a11y-schemes');
    const result = spawnSync(process.execPath, [path.join(repo, 'scripts/a11y.ts'), site], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      timeout: 120_000,
    });
    const output = result.stdout + result.stderr;
    const errors = (scheme: string, page: string) => {
      const line = output.split('\n').find((l) => l.startsWith(`${scheme.padEnd(5)}  > `) && new URL(l.split(' ').at(-4)!).pathname === page);
      expect(line, `${scheme} ${page} in:\n${output}`).toBeDefined();
      return Number(/ - (\d+) errors$/.exec(line!)![1]);
    };

    expect(errors('light', '/')).toBeGreaterThan(0);
    expect(errors('dark', '/')).toBe(0);
    expect(errors('light', '/dark-only/')).toBe(0);
    expect(errors('dark', '/dark-only/')).toBeGreaterThan(0);
    // The details of a failure carry its scheme on every line.
    expect(output).toMatch(/^dark {2}Errors in http:\/\/127\.0\.0\.1:\d+\/dark-only\/:$/m);
    expect(output).toMatch(/^dark {3}• Elements must meet minimum color contrast ratio thresholds$/m);
    expect(output).toContain('✘ light: 1/2 pages passed; failed in the light scheme: /\n');
    expect(output).toContain('✘ dark: 1/2 pages passed; failed in the dark scheme: /dark-only/\n');
    expect(result.status).toBe(2);
  });
});
