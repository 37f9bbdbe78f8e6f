/*
 * How a section's text writes the blocks that have a shape, one per line, so
 * the redline, the emails and changes.json can rebuild them from the text
 * alone: written by the renderer, kept whole by the diff, read by the redline.
 */

/** Starts a list item's line: "• Name and email address". */
export const LIST_ITEM = '• ';
/** Opens and closes a table row's line, whose cells are joined by `CELL`: "| Paddle | Payments |". */
export const ROW_START = '| ';
export const ROW_END = ' |';
export const CELL = ' | ';
/** The markers a block's line starts with: its shape, never a word for the word diff to realign. */
export const BLOCK_MARKERS = [LIST_ITEM, ROW_START] as const;

const ARROW = ' → ';

/** A link as sections record it: "words → address". */
export const linkLine = (words: string, address: string) => `${words}${ARROW}${address}`;

/** The words and the address of a link recorded by `linkLine`. */
export function linkParts(link: string): { words: string; address: string } {
  const at = link.lastIndexOf(ARROW);
  return { words: link.slice(0, at), address: link.slice(at + ARROW.length) };
}
