// What one step of any cell kind writes down, forward and backward, and the interface the
// engine drives the three cell kinds through.

import type { Keep } from './carry';
import type { GateValues } from './gate';
import type { Matrix, Vector, VectorArena } from './linalg';
import { GATES, type CellKind } from '../format/worksheet';

/** Everything the sheet writes for one step of the cell (the readout aside). */
export interface StepValues {
  readonly x: Vector;
  readonly hPrev: Vector;
  /** lstm: c_{t−1}; null for the others */
  readonly cPrev: Vector | null;
  /** rnn: { h }; lstm: { i, f, g, o }; gru: { r, z, n } */
  readonly gates: Readonly<Record<string, GateValues>>;
  readonly lstm: LstmValues | null;
  readonly gru: GruValues | null;
  readonly h: Vector;
  readonly c: Vector | null;
}

export interface LstmValues {
  /** f ⊙ c_{t−1} */
  readonly fc: Vector;
  /** i ⊙ g */
  readonly ig: Vector;
  /** tanh(c_t), not rounded: it sits inside o ⊙ tanh(c) */
  readonly tanhC: Vector;
}

export interface GruValues {
  /** W_hn h_{t−1} + b_hn, not rounded */
  readonly hn: Vector;
  /** r ⊙ (W_hn h_{t−1} + b_hn) */
  readonly rhn: Vector;
  /** (1 − z) ⊙ n */
  readonly zn: Vector;
  /** z ⊙ h_{t−1} */
  readonly zh: Vector;
}

/** The gradients one backward step writes down. */
export interface StepGrads {
  /** dL/dh_t in full: from the readout and from step t+1 */
  readonly dh: Vector;
  /** lstm: dL/dc_t in full */
  readonly dc: Vector | null;
  /** dL/d(gate output): lstm i, f, g, o (and dL/do); gru r, z, n; empty for rnn (dh is it) */
  readonly dGate: Readonly<Record<string, Vector>>;
  /** dL/d(pre-activation) of every gate (rnn: { h }); gru also hn: dL/d(W_hn h_{t−1} + b_hn) */
  readonly dPre: Readonly<Record<string, Vector>>;
}

/** Parameter gradients by PyTorch name, summed over the steps. */
export type ParamGrads = Map<string, Matrix | Vector>;

/**
 * How one parameter's gradient is summed over the steps: dW = Σ_t dPre[d]_t v_tᵀ for a matrix,
 * db = Σ_t dPre[d]_t for a bias, where v is the step's input x_t or its previous state h_{t−1}.
 */
export interface ParamGradTerm {
  readonly param: string;
  /** the key in StepGrads.dPre */
  readonly d: string;
  /** the vector a matrix multiplies; absent for a bias */
  readonly v?: 'x' | 'h';
}

/** The gradient terms of every parameter of a cell kind, in PyTorch's order. */
export function paramGradTerms(cell: CellKind): ParamGradTerm[] {
  // per gate: [input-side suffix, hidden-side suffix, dPre key of the input side, of the hidden side]
  const gates: [string, string, string, string][] =
    cell === 'rnn'
      ? [['ih', 'hh', 'h', 'h']]
      : cell === 'lstm'
        ? GATES.lstm.map((q) => [`i${q}`, `h${q}`, q, q])
        : GATES.gru.map((q) => [`i${q}`, `h${q}`, q, q === 'n' ? 'hn' : q]);
  const terms: ParamGradTerm[] = [];
  for (const [i, , di] of gates) terms.push({ param: `W_${i}`, d: di, v: 'x' });
  for (const [, h, , dh] of gates) terms.push({ param: `W_${h}`, d: dh, v: 'h' });
  for (const [i, h, di, dh] of gates) terms.push({ param: `b_${i}`, d: di }, { param: `b_${h}`, d: dh });
  return terms;
}

export interface Cell {
  /**
   * Every step forward.
   * @param xs  the inputs [T][I]  @param h0  [H]  @param c0  lstm: [H]; null for the others
   */
  forward(xs: readonly Vector[], h0: Vector, c0: Vector | null, keep: Keep): StepValues[];
  /**
   * One step backward.
   * @param dh       dL/dh_t in full [H], as written
   * @param dcCarry  lstm: the part of dL/dc_t that comes from step t+1 (dc_{t+1} ⊙ f_{t+1}); zeros at T
   * @param arena    where the step's vectors are cut from (one per backward run)
   * @returns the step's gradients, dL/dh_{t−1} through the cell only (the readout's part is added by
   *          the caller), and for the lstm the part of dL/dc_{t−1} that comes from this step
   */
  backward(
    s: StepValues,
    dh: Vector,
    dcCarry: Vector | null,
    keep: Keep,
    arena: VectorArena,
  ): { grads: StepGrads; dhPrev: Vector; dcCarryPrev: Vector | null };
}
