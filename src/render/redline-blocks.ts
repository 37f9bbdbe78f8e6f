import { CELL, LIST_ITEM, ROW_END, ROW_START } from '../diff/block-lines.ts';
import type { DiffPart } from '../diff/diff-parts.ts';

/** A piece of one line of a redline: its text and whether it is kept, inserted or deleted. */
export type Piece = Pick<DiffPart, 'op' | 'text'>;

/** One line of a section's redline, as the block it was: a paragraph, a list item, or a table row of cells. */
export type Block = { kind: 'p' | 'li'; pieces: Piece[] } | { kind: 'tr'; cells: Piece[][] };

// Drops the first `start` and last `end` characters of a line, whichever pieces hold them.
function trim(pieces: Piece[], start: number, end: number): Piece[] {
  const total = pieces.reduce((n, p) => n + p.text.length, 0);
  const out: Piece[] = [];
  let at = 0;
  for (const piece of pieces) {
    const [from, to] = [Math.max(start - at, 0), Math.min(total - end - at, piece.text.length)];
    if (to > from) out.push({ op: piece.op, text: piece.text.slice(from, to) });
    at += piece.text.length;
  }
  return out;
}

// Splits a row's pieces into cells at each " | " of the line, even one that spans
// two pieces (a new column's cell inserted after a kept one).
function cells(pieces: Piece[]): Piece[][] {
  const line = pieces.map((p) => p.text).join('');
  const cuts: number[] = [];
  for (let at = line.indexOf(CELL); at >= 0; at = line.indexOf(CELL, at + CELL.length)) cuts.push(at);
  const row: Piece[][] = [[]];
  let offset = 0;
  for (const piece of pieces) {
    for (let i = 0; i < piece.text.length; i++) {
      const at = offset + i;
      if (cuts.includes(at)) row.push([]);
      if (cuts.some((cut) => at >= cut && at < cut + CELL.length)) continue;
      const cell = row.at(-1)!;
      const last = cell.at(-1);
      if (last && last.op === piece.op) last.text += piece.text[i];
      else cell.push({ op: piece.op, text: piece.text[i]! });
    }
    offset += piece.text.length;
  }
  return row;
}

/**
 * Reads a line of the redline back into its block: "• …" is a list item and
 * "| a | b |" a table row (see block-lines), marks kept in place.
 */
export function blockOf(pieces: Piece[]): Block {
  const line = pieces.map((p) => p.text).join('');
  if (line.startsWith(LIST_ITEM)) return { kind: 'li', pieces: trim(pieces, LIST_ITEM.length, 0) };
  if (line.length >= ROW_START.length + ROW_END.length && line.startsWith(ROW_START) && line.endsWith(ROW_END))
    return { kind: 'tr', cells: cells(trim(pieces, ROW_START.length, ROW_END.length)) };
  return { kind: 'p', pieces };
}
