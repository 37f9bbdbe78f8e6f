import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { siteConfig, sourceLocale } from '../config.ts';
import { earliestEffective, noticePeriodFor } from '../content/check-changes.ts';
import { readPolicies } from '../content/load-policies.ts';
import { resolveNow } from '../content/resolve-now.ts';
import { describeEvent } from '../diff/describe-event.ts';
import { diffData } from '../diff/diff-data.ts';
import { diffFiles } from '../diff/diff-files.ts';
import { diffSections } from '../diff/diff-sections.ts';
import { diffToMarkdown } from '../diff/format-diff.ts';
import { renderBody } from '../render/render-body.ts';
import { UsageError } from './usage-error.ts';

const git = (root: string, args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * `policy summary --base <git-ref>`: Markdown for a pull-request comment. It
 * names the versions and locales the change adds or edits, the data changes
 * in plain words, the notice-rule status with its dates, and a redline excerpt.
 */
export function summaryCommand(root: string, base: string, out: (text: string) => void): number {
  let changes: string[];
  try {
    git(root, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`]);
    changes = git(root, ['diff', '--name-status', '--no-renames', base, '--', siteConfig.policiesDir]).split('\n').filter(Boolean);
    // New files an author has not committed yet count as added, so the summary works before a push too.
    changes.push(...git(root, ['ls-files', '--others', '--exclude-standard', '--', siteConfig.policiesDir]).split('\n').filter(Boolean).map((f) => `A\t${f}`));
  } catch {
    throw new UsageError(`"${base}" is not a git revision here. Pass the pull request's base, such as --base origin/main.`);
  }
  const lines: string[] = ['## Policy changes', ''];
  const { policies, errors: problems } = readPolicies(root, { now: resolveNow() });
  if (changes.length === 0) lines.push(`No policy files change against \`${base}\`.`, '');

  // Group the touched files by version folder.
  const byVersion = new Map<string, Array<{ status: string; file: string }>>();
  for (const line of changes) {
    const [status = '', file = ''] = line.split('\t');
    const match = /^[^/]+\/([^/]+)\/(\d{4}-\d{2}-\d{2})\//.exec(file);
    if (!match) continue;
    const key = `${match[1]}/${match[2]}`;
    byVersion.set(key, [...(byVersion.get(key) ?? []), { status, file }]);
  }
  for (const [key, files] of byVersion) {
    const [policyId, versionName] = key.split('/') as [string, string];
    const added = files.every((f) => f.status === 'A');
    lines.push(`### ${policyId} ${versionName}: ${added ? 'new version' : 'edited version'}`, '');
    lines.push(...files.map((f) => `- \`${f.file}\` ${{ A: 'added', M: 'edited', D: 'deleted' }[f.status[0] as 'A' | 'M' | 'D'] ?? f.status}`), '');
    const policy = policies.find((p) => p.id === policyId);
    const index = policy?.versions.findIndex((v) => v.version === versionName) ?? -1;
    const version = policy?.versions[index];
    const previous = policy?.versions[index - 1];
    if (version && previous) {
      const change = version.data.change;
      const events = diffData(previous.data, version.data);
      lines.push(`**Change:** ${change?.kind ?? '?'}: ${change?.summary ?? ''}`, '');
      if (events.length) lines.push('**Data changes**', '', ...events.map((e) => `- ${describeEvent(e, previous, version, sourceLocale)}${e.material ? ' _(material)_' : ''}`), '');
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
        lines.push(`<details><summary>Redline of \`${file}\` (${status})</summary>`, '', diffToMarkdown(diff.sections, diff.data), '</details>', '');
      }
    }
  }
  lines.push(
    problems.length
      ? `**Check:** ❌ ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n\n${problems.map((p) => `- \`${p.file}${p.place ? `:${p.place.line}:${p.place.column}` : ''}\` ${p.message}`).join('\n')}`
      : '**Check:** ✅ `policy check` finds no problems.',
  );
  out(`${lines.join('\n')}\n`);
  return 0;
}
