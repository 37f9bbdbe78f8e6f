import type { ElementContent, Properties } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { DiffPart } from '../diff/diff-parts.ts';
import { blockOf, type Piece } from './redline-blocks.ts';

/** Words a screen reader says at the start of an insertion or deletion. */
export interface RedlineLabels {
  added: string;
  removed: string;
}

/**
 * Turns diff parts (a section's text, one block per line) into HTML: the
 * first line is the heading, each further line a paragraph, a list item or a
 * table row (runs of them one list or table, marks kept per cell), with `<ins>` and
 * `<del>`. A hidden "added"/"removed" label inside each mark makes screen
 * readers announce it; underline and strike-through carry it without colour,
 * on screen and in print.
 */
export function renderRedline(
  parts: readonly DiffPart[],
  labels: RedlineLabels | null,
  options: { hasHeading: boolean; headingId?: string; styles?: { ins: string; del: string; heading?: string; block?: string } },
): string {
  const lines: Piece[][] = [[]];
  for (const part of parts) {
    part.text.split('\n').forEach((text, index) => {
      if (index > 0) lines.push([]);
      if (text) lines.at(-1)!.push({ op: part.op, text });
    });
  }
  const mark = (piece: Piece): ElementContent => {
    if (piece.op === 'equal') return { type: 'text', value: piece.text };
    const tag = piece.op === 'insert' ? 'ins' : 'del';
    // Email clients drop classes, so mail passes inline styles and no hidden labels.
    const label = labels ? [h('span', { className: ['visually-hidden'] }, `[${piece.op === 'insert' ? labels.added : labels.removed}] `)] : [];
    return h(tag, options.styles ? { style: options.styles[tag] } : {}, [...label, piece.text]);
  };
  const [heading = [], ...rest] = options.hasHeading ? lines : [[], ...lines];
  const block: Properties = options.styles?.block ? { style: options.styles.block } : {};
  const headingProps = { ...(options.headingId && { id: options.headingId }), ...(options.styles?.heading && { style: options.styles.heading }) };
  // Email clients drop classes: mail tables get inline borders instead.
  const table: Properties = options.styles ? { style: 'border-collapse:collapse;margin:8px 0' } : { className: ['diff-table'] };
  const cell: Properties = options.styles ? { style: 'border:1px solid #b0b0b0;padding:4px 8px;vertical-align:top' } : {};
  const built = blocks(rest, { block, table, cell }, mark);
  return toHtml(options.hasHeading ? [h('h3', headingProps, heading.map(mark)), ...built] : built);
}

// Lines back into blocks: runs of list items become one list, runs of table rows one table.
function blocks(lines: Piece[][], props: { block: Properties; table: Properties; cell: Properties }, mark: (piece: Piece) => ElementContent): ElementContent[] {
  const out: ElementContent[] = [];
  let group: { kind: 'li' | 'tr'; children: ElementContent[] } | undefined;
  const close = () => {
    if (group?.kind === 'li') out.push(h('ul', group.children));
    if (group?.kind === 'tr') out.push(h('table', props.table, [h('tbody', group.children)]));
    group = undefined;
  };
  for (const line of lines.filter((l) => l.length > 0)) {
    const b = blockOf(line);
    if (b.kind === 'p') {
      close();
      out.push(h('p', props.block, b.pieces.map(mark)));
      continue;
    }
    if (group?.kind !== b.kind) {
      close();
      group = { kind: b.kind, children: [] };
    }
    group.children.push(
      b.kind === 'tr'
        ? h(
            'tr',
            b.cells.map((cell) => h('td', props.cell, cell.map(mark))),
          )
        : h('li', props.block, b.pieces.map(mark)),
    );
  }
  close();
  return out;
}
