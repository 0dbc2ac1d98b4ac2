import { describe, expect, it } from 'vitest';
import { computeTrace, traceJson } from '../../src/core/engine/trace';
import { builtInFile } from '../../src/store/sheet';
import { BUILT_IN_WORKSHEETS } from '../../src/worksheets';
import { mustLoad } from '../helpers/load';
import { referenceCase } from '../helpers/reference';

describe('the built-in worksheets', () => {
  it.each(BUILT_IN_WORKSHEETS.map((w) => [w.id, w] as const))('%s is a valid worksheet file with a title', (_id, w) => {
    expect(mustLoad(w.file).title.length).toBeGreaterThan(0);
  });

  const SLIDES = ['rnn-by-hand', 'lstm-2-decimals', 'lstm-1-decimal-rounded', 'elman-ciao'];
  const withReference = BUILT_IN_WORKSHEETS.filter((w) => SLIDES.includes(w.id));
  it.each(withReference.map((w) => [w.id, w] as const))('%s gives the reference trace of its slides', (id, w) => {
    const c = referenceCase(`seeds/${id}.json`);
    const model = mustLoad(w.file);
    const { forward, backward } = computeTrace(model);
    expect(traceJson(model, forward, backward)).toMatchTrace(c.expected, c.rounded);
  });

  const traceOf = (id: string) => {
    const model = mustLoad(builtInFile(BUILT_IN_WORKSHEETS.find((w) => w.id === id)!));
    const { forward, backward } = computeTrace(model);
    return traceJson(model, forward, backward);
  };

  it('sentiment: "very good movie" is positive, worked by hand at 2 decimals', () => {
    // words one-hot in (good, bad, not, very, movie); h_t = tanh(W_i x_t + W_h h_{t−1})
    // t = 1, "very": W_i x = [0, 0], h₀ = 0 → h₁ = [0, 0]
    // t = 2, "good": W_i x = [1, 0] → h₂ = [tanh 1, 0] = [0.76, 0]
    // t = 3, "movie": W_h h₂ = [0.76 − 2·0, 0] → h₃ = [tanh 0.76, 0] = [0.64, 0]
    // y = σ(W_o h₃) = σ(2 · 0.64) = σ(1.28) = 0.78 > 0.5: positive, as its label 1 says
    const out = traceOf('sentiment-many-to-one');
    expect(out.steps.map((s) => s.h)).toEqual([
      [0, 0],
      [0.76, 0],
      [0.64, 0],
    ]);
    expect(out.steps[2]?.y).toEqual([0.78]);
  });

  it('GRU by hand: step 1 on A, worked by hand at 2 decimals', () => {
    // x₁ = A = [1, 0], h₀ = 0: r = σ(W_ir x) = σ([1, 0]) = [0.73, 0.50]; z = σ(W_iz x) = σ([−1, 1]) = [0.27, 0.73]
    // n = tanh(W_in x + r ⊙ (W_hn h₀)) = tanh([2, 0]) = [0.96, 0]
    // h₁ = (1 − z) ⊙ n + z ⊙ h₀ = [0.73 · 0.96, 0.27 · 0] = [0.7008, 0] → [0.70, 0];  y₁ = h₁[1] − h₁[2] = 0.70
    const out = traceOf('gru-by-hand');
    expect(out.steps[0]).toMatchObject({
      gates: { r: [0.73, 0.5], z: [0.27, 0.73], n: [0.96, 0] },
      h: [0.7, 0],
      y: [0.7],
    });
  });

  it('GRU by hand: a squared-error loss against 1 at every step, and its gradient on W_hy, by hand', () => {
    // y = 0.70, 1.30, 1.40 (steps above); L = Σ (y_t − 1)² = 0.09 + 0.09 + 0.16 = 0.34
    // ∂L/∂y_t = 2 (y_t − 1) = −0.6, 0.6, 0.8; ∂L/∂W_hy = Σ_t ∂L/∂y_t h_tᵀ with h = [0.70, 0], [0.65, −0.65], [0.85, −0.55]:
    // [−0.42 + 0.39 + 0.68, 0 − 0.39 − 0.44] = [0.65, −0.83]
    const out = traceOf('gru-by-hand');
    expect(out.loss).toBe(0.34);
    expect(out.grads?.W_hy).toEqual([[0.65, -0.83]]);
  });

  describe('the kinds of RNN, each worked by hand (ReLU or identity, whole numbers)', () => {
    const hy = (id: string) => traceOf(id).steps.map((s) => [s.h, s.y]);
    it('one to one: h = ReLU([3, −3]) = [3, 0], y = 3 + 0 = 3', () => {
      expect(hy('kinds-one-to-one')).toEqual([[[3, 0], [3]]]);
    });
    it('one to many: x = 1, 0, 0; h = [1, 2], [1 + 2, 2], [3 + 2, 2]; y = h[1] − h[2] = −1, 1, 3', () => {
      expect(hy('kinds-one-to-many')).toEqual([
        [[1, 2], [-1]],
        [[3, 2], [1]],
        [[5, 2], [3]],
      ]);
    });
    it('many to one: h₃ = [3 + 3, 3 − 2 + 3] = [6, 4], y₃ = 2, and the loss looks at y₃ only: (2 − 1)² = 1', () => {
      const out = traceOf('kinds-many-to-one');
      expect(out.steps[2]).toMatchObject({ h: [6, 4], y: [2] });
      expect(out.loss).toBe(1);
    });
    it('many to many: y_t is x_{t−1}: 0, 2, 5, so the loss against 0, 2, 5 is 0', () => {
      const out = traceOf('kinds-many-to-many');
      expect(out.steps.map((s) => s.y)).toEqual([[0], [2], [5]]);
      expect(out.loss).toBe(0);
    });
    it('encoder–decoder: the encoder reads 2, 3 into [5, 2]; the decoder starts there and writes 3, 1', () => {
      expect(traceOf('kinds-encoder').steps[1]?.h).toEqual([5, 2]);
      // h₁ = [5 − 2, 2] = [3, 2];  h₂ = [3 − 2, 2] = [1, 2];  y = h[1]
      expect(hy('kinds-decoder')).toEqual([
        [[3, 2], [3]],
        [[1, 2], [1]],
      ]);
    });
  });
});
