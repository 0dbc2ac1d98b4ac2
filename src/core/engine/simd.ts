// The engine's WebAssembly SIMD kernels (kernels.wat): G += A Bᵀ, for the sums over steps of outer
// products (and W x for every step), and W h and Wᵀ δ for the recurrent matrices, which a run uses
// at every step and so keeps in the kernels' memory. JavaScript has no SIMD; the kernels work out
// two entries an instruction and sum each entry in the order the JavaScript kernels do, so the two
// agree bit for bit. Where WebAssembly or its SIMD is missing, the caller falls back to JavaScript.
import { KERNELS_WASM } from './kernelsWasm';
import type { Matrix, Vector } from './linalg';

type MatMulKernel = (g: number, a: number, bt: number, rows: number, cols: number, stride: number, n: number) => void;
type MatVecKernel = (w: number, v: number, out: number, rows: number, cols: number) => void;

interface Loaded {
  readonly memory: WebAssembly.Memory;
  readonly addMatMulT: MatMulKernel;
  readonly matVec: MatVecKernel;
  readonly addMatTVec: MatVecKernel;
}

let loaded: Loaded | null | undefined;

/** The kernels, compiled on first use (1.5 KB: quick enough to do synchronously); null where they cannot run. */
function kernels(): Loaded | null {
  if (loaded !== undefined) return loaded;
  try {
    const bytes = Uint8Array.from(atob(KERNELS_WASM), (c) => c.charCodeAt(0));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
    loaded = {
      memory: instance.exports.memory as WebAssembly.Memory,
      addMatMulT: instance.exports.addMatMulT as MatMulKernel,
      matVec: instance.exports.matVec as MatVecKernel,
      addMatTVec: instance.exports.addMatTVec as MatVecKernel,
    };
  } catch {
    loaded = null;
  }
  return loaded;
}

// The kernels' memory: matrices kept for a run from byte 0 up to `kept`, scratch above it. When the
// kept ones would pass KEPT_BYTES, all are dropped (a new generation) and copied in again as used:
// runs come and go with no word of their end, and this bounds the memory at what one run uses.
const KEPT_BYTES = 16 << 20;
let kept = 0;
let generation = 0;

/** Makes the memory hold `bytes`; false where it cannot grow (the caller falls back to JavaScript). */
function fits(k: Loaded, bytes: number): boolean {
  const have = k.memory.buffer.byteLength;
  if (have >= bytes) return true;
  try {
    k.memory.grow(Math.ceil((bytes - have) / 65536));
    return true;
  } catch {
    return false;
  }
}

/** Room for `bytes` kept from now on, 16-byte aligned; null where the memory cannot grow. */
function keep(k: Loaded, bytes: number): { at: number; generation: number } | null {
  if (kept + bytes > KEPT_BYTES) {
    kept = 0;
    generation++;
  }
  if (!fits(k, kept + bytes)) return null;
  const at = kept;
  kept += (bytes + 15) & ~15;
  return { at, generation };
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
  // in scratch: G', then A', then B' transposed (so that a step's entries for eight columns lie side by side)
  const g = 0;
  const a = R * C;
  const bt = a + R * n;
  if (!fits(k, kept + (bt + n * C) * 8)) return null;
  const heap = new Float64Array(k.memory.buffer, kept);
  if (swap) transposeInto(heap, g, G.data, rows, cols);
  else heap.set(G.data, g);
  heap.set(first.subarray(0, R * n), a);
  transposeInto(heap, bt, second, C, n);
  k.addMatMulT(kept + g * 8, kept + a * 8, kept + bt * 8, blockRows, blockCols, C, n);
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

/** W h and Wᵀ δ with W kept in the kernels' memory (as W for Wᵀ δ, as Wᵀ for W h), copied on first use. */
export interface ResidentMatrix {
  /** out = W v, the sums of matVecBlocked8  @param v [C]  @param out [R], overwritten  @returns false where the memory could not grow (out untouched) */
  matVec(v: Vector, out: Vector): boolean;
  /** out += Wᵀ u, the sums of addMatTVecBlocked8  @param u [R]  @param out [C], accumulated into  @returns as matVec */
  addMatTVec(u: Vector, out: Vector): boolean;
}

/** The matVec kernel's block of rows; addMatTVec's is 8 rows by 2 columns. */
const MATVEC_ROWS = 16;

/**
 * W, ready for the kernels; null for a by-hand sheet's small W (fewer than SMALLEST entries), one
 * whose rows are not a multiple of 16 or columns of 2 (the kernels have no edge code: JavaScript
 * does those, with the same sums), one too large to keep beside the others, or no SIMD here.
 */
export function residentMatrix(W: Matrix): ResidentMatrix | null {
  const { rows, cols, data } = W;
  const bytes = rows * cols * 8;
  if (rows * cols < SMALLEST || rows % MATVEC_ROWS !== 0 || cols % 2 !== 0 || bytes > KEPT_BYTES / 8) return null;
  const k = kernels();
  if (!k) return null;
  let plain: { at: number; generation: number } | null = null;
  let transposed: { at: number; generation: number } | null = null;
  const current = (r: { generation: number } | null) => r !== null && r.generation === generation;
  // copies in the vector (and out, when accumulating), runs the kernel, copies out: 2 H against H²
  const run = (
    kernel: MatVecKernel,
    matrix: { at: number },
    input: Vector,
    out: Vector,
    outRows: number,
    accumulate: boolean,
  ): boolean => {
    const inAt = kept;
    const outAt = inAt + ((input.length * 8 + 15) & ~15);
    if (!fits(k, outAt + outRows * 8)) return false;
    const heap = new Float64Array(k.memory.buffer);
    heap.set(input, inAt / 8);
    if (accumulate) heap.set(out.subarray(0, outRows), outAt / 8);
    kernel(matrix.at, inAt, outAt, rows, cols);
    out.set(heap.subarray(outAt / 8, outAt / 8 + outRows));
    return true;
  };
  return {
    matVec(v, out) {
      if (!current(transposed)) {
        transposed = keep(k, bytes);
        if (transposed) transposeInto(new Float64Array(k.memory.buffer), transposed.at / 8, data, rows, cols);
      }
      return transposed !== null && run(k.matVec, transposed, v, out, rows, false);
    },
    addMatTVec(u, out) {
      if (!current(plain)) {
        plain = keep(k, bytes);
        if (plain) new Float64Array(k.memory.buffer).set(data, plain.at / 8);
      }
      return plain !== null && run(k.addMatTVec, plain, u, out, cols, true);
    },
  };
}
