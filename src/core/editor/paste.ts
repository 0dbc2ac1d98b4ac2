// A block copied from a spreadsheet (or typed as text) read into rows of cells, and a block put
// into a grid from the cell it is pasted into. Total over any text: never throws.
import { numberText, parseNumberText } from './numberText';

export type Separator = 'tab' | 'semicolon' | 'comma' | 'space';

/** One pasted cell: its number, or the text as pasted and why it is not one. */
export type PastedCell =
  | { readonly ok: true; readonly value: number; readonly text: string }
  | { readonly ok: false; readonly text: string; readonly why: 'empty' | 'not-a-number' };

export interface PastedBlock {
  readonly rows: readonly (readonly PastedCell[])[];
  readonly separator: Separator;
  /** the text was longer than MAX_PASTE characters: nothing was read */
  readonly tooLong: boolean;
}

/** Far more than any grid the editor shows (8×8 cells) could take; longer text is refused unread. */
export const MAX_PASTE = 100_000;

/**
 * Reads a pasted block: rows are lines; cells are separated by tabs (a spreadsheet's copy), else
 * semicolons, else commas, else blanks. "0,5\t1,25" and "0,5 1,25" read as 0.5 and 1.25 (a
 * decimal comma is accepted where commas do not separate the cells). Blank lines at the start and
 * end are dropped, as spreadsheets end a copy with a line break.
 */
export function parsePastedBlock(text: string): PastedBlock {
  if (text.length > MAX_PASTE) return { rows: [], separator: 'space', tooLong: true };
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && (lines[0] ?? '').trim() === '') lines.shift();
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  const separator = separatorOf(lines);
  const decimalComma = separator !== 'comma';
  const rows = lines.map((line) =>
    splitLine(line, separator).map((raw): PastedCell => {
      const cellText = raw.trim();
      if (cellText === '') return { ok: false, text: raw, why: 'empty' };
      const value = parseNumberText(cellText, decimalComma);
      return value === null ? { ok: false, text: cellText, why: 'not-a-number' } : { ok: true, value, text: cellText };
    }),
  );
  return { rows, separator, tooLong: false };
}

function separatorOf(lines: readonly string[]): Separator {
  const all = lines.join('\n');
  if (all.includes('\t')) return 'tab';
  if (all.includes(';')) return 'semicolon';
  if (!all.includes(',')) return 'space';
  // "0,5 1,25" is two numbers with decimal commas; "1, 2, 3" and "1,2,3" are commas between cells
  const blankSeparated = lines.flatMap((line) => line.trim().split(/\s+/)).filter((c) => c !== '');
  const decimalCommas = blankSeparated.every((c) => parseNumberText(c, true) !== null);
  return decimalCommas && lines.some((line) => /\S\s+\S/.test(line)) ? 'space' : 'comma';
}

function splitLine(line: string, separator: Separator): string[] {
  switch (separator) {
    case 'tab':
      return line.split('\t');
    case 'semicolon':
      return line.split(';');
    case 'comma':
      return line.split(',');
    case 'space':
      return line.trim() === '' ? [''] : line.trim().split(/\s+/);
  }
}

/** A grid with a block put in from (row, col), and how many of the block's cells fell outside it. */
export interface Pasted<C> {
  readonly grid: C[][];
  readonly clipped: number;
}

/**
 * The grid with the block's cells written from (row, col) rightwards and downwards; cells that
 * fall beyond the grid's last row or column are left out and counted.
 */
export function pasteBlock<C>(
  grid: readonly (readonly C[])[],
  block: readonly (readonly C[])[],
  row: number,
  col: number,
): Pasted<C> {
  const out = grid.map((r) => [...r]);
  let clipped = 0;
  block.forEach((cells, k) =>
    cells.forEach((cell, j) => {
      const target = out[row + k];
      if (target && col + j < target.length && col + j >= 0) target[col + j] = cell;
      else clipped++;
    }),
  );
  return { grid: out, clipped };
}

/**
 * A pasted block pasted into a grid of texts from (row, col): a number is written as read (0,5
 * as 0.5), a text that is not one exactly as pasted (so its message can name it), and an empty
 * pasted cell leaves the cell as it was.
 */
export function pasteTexts(
  grid: readonly (readonly string[])[],
  block: PastedBlock,
  row: number,
  col: number,
): Pasted<string> {
  const texts = block.rows.map((cells, k) =>
    cells.map((cell, j) =>
      cell.ok ? numberText(cell.value) : cell.why === 'empty' ? (grid[row + k]?.[col + j] ?? '') : cell.text,
    ),
  );
  return pasteBlock(grid, texts, row, col);
}
