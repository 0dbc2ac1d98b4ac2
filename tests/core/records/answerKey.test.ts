// The answer key as a table: one row per number written, named as the sheet names it, at its places.
import { describe, expect, it } from 'vitest';
import { answerKeyCsv, answerKeyMarkdown, answerKeyRows, type AnswerRow } from '../../../src/core/records/answerKey';
import { builtInFile, computeSheet } from '../../../src/store/sheet';
import { cellText } from '../../../src/ui/common/quantityText';
import { findBuiltIn } from '../../../src/worksheets';

const HEADERS = { step: 'Step', quantity: 'Quantity', value: 'Value' };

function rowsOf(id: string, phases: 'forward' | 'both' = 'forward'): AnswerRow[] {
  const computed = computeSheet(builtInFile(findBuiltIn(id)!));
  if (!computed.ok) throw new Error(id);
  const { model } = computed.sheet;
  return answerKeyRows(model, computed.records, (q, t, i, j) => cellText(model, q, t, i, j), phases);
}

const valueOf = (rows: AnswerRow[], quantity: string) => rows.find((r) => r.quantity === quantity)?.value;

describe("the answer key of Tom Yeh's RNN by hand (SPEC: h = [3, 6], [1, 17], [0, 28], [0, 40]; y = 3, 16, 28, 40)", () => {
  const rows = rowsOf('rnn-by-hand');

  it('has h₂ = [1, 17] and y = 3, 16, 28, 40, at the sheet’s 0 decimals', () => {
    expect([valueOf(rows, 'h₂[1]'), valueOf(rows, 'h₂[2]')]).toEqual(['1', '17']);
    expect(['y₁', 'y₂', 'y₃', 'y₄'].map((q) => valueOf(rows, q))).toEqual(['3', '16', '28', '40']);
    expect(rows.find((r) => r.quantity === 'h₂[2]')?.step).toBe('2');
  });

  it('ReLU’s cut: a₃[1] = −11 written with an ASCII minus, a spreadsheet’s number; h₃[1] = 0', () => {
    expect(valueOf(rows, 'a₃[1]')).toBe('-11');
    expect(valueOf(rows, 'h₃[1]')).toBe('0');
  });

  it('one row per number written: 9 a step, 36 in all, in the order they are worked out', () => {
    expect(rows).toHaveLength(36);
    expect(rows[0]).toEqual({ step: '1', quantity: '(B x₁)[1]', value: '3' });
  });

  it('as Markdown: a header, an alignment row, then the rows', () => {
    const md = answerKeyMarkdown(rows, HEADERS).split('\n');
    expect(md[0]).toBe('| Step | Quantity | Value |');
    expect(md[1]).toBe('| ---: | :--- | ---: |');
    expect(md).toContain('| 2 | h₂[2] | 17 |');
    expect(md).toHaveLength(2 + 36 + 1);
  });

  it('as CSV: CRLF lines, the values as numbers', () => {
    const csv = answerKeyCsv(rows, HEADERS).split('\r\n');
    expect(csv[0]).toBe('Step,Quantity,Value');
    expect(csv).toContain('2,h₂[2],17');
    expect(csv).toContain('3,a₃[1],-11');
  });
});

describe('the LSTM’s answer key at 2 decimals (PyTorch: h₃ = [−0.7221, 0.6739], L = 0.8630)', () => {
  it('writes h₃ = [−0.72, 0.67] and the total loss 0.86', () => {
    const rows = rowsOf('lstm-2-decimals');
    expect([valueOf(rows, 'h₃[1]'), valueOf(rows, 'h₃[2]')]).toEqual(['-0.72', '0.67']);
    expect(rows.find((r) => r.quantity === 'L')).toEqual({ step: '', quantity: 'L', value: '0.86' });
  });

  it('with the backward pass, the gradients follow, at 2 decimals', () => {
    const forward = rowsOf('lstm-2-decimals');
    const both = rowsOf('lstm-2-decimals', 'both');
    expect(both.length).toBeGreaterThan(forward.length);
    expect(both.slice(forward.length).every((r) => r.quantity.startsWith('∂L/∂'))).toBe(true);
  });
});

describe('names that would break the table or run as a formula', () => {
  const rows: AnswerRow[] = [
    { step: '1', quantity: '=HYPERLINK("http://x","y")', value: '1' },
    { step: '1', quantity: '+1', value: '-2' },
    { step: '1', quantity: '-A', value: '3' },
    { step: '1', quantity: '@SUM(A1)', value: '4' },
    { step: '1', quantity: 'a, b', value: '5' },
    { step: '1', quantity: 'a|b\\c', value: '6' },
  ];

  it('CSV: = + - @ get a leading quote, a comma or quote is quoted, quotes doubled; a negative value stays a number', () => {
    const csv = answerKeyCsv(rows, HEADERS).split('\r\n');
    expect(csv[1]).toBe(`1,"'=HYPERLINK(""http://x"",""y"")",1`);
    expect(csv[2]).toBe("1,'+1,-2");
    expect(csv[3]).toBe("1,'-A,3");
    expect(csv[4]).toBe("1,'@SUM(A1),4");
    expect(csv[5]).toBe('1,"a, b",5');
  });

  it('Markdown: | and \\ are escaped, so a name cannot split the row', () => {
    expect(answerKeyMarkdown(rows, HEADERS).split('\n')[7]).toBe('| 1 | a\\|b\\\\c | 6 |');
  });
});
