import { describe, expect, it } from 'vitest';
import { buildRecordTable } from '../../../src/core/records/recordTable';
import { computeTrace } from '../../../src/core/engine/trace';
import { layoutSteps } from '../../../src/ui/sheet/layout';
import { mustLoad } from '../../helpers/load';
import { referenceCase } from '../../helpers/reference';

function layoutOf(name: string) {
  const model = mustLoad(referenceCase(name).worksheet);
  const { forward, backward } = computeTrace(model);
  return layoutSteps(buildRecordTable(model, forward, backward));
}

const names = (rows: readonly (readonly { q: string }[])[]) => rows.map((row) => row.map((b) => b.q));

describe('the sheet layout', () => {
  it("lays Tom Yeh's step out as B x and A h beside their sum and ReLU, then C h = y", () => {
    const steps = layoutOf('seeds/rnn-by-hand.json');
    expect(steps.map((s) => s.t)).toEqual([1, 2, 3, 4]);
    expect(names(steps[1]!.rows)).toEqual([['mv:W_ih', 'mv:W_hh', 'pre:h', 'h'], ['y']]);
    // A h₁ puts h₁, the previous step's state, above the columns of A
    expect(steps[1]!.rows[0]![1]).toEqual({ kind: 'product', q: 'mv:W_hh', W: 'W_hh', vector: { q: 'h', t: 1 } });
  });

  it('gives each LSTM gate a row of its own, then the state update with y = softmax(h) beside h', () => {
    const steps = layoutOf('seeds/lstm-2-decimals.json');
    expect(names(steps[0]!.rows)).toEqual([
      ['mv:W_ii', 'mv:W_hi', 'pre:i', 'i'],
      ['mv:W_if', 'mv:W_hf', 'pre:f', 'f'],
      ['mv:W_ig', 'mv:W_hg', 'pre:g', 'g'],
      ['mv:W_io', 'mv:W_ho', 'pre:o', 'o'],
      ['f*c', 'i*g', 'c', 'tanh(c)', 'h', 'y'],
      ['target', 'loss'],
    ]);
  });

  it('gives the GRU candidate its own row and the interpolation its own', () => {
    // random/001 gives no b_hn, so W_hn h is itself the term r multiplies
    const steps = layoutOf('random/001-gru-small.json');
    expect(names(steps[0]!.rows).slice(2)).toEqual([
      ['mv:W_in', 'mv:W_hn', 'r*hn', 'pre:n', 'n'],
      ['(1-z)*n', 'z*h', 'h'],
    ]);
  });

  it('puts each bias where its sum reads it, W x + b + W h, in every step, so the sheet shows every number the sum reads', () => {
    // random/008: a GRU with b_ir, b_iz and b_in (no hidden-side biases); n's sum is W_in x + b_in + r ⊙ (W_hn h)
    const steps = layoutOf('random/008-gru-small.json');
    for (const step of steps)
      expect(names(step.rows).slice(0, 3)).toEqual([
        ['mv:W_ir', 'b_ir', 'mv:W_hr', 'pre:r', 'r'],
        ['mv:W_iz', 'b_iz', 'mv:W_hz', 'pre:z', 'z'],
        ['mv:W_in', 'b_in', 'mv:W_hn', 'r*hn', 'pre:n', 'n'],
      ]);
    // b_ir has H = 4 entries in that file
    expect(steps[0]!.rows[0]![1]).toEqual({ kind: 'given', q: 'b_ir', length: 4 });
  });

  it('puts an LSTM’s two biases of a gate after the product each follows: W x + b_i + W h + b_h', () => {
    // random/010 gives b_if and b_io from the input side, b_hi, b_hf, b_hg and b_ho from the hidden side
    const steps = layoutOf('random/010-lstm-rounded.json');
    expect(names(steps[0]!.rows).slice(0, 3)).toEqual([
      ['mv:W_ii', 'mv:W_hi', 'b_hi', 'pre:i', 'i'],
      ['mv:W_if', 'b_if', 'mv:W_hf', 'b_hf', 'pre:f', 'f'],
      ['mv:W_ig', 'mv:W_hg', 'b_hg', 'pre:g', 'g'],
    ]);
  });
});
