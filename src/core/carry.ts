// What "carry" means for a value the worksheet writes down: kept as computed, or rounded and
// computed on with the rounded value, as with pencil and paper.

import { roundHalfAwayFromZero } from './rounding';
import type { Vector } from './linalg';

/** Applied to every value the worksheet writes down; the identity with exact carry. */
export type Keep = (v: number) => number;

export function createKeep(carry: 'exact' | 'rounded', decimals: number): Keep {
  return carry === 'rounded' ? (v) => roundHalfAwayFromZero(v, decimals) : (v) => v;
}

/** Applies `keep` to every element of v in place. */
export function keepAll(v: Vector, keep: Keep, rounded: boolean): Vector {
  if (rounded) for (let k = 0; k < v.length; k++) v[k] = keep(v[k] as number);
  return v;
}
