// Dense float64 vectors and row-major matrices, and the few products the cells need.

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

// G += Σ_t u_t v_tᵀ
/**
 * The gradient of a weight used at every step, summed over the steps. Computed entry by entry as
 * a dot product over t, on the step vectors transposed by stepsAsRows: several times faster than
 * adding one outer product per step.
 * @param G  [R×C], accumulated into  @param uT  stepsAsRows of u [R×T]  @param vT  stepsAsRows of v [C×T]
 */
export function addSumOfOuters(G: Matrix, uT: Float64Array, vT: Float64Array, T: number): Matrix {
  const { rows, cols, data } = G;
  for (let k = 0; k < rows; k++) {
    for (let j = 0; j < cols; j++) {
      data[k * cols + j] = (data[k * cols + j] as number) + dot(uT, k * T, vT, j * T, T);
    }
  }
  return G;
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

// out += Wᵀ u
/** @param W  [R×C]  @param u  [R]  @param out  [C], accumulated into */
export function addMatTVec(W: Matrix, u: Vector, out: Vector): Vector {
  const { rows, cols, data } = W;
  let k = 0;
  // four rows per pass: out[j] is loaded and stored once per four rows, not once per row
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
  for (; k < rows; k++) {
    const uk = u[k] as number;
    const base = k * cols;
    for (let j = 0; j < cols; j++) out[j] = (out[j] as number) + (data[base + j] as number) * uk;
  }
  return out;
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
