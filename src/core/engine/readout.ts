// The readout y_t = ψ(W_hy h_t + b_y) and the losses of CONTRACT.md §1, forward and backward.

import { sigmoid, softmax, type ReadoutActivation } from './activations';
import type { Keep } from './carry';
import { addInto, addMatTVecBlocked4, addOuter, matVecBlocked4, type Matrix, type Vector } from './linalg';
import type { LossKind, Readout } from '../format/worksheet';

export interface ReadoutValues {
  /** W_hy h_t [O]; null when the readout has no W_hy */
  readonly wy: Vector | null;
  /** the whole sum inside ψ [O] (h_t itself when there is no W_hy) */
  readonly pre: Vector;
  /** ψ(pre) [O] */
  readonly y: Vector;
}

// y = ψ(W_hy h + b_y)
/** @param h  h_t [H] */
export function readoutForward(r: Readout, h: Vector, keep: Keep): ReadoutValues {
  let wy: Vector | null = null;
  let pre: Vector = h;
  if (r.W_hy) {
    wy = matVecBlocked4(r.W_hy, h, new Float64Array(r.W_hy.rows));
    pre = new Float64Array(wy.length);
    for (let k = 0; k < wy.length; k++) pre[k] = keep((wy[k] as number) + (r.b_y ? (r.b_y[k] as number) : 0));
  }
  const y = new Float64Array(pre.length);
  applyReadoutActivation(r.activation, pre, y);
  for (let k = 0; k < y.length; k++) y[k] = keep(y[k] as number);
  return { wy, pre, y };
}

function applyReadoutActivation(fn: ReadoutActivation, pre: Vector, y: Vector): void {
  if (fn === 'softmax') softmax(pre, y);
  else for (let k = 0; k < pre.length; k++) y[k] = fn === 'sigmoid' ? sigmoid(pre[k] as number) : (pre[k] as number);
}

// squared_error Σ (y − t)²; cross_entropy −Σ t ln y; binary_cross_entropy −Σ [t ln y + (1 − t) ln(1 − y)]
/** @param y  output [O]  @param target  [O] */
export function stepLoss(kind: LossKind, y: Vector, target: Vector): number {
  let loss = 0;
  for (let k = 0; k < y.length; k++) {
    const yk = y[k] as number;
    const tk = target[k] as number;
    if (kind === 'squared_error') loss += (yk - tk) * (yk - tk);
    else {
      // a zero weight leaves its term out, so 0 · ln 0 is 0 as a student takes it
      if (tk !== 0) loss -= tk * clampedLog(yk);
      if (kind === 'binary_cross_entropy' && tk !== 1) loss -= (1 - tk) * clampedLog(1 - yk);
    }
  }
  return loss;
}

/**
 * ln y, but never below −100, as PyTorch's BCELoss clamps it: an output rounded (or underflowed)
 * to exactly 0 would otherwise make the loss infinite, which no JSON number can say.
 */
export function clampedLog(y: number): number {
  return Math.max(Math.log(y), -100);
}

export interface ReadoutGrads {
  /** dL/dy_t [O]; squared error only: with cross-entropy the sheet goes straight to dL/dpre = y − t */
  readonly dy: Vector | null;
  /** dL/d(pre-activation of ψ) [O] */
  readonly dPre: Vector;
}

/**
 * The loss's gradient at one covered step, back through ψ and W_hy.
 * @param dh      dL/dh_t [H], accumulated into
 * @param sinks   W_hy and b_y gradients, accumulated into (null where the readout lacks them)
 */
export function readoutBackward(
  r: Readout,
  v: ReadoutValues,
  h: Vector,
  kind: LossKind,
  target: Vector,
  sinks: { W_hy: Matrix | null; b_y: Vector | null },
  dh: Vector,
  keep: Keep,
): ReadoutGrads {
  const O = v.y.length;
  const dPre = new Float64Array(O);
  let dy: Vector | null = null;
  if (kind === 'squared_error') {
    dy = new Float64Array(O);
    for (let k = 0; k < O; k++) dy[k] = keep(2 * ((v.y[k] as number) - (target[k] as number)));
    readoutActivationBackward(r.activation, v.y, dy, dPre);
  } else {
    // softmax with cross-entropy: y_k Σ t − t_k; sigmoid with binary cross-entropy: y − t
    const sum = kind === 'cross_entropy' ? target.reduce((a, b) => a + b, 0) : 1;
    for (let k = 0; k < O; k++) dPre[k] = (v.y[k] as number) * sum - (target[k] as number);
  }
  for (let k = 0; k < O; k++) dPre[k] = keep(dPre[k] as number);
  if (r.W_hy) {
    addOuter(sinks.W_hy as Matrix, dPre, h);
    if (sinks.b_y) addInto(sinks.b_y, dPre);
    addMatTVecBlocked4(r.W_hy, dPre, dh);
  } else addInto(dh, dPre);
  return { dy, dPre };
}

// dL/dpre from dL/dy through ψ
function readoutActivationBackward(fn: ReadoutActivation, y: Vector, dy: Vector, dPre: Vector): void {
  if (fn === 'identity') dPre.set(dy);
  else if (fn === 'sigmoid')
    for (let k = 0; k < y.length; k++) dPre[k] = (dy[k] as number) * (y[k] as number) * (1 - (y[k] as number));
  else {
    // softmax: dpre_k = y_k (dy_k − Σ_j y_j dy_j)
    let dot = 0;
    for (let k = 0; k < y.length; k++) dot += (y[k] as number) * (dy[k] as number);
    for (let k = 0; k < y.length; k++) dPre[k] = (y[k] as number) * ((dy[k] as number) - dot);
  }
}
