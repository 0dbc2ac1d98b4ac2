// A record worked out again from the values it reads, looked up through a function of the
// caller's: the worksheet's own values, or a student's answers where they have given them
// ("follow my numbers"), or a deliberately wrong reading (to recognise a common mistake).
import { applyScalar, softmax, type ScalarActivation } from '../engine/activations';
import type { Ref, TraceRecord } from './records';
import { stepLoss } from '../engine/readout';
import type { LossKind, Model } from '../format/worksheet';

/** Any single value on the sheet: (quantity, step, row, column). */
export type Lookup = (q: string, t: number, i: number, j?: number) => number;

/** How many columns a matrix of the model has (the length of the vector it multiplies). */
export function matrixColumns(model: Model, name: string): number {
  const W = name === 'W_hy' ? model.readout?.W_hy : model.weights.get(name);
  return W?.cols ?? 0;
}

/**
 * The value of record `r` from its reads, unrounded (a check compares it within half a unit, so
 * rounding it first would only move the bound); a backward record by its rule (see evaluateGrad).
 */
export function evaluateRecord(model: Model, r: TraceRecord, value: Lookup): number {
  const at = (ref: Ref, i = ref.i ?? 0, j = ref.j) => value(ref.q, ref.t ?? 0, i, j);
  const [a, b] = r.reads as [Ref, Ref];
  switch (r.op) {
    case 'matvec':
      // (W v)[i] = Σ_j W[i][j] v[j]
      return rowTimesVector(model, a.q, r.i, (j) => at(b, j), value);
    case 'sum':
    case 'total':
      return r.reads.reduce((s, ref) => s + at(ref), 0);
    case 'activation':
      return applyScalar((r.fn ?? 'identity') as ScalarActivation, at(a));
    case 'softmax': {
      const z = Float64Array.from({ length: model.O }, (_v, k) => at(a, k));
      return softmax(z, new Float64Array(model.O))[r.i] as number;
    }
    case 'product':
      return at(a) * at(b);
    case 'complementProduct':
      return (1 - at(a)) * at(b);
    case 'loss': {
      const y = Float64Array.from({ length: model.O }, (_v, k) => at(a, k));
      const target = Float64Array.from({ length: model.O }, (_v, k) => at(b, k));
      return stepLoss(r.fn as LossKind, y, target);
    }
    case 'grad':
      return evaluateGrad(model, r, value);
  }
}

/** How many rows a matrix of the model has (the length of the gradient its transpose multiplies). */
export function matrixRows(model: Model, name: string): number {
  const W = name === 'W_hy' ? model.readout?.W_hy : model.weights.get(name);
  return W?.rows ?? 0;
}

/** A backward record from its reads, by its rule, as docs/trace.md writes each one. */
export function evaluateGrad(model: Model, r: TraceRecord, value: Lookup): number {
  const at = (ref: Ref, i = ref.i ?? 0, j = ref.j) => value(ref.q, ref.t ?? 0, i, j);
  const [a, b, c, d, e] = r.reads as [Ref, Ref, Ref, Ref | undefined, Ref | undefined];
  switch (r.rule) {
    case 'squared_error':
      return 2 * (at(a) - at(b));
    case 'softmax_cross_entropy':
    case 'sigmoid_binary_cross_entropy':
      return at(a) - at(b);
    case 'sigmoid':
      return at(a) * at(b) * (1 - at(b));
    case 'tanh':
      return at(a) * (1 - at(b) ** 2);
    case 'relu':
      return at(b) > 0 ? at(a) : 0;
    case 'identity':
      return at(a);
    case 'softmax': {
      let dot = 0;
      for (let k = 0; k < model.O; k++) dot += at(b, k) * at(a, k);
      return at(b, r.i) * (at(a, r.i) - dot);
    }
    case 'product':
      return at(a) * at(b);
    case 'complement':
      return at(a) * (1 - at(b));
    case 'difference':
      return at(a) * (at(b) - at(c));
    case 'backprop_c': {
      if (r.t === 0) return at(a) * at(b);
      const own = at(a) * at(b) * (1 - at(c) ** 2);
      return d && e ? own + at(d) * at(e) : own;
    }
    case 'backprop_h':
      return backpropHTerms(model, r, value).reduce((s, term) => s + term.value, 0);
    case 'sum_over_steps':
    case 'outer_sum_over_steps':
      return stepsOf(model, value, a.q, r.i).reduce((s, t) => s + stepTerm(r, value, t), 0);
    default:
      return NaN;
  }
}

/** One term of ∂L/∂h_t[i]: what it reads first, whether it comes from step t+1, and its value. */
export interface GradTerm {
  readonly ref: Ref;
  /** from step t+1 (the recurrent part), not from this step's output */
  readonly recurrent: boolean;
  readonly value: number;
  /** for (Wᵀ d)[i]: the same row taken from W, (W d)[i], where W is square; else undefined */
  readonly untransposed?: number;
}

/**
 * The terms ∂L/∂h_t[i] adds up, read in pairs as records.ts writes them: a column of a matrix
 * against a gradient vector ((Wᵀ d)[i] = Σ_m W[m][i] d[m]), the GRU's ∂L/∂h_{t+1} ⊙ z_{t+1}, or
 * a single value.
 */
export function backpropHTerms(model: Model, r: TraceRecord, value: Lookup): GradTerm[] {
  const terms: GradTerm[] = [];
  const reads = r.reads;
  for (let k = 0; k < reads.length; k++) {
    const ref = reads[k] as Ref;
    const next = reads[k + 1];
    // the gradient read comes from step t+1 (the recurrent part) or from this step's output
    const fromStep = (g: Ref) => (g.t ?? 0) !== r.t;
    if (ref.j !== undefined && next) {
      const recurrent = fromStep(next);
      const rows = matrixRows(model, ref.q);
      const vec = (m: number) => value(next.q, next.t ?? 0, m);
      let sum = 0;
      for (let m = 0; m < rows; m++) sum += value(ref.q, 0, m, ref.j) * vec(m);
      const square = rows === matrixColumns(model, ref.q);
      const untransposed = square ? rowTimesVector(model, ref.q, ref.j, vec, value) : undefined;
      terms.push(
        untransposed === undefined ? { ref, recurrent, value: sum } : { ref, recurrent, value: sum, untransposed },
      );
      k++;
    } else if (next && ref.q === 'd:h' && next.q === 'z') {
      terms.push({
        ref,
        recurrent: fromStep(ref),
        value: value(ref.q, ref.t ?? 0, ref.i ?? 0) * value(next.q, next.t ?? 0, next.i ?? 0),
      });
      k++;
    } else {
      terms.push({ ref, recurrent: fromStep(ref), value: value(ref.q, ref.t ?? 0, ref.i ?? 0) });
    }
  }
  return terms;
}

/** The steps at which a per-step gradient has a value (∂L/∂y only where the loss is taken). */
function stepsOf(model: Model, value: Lookup, q: string, i: number): number[] {
  const steps: number[] = [];
  for (let t = 1; t <= model.T; t++) if (!Number.isNaN(value(q, t, i))) steps.push(t);
  return steps;
}

// Σ_t d_t[i] (a bias), or Σ_t d_t[i] v_{t−lag}[j] (a matrix: v is x_t or h_{t−1})
function stepTerm(r: TraceRecord, value: Lookup, t: number): number {
  const [d, v] = r.reads as [Ref, Ref | undefined];
  const grad = value(d.q, t, r.i);
  return v ? grad * value(v.q, t - (v.lag ?? 0), r.j ?? 0) : grad;
}

// (W v)[row] = Σ_j W[row][j] v[j]
export function rowTimesVector(model: Model, W: string, row: number, v: (j: number) => number, value: Lookup): number {
  let sum = 0;
  for (let j = 0; j < matrixColumns(model, W); j++) sum += value(W, 0, row, j) * v(j);
  return sum;
}
