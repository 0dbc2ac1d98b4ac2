import { describe, expect, it } from 'vitest';
import {
  closedFormGradient,
  forgetBiasName,
  forgetBiasShift,
  hiddenGradientNorms,
  recurrenceScale,
  resetChanges,
  scalarClosedForm,
  scaleRecurrence,
  shiftForgetBias,
} from '../../../src/core/records/gradientNorms';
import { computeSheet, builtInFile } from '../../../src/store/sheet';
import { findBuiltIn } from '../../../src/worksheets';
import type { WorksheetFile } from '../../../src/core/format/worksheet';

function ciaoFile(W_h: number): WorksheetFile {
  const file = builtInFile(findBuiltIn('elman-ciao')!) as WorksheetFile;
  return { ...file, params: { ...file.params, W_hh: [[W_h]] } };
}

function sheetOf(file: unknown) {
  const computed = computeSheet(file);
  if (!computed.ok) throw new Error('invalid worksheet');
  return computed.sheet;
}

describe('‖∂L/∂h_t‖ over t', () => {
  it('is 268750, 53750, 10750, 2150, 430 for "ciao" at W_h = −5 (SPEC §3)', () => {
    expect(hiddenGradientNorms(sheetOf(ciaoFile(-5)))).toEqual([268750, 53750, 10750, 2150, 430]);
  });

  it('shrinks going back at W_h = 0.5, worked by hand', () => {
    // x = 1, −2, 9, 5 (c, i, a, o); h_t = 0.5 h_{t−1} + x_t: 1, −1.5, 8.25, 9.125; y = −h₄ = −9.125
    // ∂L/∂h₄ = 2y · W_y = 2 · (−9.125) · (−1) = 18.25, and ×0.5 a step back:
    // 9.125, 4.5625, 2.28125, 1.140625
    expect(hiddenGradientNorms(sheetOf(ciaoFile(0.5)))).toEqual([1.140625, 2.28125, 4.5625, 9.125, 18.25]);
  });

  it('is the Euclidean norm of each step’s vector', () => {
    const sheet = sheetOf(builtInFile(findBuiltIn('lstm-2-decimals')!));
    const norms = hiddenGradientNorms(sheet) as number[];
    expect(norms).toHaveLength(4);
    for (let t = 0; t <= 3; t++) {
      const [a, b] = [sheet.value('d:h', t, 0), sheet.value('d:h', t, 1)];
      expect(norms[t]).toBeCloseTo(Math.sqrt(a * a + b * b), 12);
    }
  });

  it('is null without a loss', () => {
    expect(hiddenGradientNorms(sheetOf(builtInFile(findBuiltIn('rnn-by-hand')!)))).toBeNull();
  });
});

describe('the closed form ∂L/∂h_t = 2y · W_y · W_h^(T−t)', () => {
  it('has the numbers of "ciao": y = 215, W_y = −1, W_h = −5, T = 4', () => {
    const form = scalarClosedForm(sheetOf(ciaoFile(-5)));
    expect(form).toEqual({ y: 215, target: 0, W_y: -1, W_h: -5, T: 4 });
    // 2 · 215 · (−1) · (−5)⁴ = −430 · 625
    expect(closedFormGradient(form!, 0)).toBe(-268750);
  });

  it('matches the sheet at every t, for several W_h', () => {
    for (const W_h of [-5, -1.3, 0, 0.5, 2]) {
      const sheet = sheetOf(ciaoFile(W_h));
      const form = scalarClosedForm(sheet)!;
      for (let t = 0; t <= 4; t++) expect(closedFormGradient(form, t)).toBeCloseTo(sheet.value('d:h', t, 0), 9);
    }
  });

  it('is not offered where the shape has none: two units, ReLU, an LSTM, a loss at every step', () => {
    for (const id of ['kinds-many-to-one', 'kinds-many-to-many', 'lstm-2-decimals', 'sentiment-many-to-one'])
      expect(scalarClosedForm(sheetOf(builtInFile(findBuiltIn(id)!)))).toBeNull();
    const everyStep = { ...ciaoFile(-5), loss: { kind: 'squared_error', at: 'all' }, targets: [[0], [0], [0], [0]] };
    expect(scalarClosedForm(sheetOf(everyStep))).toBeNull();
    const tanh = { ...ciaoFile(-5), activation: 'tanh' };
    expect(scalarClosedForm(sheetOf(tanh))).toBeNull();
  });
});

describe('the sliders’ changes, from the parameters as opened', () => {
  const lstm = (builtInFile(findBuiltIn('lstm-2-decimals')!) as WorksheetFile).params;

  it('scale every hidden-to-hidden matrix of the cell, and only those', () => {
    const changes = scaleRecurrence(lstm, 'lstm', 2);
    expect(Object.keys(changes).sort()).toEqual(['W_hf', 'W_hg', 'W_hi', 'W_ho']);
    const W_hi = lstm.W_hi as number[][];
    expect(changes.W_hi).toEqual(W_hi.map((row) => row.map((w) => 2 * w)));
    expect(Object.keys(scaleRecurrence({ W_ih: [[1]], W_hh: [[-5]] }, 'rnn', 0.5))).toEqual(['W_hh']);
    expect(scaleRecurrence({ W_ih: [[1]], W_hh: [[-5]] }, 'rnn', 0.5)).toEqual({ W_hh: [[-2.5]] });
  });

  it('read back the scale they stand at', () => {
    const scaled = { ...lstm, ...scaleRecurrence(lstm, 'lstm', 1.5) };
    expect(recurrenceScale(scaled, lstm, 'lstm')).toBeCloseTo(1.5, 12);
    expect(recurrenceScale(lstm, lstm, 'lstm')).toBe(1);
  });

  it('shift the forget bias the file gives, or add b_if where it gives none', () => {
    expect(forgetBiasName(lstm)).toBe('b_if');
    expect(shiftForgetBias(lstm, 2, 1.5)).toEqual({ b_if: [1.5, 1.5] });
    expect(shiftForgetBias({ b_hf: [0.5, -1] }, 2, 1)).toEqual({ b_hf: [1.5, 0] });
    expect(forgetBiasShift({ ...lstm, b_if: [1.5, 1.5] }, lstm, 2)).toBe(1.5);
  });

  it('reset: every parameter as opened, and an added bias taken out', () => {
    const moved = { ...lstm, b_if: [2, 2], ...scaleRecurrence(lstm, 'lstm', 0) };
    const changes = resetChanges(moved, lstm);
    expect(changes.b_if).toBeNull();
    expect(changes.W_hi).toEqual(lstm.W_hi);
  });
});
