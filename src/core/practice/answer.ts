// A number a student types into a cell, read the way people write it, and checked against the
// value the engine carried: right when within half a unit of the worksheet's last decimal place.

export type ParsedAnswer =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: 'empty' | 'notANumber' };

// an optional sign, digits with at most one decimal point or comma, or a leading point (.5)
const NUMBER = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

/**
 * Reads `-0.5`, `−0.5` (Unicode minus), `.5`, `0,5` (decimal comma), `+3`, with spaces around
 * (and between the sign and the digits). Anything else, `1e3` and `1,000.5` included, is not a
 * number a student writes on a worksheet, and is refused rather than guessed at.
 */
export function parseAnswer(text: string): ParsedAnswer {
  const compact = text
    .trim()
    .replace(/^([+\-\u2212\u2013])\s+/, '$1')
    .replace(/^[\u2212\u2013]/, '-');
  if (compact === '') return { ok: false, reason: 'empty' };
  if (!NUMBER.test(compact)) return { ok: false, reason: 'notANumber' };
  return { ok: true, value: Number(compact.replace(',', '.')) };
}

/** Half a unit of the last decimal place: 0.005 at 2 decimals. */
export function tolerance(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

/**
 * |answer − expected| ≤ half a unit of the last place, so 0.75 is right for 0.7499… at 2
 * decimals. The bound is inclusive, with a little slack for binary fractions: 0.745 typed for
 * 0.75 is as far as 0.755 and both count.
 */
export function isWithinTolerance(answer: number, expected: number, decimals: number): boolean {
  const slack = 1e-9 * Math.max(1, Math.abs(expected));
  return Math.abs(answer - expected) <= tolerance(decimals) + slack;
}
