// G += A Bᵀ in WebAssembly's two-lane SIMD (kernels.wat), for the sums over steps of outer
// products (and W x for every step) that were half of the engine's time at H = 256. JavaScript
// has no SIMD; the kernel works out two entries of G an instruction, a tile of 2 rows by 8 columns
// at a time, and sums each entry over n in order, as addMatMulTBlocked4x2 does: the two agree bit
// for bit. Where WebAssembly or its SIMD is missing, the caller falls back to the JavaScript kernel.
import { KERNELS_WASM } from './kernelsWasm';
import type { Matrix } from './linalg';

type Kernel = (g: number, a: number, bt: number, rows: number, cols: number, stride: number, n: number) => void;

interface Loaded {
  readonly memory: WebAssembly.Memory;
  readonly addMatMulT: Kernel;
}

let loaded: Loaded | null | undefined;

/** The kernel, compiled on first use (687 bytes: quick enough to do synchronously); null where it cannot run. */
function kernels(): Loaded | null {
  if (loaded !== undefined) return loaded;
  try {
    const bytes = Uint8Array.from(atob(KERNELS_WASM), (c) => c.charCodeAt(0));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
    loaded = {
      memory: instance.exports.memory as WebAssembly.Memory,
      addMatMulT: instance.exports.addMatMulT as Kernel,
    };
  } catch {
    loaded = null;
  }
  return loaded;
}

/** Fewer products than this (a by-hand sheet's) are left to the JavaScript kernel. */
const SMALLEST = 4096;

/** The kernel's block: rows two at a time, columns eight. */
const ROWS = 2;
const COLS = 8;

// G += A Bᵀ, i.e. G[k][j] += Σ_t A[k][t] B[j][t], the whole 2×8 tiles of G in WebAssembly
/**
 * The kernel reads its second operand transposed. Transposing B costs C·n copies; working out
 * Gᵀ += B Aᵀ instead costs R·n for A and 2·R·C for G in and out: whichever is less is done (each
 * entry is the same sum in the same order either way).
 * @param G  [R×C], accumulated into  @param A  [R×n] row-major  @param B  [C×n] row-major
 * @returns the rows and columns of G done, or null where there is no SIMD or too few products to be worth it; the caller adds the
 *   entries outside them
 */
export function addMatMulTSimd(
  G: Matrix,
  A: Float64Array,
  B: Float64Array,
  n: number,
): { rows: number; cols: number } | null {
  const { rows, cols } = G;
  // a by-hand sheet's products are done in JavaScript before the kernel is even compiled: copying
  // in and out would cost more than the products
  if (rows * cols * n < SMALLEST) return null;
  const k = kernels();
  if (!k) return null;
  // (and only where the kernel's tiles cover as much of Gᵀ as of G)
  const tiled = (r: number, c: number) => (r - (r % ROWS)) * (c - (c % COLS));
  const swap = tiled(cols, rows) >= tiled(rows, cols) && rows * n + 2 * rows * cols < cols * n;
  // the kernel's view: G' [R'×C'] += A' B'ᵀ
  const [R, C, first, second] = swap ? [cols, rows, B, A] : [rows, cols, A, B];
  const blockRows = R - (R % ROWS);
  const blockCols = C - (C % COLS);
  const done = swap ? { rows: blockCols, cols: blockRows } : { rows: blockRows, cols: blockCols };
  if (blockRows === 0 || blockCols === 0) return done;
  // G', then A', then B' transposed (so that a step's entries for eight columns lie side by side)
  const g = 0;
  const a = R * C;
  const bt = a + R * n;
  const bytes = (bt + n * C) * 8;
  if (k.memory.buffer.byteLength < bytes) k.memory.grow(Math.ceil((bytes - k.memory.buffer.byteLength) / 65536));
  const heap = new Float64Array(k.memory.buffer);
  if (swap) transposeInto(heap, g, G.data, rows, cols);
  else heap.set(G.data, g);
  heap.set(first.subarray(0, R * n), a);
  transposeInto(heap, bt, second, C, n);
  k.addMatMulT(g * 8, a * 8, bt * 8, blockRows, blockCols, C, n);
  if (swap) transposeInto(G.data, 0, heap.subarray(g, g + R * C), R, C);
  else G.data.set(heap.subarray(g, g + R * C));
  return done;
}

/** The [rows×cols] row-major matrix m, transposed into out from `at` on ([cols×rows]). */
function transposeInto(out: Float64Array, at: number, m: Float64Array, rows: number, cols: number): void {
  for (let i = 0; i < rows; i++) {
    const from = i * cols;
    for (let j = 0; j < cols; j++) out[at + j * rows + i] = m[from + j] as number;
  }
}
