// What "carry" means for a value the worksheet writes down: kept as computed, or rounded and
// computed on with the rounded value, as with pencil and paper.

import { formatFixed, roundHalfAwayFromZero } from './rounding';
import type { Model } from '../format/worksheet';

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
