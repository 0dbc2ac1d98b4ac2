import { describe, expect, it } from 'vitest';
import {
  addMatMulT,
  addMatMulTBlocked4x2,
  addMatTVec,
  addMatTVecBlocked4,
  addMatTVecBlocked8,
  blockRows,
  matVec,
  matVecBlocked4,
  matVecBlocked8,
  stepsAsBlock,
  VectorArena,
  type Matrix,
} from '../../../src/core/engine/linalg';
import { generator, productOperands, randomVector } from '../../helpers/seededRandom';

// sizes on both sides of every block width (2, 4, 8), and of 64
const SIZES = [1, 2, 3, 4, 5, 7, 8, 9, 12, 63, 64, 65];
const SHAPES = SIZES.flatMap((r) => [1, 3, 5, 64, 65].map((c) => [r, c] as const));

function randomMatrix(rows: number, cols: number, rand: () => number): Matrix {
  return { rows, cols, data: randomVector(rows * cols, rand) };
}

/** Every entry of `actual` within 1e-12 of `expected`, relative to the largest entry of `expected`. */
function expectClose(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  const scale = Math.max(1, ...expected.map(Math.abs));
  let worst = 0;
  actual.forEach((v, k) => (worst = Math.max(worst, Math.abs(v - (expected[k] as number)))));
  expect(worst / scale).toBeLessThan(1e-12);
}

describe('the blocked kernels give what the plain ones give, on every shape', () => {
  it.each(
    SHAPES.flatMap(([r, c]) => [
      ['matVecBlocked4', r, c, matVecBlocked4] as const,
      ['matVecBlocked8', r, c, matVecBlocked8] as const,
    ]),
  )('%s equals matVec for a %i×%i matrix', (_name, rows, cols, blockedMatVec) => {
    const rand = generator(rows * 1000 + cols);
    const W = randomMatrix(rows, cols, rand);
    const v = randomVector(cols, rand);
    // the output is overwritten: start it with garbage to show nothing of it is kept
    const blocked = blockedMatVec(W, v, randomVector(rows, rand));
    expectClose(blocked, matVec(W, v, new Float64Array(rows)));
  });

  it.each(
    SHAPES.flatMap(([r, c]) => [
      ['addMatTVecBlocked4', r, c, addMatTVecBlocked4] as const,
      ['addMatTVecBlocked8', r, c, addMatTVecBlocked8] as const,
    ]),
  )('%s equals addMatTVec for a %i×%i matrix, adding to what is there', (_name, rows, cols, blockedMatTVec) => {
    const rand = generator(rows * 1000 + cols + 7);
    const W = randomMatrix(rows, cols, rand);
    const u = randomVector(rows, rand);
    const start = randomVector(cols, rand);
    const blocked = blockedMatTVec(W, u, Float64Array.from(start));
    expectClose(blocked, addMatTVec(W, u, Float64Array.from(start)));
  });

  it.each(SHAPES.flatMap(([r, c]) => [1, 2, 5, 64, 65].map((n) => [r, c, n] as const)))(
    'addMatMulTBlocked4x2 equals addMatMulT for G %i×%i += A Bᵀ over n = %i, adding to what is there',
    (rows, cols, n) => {
      const { A, B, start } = productOperands(rows, cols, n);
      const blocked = addMatMulTBlocked4x2({ rows, cols, data: Float64Array.from(start) }, A, B, n);
      expectClose(blocked.data, addMatMulT({ rows, cols, data: Float64Array.from(start) }, A, B, n).data);
    },
  );
});

describe('the plain kernels compute what their equations say', () => {
  it('matVec of a 2×3 matrix', () => {
    const W = { rows: 2, cols: 3, data: Float64Array.from([1, 2, 3, 4, 5, 6]) };
    expect(Array.from(matVec(W, Float64Array.from([1, 0, -1]), new Float64Array(2)))).toEqual([-2, -2]);
  });

  it('addMatTVec of a 2×3 matrix adds Wᵀu to the output', () => {
    const W = { rows: 2, cols: 3, data: Float64Array.from([1, 2, 3, 4, 5, 6]) };
    const out = addMatTVec(W, Float64Array.from([1, -1]), Float64Array.from([10, 10, 10]));
    expect(Array.from(out)).toEqual([7, 7, 7]);
  });

  it('addMatMulT of the steps as rows is the sum of the outer products u_t v_tᵀ', () => {
    // u_1 = (1, 2), u_2 = (3, 4); v_1 = (5), v_2 = (6): Σ u_t v_tᵀ = (1·5 + 3·6, 2·5 + 4·6)
    const G = addMatMulT(
      { rows: 2, cols: 1, data: new Float64Array(2) },
      Float64Array.from([1, 3, 2, 4]),
      Float64Array.from([5, 6]),
      2,
    );
    expect(Array.from(G.data)).toEqual([23, 34]);
  });
});

describe('step vectors as one block', () => {
  it('stepsAsBlock lays the steps end to end and blockRows gives them back as views', () => {
    const steps = [Float64Array.from([1, 2]), Float64Array.from([3, 4]), Float64Array.from([5, 6])];
    const block = stepsAsBlock(steps, 2);
    expect(Array.from(block)).toEqual([1, 2, 3, 4, 5, 6]);
    const rows = blockRows(block, 3, 2);
    expect(rows.map((r) => Array.from(r))).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    rows[1]![0] = 9;
    expect(block[2]).toBe(9);
  });
});

describe('VectorArena', () => {
  it('gives zeroed vectors of the asked length that share no element, across blocks', () => {
    const arena = new VectorArena();
    const lengths = [3, 1000, 40, 5000, 1, 64, 3000];
    const vs = lengths.map((n) => arena.take(n));
    vs.forEach((v, k) => {
      expect(v.length).toBe(lengths[k]);
      expect(v.every((x) => x === 0)).toBe(true);
    });
    // writing each vector's index into it leaves every other vector's own index in place
    vs.forEach((v, k) => v.fill(k + 1));
    vs.forEach((v, k) => expect(v.every((x) => x === k + 1)).toBe(true));
  });
});
