import { describe, expect, it } from 'vitest';
import { addMatMulTBlocked4x2, addMatMulTFast, type Matrix } from '../../../src/core/engine/linalg';
import { KERNELS_WASM } from '../../../src/core/engine/kernelsWasm';
import { addMatMulTSimd } from '../../../src/core/engine/simd';
import { compiledKernels } from '../../../scripts/buildKernels';
import { productOperands } from '../../helpers/seededRandom';

// on both sides of the kernel's tile (2 rows by 8 columns), of the JS kernel's (4 by 2), and of 64;
// with rows fewer than columns too, where the kernel works out Gᵀ instead
const SIZES = [1, 2, 3, 7, 8, 9, 16, 63, 64, 65];
const SHAPES = SIZES.flatMap((r) => [1, 2, 7, 8, 9, 65, 256].map((c) => [r, c] as const));

describe('G += A Bᵀ in WebAssembly SIMD', () => {
  it('runs here (Node 20 and Chromium have WebAssembly SIMD): the fast path is the one measured', () => {
    const G: Matrix = { rows: 2, cols: 8, data: new Float64Array(16) };
    const A = Float64Array.from([1, 2, 3, 4]);
    const B = Float64Array.from({ length: 16 }, (_v, k) => k);
    // G[k][j] = A[k][0] B[j][0] + A[k][1] B[j][1], worked by hand: row 0 is 1·2j + 2·(2j + 1) = 6j + 2
    expect(addMatMulTSimd(G, A, B, 2)).toEqual({ rows: 2, cols: 8 });
    expect(Array.from(G.data.subarray(0, 8))).toEqual([2, 8, 14, 20, 26, 32, 38, 44]);
    // row 1: 3·2j + 4·(2j + 1) = 14j + 4
    expect(Array.from(G.data.subarray(8))).toEqual([4, 18, 32, 46, 60, 74, 88, 102]);
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
