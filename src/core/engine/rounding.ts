// Decimal rounding as on paper: what a worksheet writes down and, with "rounded" carry, computes on.

/**
 * Rounds x half away from zero to `decimals` places, as a person does on paper.
 * The float64 value is first read as the 15-significant-digit decimal that
 * `toPrecision(15)` gives, so binary noise (3.4364999999999997 for 3.4365) does not
 * decide the rounding; the result is the float64 nearest to the rounded decimal.
 * @param x         any number; non-finite values come back unchanged
 * @param decimals  places after the point, 0 to 6
 */
export function roundHalfAwayFromZero(x: number, decimals: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  const sign = x < 0 ? -1 : 1;
  // toExponential(14) gives the same 15 significant digits as toPrecision(15), always as d.ddd…e±n
  const [mantissa = '', exponentText = '0'] = Math.abs(x).toExponential(14).split('e');
  const digits = mantissa.replace('.', '');
  // |x| = int(digits) × 10^(exponent − 14); keeping `decimals` places drops `dropped` digits
  const dropped = 14 - Number(exponentText) - decimals;
  if (dropped <= 0) return sign * Number(Math.abs(x).toPrecision(15));
  if (dropped > 15) return 0;
  const kept = Number(digits.slice(0, 15 - dropped) || '0');
  const firstDropped = digits.charCodeAt(15 - dropped) - 48;
  const units = kept + (firstDropped >= 5 ? 1 : 0);
  if (units === 0) return 0;
  // units < 2^53 and 10^decimals are exact, so the quotient is the float64 nearest the decimal
  return (sign * units) / 10 ** decimals;
}

/**
 * The value as written on the sheet: rounded half away from zero, with exactly
 * `decimals` places and an ASCII minus ("-0.50"); never "-0".
 */
export function formatFixed(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return String(x);
  return roundHalfAwayFromZero(x, decimals).toFixed(decimals);
}
