// What "carry" means for a value the worksheet writes down: kept as computed, or rounded and
// computed on with the rounded value, as with pencil and paper.

import { roundHalfAwayFromZero } from './rounding';

/** Applied to every value the worksheet writes down; the identity with exact carry. */
export type Keep = (v: number) => number;

export function createKeep(carry: 'exact' | 'rounded', decimals: number): Keep {
  return carry === 'rounded' ? (v) => roundHalfAwayFromZero(v, decimals) : (v) => v;
}
