// Printing a handout: the sheet drawn as the chosen version, the page size asked for, the sheet
// measured and scaled to the page's width, then the browser's own print; all undone afterwards.
// Ctrl+P without the dialog prints the sheet as shown, fitted the same way.
import { flushSync } from 'react-dom';
import { pageCss, printableWidthPx, printZoom, type HandoutVersion, type Paper } from './printLayout';
import { setPrintVersion } from './printState';

const PAGE_STYLE_ID = 'handout-page';

/** Draws the handout, fits it to the paper, and opens the browser's print once its fonts are in. */
export async function printHandout(version: HandoutVersion, paper: Paper): Promise<void> {
  flushSync(() => setPrintVersion(version));
  preparePrint(version, paper);
  window.addEventListener('afterprint', endPrint, { once: true });
  await texFontsLoaded();
  window.print();
}

// The handout's equations use KaTeX fonts the sheet on screen may not have needed yet (Σ is in
// KaTeX_Size1): a print started before they come leaves blanks where they go (seen: "L = _t L_t").
const TEX_FONTS = ['KaTeX_Main', 'KaTeX_Math', 'KaTeX_Size1', 'KaTeX_Size2', 'KaTeX_AMS'];
/** Long enough for fonts from the page's own server; a print is never held longer. */
const FONT_WAIT_MS = 3000;

function texFontsLoaded(): Promise<unknown> {
  const fonts = typeof document.fonts?.load === 'function' ? document.fonts : null;
  if (!fonts) return Promise.resolve();
  const loads = Promise.all(TEX_FONTS.map((f) => fonts.load(`1em ${f}`).catch(() => [])));
  return Promise.race([loads, new Promise((resolve) => setTimeout(resolve, FONT_WAIT_MS))]);
}

/** For a print not started from the dialog: the sheet as shown, fitted to the narrower paper. */
export function onBeforePrint(): void {
  if (document.documentElement.dataset.print !== undefined) return;
  // A4 is the narrower: fitted to it, the sheet fits Letter too
  preparePrint('shown', 'A4');
  window.addEventListener('afterprint', endPrint, { once: true });
}

function preparePrint(version: HandoutVersion | 'shown', paper: Paper): void {
  const root = document.documentElement;
  root.dataset.print = version;
  if (version !== 'shown') {
    let style = document.getElementById(PAGE_STYLE_ID);
    if (!style) {
      style = document.createElement('style');
      style.id = PAGE_STYLE_ID;
      document.head.append(style);
    }
    style.textContent = pageCss(paper);
  }
  fitSheet(paper);
}

/** Measures the sheet laid out for print (steps one under another, nothing wrapped) and scales it. */
export function fitSheet(paper: Paper): number {
  const root = document.documentElement;
  root.style.removeProperty('--print-zoom');
  root.style.removeProperty('--print-sheet-width');
  const sheet = document.querySelector<HTMLElement>('.sheet');
  if (!sheet) return 1;
  // a pixel to spare: a row as wide as the page, scaled, must not wrap on a rounding error
  const natural = Math.ceil(sheet.getBoundingClientRect().width) + 1;
  const printable = printableWidthPx(paper);
  let widestBlock = 0;
  // the blocks matter only to a sheet too wide for the page
  if (natural > printable)
    for (const block of sheet.querySelectorAll<HTMLElement>('.block, .input, .step-title'))
      widestBlock = Math.max(widestBlock, block.getBoundingClientRect().width);
  // a block sits inside its step's border and padding, which must fit on the page with it
  const step = widestBlock > 0 ? sheet.querySelector<HTMLElement>('.step') : null;
  if (step) {
    const style = getComputedStyle(step);
    const chrome = ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth'] as const;
    widestBlock += chrome.reduce((sum, k) => sum + (parseFloat(style[k]) || 0), 0);
  }
  const zoom = printZoom(natural, widestBlock, printable);
  root.style.setProperty('--print-zoom', String(zoom));
  // a step's border and padding come on top of its widest block: rows wrap inside the page's width
  root.style.setProperty('--print-sheet-width', `${printable / zoom}px`);
  return zoom;
}

/** Back to the screen: the sheet as the frame shows it, no page rule, no scaling. */
export function endPrint(): void {
  const root = document.documentElement;
  delete root.dataset.print;
  root.style.removeProperty('--print-zoom');
  root.style.removeProperty('--print-sheet-width');
  document.getElementById(PAGE_STYLE_ID)?.remove();
  setPrintVersion(null);
}
