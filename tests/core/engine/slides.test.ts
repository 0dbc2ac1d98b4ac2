import { describe, expect, it } from 'vitest';
import { computeTrace, traceJson } from '../../../src/core/engine/trace';
import { mustLoad } from '../../helpers/load';
import { referenceCase } from '../../helpers/reference';

function trace(name: string) {
  const model = mustLoad(referenceCase(name).worksheet);
  const { forward, backward } = computeTrace(model);
  return traceJson(model, forward, backward);
}

describe("Tom Yeh's RNN by hand (SPEC §1)", () => {
  const out = trace('seeds/rnn-by-hand.json');
  it('h₂ is [1, 17]', () => expect(out.steps[1]?.h).toEqual([1, 17]));
  it('ReLU cuts A h₂ + B x₃ = [−11, 28] to h₃ = [0, 28]', () => expect(out.steps[2]?.h).toEqual([0, 28]));
  it('y is 3, 16, 28, 40', () => expect(out.steps.map((s) => s.y?.[0])).toEqual([3, 16, 28, 40]));
});

describe('the LSTM slides (SPEC §2)', () => {
  it('first pass, exact carry: c₁ = [0.75, 0.00], h₃ = [−0.72, 0.67] at 2 decimals', () => {
    const out = trace('seeds/lstm-2-decimals.json');
    expect(out.steps[0]?.c?.[0]).toBeCloseTo(0.75, 2);
    expect(out.steps[2]?.h?.[0]).toBeCloseTo(-0.72, 2);
    expect(out.steps[2]?.h?.[1]).toBeCloseTo(0.67, 2);
  });
  it('second pass, rounded carry: h₁ = [0.7, 0.0], c₂ = [−0.8, 1.0], h₃ = [−0.8, 0.7]', () => {
    const out = trace('seeds/lstm-1-decimal-rounded.json');
    expect(out.steps[0]?.h).toEqual([0.7, 0]);
    expect(out.steps[1]?.c).toEqual([-0.8, 1]);
    expect(out.steps[2]?.h).toEqual([-0.8, 0.7]);
  });
});

describe('the Elman RNN on "ciao" (SPEC §3)', () => {
  const out = trace('seeds/elman-ciao.json');
  it('h = 1, −7, 44, −215 and L = y² = 46225', () => {
    expect(out.steps.map((s) => s.h[0])).toEqual([1, -7, 44, -215]);
    expect(out.loss).toBe(46225);
  });
  it('∂L/∂h₀ = 2y · W_y · W_h⁴ = 2 · 215 · (−1) · 625 = −268750', () => {
    expect(out.grads?.h0).toEqual([2 * 215 * -1 * (-5) ** 4]);
  });
});
