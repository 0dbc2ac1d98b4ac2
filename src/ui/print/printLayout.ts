// The page a handout is printed on, and how much the sheet is scaled to fit its width: pure
// arithmetic, so the one decision that keeps a wide sheet from being cut can be tested as such.

export type Paper = 'A4' | 'Letter';
export type HandoutVersion = 'blank' | 'key';

/** CSS pixels per millimetre (96 per inch). */
const PX_PER_MM = 96 / 25.4;

/** Paper width and height in millimetres. */
export const PAPER_MM: Record<Paper, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
};

/** The margin on every side: room for a printer's edge and a staple, without wasting the page. */
export const PAGE_MARGIN_MM = 12;

/** The @page rule for the paper (a class cannot switch @page size, so it is injected as printed). */
export function pageCss(paper: Paper): string {
  return `@page { size: ${paper === 'A4' ? 'A4' : 'letter'} portrait; margin: ${PAGE_MARGIN_MM}mm; }`;
}

/** The width inside the margins, in CSS pixels. */
export function printableWidthPx(paper: Paper): number {
  return (PAPER_MM[paper].width - 2 * PAGE_MARGIN_MM) * PX_PER_MM;
}

/** Below this, print is too small to read and to write in: rows of blocks wrap instead. */
export const MIN_READABLE_ZOOM = 0.7;

/**
 * The factor the sheet is drawn at on paper: 1 if it fits; else small enough for its whole
 * width to fit, but not below MIN_READABLE_ZOOM, where rows of blocks wrap within the page
 * instead; and always small enough for the widest block, which cannot wrap, to fit.
 * @param natural      the sheet's width with nothing wrapped, in CSS px
 * @param widestBlock  the widest single block (a matrix with its vector and result), in CSS px
 * @param printable    the page's width inside its margins, in CSS px
 */
export function printZoom(natural: number, widestBlock: number, printable: number): number {
  if (!(natural > 0) || !(printable > 0)) return 1;
  const whole = Math.max(printable / natural, MIN_READABLE_ZOOM);
  const block = widestBlock > 0 ? printable / widestBlock : Infinity;
  return Math.min(1, whole, block);
}
