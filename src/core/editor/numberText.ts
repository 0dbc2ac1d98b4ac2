// A number as a person types or pastes it: digits with an optional sign, point and exponent; a
// decimal comma where the comma is not what separates the cells; the typographic minus the app writes.

// no hex, no "Infinity", no blanks inside: only what a person means as a decimal number
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d*,\d+([eE][+-]?\d+)?$|^[+-]?\d+,$/;

/**
 * The number a text means, or null when it means none (empty, two points, letters, too large
 * for float64).
 * @param decimalComma  whether "0,5" means 0.5 (not where commas separate the cells)
 */
export function parseNumberText(text: string, decimalComma = true): number | null {
  let t = text.trim().replace(/^[\u2212\u2013]/, '-');
  if (decimalComma && DECIMAL_COMMA.test(t)) t = t.replace(',', '.');
  if (!DECIMAL.test(t)) return null;
  const n = Number(t);
  // + 0 turns -0 into 0: a typed "-0" is the 0 it looks like
  return Number.isFinite(n) ? n + 0 : null;
}

/** The text a number is edited as: the shortest that reads back as the same float64. */
export function numberText(n: number): string {
  return String(n);
}
