import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { siteConfig, sourceLocale } from '../config.ts';
import { translatableLabels } from '../content/labels.ts';
import { PLACEHOLDER } from '../content/placeholder.ts';
import { MANIFEST } from '../content/policy-manifest.ts';
import { readFrontMatter } from '../content/read-front-matter.ts';
import { kindIds, kindOf, policyKinds } from '../kinds/index.ts';
import { UsageError } from './usage-error.ts';

const body = (what: string) => `
## 1. Introduction {#introduction}

${PLACEHOLDER} ${what}
`;

/**
 * `policy new <policy> --kind <kind> [--effective D] [--announce D]`: starts a
 * policy: its policy.yaml and a first version in every locale, with
 * placeholders `check` refuses until an author fills them in.
 */
export function startPolicy(
  root: string,
  policy: string,
  options: { kind: string; effective?: string; announce: string },
  out: (line: string) => void,
): number {
  if (!Object.hasOwn(policyKinds, options.kind)) throw new UsageError(`--kind must be one of ${kindIds.join(', ')}, not "${options.kind}".`);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(policy))
    throw new UsageError(`"${policy}" cannot name a policy: use lowercase letters, digits and single hyphens, such as terms or acceptable-use.`);
  const policyDir = path.join(root, siteConfig.policiesDir, policy);
  if (existsSync(policyDir))
    throw new UsageError(
      `${siteConfig.policiesDir}/${policy} already exists. To start its next version, leave out --kind: npm run policy -- new ${policy} --effective YYYY-MM-DD.`,
    );
  const kind = kindOf(options);
  const effective = options.effective ?? options.announce;
  if (options.announce > effective) throw new UsageError(`The announcement (${options.announce}) must not come after the effective date (${effective}).`);
  const schemaPath = (name: string) => `# yaml-language-server: $schema=../../../public/schemas/${name}.schema.json`;
  const source = `---
${schemaPath(`${kind.id}-frontmatter`)}
title: "${PLACEHOLDER} the policy's title"
effective: ${effective}
announced: ${options.announce}
${kind.starter}---
${body('write the text. Markdown, and the components of the authoring guide, are all it needs.')}`;
  const files: Array<[string, string]> = [
    [MANIFEST, `# yaml-language-server: $schema=../../public/schemas/policy-manifest.schema.json\nkind: ${kind.id}\n`],
    [`${effective}/${sourceLocale}.mdx`, source],
  ];
  const data = kind.schema.parse(readFrontMatter('', source).data);
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 12);
  for (const locale of siteConfig.locales.filter((l) => l !== sourceLocale)) {
    const labels = Object.fromEntries([...translatableLabels(kind, data)].map(([key, text]) => [key, `${PLACEHOLDER} translate "${text}"`]));
    const front = YAML.stringify(
      { title: `${PLACEHOLDER} translate the title`, source: hash, ...(Object.keys(labels).length && { labels }) },
      { lineWidth: 0 },
    );
    files.push([`${effective}/${locale}.mdx`, `---\n${schemaPath('translation-frontmatter')}\n${front}---\n${body('translate the text.')}`]);
  }
  mkdirSync(path.join(policyDir, effective), { recursive: true });
  for (const [file, text] of files) {
    writeFileSync(path.join(policyDir, file), text);
    out(`created ${siteConfig.policiesDir}/${policy}/${file}`);
  }
  out(`\nNext: write the text and data, replace every ${PLACEHOLDER} placeholder, then run \`npm run policy -- check\`.`);
  return 0;
}
