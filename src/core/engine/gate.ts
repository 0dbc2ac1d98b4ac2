// The affine gate every cell is made of: out = φ(W_i x + b_i + W_h h + b_h), forward and backward.
// The input side W_i x does not depend on h, so it is computed for every step before the
// recurrence (inputProjections, one matrix product); the parameter gradients are summed over the
// steps after it (engine.ts). Both keep one matrix in cache at a time instead of streaming all of
// them per step. Every vector a step writes is cut from the run's VectorArena.

import { applyScalar, scalarDerivative, type ScalarActivation } from './activations';
import {
  addMatMulTFast,
  blockRows,
  recurrentProducts,
  zeroMatrix,
  type RecurrentProducts,
  type Matrix,
  type Vector,
  type VectorArena,
} from './linalg';
import type { Keep } from './carry';

/** What the sheet writes for one gate at one step. */
export interface GateValues {
  /** W_i x_t  [H] */
  readonly wx: Vector;
  /** W_h h_{t−1}  [H] (the GRU's n: the raw product, before b_hn and r ⊙) */
  readonly wh: Vector;
  /** the whole sum inside the activation  [H] */
  readonly pre: Vector;
  /** φ(pre)  [H] */
  readonly out: Vector;
}

export interface GateParams {
  readonly Wi: Matrix;
  readonly Wh: Matrix;
  /** W_h h and W_hᵀ δ, done the fastest way */
  readonly whProducts: RecurrentProducts;
  readonly bi: Vector;
  readonly bh: Vector;
  readonly fn: ScalarActivation;
}

// W_i x_t for every step t: the rows of X W_iᵀ
/** @param X  the inputs as one T×I block (stepsAsBlock)  @returns [T][H], rows of one T×H block */
export function inputProjections(Wi: Matrix, X: Float64Array, T: number): Vector[] {
  const P = zeroMatrix(T, Wi.rows);
  addMatMulTFast(P, X, Wi.data, Wi.cols);
  return blockRows(P.data, T, Wi.rows);
}

// out = φ(W_i x + b_i + W_h h + b_h)
/** @param wx  W_i x_t [H]  @param hPrev  h_{t−1} [H]  @param keep  the carry rule for written values */
export function gateForward(p: GateParams, wx: Vector, hPrev: Vector, keep: Keep, arena: VectorArena): GateValues {
  const H = p.Wh.rows;
  const wh = p.whProducts.matVec(hPrev, arena.take(H));
  const pre = arena.take(H);
  const out = arena.take(H);
  for (let k = 0; k < H; k++) {
    pre[k] = keep((wx[k] as number) + (p.bi[k] as number) + (wh[k] as number) + (p.bh[k] as number));
    out[k] = keep(applyScalar(p.fn, pre[k] as number));
  }
  return { wx, wh, pre, out };
}

// dL/dpre = dL/dout ⊙ φ'(pre); dL/dh_{t−1} += W_hᵀ dL/dpre
/**
 * @param dOut    dL/d(out) [H]
 * @param dhPrev  dL/dh_{t−1} [H], accumulated into
 * @returns dL/dpre [H], as written (kept)
 */
export function gateBackward(
  p: GateParams,
  v: GateValues,
  dOut: Vector,
  dhPrev: Vector,
  keep: Keep,
  arena: VectorArena,
): Vector {
  const H = v.pre.length;
  const dPre = arena.take(H);
  for (let k = 0; k < H; k++) {
    dPre[k] = keep((dOut[k] as number) * scalarDerivative(p.fn, v.pre[k] as number, v.out[k] as number));
  }
  p.whProducts.addMatTVec(dPre, dhPrev);
  return dPre;
}

/** The weights of the gate whose PyTorch names end in `input` / `hidden` (e.g. "ii" / "hi"). */
export function gateParams(
  weights: ReadonlyMap<string, Matrix>,
  biases: ReadonlyMap<string, Vector>,
  input: string,
  hidden: string,
  fn: ScalarActivation,
): GateParams {
  const Wh = weights.get(`W_${hidden}`) as Matrix;
  return {
    Wi: weights.get(`W_${input}`) as Matrix,
    Wh,
    whProducts: recurrentProducts(Wh),
    bi: biases.get(`b_${input}`) as Vector,
    bh: biases.get(`b_${hidden}`) as Vector,
    fn,
  };
}
