// Dense float64 vectors and row-major matrices, and the few products the cells need.
import { addMatMulTSimd, residentMatrix } from './simd';

/** A row-major matrix: entry (k, j) is data[k * cols + j]. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

export type Vector = Float64Array;

/** A matrix from an array of rows (assumed rectangular: the validator has checked). */
export function matrixFromRows(rows: readonly (readonly number[])[]): Matrix {
  const r = rows.length;
  const c = rows[0]?.length ?? 0;
  const data = new Float64Array(r * c);
  rows.forEach((row, k) => data.set(row, k * c));
  return { rows: r, cols: c, data };
}

export function zeroMatrix(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** The matrix back as an array of rows, for JSON. */
export function matrixToRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let k = 0; k < m.rows; k++) out.push(Array.from(m.data.subarray(k * m.cols, (k + 1) * m.cols)));
  return out;
}

export function matrixEntry(m: Matrix, k: number, j: number): number {
  return m.data[k * m.cols + j] as number;
}

// out = W v
/** @param W  [R×C]  @param v  [C]  @param out  [R], overwritten */
export function matVec(W: Matrix, v: Vector, out: Vector): Vector {
  const { rows, cols, data } = W;
  for (let k = 0; k < rows; k++) out[k] = dot(data, k * cols, v, 0, cols);
  return out;
}

// Σ_j a[aStart + j] · b[bStart + j], j < n
/**
 * Four running sums: with one, each add waits for the previous one (the add's latency, not the
 * multiplies, would set the pace).
 */
export function dot(a: Float64Array, aStart: number, b: Float64Array, bStart: number, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < n; j += 4) {
    s0 += (a[aStart + j] as number) * (b[bStart + j] as number);
    s1 += (a[aStart + j + 1] as number) * (b[bStart + j + 1] as number);
    s2 += (a[aStart + j + 2] as number) * (b[bStart + j + 2] as number);
    s3 += (a[aStart + j + 3] as number) * (b[bStart + j + 3] as number);
  }
  for (; j < n; j++) s0 += (a[aStart + j] as number) * (b[bStart + j] as number);
  return s0 + s1 + (s2 + s3);
}

// out = W v, four rows at a time
/**
 * Each v[j] is loaded once for four rows, and the four sums are independent chains (with one,
 * each add would wait for the previous one). The rows left over go through dot.
 * @param W  [R×C]  @param v  [C]  @param out  [R], overwritten from row `firstRow` on
 * @param firstRow  the rows before it are left alone (matVecBlocked8 hands its leftover rows here)
 */
export function matVecBlocked4(W: Matrix, v: Vector, out: Vector, firstRow = 0): Vector {
  const { rows, cols, data } = W;
  let k = firstRow;
  for (; k + 3 < rows; k += 4) {
    const b0 = k * cols;
    const b1 = b0 + cols;
    const b2 = b1 + cols;
    const b3 = b2 + cols;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < cols; j++) {
      const vj = v[j] as number;
      s0 += (data[b0 + j] as number) * vj;
      s1 += (data[b1 + j] as number) * vj;
      s2 += (data[b2 + j] as number) * vj;
      s3 += (data[b3 + j] as number) * vj;
    }
    out[k] = s0;
    out[k + 1] = s1;
    out[k + 2] = s2;
    out[k + 3] = s3;
  }
  for (; k < rows; k++) out[k] = dot(data, k * cols, v, 0, cols);
  return out;
}

// out = W v, eight rows at a time
/**
 * As matVecBlocked4, with each v[j] serving eight rows: measured 10–30 % faster at H = 256, where
 * the cells spend most of a step here. The rows left over go through matVecBlocked4.
 * @param W  [R×C]  @param v  [C]  @param out  [R], overwritten
 */
export function matVecBlocked8(W: Matrix, v: Vector, out: Vector): Vector {
  const { rows, cols, data } = W;
  let k = 0;
  for (; k + 7 < rows; k += 8) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    let s7 = 0;
    const b0 = k * cols;
    const b1 = b0 + cols;
    const b2 = b1 + cols;
    const b3 = b2 + cols;
    const b4 = b3 + cols;
    const b5 = b4 + cols;
    const b6 = b5 + cols;
    const b7 = b6 + cols;
    for (let j = 0; j < cols; j++) {
      const vj = v[j] as number;
      s0 += (data[b0 + j] as number) * vj;
      s1 += (data[b1 + j] as number) * vj;
      s2 += (data[b2 + j] as number) * vj;
      s3 += (data[b3 + j] as number) * vj;
      s4 += (data[b4 + j] as number) * vj;
      s5 += (data[b5 + j] as number) * vj;
      s6 += (data[b6 + j] as number) * vj;
      s7 += (data[b7 + j] as number) * vj;
    }
    out[k] = s0;
    out[k + 1] = s1;
    out[k + 2] = s2;
    out[k + 3] = s3;
    out[k + 4] = s4;
    out[k + 5] = s5;
    out[k + 6] = s6;
    out[k + 7] = s7;
  }
  return matVecBlocked4(W, v, out, k);
}

// G += A Bᵀ, i.e. G[k][j] += Σ_t A[k][t] B[j][t]
/**
 * The plain form: one dot product per entry. With A and B the step vectors transposed by
 * stepsAsRows (A = [u_1 … u_T], B = [v_1 … v_T]) it is the sum of outer products Σ_t u_t v_tᵀ.
 * @param G  [R×C], accumulated into  @param A  [R×n] row-major  @param B  [C×n] row-major
 */
export function addMatMulT(G: Matrix, A: Float64Array, B: Float64Array, n: number): Matrix {
  const { rows, cols, data } = G;
  for (let k = 0; k < rows; k++) {
    for (let j = 0; j < cols; j++) data[k * cols + j] = (data[k * cols + j] as number) + dot(A, k * n, B, j * n, n);
  }
  return G;
}

// G += A Bᵀ, a 4×2 block of G at a time
/**
 * Eight entries of G from four rows of A and two of B: six loads serve eight products (the plain
 * form loads two values per product), and the eight sums are independent chains. Measured
 * faster than 2×2 blocks at both benchmark sizes; 4×4 needs more registers than x64 has.
 * Rows and columns left over go through addMatMulTEntry.
 * @param G  [R×C], accumulated into  @param A  [R×n] row-major  @param B  [C×n] row-major
 */
export function addMatMulTBlocked4x2(G: Matrix, A: Float64Array, B: Float64Array, n: number): Matrix {
  const { rows, cols, data } = G;
  const blockRows = rows - (rows % 4);
  const blockCols = cols - (cols % 2);
  for (let k = 0; k < blockRows; k += 4) {
    const a0 = k * n;
    const a1 = a0 + n;
    const a2 = a1 + n;
    const a3 = a2 + n;
    for (let j = 0; j < blockCols; j += 2) {
      const b0 = j * n;
      const b1 = b0 + n;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      let s20 = 0;
      let s21 = 0;
      let s30 = 0;
      let s31 = 0;
      for (let t = 0; t < n; t++) {
        const y0 = B[b0 + t] as number;
        const y1 = B[b1 + t] as number;
        let x = A[a0 + t] as number;
        s00 += x * y0;
        s01 += x * y1;
        x = A[a1 + t] as number;
        s10 += x * y0;
        s11 += x * y1;
        x = A[a2 + t] as number;
        s20 += x * y0;
        s21 += x * y1;
        x = A[a3 + t] as number;
        s30 += x * y0;
        s31 += x * y1;
      }
      let g = k * cols + j;
      data[g] = (data[g] as number) + s00;
      data[g + 1] = (data[g + 1] as number) + s01;
      g += cols;
      data[g] = (data[g] as number) + s10;
      data[g + 1] = (data[g + 1] as number) + s11;
      g += cols;
      data[g] = (data[g] as number) + s20;
      data[g + 1] = (data[g + 1] as number) + s21;
      g += cols;
      data[g] = (data[g] as number) + s30;
      data[g + 1] = (data[g + 1] as number) + s31;
    }
    for (let j = blockCols; j < cols; j++) for (let r = k; r < k + 4; r++) addMatMulTEntry(G, A, B, n, r, j);
  }
  for (let k = blockRows; k < rows; k++) for (let j = 0; j < cols; j++) addMatMulTEntry(G, A, B, n, k, j);
  return G;
}

// G += A Bᵀ, the fastest way this machine has
/**
 * In WebAssembly SIMD (simd.ts) where it runs, the entries it leaves (rows past a multiple of 2,
 * columns past a multiple of 8) one at a time; else addMatMulTBlocked4x2. Both give the same bits.
 * @param G  [R×C], accumulated into  @param A  [R×n] row-major  @param B  [C×n] row-major
 */
export function addMatMulTFast(G: Matrix, A: Float64Array, B: Float64Array, n: number): Matrix {
  const done = addMatMulTSimd(G, A, B, n);
  if (!done) return addMatMulTBlocked4x2(G, A, B, n);
  for (let k = 0; k < G.rows; k++)
    for (let j = k < done.rows ? done.cols : 0; j < G.cols; j++) addMatMulTEntry(G, A, B, n, k, j);
  return G;
}

// G[k][j] += Σ_t A[k][t] B[j][t]
/** Summed over t in order, as the blocked kernels sum each entry: every kernel gives the same bits. */
function addMatMulTEntry(G: Matrix, A: Float64Array, B: Float64Array, n: number, k: number, j: number): void {
  const g = k * G.cols + j;
  let s = 0;
  for (let t = 0; t < n; t++) s += (A[k * n + t] as number) * (B[j * n + t] as number);
  G.data[g] = (G.data[g] as number) + s;
}

/** [T][n] step vectors as one n×T row-major block: row k holds element k of every step. */
export function stepsAsRows(vs: readonly Vector[], n: number): Float64Array {
  const T = vs.length;
  const out = new Float64Array(n * T);
  vs.forEach((v, t) => {
    for (let k = 0; k < n; k++) out[k * T + t] = v[k] as number;
  });
  return out;
}

/** [T][n] step vectors as one T×n row-major block: row t is step t + 1's vector. */
export function stepsAsBlock(vs: readonly Vector[], n: number): Float64Array {
  const out = new Float64Array(vs.length * n);
  vs.forEach((v, t) => out.set(v, t * n));
  return out;
}

/** The rows of a T×n row-major block, as views (no copy): row t is step t + 1's vector. */
export function blockRows(block: Float64Array, T: number, n: number): Vector[] {
  const rows: Vector[] = [];
  for (let t = 0; t < T; t++) rows.push(block.subarray(t * n, (t + 1) * n));
  return rows;
}

// out += Wᵀ u
/** The plain form, one row of W at a time.  @param W  [R×C]  @param u  [R]  @param out  [C], accumulated into */
export function addMatTVec(W: Matrix, u: Vector, out: Vector): Vector {
  const { rows, cols, data } = W;
  for (let k = 0; k < rows; k++) addScaledRow(data, k * cols, u[k] as number, out, cols);
  return out;
}

// out += Wᵀ u, four rows of W at a time
/**
 * out[j] is loaded and stored once per four rows, not once per row.
 * @param W  [R×C]  @param u  [R]  @param out  [C], accumulated into, with rows `firstRow` on of W
 * @param firstRow  the rows before it are left out (addMatTVecBlocked8 hands its leftover rows here)
 */
export function addMatTVecBlocked4(W: Matrix, u: Vector, out: Vector, firstRow = 0): Vector {
  const { rows, cols, data } = W;
  let k = firstRow;
  for (; k + 3 < rows; k += 4) {
    const u0 = u[k] as number;
    const u1 = u[k + 1] as number;
    const u2 = u[k + 2] as number;
    const u3 = u[k + 3] as number;
    const b0 = k * cols;
    const b1 = b0 + cols;
    const b2 = b1 + cols;
    const b3 = b2 + cols;
    for (let j = 0; j < cols; j++) {
      out[j] =
        (out[j] as number) +
        ((data[b0 + j] as number) * u0 + (data[b1 + j] as number) * u1) +
        ((data[b2 + j] as number) * u2 + (data[b3 + j] as number) * u3);
    }
  }
  for (; k < rows; k++) addScaledRow(data, k * cols, u[k] as number, out, cols);
  return out;
}

// out += Wᵀ u, eight rows of W at a time
/**
 * As addMatTVecBlocked4, with out[j] loaded and stored once per eight rows: measured 15–30 %
 * faster at H = 256. The rows left over go through addMatTVecBlocked4.
 * @param W  [R×C]  @param u  [R]  @param out  [C], accumulated into
 */
export function addMatTVecBlocked8(W: Matrix, u: Vector, out: Vector): Vector {
  const { rows, cols, data } = W;
  let k = 0;
  for (; k + 7 < rows; k += 8) {
    const u0 = u[k] as number;
    const u1 = u[k + 1] as number;
    const u2 = u[k + 2] as number;
    const u3 = u[k + 3] as number;
    const u4 = u[k + 4] as number;
    const u5 = u[k + 5] as number;
    const u6 = u[k + 6] as number;
    const u7 = u[k + 7] as number;
    const b0 = k * cols;
    const b1 = b0 + cols;
    const b2 = b1 + cols;
    const b3 = b2 + cols;
    const b4 = b3 + cols;
    const b5 = b4 + cols;
    const b6 = b5 + cols;
    const b7 = b6 + cols;
    for (let j = 0; j < cols; j++) {
      out[j] =
        (out[j] as number) +
        ((data[b0 + j] as number) * u0 +
          (data[b1 + j] as number) * u1 +
          ((data[b2 + j] as number) * u2 + (data[b3 + j] as number) * u3)) +
        ((data[b4 + j] as number) * u4 +
          (data[b5 + j] as number) * u5 +
          ((data[b6 + j] as number) * u6 + (data[b7 + j] as number) * u7));
    }
  }
  return addMatTVecBlocked4(W, u, out, k);
}

/** W h and Wᵀ δ for a matrix a run uses at every step (the recurrent W_h·). */
export interface RecurrentProducts {
  /** out = W v  @param v [C]  @param out [R], overwritten */
  matVec(v: Vector, out: Vector): Vector;
  /** out += Wᵀ u  @param u [R]  @param out [C], accumulated into */
  addMatTVec(u: Vector, out: Vector): Vector;
}

// W h and Wᵀ δ, the fastest way this machine has
/**
 * In WebAssembly SIMD with W kept in its memory (simd.ts) where it runs and W's shape suits it
 * (H a multiple of 16, H² ≥ 4096); else matVecBlocked8 and addMatTVecBlocked8. Both give the same
 * bits. W is copied on first use: a cell makes these once and never changes its weights.
 */
export function recurrentProducts(W: Matrix): RecurrentProducts {
  const fast = residentMatrix(W);
  return {
    matVec: (v, out) => (fast?.matVec(v, out) ? out : matVecBlocked8(W, v, out)),
    addMatTVec: (u, out) => (fast?.addMatTVec(u, out) ? out : addMatTVecBlocked8(W, u, out)),
  };
}

// out += c · a[start … start + n)
function addScaledRow(a: Float64Array, start: number, c: number, out: Vector, n: number): void {
  for (let j = 0; j < n; j++) out[j] = (out[j] as number) + (a[start + j] as number) * c;
}

/**
 * Zeroed vectors cut from a few large blocks, for one run: a run writes thousands of short
 * vectors, and allocating each on its own costs more than the arithmetic at H = 64. The blocks
 * double in size up to a cap, so a small sheet allocates little and a large one few blocks.
 */
export class VectorArena {
  private block = new Float64Array(0);
  private used = 0;
  private nextSize = 1024;

  /** A zeroed vector of length n, not shared with any other this arena gives. */
  take(n: number): Vector {
    if (this.used + n > this.block.length) {
      this.block = new Float64Array(Math.max(n, this.nextSize));
      this.nextSize = Math.min(this.nextSize * 2, 1 << 18);
      this.used = 0;
    }
    const v = this.block.subarray(this.used, this.used + n);
    this.used += n;
    return v;
  }
}

// G += u vᵀ
/** @param G  [R×C], accumulated into  @param u  [R]  @param v  [C] */
export function addOuter(G: Matrix, u: Vector, v: Vector): Matrix {
  const { rows, cols, data } = G;
  for (let k = 0; k < rows; k++) {
    const uk = u[k] as number;
    if (uk === 0) continue;
    const base = k * cols;
    for (let j = 0; j < cols; j++) data[base + j] = (data[base + j] as number) + uk * (v[j] as number);
  }
  return G;
}

// out += v
export function addInto(out: Vector, v: Vector): Vector {
  for (let k = 0; k < out.length; k++) out[k] = (out[k] as number) + (v[k] as number);
  return out;
}
