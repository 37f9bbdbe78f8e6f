import { styleText } from 'node:util';
import { withoutHiddenCharacters } from '../content/check-characters.ts';
import type { DiffPart } from './diff-parts.ts';
import type { DataEvent } from './diff-data.ts';
import type { SectionDiff } from './diff-sections.ts';

// What a terminal or a reader's eye must not get from an author: escape sequences (CSI such as colours, OSC
// such as OSC 8 hyperlinks and window titles, removed whole up to their end or the line's), then the control,
// bidirectional and invisible characters the loader refuses (withoutHiddenCharacters).
const ESCAPE_SEQUENCE = /\u001B(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\u0007\u001B\u009C\n]*(?:\u0007|\u001B\\|\u009C)?|[ -~]?)/g;

/**
 * Author text made safe to print: escape sequences and control, bidirectional
 * and invisible characters removed, line breaks (CR LF, CR) as line feeds.
 */
export function stripControls(text: string): string {
  return withoutHiddenCharacters(text.replace(/\r\n?/g, '\n').replace(ESCAPE_SEQUENCE, ''), '');
}

/** The shape `policy diff --format json` prints: every string as is, with the characters `stripControls` removes written as \u escapes. */
export function diffToJson(sections: readonly SectionDiff[], data: readonly DataEvent[]): string {
  const json = JSON.stringify(
    {
      sections: sections.map(({ id, heading, status, move, parts, edits, renamedFrom, links, formatting }) => ({
        id,
        heading,
        status,
        ...(move && { move }),
        ...(renamedFrom && { renamedFrom }),
        parts,
        ...(edits && { edits }),
        ...(links && { links }),
        ...(formatting && { formatting }),
      })),
      data,
    },
    null,
    2,
  );
  // JSON.stringify escapes C0 controls but prints C1, bidi and invisible characters raw; all are outside JSON's syntax.
  const escape = (char: string) => [...Array(char.length).keys()].map((i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
  return `${withoutHiddenCharacters(json, escape)}\n`;
}

const shownParts = (section: SectionDiff): DiffPart[] => elide(section.move === 'to' ? (section.edits ?? []) : section.parts);
const changed = (sections: readonly SectionDiff[]) => sections.filter((s) => s.status !== 'unchanged' && s.move !== 'from');
// The values come from authors, and JSON escapes C0 controls only.
const show = (value: unknown) => stripControls(JSON.stringify(value) ?? '—');
const eventLine = (e: DataEvent) =>
  `${e.material ? 'material' : 'editorial'}: ${e.path} ${e.type}${e.type === 'changed' ? ` (${show(e.before)} → ${show(e.after)})` : ''}`;

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
    lines.push('', styleText('bold', `## ${oneLine(stripControls(section.heading || section.id))} (${sectionNote(section)})`));
    lines.push(
      shownParts(section)
        .map((p) => ({ ...p, text: stripControls(p.text) }))
        .map((p) =>
          p.op === 'insert'
            ? styleText(['green', 'underline'], `[+${p.text}+]`)
            : p.op === 'delete'
              ? styleText(['red', 'strikethrough'], `[-${p.text}-]`)
              : p.text,
        )
        .join('')
        .trimEnd(),
    );
    for (const link of section.links?.before ?? []) lines.push(styleText(['red', 'strikethrough'], `[-link ${oneLine(stripControls(link))}-]`));
    for (const link of section.links?.after ?? []) lines.push(styleText(['green', 'underline'], `[+link ${oneLine(stripControls(link))}+]`));
  }
  const unchanged = sections.filter((s) => s.status === 'unchanged').length;
  lines.push('', `${changed(sections).length} section(s) changed, ${unchanged} unchanged, ${data.length} data change(s).`);
  return `${lines.join('\n').trimStart()}\n`;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Author text as inert Markdown that keeps its line breaks: no HTML (`<`, `>`
 * and `&` become entities) and no Markdown structure. Backslashes escape the
 * punctuation that means something anywhere in a line (emphasis, code, links,
 * tables, strikethrough, math, headings), and at the start of a line also what
 * starts a list or underlines a heading. Runs of spaces become one, so no line
 * is indented into code or ends in a hard break.
 */
export function markdownText(text: string): string {
  return stripControls(text)
    .replace(/[ \t]+/g, ' ')
    .replace(/[&<>]/g, (c) => ENTITIES[c]!)
    .replace(/[\\`*_[\]|~$#]/g, (c) => `\\${c}`)
    .replace(/^( ?)([-+=]|\d+[.)])/gm, (_, space: string, start: string) => `${space}${start.slice(0, -1)}\\${start.at(-1)}`);
}

/** Author text as inert Markdown on one line, for a list item, a heading or a label. */
export function markdownLine(text: string): string {
  return markdownText(oneLine(stripControls(text)));
}

/** Author text as a Markdown code span on one line, fenced with more backticks than it contains. */
export function markdownCode(text: string): string {
  const code = oneLine(stripControls(text));
  const fence = '`'.repeat(Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = /^`|`$/.test(code) ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}

/** Author text for raw HTML such as `<summary>`, where Markdown is not read: one line, `& < > " '` as entities. */
export function htmlText(text: string): string {
  return oneLine(stripControls(text)).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

// "changed, renamed" / "changed, links only": what kind of change, beyond the words marked.
const sectionNote = (s: SectionDiff) =>
  [s.status, s.move && 'moved', s.renamedFrom && 'renamed', s.links && 'link address', s.formatting && 'formatting only'].filter(Boolean).join(', ');

/** Markdown for a pull-request comment, with `<ins>`/`<del>` that GitHub renders. Every author string is inert. */
export function diffToMarkdown(sections: readonly SectionDiff[], data: readonly DataEvent[]): string {
  const out: string[] = [];
  if (data.length) out.push('**Data changes**', '', ...data.map((e) => `- ${markdownLine(eventLine(e))}`), '');
  for (const section of changed(sections)) {
    out.push(`#### ${markdownLine(section.heading || section.id)} (${sectionNote(section)})`, '');
    const text = shownParts(section)
      .map((p) => {
        const body = markdownText(p.text).replace(/ ?\n ?/g, p.op === 'equal' ? '\n\n' : ' ');
        return p.op === 'insert' ? `<ins>${body}</ins>` : p.op === 'delete' ? `<del>${body}</del>` : body;
      })
      .join('');
    out.push(text.trim(), '');
    const links = [
      ...(section.links?.before ?? []).map((l) => `<del>${markdownLine(l)}</del>`),
      ...(section.links?.after ?? []).map((l) => `<ins>${markdownLine(l)}</ins>`),
    ];
    if (links.length) out.push(`Links: ${links.join(' ')}`, '');
  }
  if (out.length === 0) out.push('No changes.');
  return `${out.join('\n').trimEnd()}\n`;
}
