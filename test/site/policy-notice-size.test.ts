import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// Host apps load the notice on every page view: it must stay small and must never parse texts as HTML.
const source = readFileSync(path.resolve(import.meta.dirname, '../../public/policy-notice.js'), 'utf8');

describe('public/policy-notice.js', () => {
  it('is at most 3 KB gzipped', () => {
    expect(gzipSync(source).length).toBeLessThanOrEqual(3 * 1024);
  });

  it('builds its DOM without HTML parsing and imports nothing', () => {
    expect(source).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
    expect(source).not.toMatch(/^\s*import\b/m);
    expect(source.startsWith('// @ts-check\n')).toBe(true);
  });
});
