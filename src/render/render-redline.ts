import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { DiffPart } from '../diff/diff-parts.ts';

/** Words a screen reader says at the start of an insertion or deletion. */
export interface RedlineLabels {
  added: string;
  removed: string;
}

/**
 * Turns diff parts (a section's text, one block per line) into HTML: the
 * first line is the heading, each further line a paragraph, with `<ins>` and
 * `<del>`. A hidden "added"/"removed" label inside each mark makes screen
 * readers announce it; underline and strike-through carry it without colour,
 * on screen and in print.
 */
export function renderRedline(
  parts: readonly DiffPart[],
  labels: RedlineLabels | null,
  options: { hasHeading: boolean; headingId?: string; styles?: { ins: string; del: string; heading?: string; block?: string } },
): string {
  const lines: ElementContent[][] = [[]];
  for (const part of parts) {
    part.text.split('\n').forEach((piece, index) => {
      if (index > 0) lines.push([]);
      if (!piece) return;
      const line = lines.at(-1)!;
      if (part.op === 'equal') line.push({ type: 'text', value: piece });
      else {
        const tag = part.op === 'insert' ? 'ins' : 'del';
        // Email clients drop classes, so mail passes inline styles and no hidden labels.
        const label = labels ? [h('span', { className: ['visually-hidden'] }, `[${part.op === 'insert' ? labels.added : labels.removed}] `)] : [];
        line.push(h(tag, options.styles ? { style: options.styles[tag] } : {}, [...label, piece]));
      }
    });
  }
  const [heading = [], ...blocks] = options.hasHeading ? lines : [[], ...lines];
  const paragraphs = blocks.filter((b) => b.length > 0).map((b) => h('p', options.styles?.block ? { style: options.styles.block } : {}, b));
  const headingProps = { ...(options.headingId && { id: options.headingId }), ...(options.styles?.heading && { style: options.styles.heading }) };
  return toHtml(options.hasHeading ? [h('h3', headingProps, heading), ...paragraphs] : paragraphs);
}
