// What "carry" means for a value the worksheet writes down: kept as computed, or rounded and
// computed on with the rounded value, as with pencil and paper.

import { formatFixed, roundHalfAwayFromZero } from './rounding';
import type { Model } from '../format/worksheet';
import type { Matrix } from './linalg';

/** Applied to every value the worksheet writes down; the identity with exact carry. */
export type Keep = (v: number) => number;

export function createKeep(carry: 'exact' | 'rounded', decimals: number): Keep {
  return carry === 'rounded' ? (v) => roundHalfAwayFromZero(v, decimals) : (v) => v;
}

const ROUNDED_STATES = new Set(['i', 'f', 'g', 'o', 'r', 'z', 'n', 'c', 'h', 'y', 'L']);

/**
 * Whether rounded carry rounds quantity q of the forward pass (CONTRACT: each pre-activation,
 * gate, candidate, c, h, y, and the total loss). The rest is carried as computed: the products
 * inside a sum, tanh(c), the GRU's W_hn h + b_hn, each step's loss, and the givens. With the
 * model, W_hy h counts as the readout's pre-activation where it is one (ψ not the identity, no b_y).
 */
export function isRoundedWhenCarried(q: string, model?: Pick<Model, 'readout'>): boolean {
  return q.startsWith('pre:') || ROUNDED_STATES.has(q) || (model !== undefined && q === readoutPre(model));
}

/** W_hy h is the readout's pre-activation (so written rounded) when ψ is not the identity and there is no b_y. */
function readoutPre(model: Pick<Model, 'readout'>): string | null {
  const r = model.readout;
  return r?.W_hy && r.activation !== 'identity' && !r.b_y ? 'mv:W_hy' : null;
}

/** The most places beyond the sheet's own that a value carried unrounded is written with. */
export const EXTRA_PLACES = 2;

/**
 * The places a value is written with. Exact carry shows everything at the sheet's decimals. With
 * rounded carry, a value carried unrounded (0.9 · 1.45 = 1.305 at 1 decimal) is written in full,
 * up to EXTRA_PLACES more, so that the sum it goes into adds up on the sheet; every value of one
 * quantity with the same places (the most any of them needs: model.writtenPlaces), so that a column
 * does not read 0.0 under 0.664.
 */
export function writtenDecimals(model: WrittenModel, q: string, value: number): number {
  // every gradient is rounded as it is written (docs/trace.md), whatever the value it comes from
  if (model.carry === 'exact' || isRoundedWhenCarried(q, model) || q.startsWith('d:')) return model.decimals;
  return model.writtenPlaces?.(q) ?? placesInFull(value, model.decimals);
}

/** What the places a value is written with depend on. */
export type WrittenModel = Pick<Model, 'decimals' | 'carry' | 'readout' | 'writtenPlaces'>;

/** Value v of quantity q as the sheet writes it ("-0.50", "1.305"), with the places writtenDecimals gives. */
export function formatWritten(model: WrittenModel, q: string, v: number): string {
  return formatFixed(v, writtenDecimals(model, q, v));
}

/** The fewest places from d to d + EXTRA_PLACES that write value exactly; d + EXTRA_PLACES if none do. */
export function placesInFull(value: number, d: number): number {
  for (let k = d; k < d + EXTRA_PLACES; k++)
    if (Math.abs(roundHalfAwayFromZero(value, k) - value) <= 1e-9 * Math.max(1, Math.abs(value))) return k;
  return d + EXTRA_PLACES;
}

/** The most places any value of the sheet can be written with (to size its cells). */
export function maxWrittenDecimals(model: Pick<Model, 'decimals' | 'carry' | 'readout'>): number {
  return model.carry === 'exact' ? model.decimals : model.decimals + EXTRA_PLACES;
}

/** The most places beyond the sheet's own that a given is written with (a weight after training, say). */
export const GIVEN_EXTRA_PLACES = 4;

/**
 * Whether the value of q at step t is a given (CONTRACT: inputs, h0, c0, parameters, and the
 * targets), which the sheet writes as typed rather than at its decimals.
 */
export function isGiven(q: string, t: number | undefined): boolean {
  return q === 'x' || q === 'target' || ((q === 'h' || q === 'c') && t === 0) || /^[Wb]_/.test(q);
}

/**
 * The places a given is written with: as typed, the fewest that write it exactly (4 as 4, 0.5 as
 * 0.5, 0.125 as 0.125), and at most the sheet's decimals + GIVEN_EXTRA_PLACES (a trained weight's
 * 0.12345678 as 0.123457 on a 2-decimal sheet).
 */
export function givenPlaces(value: number, decimals: number): number {
  if (Number.isInteger(value) || !Number.isFinite(value)) return 0;
  const most = decimals + GIVEN_EXTRA_PLACES;
  // read as the 15-significant-digit decimal (as rounding does), so 0.1 + 0.2 is 0.3 as typed
  const text = String(Number(Math.abs(value).toPrecision(15)));
  if (text.includes('e')) return most;
  const point = text.indexOf('.');
  return point < 0 ? 0 : Math.min(most, text.length - point - 1);
}

/** The most places any given of the model is written with (to size the sheet's cells). */
export function maxGivenPlaces(model: Model): number {
  const most = model.decimals + GIVEN_EXTRA_PLACES;
  let places = 0;
  const visit = (v: number) => {
    if (places < most) places = Math.max(places, givenPlaces(v, model.decimals));
  };
  const visitMatrix = (m: Matrix | null | undefined) => {
    if (m) for (let k = 0; k < m.data.length && places < most; k++) visit(m.data[k] as number);
  };
  for (const W of model.weights.values()) visitMatrix(W);
  visitMatrix(model.readout?.W_hy);
  for (const [name, b] of model.biases) if (model.givenBiases.has(name)) b.forEach(visit);
  model.readout?.b_y?.forEach(visit);
  for (const vs of [model.xs, model.targets ?? [], [model.h0, model.c0]]) for (const v of vs) v.forEach(visit);
  return places;
}
