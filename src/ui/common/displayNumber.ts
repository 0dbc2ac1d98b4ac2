// A number as the sheet shows it: at the worksheet's decimals, with a true minus sign (U+2212),
// which reads better than a hyphen on a projector.
import { formatWritten } from '../../core/engine/carry';
import { formatFixed } from '../../core/engine/rounding';
import type { Model } from '../../core/format/worksheet';
import { superscript } from './quantityText';

export function displayNumber(x: number, decimals: number): string {
  return largeNumber(x) ?? formatFixed(x, decimals).replace('-', '\u2212');
}

/** Value v of quantity q with the places the sheet writes it with (see writtenDecimals). */
export function displayWritten(model: Model, q: string, v: number): string {
  return largeNumber(v) ?? formatWritten(model, q, v).replace('-', '\u2212');
}

/** Past any by-hand sheet's numbers (a run of training that blows up): 3 figures and a power of ten. */
const LARGE = 1e7;

// 5483224714597700 as 5.48×10¹⁵, where its 16 digits would run into the next cell
function largeNumber(x: number): string | null {
  if (!(Math.abs(x) >= LARGE) || !Number.isFinite(x)) return null;
  const [mantissa, exponent] = x.toExponential(2).split('e') as [string, string];
  return `${mantissa.replace('-', '\u2212')}×10${superscript(Number(exponent))}`;
}
