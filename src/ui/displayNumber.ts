// A number as the sheet shows it: at the worksheet's decimals, with a true minus sign (U+2212),
// which reads better than a hyphen on a projector.
import { formatFixed } from '../core/rounding';

export function displayNumber(x: number, decimals: number): string {
  return formatFixed(x, decimals).replace('-', '\u2212');
}
