import { styleText } from 'node:util';
import type { DiffPart } from './diff-parts.ts';
import type { DataEvent } from './diff-data.ts';
import type { SectionDiff } from './diff-sections.ts';

/** The shape `policy diff --format json` prints. */
export function diffToJson(sections: readonly SectionDiff[], data: readonly DataEvent[]): string {
  return `${JSON.stringify({ sections: sections.map(({ id, heading, status, move, parts, edits }) => ({ id, heading, status, ...(move && { move }), parts, ...(edits && { edits }) })), data }, null, 2)}\n`;
}

const shownParts = (section: SectionDiff): DiffPart[] => elide(section.move === 'to' ? (section.edits ?? []) : section.parts);
const changed = (sections: readonly SectionDiff[]) => sections.filter((s) => s.status !== 'unchanged' && s.move !== 'from');
const show = (value: unknown) => JSON.stringify(value) ?? '—';
const eventLine = (e: DataEvent) => `${e.material ? 'material' : 'editorial'}: ${e.path} ${e.type}${e.type === 'changed' ? ` (${show(e.before)} → ${show(e.after)})` : ''}`;

/** Shortens long unchanged runs to their edges: reviewers and readers need the changes and a line of context. */
export function elide(parts: DiffPart[]): DiffPart[] {
  return parts.map((part, index) => {
    if (part.op !== 'equal') return part;
    const lines = part.text.split('\n');
    const keepHead = index === 0 ? 1 : 2;
    if (lines.length <= keepHead + 3) return part;
    return { ...part, text: [...lines.slice(0, keepHead), '…', ...lines.slice(-2)].join('\n') };
  });
}

/**
 * A terminal redline: insertions green and underlined, deletions red and
 * struck through. `styleText` drops the colours when the output is not a
 * terminal or NO_COLOR is set, and the [+ ] / [- ] marks keep the meaning.
 */
export function diffToText(sections: readonly SectionDiff[], data: readonly DataEvent[]): string {
  const lines: string[] = [];
  for (const event of data) lines.push(`data ${eventLine(event)}`);
  for (const section of changed(sections)) {
    lines.push('', styleText('bold', `## ${section.heading || section.id} (${section.status}${section.move ? ', moved' : ''})`));
    lines.push(
      shownParts(section)
        .map((p) => (p.op === 'insert' ? styleText(['green', 'underline'], `[+${p.text}+]`) : p.op === 'delete' ? styleText(['red', 'strikethrough'], `[-${p.text}-]`) : p.text))
        .join('')
        .trimEnd(),
    );
  }
  const unchanged = sections.filter((s) => s.status === 'unchanged').length;
  lines.push('', `${changed(sections).length} section(s) changed, ${unchanged} unchanged, ${data.length} data change(s).`);
  return `${lines.join('\n').trimStart()}\n`;
}

const escapeMarkdown = (text: string) => text.replace(/[\\`*_{}[\]<>#|~]/g, (c) => `\\${c}`);

/** Markdown for a pull-request comment, with `<ins>`/`<del>` that GitHub renders. */
export function diffToMarkdown(sections: readonly SectionDiff[], data: readonly DataEvent[]): string {
  const out: string[] = [];
  if (data.length) out.push('**Data changes**', '', ...data.map((e) => `- ${escapeMarkdown(eventLine(e))}`), '');
  for (const section of changed(sections)) {
    out.push(`#### ${escapeMarkdown(section.heading || section.id)} (${section.status})`, '');
    const text = shownParts(section)
      .map((p) => {
        const body = escapeMarkdown(p.text).replace(/\n/g, p.op === 'equal' ? '\n\n' : ' ');
        return p.op === 'insert' ? `<ins>${body}</ins>` : p.op === 'delete' ? `<del>${body}</del>` : body;
      })
      .join('');
    out.push(text.trim(), '');
  }
  if (out.length === 0) out.push('No changes.');
  return `${out.join('\n').trimEnd()}\n`;
}
