import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyPlace } from '../../src/content/check-lock.ts';
import { dataFingerprint } from '../../src/content/data-fingerprint.ts';
import { parseLock, readLock } from '../../src/content/lock-file.ts';

const sha = 'a'.repeat(64);
const entry = (file: string, fields = `"sha256": "${sha}", "announced": "2025-07-01"`) => `"policies/privacy/2025-07-01/${file}": { ${fields} }`;

describe('the lock file is read strictly', () => {
  it('reads a valid lock, with the place of each entry', () => {
    const lock = parseLock(`{\n  "files": {\n    ${entry('en.mdx', `"sha256": "${sha}", "announced": "2025-07-01", "data": "${sha}"`)}\n  }\n}\n`, '/r');
    expect(lock.problems).toEqual([]);
    expect(lock.files['policies/privacy/2025-07-01/en.mdx']).toEqual({ sha256: sha, announced: '2025-07-01', data: sha });
    expect(lock.placeOf('policies/privacy/2025-07-01/en.mdx')).toEqual({ line: 3, column: 5 });
    expect(lock.placeOf()).toEqual({ line: 2, column: 3 });
  });

  it('a missing lock is empty; it never throws', () => {
    const lock = readLock(mkdtempSync(path.join(tmpdir(), 'lock-')));
    expect(lock.files).toEqual({});
    expect(lock.problems).toEqual([]);
  });

  it('finds a key given twice at any depth, with both places, and checks nothing else', () => {
    const lock = parseLock(`{"files": {\n${entry('en.mdx', `"sha256": "${sha}", "sha256": "${'b'.repeat(64)}", "announced": "2025-07-01"`)}}}`, '/r');
    expect(lock.files).toEqual({});
    expect(lock.problems.map((p) => p.format().split('\n')[0])).toEqual([
      'policies/lock.json:2:119  "sha256" appears twice (first at line 2); JSON keeps only the last one and silently drops the other.',
    ]);
  });

  it('places a syntax error where JSON.parse stopped', () => {
    const [problem] = parseLock(`{"files": {\n  ${entry('en.mdx')},\n}}`, '/r').problems;
    expect(problem!.format().split('\n')[0]).toBe('policies/lock.json:3:1  policies/lock.json is not valid JSON: Expected double-quoted property name.');
  });

  it('refuses a path that is not a policy file', () => {
    const [problem] = parseLock(`{"files": {"policies/../etc/passwd": {"sha256": "${sha}", "announced": "2025-07-01"}}}`, '/r').problems;
    expect(problem!.message).toBe('"policies/../etc/passwd" is not the path of a policy file, such as policies/privacy/2025-07-01/en.mdx.');
  });
});

describe('the data fingerprint', () => {
  const data = {
    $schema: 'x',
    title: 'T',
    announced: '2025-07-01',
    change: { kind: 'editorial', summary: 'Typo.' },
    retention: [{ id: 'logs', period: 'P90D' }],
    fallback: ['es'],
    imported: false,
  };

  it('ignores the wording of the change, the fallback locales, the schema path and key order', () => {
    const same = {
      retention: [{ period: 'P90D', id: 'logs' }],
      imported: false,
      change: { summary: 'Other words.', kind: 'editorial' },
      announced: '2025-07-01',
      title: 'T',
    };
    expect(dataFingerprint(same)).toBe(dataFingerprint(data));
  });

  it('counts false and empty lists as absent, so a new field defaulting to them keeps published hashes', () => {
    const { imported: _imported, ...older } = data;
    expect(dataFingerprint({ ...older, cookies: [] })).toBe(dataFingerprint(data));
  });

  it('changes with any fact', () => {
    expect(dataFingerprint({ ...data, retention: [{ id: 'logs', period: 'P900D' }] })).not.toBe(dataFingerprint(data));
    expect(dataFingerprint({ ...data, change: { kind: 'material', summary: 'Typo.' } })).not.toBe(dataFingerprint(data));
    expect(dataFingerprint({ ...data, imported: true })).not.toBe(dataFingerprint(data));
  });
});

describe('keyPlace', () => {
  it('finds a top-level key of the front-matter, not one in the body or nested', () => {
    const text = '---\n# yaml-language-server: $schema=x\ntitle: T\nchange:\n  announced: no\nannounced:   2025-07-01\n---\nannounced: body\n';
    expect(keyPlace(text, 'announced')).toEqual({ line: 6, column: 14 });
    expect(keyPlace('---\ntitle: T\n---\nannounced: body\n', 'announced')).toEqual({ line: 1, column: 1 });
  });
});
