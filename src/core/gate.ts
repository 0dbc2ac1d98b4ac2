// The affine gate every cell is made of: out = φ(W_i x + b_i + W_h h + b_h), forward and backward.

import { applyScalar, scalarDerivative, type ScalarActivation } from './activations';
import { addInto, addMatTVec, addOuter, matVec, type Matrix, type Vector } from './linalg';
import type { Keep } from './carry';
import type { ParamGrads } from './cell';

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
  readonly bi: Vector;
  readonly bh: Vector;
  readonly fn: ScalarActivation;
}

// out = φ(W_i x + b_i + W_h h + b_h)
/** @param x  input [I]  @param hPrev  h_{t−1} [H]  @param keep  the carry rule for written values */
export function gateForward(p: GateParams, x: Vector, hPrev: Vector, keep: Keep): GateValues {
  const H = p.Wi.rows;
  const wx = matVec(p.Wi, x, new Float64Array(H));
  const wh = matVec(p.Wh, hPrev, new Float64Array(H));
  const pre = new Float64Array(H);
  const out = new Float64Array(H);
  for (let k = 0; k < H; k++) {
    pre[k] = keep((wx[k] as number) + (p.bi[k] as number) + (wh[k] as number) + (p.bh[k] as number));
    out[k] = keep(applyScalar(p.fn, pre[k] as number));
  }
  return { wx, wh, pre, out };
}

/** Gradient sinks of one gate's parameters, accumulated over the steps. */
export interface GateGrads {
  readonly Wi: Matrix;
  readonly Wh: Matrix;
  readonly bi: Vector;
  readonly bh: Vector;
}

// dL/dpre = dL/dout ⊙ φ'(pre); dW_i += dpre xᵀ, dW_h += dpre hᵀ, db += dpre, dh_{t−1} += W_hᵀ dpre
/**
 * @param dOut    dL/d(out) [H]
 * @param dhPrev  dL/dh_{t−1} [H], accumulated into
 * @returns dL/dpre [H], as written (kept)
 */
export function gateBackward(
  p: GateParams,
  v: GateValues,
  x: Vector,
  hPrev: Vector,
  dOut: Vector,
  g: GateGrads,
  dhPrev: Vector,
  keep: Keep,
): Vector {
  const H = v.pre.length;
  const dPre = new Float64Array(H);
  for (let k = 0; k < H; k++) {
    dPre[k] = keep((dOut[k] as number) * scalarDerivative(p.fn, v.pre[k] as number, v.out[k] as number));
  }
  addOuter(g.Wi, dPre, x);
  addOuter(g.Wh, dPre, hPrev);
  addInto(g.bi, dPre);
  addInto(g.bh, dPre);
  addMatTVec(p.Wh, dPre, dhPrev);
  return dPre;
}

/** The gradient sinks of W_i?, W_h?, b_i?, b_h? for one gate (suffixes as in PyTorch's names). */
export function gradsOf(grads: ParamGrads, input: string, hidden: string): GateGrads {
  return {
    Wi: grads.get(`W_${input}`) as Matrix,
    Wh: grads.get(`W_${hidden}`) as Matrix,
    bi: grads.get(`b_${input}`) as Vector,
    bh: grads.get(`b_${hidden}`) as Vector,
  };
}
