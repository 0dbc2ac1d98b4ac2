import { describe, expect, it } from 'vitest';
import type { ParamGrads } from '../../../src/core/engine/cell';
import { runForward } from '../../../src/core/engine/engine';
import { matrixFromRows, matrixToRows, type Matrix } from '../../../src/core/engine/linalg';
import {
  argmax,
  classification,
  lossAndGrads,
  paramsAsFile,
  randomParams,
  trainableParams,
  trainStep,
  trainSteps,
  updatedParams,
  withParams,
} from '../../../src/core/train/train';
import elmanCiao from '../../../src/worksheets/elman-ciao.json';
import lstm1Rounded from '../../../src/worksheets/lstm-1-decimal-rounded.json';
import lstm2 from '../../../src/worksheets/lstm-2-decimals.json';
import { BUILT_IN_WORKSHEETS } from '../../../src/worksheets';
import { builtInFile } from '../../../src/store/sheet';
import { mustLoad } from '../../helpers/load';

const ciao = mustLoad(elmanCiao);
const lstm = mustLoad(lstm2);

describe('updatedParams', () => {
  it('is W − η · grad, entry by entry, for a matrix and a bias', () => {
    const params = new Map<string, Matrix | Float64Array>([
      [
        'W_hh',
        matrixFromRows([
          [1, 2],
          [3, 4],
        ]),
      ],
      ['b_hh', Float64Array.from([0.5, -0.5])],
    ]);
    const grads: ParamGrads = new Map<string, Matrix | Float64Array>([
      [
        'W_hh',
        matrixFromRows([
          [2, 0],
          [-2, 4],
        ]),
      ],
      ['b_hh', Float64Array.from([1, -1])],
    ]);
    const next = updatedParams(params, grads, 0.5);
    // [[1 − 0.5·2, 2 − 0], [3 + 0.5·2, 4 − 0.5·4]] and [0.5 − 0.5, −0.5 + 0.5]
    expect(matrixToRows(next.get('W_hh') as Matrix)).toEqual([
      [0, 2],
      [4, 2],
    ]);
    expect(Array.from(next.get('b_hh') as Float64Array)).toEqual([0, 0]);
    // the inputs are left as they were
    expect(matrixToRows(params.get('W_hh') as Matrix)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('on "ciao" at η = 0.001 is the hand-computed step', () => {
    // x = 1, −2, 9, 5; h = 1, −7, 44, −215; y = W_y h₄ = 215; ∂L/∂y = 2y = 430.
    // ∂L/∂h₄ = W_y · 430 = −430, then ×W_h = −5 a step: ∂L/∂h₃ = 2150, ∂L/∂h₂ = −10750, ∂L/∂h₁ = 53750.
    // ∂L/∂W_h = Σ ∂L/∂h_t h_{t−1} = 53750·0 − 10750·1 + 2150·(−7) − 430·44 = −44720
    // ∂L/∂W_x = Σ ∂L/∂h_t x_t = 53750 + 21500 + 19350 − 2150 = 92450
    // ∂L/∂W_y = 430 · (−215) = −92450
    const step = trainStep(ciao, 0.001);
    expect(step?.loss).toBe(46225);
    const file = paramsAsFile(step!.params);
    expect((file.W_hh as number[][])[0]![0]).toBeCloseTo(-5 + 44.72, 10);
    expect((file.W_ih as number[][])[0]![0]).toBeCloseTo(1 - 92.45, 10);
    expect((file.W_hy as number[][])[0]![0]).toBeCloseTo(-1 + 92.45, 10);
    expect(Object.keys(file).sort()).toEqual(['W_hh', 'W_hy', 'W_ih']);
  });
});

describe('trainSteps', () => {
  const start = () => withParams(lstm, randomParams(lstm, '1'));

  it('starts from small seeded random weights: the same for a seed, others for another', () => {
    const a = paramsAsFile(randomParams(lstm, '1'));
    expect(paramsAsFile(randomParams(lstm, '1'))).toEqual(a);
    expect(paramsAsFile(randomParams(lstm, '2'))).not.toEqual(a);
    const all = Object.values(a).flat(2);
    expect(all).toHaveLength(8 * 4);
    for (const w of all) expect(Math.abs(w)).toBeLessThanOrEqual(0.5);
  });

  it('is deterministic on a fixed seed and lowers the loss', () => {
    const one = trainSteps(start(), 0.1, 200);
    const two = trainSteps(start(), 0.1, 200);
    expect(two.losses).toEqual(one.losses);
    expect(paramsAsFile(two.params)).toEqual(paramsAsFile(one.params));
    expect(one.losses).toHaveLength(201);
    expect(one.losses[200]!).toBeLessThan(one.losses[0]!);
    // the last loss is the one of the parameters handed back
    expect(lossAndGrads(withParams(lstm, one.params))?.loss).toBe(one.losses[200]);
  });

  it('cut into slices gives the same run as in one go', () => {
    const whole = trainSteps(start(), 0.1, 30);
    let run = trainSteps(start(), 0.1, 10);
    run = trainSteps(start(), 0.1, 20, run);
    expect(run.losses).toEqual(whole.losses);
  });

  it('takes the LSTM from random weights to the slides’ A, A, B classification', () => {
    // "have we seen more than one A so far?": no, yes, yes; targets [1, 0], [0, 1], [0, 1] (SPEC §2)
    const expected = [0, 1, 1];
    const argmaxes = (m: typeof lstm) => runForward(m).readouts.map((r) => argmax(r!.y));
    expect(argmaxes(start())).not.toEqual(expected);
    const trained = withParams(lstm, trainSteps(start(), 0.1, 2000).params);
    expect(argmaxes(trained)).toEqual(expected);
    expect(classification(trained)?.right.map((r) => r.right)).toEqual([true, true, true]);
  });

  it('trains only what the worksheet gives: the LSTM’s eight matrices, no biases, no readout', () => {
    expect([...trainableParams(lstm).keys()].sort()).toEqual(
      ['W_hf', 'W_hg', 'W_hi', 'W_ho', 'W_if', 'W_ig', 'W_ii', 'W_io'].sort(),
    );
  });
});

describe('on every built-in worksheet with a loss', () => {
  const sheets = BUILT_IN_WORKSHEETS.map((w) => ({ id: w.id, model: mustLoad(builtInFile(w)) })).filter(
    (s) => s.model.loss !== null && s.model.carry === 'exact',
  );

  it.each(sheets)('$id: a small enough step lowers the loss, unless it is 0 already', ({ model }) => {
    // L(W − η g) = L(W) − η ‖g‖² + O(η²): for η small, lower wherever g ≠ 0
    const run = trainSteps(model, 1e-6, 1);
    if (run.losses[0] === 0) expect(run.losses[1]).toBe(0);
    else expect(run.losses[1]!).toBeLessThan(run.losses[0]!);
  });

  it('with rounded carry, the update uses the gradients as the sheet writes them (1 decimal)', () => {
    const rounded = mustLoad(lstm1Rounded);
    const step = trainStep(rounded, 0.1)!;
    for (const g of step.grads.values()) {
      const data = g instanceof Float64Array ? g : g.data;
      for (const x of data) expect(Math.abs(x * 10 - Math.round(x * 10))).toBeLessThan(1e-9);
    }
  });
});

describe('classification', () => {
  it('is no question on a single squared-error output', () => {
    expect(classification(ciao)).toBeNull();
  });
});
