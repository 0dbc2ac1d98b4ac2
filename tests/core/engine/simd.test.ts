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
