import { describe, expect, it } from 'vitest';
import { computeTrace, traceJson } from '../../../src/core/engine/trace';
import { mustLoad } from '../../helpers/load';
import { referenceCase } from '../../helpers/reference';

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

  it('a one-unit LSTM at 1 decimal, worked by hand', () => {
    // All weights that meet x₁ = 1 are 0 and h₀ = 0, so every pre-activation is 0:
    // i = f = o = σ(0) = 0.5, g = tanh(0) = 0.  c₁ = f c₀ + i g = 0.5 · 1 + 0 = 0.5
    // tanh(c₁) = tanh(0.5) = 0.46211… (not rounded);  h₁ = o tanh(c₁) = 0.23106 → 0.2 = y₁
    // L = (0.2 − 1)² = 0.64 → 0.6;  ∂L/∂h₁ = ∂L/∂y₁ = 2 (0.2 − 1) = −1.6
    // ∂L/∂o = −1.6 · 0.46211 = −0.7394 → −0.7;  ∂L/∂c₁ = −1.6 · 0.5 · (1 − 0.46211²) = −0.6292 → −0.6
    // ∂L/∂i = −0.6 · g = 0;  ∂L/∂f = −0.6 · c₀ = −0.6;  ∂L/∂g = −0.6 · i = −0.3
    // through σ and tanh: ∂L/∂a_i = 0;  ∂L/∂a_f = −0.6 · 0.25 = −0.15 → −0.2;
    //   ∂L/∂a_g = −0.3 · (1 − 0²) = −0.3;  ∂L/∂a_o = −0.7 · 0.25 = −0.175 → −0.2
    // ∂L/∂W_i· = ∂L/∂a · x₁ (x₁ = 1); ∂L/∂W_h· = ∂L/∂a · h₀ = 0; both biases = ∂L/∂a
    // ∂L/∂h₀ = Σ W_h· ∂L/∂a = 1 · (0 − 0.2 − 0.3 − 0.2) = −0.7;  ∂L/∂c₀ = ∂L/∂c₁ · f = −0.6 · 0.5 = −0.3
    const model = mustLoad({
      format: 'rnn-by-hand/worksheet',
      version: 1,
      cell: 'lstm',
      params: {
        W_ii: [[0]],
        W_if: [[0]],
        W_ig: [[0]],
        W_io: [[0]],
        W_hi: [[1]],
        W_hf: [[1]],
        W_hg: [[1]],
        W_ho: [[1]],
      },
      readout: {},
      inputs: [[1]],
      h0: [0],
      c0: [1],
      targets: [[1]],
      loss: { kind: 'squared_error' },
      precision: { decimals: 1, carry: 'rounded' },
    });
    const { forward, backward } = computeTrace(model);
    const out = traceJson(model, forward, backward);
    expect(out.steps[0]).toMatchObject({
      c: [0.5],
      h: [0.2],
      y: [0.2],
      gates: { i: [0.5], f: [0.5], g: [0], o: [0.5] },
    });
    expect(out.loss).toBe(0.6);
    const s = backward!.steps[0]!;
    expect([s.dh[0], s.dGate.o![0], s.dc![0], s.dGate.i![0], s.dGate.f![0], s.dGate.g![0]]).toEqual([
      -1.6, -0.7, -0.6, 0, -0.6, -0.3,
    ]);
    expect(out.grads).toEqual({
      W_ii: [[0]],
      W_if: [[-0.2]],
      W_ig: [[-0.3]],
      W_io: [[-0.2]],
      W_hi: [[0]],
      W_hf: [[0]],
      W_hg: [[0]],
      W_ho: [[0]],
      b_ii: [0],
      b_if: [-0.2],
      b_ig: [-0.3],
      b_io: [-0.2],
      b_hi: [0],
      b_hf: [-0.2],
      b_hg: [-0.3],
      b_ho: [-0.2],
      h0: [-0.7],
      c0: [-0.3],
    });
  });

  it('a one-unit GRU at 1 decimal, worked by hand (the gradient of W_hn h + b_hn is written, so rounded)', () => {
    // x₁ = 1, h₀ = 1; r and z have zero weights: r = z = σ(0) = 0.5
    // hn = W_hn h₀ = 2;  a_n = W_in x₁ + r hn = −1 + 0.5 · 2 = 0;  n = tanh(0) = 0
    // h₁ = (1 − z) n + z h₀ = 0 + 0.5 = 0.5 = y₁;  L = 0.5² = 0.25 → 0.3 (a tie, away from zero)
    // ∂L/∂h₁ = 2 · 0.5 = 1;  ∂L/∂n = 1 · (1 − z) = 0.5;  ∂L/∂z = 1 · (h₀ − n) = 1
    // ∂L/∂a_n = 0.5 · (1 − 0²) = 0.5;  ∂L/∂r = 0.5 · hn = 1;  ∂L/∂hn = 0.5 · r = 0.25 → 0.3
    // ∂L/∂a_r = 1 · 0.25 = 0.25 → 0.3;  ∂L/∂a_z = 1 · 0.25 → 0.3
    // ∂L/∂h₀ = ∂L/∂h₁ · z + W_hn ∂L/∂hn + W_hr ∂L/∂a_r + W_hz ∂L/∂a_z = 0.5 + 2 · 0.3 + 0 + 0 = 1.1
    // ∂L/∂W_in = 0.5 · x₁ = 0.5;  ∂L/∂W_hn = 0.3 · h₀ = 0.3;  ∂L/∂W_ir = ∂L/∂W_hr = 0.3, and the same for z
    const model = mustLoad({
      format: 'rnn-by-hand/worksheet',
      version: 1,
      cell: 'gru',
      params: { W_ir: [[0]], W_iz: [[0]], W_in: [[-1]], W_hr: [[0]], W_hz: [[0]], W_hn: [[2]] },
      readout: {},
      inputs: [[1]],
      h0: [1],
      targets: [[0]],
      loss: { kind: 'squared_error' },
      precision: { decimals: 1, carry: 'rounded' },
    });
    const { forward, backward } = computeTrace(model);
    const out = traceJson(model, forward, backward);
    expect(out.steps[0]).toMatchObject({ h: [0.5], y: [0.5], gates: { r: [0.5], z: [0.5], n: [0] } });
    expect(out.loss).toBe(0.3);
    expect(out.grads).toEqual({
      W_ir: [[0.3]],
      W_iz: [[0.3]],
      W_in: [[0.5]],
      W_hr: [[0.3]],
      W_hz: [[0.3]],
      W_hn: [[0.3]],
      b_ir: [0.3],
      b_iz: [0.3],
      b_in: [0.5],
      b_hr: [0.3],
      b_hz: [0.3],
      b_hn: [0.3],
      h0: [1.1],
    });
  });
});
