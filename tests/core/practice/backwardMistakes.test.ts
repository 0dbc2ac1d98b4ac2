// The slips of backpropagation through time (and tanh forgotten in h = o ⊙ tanh(c)), each
// recognised from a hand-made wrong answer whose arithmetic is written out beside it.
import { describe, expect, it } from 'vitest';
import { recogniseMistake } from '../../../src/core/practice/mistakes';
import { buildRecords, indexRecords, slotKey, type TraceRecord } from '../../../src/core/records/records';
import { createSheet } from '../../../src/core/records/tex';
import { computeTrace } from '../../../src/core/engine/trace';
import { evaluateRecord } from '../../../src/core/records/evaluate';
import { findBuiltIn } from '../../../src/worksheets';
import { mustLoad } from '../../helpers/load';

function sheetOf(file: unknown) {
  const model = mustLoad(file);
  const { forward, backward } = computeTrace(model);
  const records = buildRecords(model, forward, backward);
  const sheet = createSheet(model, records);
  const index = indexRecords(records);
  const record = (q: string, t: number, i: number, j?: number) =>
    records[index.get(slotKey(q, t, i, j))!] as TraceRecord;
  const mistake = (q: string, t: number, i: number, answer: number) => {
    const r = record(q, t, i);
    return recogniseMistake(r, answer, r.value, { model, value: sheet.value });
  };
  return { model, records, sheet, record, mistake };
}

/** A one-layer RNN worksheet with L = y_T² (a target of 0), as the Elman sheet has it. */
function rnnFile(activation: string, params: Record<string, number[][]>, W_hy: number[][], inputs: number[][]) {
  return {
    format: 'rnn-by-hand/worksheet',
    version: 1,
    cell: 'rnn',
    activation,
    params,
    readout: { W_hy, activation: 'identity' },
    inputs,
    h0: params.W_hh!.map(() => 0),
    targets: [W_hy.map(() => 0)],
    loss: { kind: 'squared_error', at: 'last' },
    precision: { decimals: 2, carry: 'exact' },
  };
}

// SPEC §3, "ciao": h = 1, −7, 44, −215; y = W_y h₄ = −1 · −215 = 215; ∂L/∂y = 2y = 430;
// ∂L/∂h₄ = W_y · 430 = −430; ∂L/∂h₃ = W_h · ∂L/∂h₄ = −5 · −430 = 2150; ∂L/∂h₀ = −268750
describe('the slips of BPTT on the Elman “ciao” sheet', () => {
  const ciao = sheetOf(findBuiltIn('elman-ciao')!.file);

  it('has the gradients of the slide', () => {
    expect(ciao.record('d:y', 4, 0).value).toBe(430);
    expect(ciao.record('d:h', 3, 0).value).toBe(2150);
    expect(ciao.record('d:h', 0, 0).value).toBe(-268750);
  });

  it('names −430 for ∂L/∂y as target − y: 2(0 − 215) = −430', () => {
    expect(ciao.mistake('d:y', 4, 0, -430)).toEqual({ kind: 'targetMinusOutput' });
  });

  it('names 0 for ∂L/∂h₃ as the recurrent term left out: h₃ reaches L only through h₄', () => {
    expect(ciao.mistake('d:h', 3, 0, 0)).toEqual({ kind: 'recurrentLeftOut' });
    // ∂L/∂h₀ = W_h · ∂L/∂h₁, nothing else
    expect(ciao.mistake('d:h', 0, 0, 0)).toEqual({ kind: 'recurrentLeftOut' });
  });

  it('names −2150 for ∂L/∂h₃ and 268750 for ∂L/∂h₀ as sign slips', () => {
    expect(ciao.mistake('d:h', 3, 0, -2150)).toEqual({ kind: 'signSlip' });
    expect(ciao.mistake('d:h', 0, 0, 268750)).toEqual({ kind: 'signSlip' });
  });

  it('works ∂L/∂W_h out from its reads: Σ_t ∂L/∂h_t h_{t−1} = 53750·0 − 10750·1 + 2150·(−7) − 430·44', () => {
    const r = ciao.record('d:W_hh', 0, 0, 0);
    expect(evaluateRecord(ciao.model, r, ciao.sheet.value)).toBe(-10750 - 15050 - 18920);
    expect(r.value).toBe(-44720);
  });
});

// W_h = [[1, 2], [0, 1]] is not symmetric, so Wᵀ δ and W δ differ:
//   h₁ = W_x x₁ = [1, 0]; h₂ = W_h h₁ + W_x x₂ = [1, 0] + [1, 0] = [2, 0]; y₂ = [1, 1]·h₂ = 2
//   ∂L/∂y₂ = 2·2 = 4; ∂L/∂h₂ = W_yᵀ 4 = [4, 4]
//   ∂L/∂h₁ = W_hᵀ [4, 4] = [1·4 + 0·4, 2·4 + 1·4] = [4, 12]; W_h [4, 4] = [1·4 + 2·4, 0·4 + 1·4] = [12, 4]
describe('W δ where Wᵀ δ belongs', () => {
  const s = sheetOf(
    rnnFile(
      'identity',
      {
        W_ih: [[1], [0]],
        W_hh: [
          [1, 2],
          [0, 1],
        ],
      },
      [[1, 1]],
      [[1], [1]],
    ),
  );

  it('has ∂L/∂h₁ = [4, 12]', () => {
    expect([s.record('d:h', 1, 0).value, s.record('d:h', 1, 1).value]).toEqual([4, 12]);
  });

  it('names 12 for ∂L/∂h₁[1] and 4 for ∂L/∂h₁[2]: the rows of W_h [4, 4]', () => {
    expect(s.mistake('d:h', 1, 0, 12)).toEqual({ kind: 'notTransposed' });
    expect(s.mistake('d:h', 1, 1, 4)).toEqual({ kind: 'notTransposed' });
  });

  it('names 0 for ∂L/∂h₁[2] as the recurrent term left out (no loss at step 1)', () => {
    expect(s.mistake('d:h', 1, 1, 0)).toEqual({ kind: 'recurrentLeftOut' });
  });
});

// h₁ = tanh(a₁), a₁ = W_x x₁ = 2: h₁ = tanh 2 ≈ 0.9640; y = h₁; ∂L/∂y = ∂L/∂h₁ = 2 · 0.9640 ≈ 1.9281
// ∂L/∂a₁ = 1.9281 · (1 − 0.9640²) ≈ 0.1362; the slips, worked at full precision below
describe('the activation’s derivative', () => {
  const s = sheetOf(rnnFile('tanh', { W_ih: [[1]], W_hh: [[0.5]] }, [[1]], [[2]]));
  const h = Math.tanh(2);
  const g = 2 * h;

  it('has ∂L/∂a₁ = 2 tanh 2 · (1 − tanh² 2) ≈ 0.14', () => {
    expect(s.record('d:pre:h', 1, 0).value).toBeCloseTo(g * (1 - h * h), 10);
  });

  it('names 1.93 as the derivative left out: ∂L/∂h₁ passed straight through', () => {
    expect(s.mistake('d:pre:h', 1, 0, 1.93)).toEqual({ kind: 'derivativeLeftOut', fn: 'tanh' });
  });

  it('names −5.78 as tanh′ taken at a: 1.9281 · (1 − 2²)', () => {
    expect(g * (1 - 4)).toBeCloseTo(-5.78, 2);
    expect(s.mistake('d:pre:h', 1, 0, -5.78)).toEqual({ kind: 'derivativeAtInput', fn: 'tanh' });
  });

  it('names 1.86 as tanh written for tanh′: 1.9281 · 0.9640', () => {
    expect(g * h).toBeCloseTo(1.86, 2);
    expect(s.mistake('d:pre:h', 1, 0, 1.86)).toEqual({ kind: 'derivativeAsFunction', fn: 'tanh' });
  });

  it('and the same for σ: σ(2) ≈ 0.8808, ∂L/∂a = 1.7616 · 0.8808 · 0.1192 ≈ 0.18', () => {
    const sg = sheetOf(rnnFile('sigmoid', { W_ih: [[1]], W_hh: [[0.5]] }, [[1]], [[2]]));
    const out = 1 / (1 + Math.exp(-2));
    const d = 2 * out;
    expect(sg.record('d:pre:h', 1, 0).value).toBeCloseTo(d * out * (1 - out), 10);
    expect(d).toBeCloseTo(1.76, 2);
    expect(sg.mistake('d:pre:h', 1, 0, 1.76)).toEqual({ kind: 'derivativeLeftOut', fn: 'sigmoid' });
    // σ′ at a: 2 · (1 − 2) = −2, times 1.7616
    expect(sg.mistake('d:pre:h', 1, 0, -3.52)).toEqual({ kind: 'derivativeAtInput', fn: 'sigmoid' });
    // σ for σ′: 1.7616 · 0.8808 ≈ 1.55
    expect(d * out).toBeCloseTo(1.55, 2);
    expect(sg.mistake('d:pre:h', 1, 0, 1.55)).toEqual({ kind: 'derivativeAsFunction', fn: 'sigmoid' });
  });
});

// An LSTM with H = I = 1, x = 1, every weight 0 but W_ig = 1: i = f = o = σ(0) = 0.5,
// g = tanh 1 ≈ 0.7616, c₁ = 0.5 · 0 + 0.5 · 0.7616 ≈ 0.3808, h₁ = 0.5 · tanh 0.3808 ≈ 0.5 · 0.3634 ≈ 0.18
describe('tanh forgotten in h = o ⊙ tanh(c)', () => {
  const zero = [[0]];
  const s = sheetOf({
    format: 'rnn-by-hand/worksheet',
    version: 1,
    cell: 'lstm',
    params: {
      W_ii: zero,
      W_if: zero,
      W_ig: [[1]],
      W_io: zero,
      W_hi: zero,
      W_hf: zero,
      W_hg: zero,
      W_ho: zero,
    },
    inputs: [[1]],
    h0: [0],
    c0: [0],
    precision: { decimals: 2, carry: 'exact' },
  });
  const c = 0.5 * Math.tanh(1);

  it('has h₁ = 0.5 tanh(0.5 tanh 1) ≈ 0.18', () => {
    expect(s.record('h', 1, 0).value).toBeCloseTo(0.5 * Math.tanh(c), 10);
  });

  it('names 0.19 (o ⊙ c = 0.5 · 0.3808) and 0.38 (c itself)', () => {
    expect(0.5 * c).toBeCloseTo(0.19, 2);
    expect(s.mistake('h', 1, 0, 0.19)).toEqual({ kind: 'tanhForgotten', alone: false });
    expect(s.mistake('h', 1, 0, 0.38)).toEqual({ kind: 'tanhForgotten', alone: true });
  });
});

describe('every backward record of the built-in sheets works out again from its reads', () => {
  // the exact-carry sheets with a loss: rounded carry rounds each gradient after it is worked out
  it.each(['elman-ciao', 'lstm-2-decimals', 'kinds-many-to-many', 'kinds-many-to-one'])('%s', (id) => {
    const s = sheetOf(findBuiltIn(id)!.file);
    const backward = s.records.filter((r) => r.phase === 'backward');
    expect(backward.length).toBeGreaterThan(0);
    for (const r of backward) expect(evaluateRecord(s.model, r, s.sheet.value)).toBeCloseTo(r.value, 9);
  });
});
