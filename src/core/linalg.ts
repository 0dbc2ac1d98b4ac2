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
  for (let k = 0; k < rows; k++) {
    let s = 0;
    const base = k * cols;
    for (let j = 0; j < cols; j++) s += (data[base + j] as number) * (v[j] as number);
    out[k] = s;
  }
  return out;
}

// out += Wᵀ u
/** @param W  [R×C]  @param u  [R]  @param out  [C], accumulated into */
export function addMatTVec(W: Matrix, u: Vector, out: Vector): Vector {
  const { rows, cols, data } = W;
  for (let k = 0; k < rows; k++) {
    const uk = u[k] as number;
    if (uk === 0) continue;
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
