import { describe, expect, it } from 'vitest';
import type { PolicyVersion } from '../../src/content/load-policies.ts';
import { describeEvent } from '../../src/diff/describe-event.ts';
import { diffVersions } from '../../src/diff/diff-versions.ts';
import { termsSchema, type TermsData } from '../../src/kinds/terms/schema.ts';

const base: TermsData = termsSchema.parse({
  title: 'Terms of Service',
  effective: '2026-01-01',
  announced: '2025-11-01',
  provider: { name: 'InfraUX Technologies', locality: 'Cartagena', country: 'CO' },
  contacts: [{ id: 'legal', label: 'Legal', email: 'legal@infraux.com' }],
  governingLaw: { country: 'CO' },
  venue: { courts: 'the courts of Cartagena' },
  arbitration: { required: false, rules: 'the rules of the Cartagena Chamber of Commerce', optOutDays: 30 },
  minimumAge: 18,
});

const version = (data: TermsData, effective = data.effective): PolicyVersion => ({
  policy: 'terms',
  kind: 'terms',
  version: effective,
  data: { ...data, effective },
  locales: {
    en: {
      locale: 'en',
      file: '',
      sha256: '',
      title: data.title,
      labels: {},
      body: { tree: { type: 'root', children: [] }, headings: [], errors: [], parsed: true },
      references: [],
    },
  },
  errata: [],
});

/** Each edit of the terms' facts, how it reads, and whether it needs the notice period. */
const cases: Array<[string, (d: TermsData) => void, string, boolean]> = [
  [
    'governing law',
    (d) => void (d.governingLaw = { country: 'US', region: 'Delaware' }),
    'Governing law changed from the law of Colombia to the law of Delaware, United States',
    true,
  ],
  [
    'venue',
    (d) => void (d.venue = { courts: 'the courts of Bogotá', exclusive: false }),
    'Courts for disputes changed from the courts of Cartagena to the courts of Bogotá',
    true,
  ],
  ['exclusive venue', (d) => void (d.venue!.exclusive = true), 'Only the courts of Cartagena may now hear disputes', true],
  ['venue no longer exclusive', (d) => void (d.venue = undefined), 'Courts for disputes no longer stated (were the courts of Cartagena)', true],
  ['arbitration required', (d) => void (d.arbitration!.required = true), 'Disputes must now go to binding arbitration instead of court', true],
  ['class-action waiver', (d) => void (d.arbitration!.classActionWaiver = true), 'You now give up class and collective actions', true],
  ['waiver dropped', (d) => void (d.arbitration!.classActionWaiver = false), '', false],
  ['longer opt-out', (d) => void (d.arbitration!.optOutDays = 60), 'Time to opt out of arbitration changed from 30 to 60 days', false],
  ['shorter opt-out', (d) => void (d.arbitration!.optOutDays = 10), 'Time to opt out of arbitration changed from 30 to 10 days', true],
  ['seat stated', (d) => void (d.arbitration!.seat = 'Cartagena'), 'Seat of arbitration stated: Cartagena', true],
  ['arbitration removed', (d) => void (d.arbitration = undefined), 'Arbitration terms removed', true],
  [
    'provider',
    (d) => void (d.provider!.name = 'InfraUX Holdings'),
    'Contracting party changed from InfraUX Technologies, Cartagena, Colombia to InfraUX Holdings, Cartagena, Colombia',
    true,
  ],
  [
    'provider moved',
    (d) => void (d.provider!.locality = 'Bogotá'),
    'Contracting party changed from InfraUX Technologies, Cartagena, Colombia to InfraUX Technologies, Bogotá, Colombia',
    false,
  ],
  ['minimum age stated', (d) => void (d.minimumAge = undefined), 'Minimum age no longer stated (was 18)', true],
  ['minimum age raised', (d) => void (d.minimumAge = 21), 'Minimum age raised from 18 to 21 years', true],
  ['contact label', (d) => void (d.contacts![0]!.label = 'Legal team'), 'Contact “Legal” renamed “Legal team” (legal@infraux.com)', false],
  [
    'contact added',
    (d) => void d.contacts!.push({ id: 'support', label: 'Support', email: 'help@infraux.com' }),
    'New contact: Support (help@infraux.com)',
    false,
  ],
  ['every contact removed', (d) => void (d.contacts = undefined), 'Contact removed: Legal (legal@infraux.com)', true],
];

describe('the terms kind', () => {
  for (const [name, edit, words, material] of cases) {
    it(`words and classes a change of ${name}`, () => {
      const after = structuredClone(base);
      edit(after);
      const [a, b] = [version(base), version(after, '2026-06-01')];
      const events = diffVersions(a, b);
      if (!words) return expect(events).toEqual([]);
      expect(events.map((e) => describeEvent(e, a, b, 'en'))).toEqual([words]);
      expect(events.map((e) => e.material)).toEqual([material]);
      // Every sentence has Spanish words of its own: no key, no generic fallback.
      for (const text of events.map((e) => describeEvent(e, a, b, 'es'))) expect(text).not.toMatch(/event\.|changed|cambió/);
    });
  }
});

describe('policy.yaml', () => {
  it('is read only as a plain file: a FIFO, a link or a folder is refused, never read', async () => {
    const { execFileSync, spawnSync } = await import('node:child_process');
    const { mkdirSync, rmSync, symlinkSync } = await import('node:fs');
    const path = await import('node:path');
    const { fixtureRoot } = await import('../helpers/fixture-root.ts');
    const repo = path.resolve(import.meta.dirname, '../..');
    for (const [make, what] of [
      [(file: string) => execFileSync('mkfifo', [file]), 'a special file'],
      [(file: string) => symlinkSync('/dev/zero', file), 'a symbolic link'],
      [(file: string) => mkdirSync(file), 'a folder'],
    ] as const) {
      const root = fixtureRoot();
      const file = path.join(root, 'policies/privacy/policy.yaml');
      rmSync(file);
      make(file);
      const run = spawnSync(process.execPath, [path.join(repo, 'scripts/policy.ts'), 'check'], {
        cwd: root,
        encoding: 'utf8',
        timeout: 20_000,
        env: { ...process.env, POLICY_NOW: '2025-06-01' },
      });
      expect(run.stdout).toContain(`policies/privacy/policy.yaml  policy.yaml must be a plain file, and this is ${what}.`);
      expect(run.status).toBe(1);
    }
  });
});

describe('linkBase', () => {
  it("answers the old site's pages, never an address shaped like one of this site's", async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { fixtureRoot } = await import('../helpers/fixture-root.ts');
    const repo = path.resolve(import.meta.dirname, '../..');
    const root = fixtureRoot();
    mkdirSync(path.join(root, 'policies/aup/2025-08-01'), { recursive: true });
    writeFileSync(path.join(root, 'policies/aup/policy.yaml'), 'kind: document\nlinkBase: https://old.example.com/legal/\n');
    writeFileSync(
      path.join(root, 'policies/aup/2025-08-01/en.md'),
      '---\ntitle: Acceptable use\neffective: 2025-08-01\nannounced: 2025-08-01\nfallback: [es]\n---\n\n## Use {#use}\n\nSee [terms](terms/index.md), [the old page](/articles/x/), [a missing page](/en/nope/) and [a missing version](../1999-01-01/en.md).\n',
    );
    const run = spawnSync(process.execPath, [path.join(repo, 'scripts/policy.ts'), 'check'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, POLICY_NOW: '2025-06-01' },
    });
    expect(run.stdout).toContain('policies/aup/2025-08-01/en.md:10:60  The link "/en/nope/" points at no page of this site.');
    expect(run.stdout).toContain('The link "/en/aup/1999-01-01/" points at no page of this site.');
    expect(run.stdout).not.toContain('terms/index.md');
    expect(run.stdout).not.toContain('/articles/x/');
  });
});
