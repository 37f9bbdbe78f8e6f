import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { siteConfig, sourceLocale } from '../config.ts';
import { earliestEffective, noticePeriodFor } from '../content/check-changes.ts';
import { readPolicies } from '../content/load-policies.ts';
import { resolveNow } from '../content/resolve-now.ts';
import { describeEvent } from '../diff/describe-event.ts';
import { diffVersions } from '../diff/diff-versions.ts';
import { diffFiles } from '../diff/diff-files.ts';
import { diffSections } from '../diff/diff-sections.ts';
import { diffToMarkdown, htmlText, markdownCode, markdownLine } from '../diff/format-diff.ts';
import { renderBody } from '../render/render-body.ts';
import { UsageError } from './usage-error.ts';

const git = (root: string, args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

// NUL-separated (-z): git would otherwise quote and escape unusual file names, which then match no file.
const nulSeparated = (output: string) => output.split('\0').filter(Boolean);

/**
 * `policy summary --base <git-ref>`: Markdown for a pull-request comment. It
 * opens with the `policy check` status, then names the versions and locales
 * the change adds or edits, the data changes in plain words, the notice-rule
 * status with its dates, and a redline excerpt. Every string an author
 * controls (file names, the change summary, labels in the data changes,
 * headings and text, check messages quoting them) is inert text, so a pull
 * request cannot forge the status, hide it or add structure to the comment.
 */
export function summaryCommand(root: string, base: string, out: (text: string) => void): number {
  const changes: Array<{ status: string; file: string }> = [];
  try {
    git(root, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`]);
    const diff = nulSeparated(git(root, ['diff', '--name-status', '--no-renames', '-z', base, '--', siteConfig.policiesDir]));
    for (let i = 0; i + 1 < diff.length; i += 2) changes.push({ status: diff[i]!, file: diff[i + 1]! });
    // New files an author has not committed yet count as added, so the summary works before a push too.
    changes.push(
      ...nulSeparated(git(root, ['ls-files', '-z', '--others', '--exclude-standard', '--', siteConfig.policiesDir])).map((file) => ({ status: 'A', file })),
    );
  } catch {
    throw new UsageError(`"${base}" is not a git revision here. Pass the pull request's base, such as --base origin/main.`);
  }
  const { policies, errors: problems } = readPolicies(root, { now: resolveNow() });
  const problem = (p: (typeof problems)[number]) =>
    `- ${markdownCode(`${p.file}${p.place ? `:${p.place.line}:${p.place.column}` : ''}`)} ${markdownLine(p.message)}`;
  // The status comes first, before anything an author wrote.
  const lines: string[] = [
    '## Policy changes',
    '',
    problems.length
      ? `**Check:** ❌ ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n\n${problems.map(problem).join('\n')}`
      : '**Check:** ✅ `policy check` finds no problems.',
    '',
  ];
  if (changes.length === 0) lines.push(`No policy files change against ${markdownCode(base)}.`, '');

  // Group the touched files by version folder.
  const byVersion = new Map<string, Array<{ status: string; file: string }>>();
  for (const change of changes) {
    const match = /^[^/]+\/([^/]+)\/(\d{4}-\d{2}-\d{2})\//.exec(change.file);
    if (!match) continue;
    const key = `${match[1]}/${match[2]}`;
    byVersion.set(key, [...(byVersion.get(key) ?? []), change]);
  }
  for (const [key, files] of byVersion) {
    const [policyId, versionName] = key.split('/') as [string, string];
    const added = files.every((f) => f.status === 'A');
    lines.push(`### ${markdownLine(policyId)} ${versionName}: ${added ? 'new version' : 'edited version'}`, '');
    lines.push(
      ...files.map((f) => `- ${markdownCode(f.file)} ${{ A: 'added', M: 'edited', D: 'deleted' }[f.status[0] as 'A' | 'M' | 'D'] ?? markdownLine(f.status)}`),
      '',
    );
    const policy = policies.find((p) => p.id === policyId);
    const index = policy?.versions.findIndex((v) => v.version === versionName) ?? -1;
    const version = policy?.versions[index];
    const previous = policy?.versions[index - 1];
    if (version && previous) {
      const change = version.data.change;
      const events = diffVersions(previous, version);
      lines.push(`**Change:** ${markdownLine(change?.kind ?? '?')}: ${markdownLine(change?.summary ?? '')}`, '');
      const words = (e: (typeof events)[number]) => markdownLine(describeEvent(e, previous, version, sourceLocale));
      if (events.length) lines.push('**Data changes**', '', ...events.map((e) => `- ${words(e)}${e.material ? ' _(material)_' : ''}`), '');
      const material = change?.kind === 'material' || events.some((e) => e.material);
      const period = noticePeriodFor(previous, version);
      const earliest = earliestEffective(version.data.announced, period);
      lines.push(
        material
          ? `**Notice rule:** ${version.data.effective >= earliest ? '✅' : '❌'} announced ${version.data.announced}, effective ${version.data.effective}; with ${period} notice the earliest allowed effective date is ${earliest}.`
          : `**Notice rule:** editorial change, no notice period needed (announced ${version.data.announced}, effective ${version.data.effective}).`,
        '',
      );
      if (added) {
        const sections = diffSections(renderBody(previous, sourceLocale).sections, renderBody(version, sourceLocale).sections, sourceLocale);
        lines.push(`<details><summary>Redline against ${previous.version} (${sourceLocale})</summary>`, '', diffToMarkdown(sections, []), '</details>', '');
      }
    }
    if (!added) {
      // An edited version: compare each file with its text at the base.
      for (const { status, file } of files.filter((f) => f.status === 'M')) {
        const old = path.join(mkdtempSync(path.join(tmpdir(), 'policy-base-')), path.basename(file));
        writeFileSync(old, git(root, ['show', `${base}:${file}`]));
        const diff = diffFiles(old, path.join(root, file));
        lines.push(
          `<details><summary>Redline of <code>${htmlText(file)}</code> (${htmlText(status)})</summary>`,
          '',
          diffToMarkdown(diff.sections, diff.data),
          '</details>',
          '',
        );
      }
    }
  }
  out(`${lines.join('\n').trimEnd()}\n`);
  return 0;
}
