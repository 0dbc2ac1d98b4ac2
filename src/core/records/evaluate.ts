// A forward record worked out again from the values it reads, looked up through a function of
// the caller's: the worksheet's own values, or a student's answers where they have given them
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
 * The value of forward record `r` from its reads, unrounded (a check compares it within half a
 * unit, so rounding it first would only move the bound). Backward records are not evaluated here.
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
      return NaN;
  }
}

// (W v)[row] = Σ_j W[row][j] v[j]
export function rowTimesVector(model: Model, W: string, row: number, v: (j: number) => number, value: Lookup): number {
  let sum = 0;
  for (let j = 0; j < matrixColumns(model, W); j++) sum += value(W, 0, row, j) * v(j);
  return sum;
}
