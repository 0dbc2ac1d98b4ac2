import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumberText } from '../../../src/core/editor/numberText';
import { MAX_PASTE, parsePastedBlock, pasteBlock, type PastedBlock } from '../../../src/core/editor/paste';

const values = (b: PastedBlock) => b.rows.map((row) => row.map((c) => (c.ok ? c.value : c.why)));

describe('a typed number', () => {
  it('reads as the decimal it looks like, with a decimal comma or the typographic minus', () => {
    expect(parseNumberText('0.5')).toBe(0.5);
    expect(parseNumberText(' -2 ')).toBe(-2);
    expect(parseNumberText('0,5')).toBe(0.5);
    expect(parseNumberText('\u22121.25')).toBe(-1.25);
    expect(parseNumberText('1e-3')).toBe(0.001);
    expect(parseNumberText('.5')).toBe(0.5);
    expect(Object.is(parseNumberText('-0'), 0)).toBe(true);
  });
  it('is no number when it is empty, has two points, letters, hex, or is too large for float64', () => {
    for (const text of ['', ' ', '1..2', 'abc', '0x10', 'Infinity', 'NaN', '1e999', '1 2', '1,2,3', '--1'])
      expect(parseNumberText(text), text).toBeNull();
  });
  it('takes no decimal comma where commas separate the cells', () => {
    expect(parseNumberText('0,5', false)).toBeNull();
  });
});

describe('a pasted block', () => {
  it('from a spreadsheet: tabs between cells, lines between rows, the copy’s last line break dropped', () => {
    const b = parsePastedBlock('1\t2\n-0.5\t3\n');
    expect(b.separator).toBe('tab');
    expect(values(b)).toEqual([
      [1, 2],
      [-0.5, 3],
    ]);
  });
  it('with decimal commas where tabs, semicolons or blanks separate the cells', () => {
    expect(values(parsePastedBlock('0,5\t1,25'))).toEqual([[0.5, 1.25]]);
    expect(values(parsePastedBlock('0,5;1,25\r\n2;3'))).toEqual([
      [0.5, 1.25],
      [2, 3],
    ]);
    expect(values(parsePastedBlock('0,5 1,25'))).toEqual([[0.5, 1.25]]);
  });
  it('with commas between cells, blanks beside them allowed', () => {
    expect(values(parsePastedBlock('1,2,3'))).toEqual([[1, 2, 3]]);
    expect(values(parsePastedBlock('1, 2, 3\n4, 5, 6'))).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });
  it('with blanks between cells', () => {
    expect(values(parsePastedBlock('  1   2\n3 4  '))).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
  it('says which cells are not numbers and keeps their text as pasted', () => {
    const b = parsePastedBlock('1\tabc\n\t2');
    expect(b.rows[0]?.[1]).toEqual({ ok: false, text: 'abc', why: 'not-a-number' });
    expect(b.rows[1]?.[0]).toMatchObject({ ok: false, why: 'empty' });
    expect(b.rows[1]?.[1]).toMatchObject({ ok: true, value: 2 });
  });
  it('refuses text longer than any grid could take, unread', () => {
    const b = parsePastedBlock('1 '.repeat(MAX_PASTE));
    expect(b.tooLong).toBe(true);
    expect(b.rows).toEqual([]);
  });
  it('never throws, and gives for every cell a number or the reason it is none, over thousands of strings', () => {
    const pieces = fc.constantFrom('1', '-2', '0,5', '1.25', '\t', ',', ';', ' ', '\n', '\r\n', 'x', '..', 'e', '−');
    const arbitrary = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.array(pieces, { maxLength: 60 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(arbitrary, (text) => {
        const b = parsePastedBlock(text);
        for (const row of b.rows)
          for (const cell of row) {
            if (cell.ok) expect(Number.isFinite(cell.value)).toBe(true);
            else expect(['empty', 'not-a-number']).toContain(cell.why);
          }
      }),
      { numRuns: 5000 },
    );
  });
});

describe('pasting a block into a grid', () => {
  const grid = [
    ['a', 'b', 'c'],
    ['d', 'e', 'f'],
  ];
  it('writes it from the cell pasted into, rightwards and downwards', () => {
    expect(pasteBlock(grid, [['1', '2']], 1, 1)).toEqual({
      grid: [
        ['a', 'b', 'c'],
        ['d', '1', '2'],
      ],
      clipped: 0,
    });
  });
  it('leaves out and counts what falls beyond the grid’s edge', () => {
    const pasted = pasteBlock(
      grid,
      [
        ['1', '2'],
        ['3', '4'],
      ],
      1,
      2,
    );
    expect(pasted.grid[1]).toEqual(['d', 'e', '1']);
    expect(pasted.clipped).toBe(3);
    expect(grid[1]).toEqual(['d', 'e', 'f']);
  });
});
