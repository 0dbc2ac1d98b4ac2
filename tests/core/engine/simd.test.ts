import { describe, expect, it } from 'vitest';
import {
  addMatMulTBlocked4x2,
  addMatMulTFast,
  addMatTVecBlocked8,
  matVecBlocked8,
  recurrentProducts,
  type Matrix,
} from '../../../src/core/engine/linalg';
import { KERNELS_WASM } from '../../../src/core/engine/kernelsWasm';
import { addMatMulTSimd, residentMatrix } from '../../../src/core/engine/simd';
import { compiledKernels } from '../../../scripts/buildKernels';
import { generator, productOperands, randomVector } from '../../helpers/seededRandom';

// on both sides of the kernel's tile (2 rows by 8 columns), of the JS kernel's (4 by 2), and of 64;
// with rows fewer than columns too, where the kernel works out Gᵀ instead
const SIZES = [1, 2, 3, 7, 8, 9, 16, 63, 64, 65];
const SHAPES = SIZES.flatMap((r) => [1, 2, 7, 8, 9, 65, 256].map((c) => [r, c] as const));

describe('G += A Bᵀ in WebAssembly SIMD', () => {
  it('runs here (Node 20 and Chromium have WebAssembly SIMD): the fast path is the one measured', () => {
    const n = 256;
    const G: Matrix = { rows: 2, cols: 8, data: new Float64Array(16) };
    // row k of A is k + 1 at every step, row j of B is j: G[k][j] = Σ_t (k + 1)·j = 256 (k + 1) j
    const A = Float64Array.from({ length: 2 * n }, (_v, m) => Math.floor(m / n) + 1);
    const B = Float64Array.from({ length: 8 * n }, (_v, m) => Math.floor(m / n));
    expect(addMatMulTSimd(G, A, B, n)).toEqual({ rows: 2, cols: 8 });
    expect(Array.from(G.data.subarray(0, 8))).toEqual([0, 256, 512, 768, 1024, 1280, 1536, 1792]);
    expect(Array.from(G.data.subarray(8))).toEqual([0, 512, 1024, 1536, 2048, 2560, 3072, 3584]);
  });

  it("leaves a by-hand sheet's small products to the JavaScript kernel", () => {
    const G: Matrix = { rows: 2, cols: 8, data: new Float64Array(16) };
    expect(addMatMulTSimd(G, new Float64Array(4), new Float64Array(16), 2)).toBeNull();
  });

  it.each(SHAPES.flatMap(([r, c]) => [1, 5, 64].map((n) => [r, c, n] as const)))(
    'gives the very bits of addMatMulTBlocked4x2 for G %i×%i += A Bᵀ over n = %i, adding to what is there',
    (rows, cols, n) => {
      const { A, B, start } = productOperands(rows, cols, n);
      const fast = addMatMulTFast({ rows, cols, data: Float64Array.from(start) }, A, B, n);
      const js = addMatMulTBlocked4x2({ rows, cols, data: Float64Array.from(start) }, A, B, n);
      expect(Array.from(fast.data)).toEqual(Array.from(js.data));
    },
  );

  it('is the compiled form of kernels.wat (npm run build:kernels after editing it)', async () => {
    expect(await compiledKernels()).toBe(KERNELS_WASM);
  });
});

function randomMatrix(rows: number, cols: number, seed: number): Matrix {
  return { rows, cols, data: randomVector(rows * cols, generator(seed)) };
}

describe('W h and Wᵀ δ with W kept in WebAssembly memory', () => {
  it('computes W v and adds Wᵀ u: for W = [k + j] (16×256), (W v)[k] = Σ_j (k + j) = 256 k + 32640 with v = 1', () => {
    const W: Matrix = {
      rows: 16,
      cols: 256,
      data: Float64Array.from({ length: 16 * 256 }, (_v, m) => Math.floor(m / 256) + (m % 256)),
    };
    const fast = residentMatrix(W);
    expect(fast).not.toBeNull();
    const out = new Float64Array(16);
    expect(fast!.matVec(new Float64Array(256).fill(1), out)).toBe(true);
    expect(Array.from(out)).toEqual(Array.from({ length: 16 }, (_v, k) => 256 * k + 32640));
    // (Wᵀ 1)[j] = Σ_k (k + j) = 120 + 16 j, added to the 1 already there
    const back = new Float64Array(256).fill(1);
    expect(fast!.addMatTVec(new Float64Array(16).fill(1), back)).toBe(true);
    expect(Array.from(back.subarray(0, 4))).toEqual([121, 137, 153, 169]);
  });

  it("leaves small and odd shapes to JavaScript: a by-hand sheet's W, 63 or 65 rows, an odd number of columns", () => {
    expect(residentMatrix(randomMatrix(16, 16, 1))).toBeNull();
    expect(residentMatrix(randomMatrix(63, 64, 1))).toBeNull();
    expect(residentMatrix(randomMatrix(65, 64, 1))).toBeNull();
    expect(residentMatrix(randomMatrix(64, 63, 1))).toBeNull();
  });

  it.each([
    [16, 256],
    [64, 64],
    [256, 256],
    [32, 128],
    [1, 1],
    [3, 5],
    [63, 63],
    [65, 65],
  ] as const)('gives the very bits of matVecBlocked8 and addMatTVecBlocked8 for W %i×%i', (rows, cols) => {
    const W = randomMatrix(rows, cols, rows * 1000 + cols);
    const rand = generator(rows + cols);
    const v = randomVector(cols, rand);
    const u = randomVector(rows, rand);
    const start = randomVector(cols, rand);
    const products = recurrentProducts(W);
    expect(Array.from(products.matVec(v, new Float64Array(rows)))).toEqual(
      Array.from(matVecBlocked8(W, v, new Float64Array(rows))),
    );
    expect(Array.from(products.addMatTVec(u, Float64Array.from(start)))).toEqual(
      Array.from(addMatTVecBlocked8(W, u, Float64Array.from(start))),
    );
  });

  it('stays right when later runs have pushed its matrix out of the kept memory (copied in again)', () => {
    const first = randomMatrix(256, 256, 7);
    const products = recurrentProducts(first);
    const v = randomVector(256, generator(8));
    const expected = Array.from(matVecBlocked8(first, v, new Float64Array(256)));
    expect(Array.from(products.matVec(v, new Float64Array(256)))).toEqual(expected);
    // 40 more 256×256 matrices (20 MB) pass the 16 MB kept at once
    for (let m = 0; m < 40; m++) recurrentProducts(randomMatrix(256, 256, 100 + m)).matVec(v, new Float64Array(256));
    expect(Array.from(products.matVec(v, new Float64Array(256)))).toEqual(expected);
  });
});
