import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixtureRoot, fixturesDir } from './fixture-root.ts';

const real = path.join(fixturesDir, 'real-markdown');
const ours = path.join(fixturesDir, 'kinds/front-matter');

function withFrontMatter(text: string, front: string): string {
  const [, theirs = '', body = text] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  // Their keys that are not ours (redirect_from, productVersions…) stay; their title gives way to ours.
  const kept = theirs.replace(/^title:.*\n/m, '');
  return `---\n${front}${kept}\n---\n${body}`;
}

// Two fixes a legal team would make on import, each refused by the check as it stands:
// GitHub's own ToS links "#5-additional-terms", a section it does not have, and the
// DPA shows a signature image from GitHub's site, which could track readers.
const FIXES: Array<[RegExp, string]> = [
  [/\(#5-additional-terms\)/g, '(#additional-terms)'],
  [/^!\[[^\]]*\]\(\/assets\/images\/help\/site-policy\/docusign-signature\.png\)$/m, '(signature)'],
];
const fixed = (text: string) => FIXES.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);

/**
 * A repository root with three kinds of policy, from real texts (see
 * test/fixtures/kinds/README.md): the site that test/site/kinds.test.ts builds
 * and `npm run test:a11y:kinds` checks.
 */
export function kindsRoot(): string {
  const root = fixtureRoot();
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), fixed(text));
  };
  const front = (name: string) => readFileSync(path.join(ours, `${name}.yaml`), 'utf8');
  write('policies/terms/policy.yaml', 'kind: terms\norder: 2\nlinkBase: https://docs.github.com/\n');
  write(
    'policies/terms/2019-11-13/en.md',
    withFrontMatter(readFileSync(path.join(real, 'github-terms-of-service/before.md'), 'utf8'), front('terms-2019-11-13')),
  );
  write(
    'policies/terms/2020-04-02/en.md',
    withFrontMatter(readFileSync(path.join(real, 'github-terms-of-service/after.md'), 'utf8'), front('terms-2020-04-02')),
  );
  write('policies/dpa/policy.yaml', 'kind: document\norder: 3\nlinkBase: https://docs.github.com/\n');
  write('policies/dpa/2021-01-01/en.md', withFrontMatter(readFileSync(path.join(real, 'github-dpa/old.md'), 'utf8'), front('dpa-2021-01-01')));
  // A later version whose only change is the address of one link: the redline must say so, not "no changes".
  const moved = readFileSync(path.join(real, 'github-dpa/old.md'), 'utf8').replace(
    '[Attachment 3](https://github.com/enterprise-legal/github-data-protection-agreement.pdf',
    '[Attachment 3](https://github.com/customer-terms/github-data-protection-agreement.pdf',
  );
  write('policies/dpa/2021-06-01/en.md', withFrontMatter(moved, front('dpa-2021-06-01')));
  writeFileSync(path.join(root, 'policies/privacy/policy.yaml'), 'kind: privacy\norder: 1\n');
  return root;
}
