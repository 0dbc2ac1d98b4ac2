// A number as the sheet shows it: at the worksheet's decimals, with a true minus sign (U+2212),
// which reads better than a hyphen on a projector.
import { formatWritten } from '../../core/engine/carry';
import { formatFixed } from '../../core/engine/rounding';
import type { Model } from '../../core/format/worksheet';

export function displayNumber(x: number, decimals: number): string {
  return formatFixed(x, decimals).replace('-', '\u2212');
}

/** Value v of quantity q with the places the sheet writes it with (see writtenDecimals). */
export function displayWritten(model: Model, q: string, v: number): string {
  return formatWritten(model, q, v).replace('-', '\u2212');
}
