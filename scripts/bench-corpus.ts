// Deterministic synthetic policy corpora for `npm run bench`: full front-matter
// data, realistic lengths (2,500-6,500 words), small edits between versions, a
// section move now and then, and one locale in a non-Latin script (Japanese).
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A corpus size: policies × versions × locales. */
export interface CorpusSize {
  name: string;
  policies: number;
  versions: number;
  locales: string[];
}

export const SIZES: Record<string, CorpusSize> = {
  small: { name: 'small', policies: 5, versions: 5, locales: ['en', 'es', 'ja'] },
  medium: { name: 'medium', policies: 20, versions: 10, locales: ['en', 'es', 'fr', 'de', 'ja'] },
  large: { name: 'large', policies: 50, versions: 20, locales: ['en', 'es', 'fr', 'de', 'ja', 'pt', 'it', 'nl', 'pl', 'sv'] },
};

const WORDS =
  'data account service policy privacy processing security request information user access retention customer provider platform personal right consent record transfer storage support billing contract purpose law agreement notice update period review'.split(
    ' ',
  );
const JA =
  'データ アカウント サービス 方針 個人情報 処理 安全 要求 情報 利用者 アクセス 保存 顧客 提供者 基盤 権利 同意 記録 移転 保管 支援 請求 契約 目的 法律'.split(
    ' ',
  );

let seed = 1;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const int = (n: number) => Math.floor(random() * n);

function sentence(locale: string, words: number): string {
  const pool = locale === 'ja' ? JA : WORDS;
  const out = Array.from({ length: words }, () => pool[int(pool.length)]!);
  return locale === 'ja' ? `${out.join('')}。` : `${out.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

interface Section {
  id: string;
  paragraphs: string[];
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function frontMatter(v: number, p: number, effective: string, announced: string, retentionDays: number): string {
  const processors = Array.from(
    { length: 6 + (p % 5) + Math.min(v, 3) },
    (_, i) =>
      `  - id: vendor-${i}\n    name: Vendor ${i}\n    purpose: Hosting and support service ${i}\n    data: [registration, usage]\n    locations: [${i % 2 ? 'US' : 'DE'}]\n    safeguard: eu-scc\n    url: https://vendor-${i}.example/privacy`,
  );
  return [
    '---',
    `title: Policy ${p}`,
    `effective: ${effective}`,
    `announced: ${announced}`,
    ...(v > 0 ? ['change:', '  kind: material', `  summary: Revision ${v} of policy ${p}.`] : []),
    'controller:\n  name: Example Ltd\n  locality: Bogotá\n  country: CO',
    'contacts:\n  - id: privacy\n    label: Privacy Email\n    email: privacy@example.com',
    'dataCollected:\n  - id: registration\n    group: personal\n    label: Registration data\n    description: Name and email address\n  - id: usage\n    group: usage\n    label: Usage data\n    description: Pages visited and errors',
    'purposes:\n  - id: service\n    label: Provide the service',
    `processors:\n${processors.join('\n')}`,
    `retention:\n  - id: logs\n    data: Security logs\n    period: P${retentionDays}D\n  - id: billing\n    data: Billing records\n    period: P7Y\n  - id: account\n    data: Account data\n    until: account-closure`,
    'cookies:\n  - category: essential\n    consent: not-required\n    providers: [first-party]',
    'rights:\n  - right: access\n    description: Request a copy of your data\n  - right: erasure\n    description: Delete your data',
    'requests:\n  contact: privacy\n  respondWithin: P30D',
    'transferSafeguards: [eu-scc]',
    'minimumAge: 16',
    '---',
  ].join('\n');
}

function labelsFor(v: number, p: number, locale: string): string {
  const processors = 6 + (p % 5) + Math.min(v, 3);
  const l = (text: string) => `[${locale}] ${text}`;
  const entries: Array<[string, string]> = [
    ...(v > 0 ? [['change.summary', l(`Revision ${v}`)] as [string, string]] : []),
    ['contacts.privacy.label', l('Privacy Email')],
    ['dataCollected.registration.label', l('Registration data')],
    ['dataCollected.registration.description', l('Name and email address')],
    ['dataCollected.usage.label', l('Usage data')],
    ['dataCollected.usage.description', l('Pages visited and errors')],
    ['purposes.service.label', l('Provide the service')],
    ...Array.from({ length: processors }, (_, i) => [`processors.vendor-${i}.purpose`, l(`Hosting ${i}`)] as [string, string]),
    ['retention.logs.data', l('Security logs')],
    ['retention.billing.data', l('Billing records')],
    ['retention.account.data', l('Account data')],
    ['rights.access.description', l('Copy of your data')],
    ['rights.erasure.description', l('Delete your data')],
  ];
  return `labels:\n${entries.map(([k, text]) => `  ${k}: "${text}"`).join('\n')}`;
}

function body(sections: Section[], locale: string): string {
  const components: Record<string, string> = {
    's-1': '<DataCollected group="personal" />\n\n<DataCollected group="usage" />',
    's-2': '<Processors />',
    's-3': '<RetentionTable />',
    's-4': '<Rights />',
  };
  return sections
    .map((s, i) => {
      const heading = locale === 'ja' ? `第${i + 1}節` : `${i + 1}. ${locale === 'en' ? 'Section' : `Sección ${locale}`} ${s.id}`;
      return `## ${heading} {#${s.id}}\n\n${s.paragraphs.join('\n\n')}${components[s.id] ? `\n\n${components[s.id]}` : ''}\n`;
    })
    .join('\n');
}

/**
 * Writes a corpus under `root/policies/` (with a lock file) and returns the
 * number of MDX files. The same size always gives the same bytes.
 */
export function generateCorpus(root: string, size: CorpusSize): number {
  seed = 1;
  const lock: Record<string, { sha256: string; announced: string }> = {};
  let files = 0;
  for (let p = 0; p < size.policies; p++) {
    const words = 2500 + int(4001);
    const sectionCount = 12 + int(8);
    // Per locale, the same structure with that locale's words.
    let sections = size.locales.map((locale) =>
      Array.from({ length: sectionCount }, (_, i) => ({
        id: `s-${i}`,
        paragraphs: Array.from({ length: 4 }, () => sentence(locale, Math.round(words / sectionCount / 4))),
      })),
    );
    let retention = 90;
    for (let v = 0; v < size.versions; v++) {
      const effective = addDays('2018-01-01', v * 120 + p);
      const announced = addDays(effective, -45);
      if (v > 0) {
        // Small edits: reword a few sentences in every locale, lengthen one retention period,
        // and now and then move a section.
        const targets = [int(sectionCount), int(sectionCount)];
        const move = v % 4 === 0 ? int(sectionCount - 1) + 1 : -1;
        sections = sections.map((list, li) => {
          const next = list.map((s, i) =>
            targets.includes(i) ? { ...s, paragraphs: s.paragraphs.map((para, j) => (j === v % 4 ? sentence(size.locales[li]!, 30) : para)) } : s,
          );
          if (move > 0) next.push(...next.splice(move, 1));
          return next;
        });
        retention += 30;
      }
      const dir = path.join(root, 'policies', `policy-${p}`, effective);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(root, 'policies', `policy-${p}`, 'policy.yaml'), 'kind: privacy\n');
      const en = `${frontMatter(v, p, effective, announced, retention)}\n\n${body(sections[0]!, 'en')}`;
      const enHash = createHash('sha256').update(en).digest('hex');
      const write = (locale: string, text: string) => {
        writeFileSync(path.join(dir, `${locale}.mdx`), text);
        lock[`policies/policy-${p}/${effective}/${locale}.mdx`] = { sha256: createHash('sha256').update(text).digest('hex'), announced };
        files++;
      };
      write('en', en);
      size.locales.slice(1).forEach((locale, i) => {
        write(
          locale,
          `---\ntitle: "[${locale}] Policy ${p}"\nsource: "${enHash.slice(0, 12)}"\n${labelsFor(v, p, locale)}\n---\n\n${body(sections[i + 1]!, locale)}`,
        );
      });
    }
  }
  writeFileSync(path.join(root, 'policies', 'lock.json'), `${JSON.stringify({ files: lock }, null, 2)}\n`);
  return files;
}
