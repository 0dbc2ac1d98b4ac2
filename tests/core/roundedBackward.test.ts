import { describe, expect, it } from 'vitest';
import { computeTrace, traceJson } from '../../src/core/trace';
import { mustLoad } from '../helpers/load';
import { referenceCase } from '../helpers/reference';

describe('the backward pass with rounded carry rounds every gradient it writes and carries it', () => {
  it('a one-unit linear RNN at 1 decimal, worked by hand', () => {
    // h₁ = W_x x₁ + W_h h₀ = 0.5 · 0.3 + (−0.5) · 1 = −0.35 → −0.4 (a tie, away from zero)
    // y₁ = 1 · (−0.4) = −0.4;  L = (−0.4 − 0)² = 0.16 → 0.2
    // ∂L/∂y₁ = 2 · (−0.4) = −0.8 = ∂L/∂h₁ (identity activation and W_y = 1)
    // ∂L/∂W_x = −0.8 · 0.3 = −0.24 → −0.2;  ∂L/∂W_h = −0.8 · h₀ = −0.8;  ∂L/∂b_ih = ∂L/∂b_hh = −0.8
    // ∂L/∂W_y = −0.8 · (−0.4) = 0.32 → 0.3;  ∂L/∂h₀ = W_h · (−0.8) = 0.4
    const model = mustLoad({
      format: 'rnn-by-hand/worksheet',
      version: 1,
      cell: 'rnn',
      activation: 'identity',
      params: { W_ih: [[0.5]], W_hh: [[-0.5]] },
      readout: { W_hy: [[1]] },
      inputs: [[0.3]],
      h0: [1],
      targets: [[0]],
      loss: { kind: 'squared_error' },
      precision: { decimals: 1, carry: 'rounded' },
    });
    const { forward, backward } = computeTrace(model);
    const out = traceJson(model, forward, backward);
    expect(out.steps[0]?.h).toEqual([-0.4]);
    expect(out.steps[0]?.y).toEqual([-0.4]);
    expect(out.loss).toBe(0.2);
    expect(out.grads).toEqual({ W_ih: [[-0.2]], W_hh: [[-0.8]], b_ih: [-0.8], b_hh: [-0.8], W_hy: [[0.3]], h0: [0.4] });
  });

  it('at 0 decimals the Elman "ciao" gradients are the same integers as exact: ∂L/∂h₀ = −268750', () => {
    const w = structuredClone(referenceCase('seeds/elman-ciao.json').worksheet);
    w.precision = { decimals: 0, carry: 'rounded' };
    const model = mustLoad(w);
    const { forward, backward } = computeTrace(model);
    expect(traceJson(model, forward, backward).grads?.h0).toEqual([-268750]);
  });
});
