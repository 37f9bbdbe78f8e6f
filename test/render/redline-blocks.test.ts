import { describe, expect, it } from 'vitest';
import { blockOf } from '../../src/render/redline-blocks.ts';
import { renderRedline } from '../../src/render/render-redline.ts';

describe('blockOf', () => {
  it('reads a list item back, its marks in place', () => {
    expect(
      blockOf([
        { op: 'equal', text: '• Keep ' },
        { op: 'insert', text: 'this' },
      ]),
    ).toEqual({
      kind: 'li',
      pieces: [
        { op: 'equal', text: 'Keep ' },
        { op: 'insert', text: 'this' },
      ],
    });
  });

  it('splits a row into cells even where a separator spans two pieces (a new column)', () => {
    const row = blockOf([
      { op: 'equal', text: '| Security logs | ' },
      { op: 'delete', text: '90' },
      { op: 'insert', text: '180' },
      { op: 'equal', text: ' days |' },
      { op: 'insert', text: ' to investigate |' },
    ]);
    expect(row).toEqual({
      kind: 'tr',
      cells: [
        [{ op: 'equal', text: 'Security logs' }],
        [
          { op: 'delete', text: '90' },
          { op: 'insert', text: '180' },
          { op: 'equal', text: ' days' },
        ],
        [{ op: 'insert', text: 'to investigate' }],
      ],
    });
  });

  it('leaves a paragraph that merely contains a bar a paragraph', () => {
    expect(blockOf([{ op: 'equal', text: 'Either A | B applies.' }]).kind).toBe('p');
  });
});

describe('renderRedline', () => {
  it('groups runs of list items into one list and rows into one table', () => {
    const html = renderRedline(
      [
        { op: 'equal', text: 'Heading\nWe collect:\n• Name\n' },
        { op: 'insert', text: '• Email\n' },
        { op: 'equal', text: '| A | B |\n| C | D |\nEnd.\n' },
      ],
      { added: 'added', removed: 'removed' },
      { hasHeading: true },
    );
    expect(html).toBe(
      '<h3>Heading</h3><p>We collect:</p><ul><li>Name</li><li><ins><span class="visually-hidden">[added] </span>Email</ins></li></ul>' +
        '<table class="diff-table"><tbody><tr><td>A</td><td>B</td></tr><tr><td>C</td><td>D</td></tr></tbody></table><p>End.</p>',
    );
  });
});
