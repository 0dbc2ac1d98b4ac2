// The answer key as a table of values, one row per number the sheet writes down (step, the
// quantity as the sheet names it, its value at the sheet's places), as Markdown for a handout
// and as CSV for a grading spreadsheet.
import { formatWritten } from '../engine/carry';
import { formatFixed } from '../engine/rounding';
import type { Model } from '../format/worksheet';
import type { RecordTable } from './recordTable';

export interface AnswerRow {
  /** the step, "1" … "T"; empty for a value of no step (the total loss, a parameter's gradient) */
  readonly step: string;
  /** as the sheet names it, e.g. h₂[1] */
  readonly quantity: string;
  /** at the sheet's places, with an ASCII minus, so a spreadsheet reads it as a number */
  readonly value: string;
}

/** Names one number of the sheet (the UI's cellText). */
export type CellName = (q: string, t: number, i: number, j?: number) => string;

export interface AnswerHeaders {
  readonly step: string;
  readonly quantity: string;
  readonly value: string;
}

/** One row per record, in the order the numbers are worked out (forward, then backward if drawn). */
export function answerKeyRows(
  model: Model,
  records: RecordTable,
  name: CellName,
  phases: 'forward' | 'both' = 'forward',
): AnswerRow[] {
  const rows: AnswerRow[] = [];
  for (let n = 0; n < records.length; n++) {
    const phase = records.phase(n);
    if (phase === 'backward' && phases === 'forward') break;
    const [q, t, i, j] = [records.q(n), records.t(n), records.i(n), records.j(n)];
    const v = records.value(n);
    // every gradient is written at the sheet's decimals (carry.ts)
    const value = phase === 'forward' ? formatWritten(model, q, v) : formatFixed(v, model.decimals);
    rows.push({ step: t === 0 ? '' : String(t), quantity: name(q, t, i, j), value });
  }
  return rows;
}

/** A Markdown table; a | or \ in a name is escaped so it cannot split a row. */
export function answerKeyMarkdown(rows: readonly AnswerRow[], headers: AnswerHeaders): string {
  const cell = (s: string) => s.replace(/[\\|]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
  const line = (r: AnswerHeaders | AnswerRow) => `| ${cell(r.step)} | ${cell(r.quantity)} | ${cell(r.value)} |`;
  return [line(headers), '| ---: | :--- | ---: |', ...rows.map(line)].join('\n') + '\n';
}

/**
 * CSV as RFC 4180 writes it (CRLF, a field with a comma, quote or line break in quotes, quotes
 * doubled). A name a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) gets a leading ' so it stays text; the values are numbers and are left as such.
 */
export function answerKeyCsv(rows: readonly AnswerRow[], headers: AnswerHeaders): string {
  const text = (s: string) => quoteCsv(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
  const line = (r: AnswerHeaders | AnswerRow, value: string) => `${text(r.step)},${text(r.quantity)},${value}`;
  return [line(headers, text(headers.value)), ...rows.map((r) => line(r, quoteCsv(r.value)))].join('\r\n') + '\r\n';
}

function quoteCsv(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
