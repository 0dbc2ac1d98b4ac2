// A weight is used at every step, so its gradient is a sum over the steps:
// ∂L/∂W = Σ_t ∂L/∂a_t v_{t−lag}ᵀ (v is x_t, or h_{t−1} for a recurrent weight). The sheet draws each
// step's share, an outer product, and the shares added up going back from T, as the backward pass
// meets the steps; the sum at the first step is the gradient the trace gives.
import { placesInFull, type WrittenModel } from '../engine/carry';
import type { Ref } from './records';
import type { Sheet } from './tex';

export interface StepShare {
  readonly t: number;
  /** ∂L/∂a_t v_{t−lag}ᵀ, rows × cols, row after row */
  readonly share: Float64Array;
  /** the shares of the steps from T down to t, added up */
  readonly sum: Float64Array;
}

export interface WeightShares {
  /** the gradient's quantity, e.g. "d:W_hh" */
  readonly q: string;
  /** the gradient at each step, ∂L/∂a_t, and the vector it multiplies, v_{t−lag} */
  readonly d: Ref;
  readonly v: Ref;
  readonly rows: number;
  readonly cols: number;
  /** the steps that have a share, T first */
  readonly steps: readonly StepShare[];
}

/** Each step's share of a weight's gradient q; null for a gradient that is no sum of outer products (a bias's). */
export function weightShares(sheet: Sheet, q: string): WeightShares | null {
  const { records, model } = sheet;
  const first = records.find(q, 0, 0, 0);
  if (first === undefined) return null;
  const record = records.at(first);
  const [d, v] = record.reads;
  if (record.rule !== 'outer_sum_over_steps' || !d || !v) return null;
  let rows = 0;
  while (records.find(q, 0, rows, 0) !== undefined) rows++;
  let cols = 0;
  while (records.find(q, 0, 0, cols) !== undefined) cols++;
  const lag = v.lag ?? 0;
  const steps: StepShare[] = [];
  let sum: Float64Array = new Float64Array(rows * cols);
  for (let t = model.T; t >= 1; t--) {
    // a step the loss does not reach (an output no loss reads) has no gradient there
    if (Number.isNaN(sheet.value(d.q, t, 0))) continue;
    const share = outerProduct(
      column(rows, (i) => sheet.value(d.q, t, i)),
      column(cols, (j) => sheet.value(v.q, t - lag, j)),
    );
    sum = addMatrices(sum, share);
    steps.push({ t, share, sum });
  }
  return { q, d, v, rows, cols, steps };
}

/**
 * The places the shares of a weight are written with: the sheet's, or with rounded carry as many as
 * the most exact of them needs (they are products of carried numbers, kept in full for their sum).
 */
export function sharePlaces(model: WrittenModel, shares: WeightShares): number {
  if (model.carry === 'exact') return model.decimals;
  let places = model.decimals;
  for (const step of shares.steps)
    for (const v of [...step.share, ...step.sum]) places = Math.max(places, placesInFull(v, model.decimals));
  return places;
}

function column(length: number, at: (k: number) => number): Float64Array {
  return Float64Array.from({ length }, (_v, k) => at(k));
}

// (a bᵀ)[i][j] = a[i] b[j], row after row
export function outerProduct(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length * b.length);
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) out[i * b.length + j] = (a[i] as number) * (b[j] as number);
  return out;
}

function addMatrices(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let k = 0; k < a.length; k++) out[k] = (a[k] as number) + (b[k] as number);
  return out;
}
