// Which steps of the sheet are drawn in full. A by-hand sheet is drawn whole; a sheet too large for
// that (a file with H = 16 and T = 64 has over 100,000 numbers) draws the step being worked, its
// neighbours and whatever steps are scrolled into view, and a box of the same size for each of the
// others, so that stepping, scrolling and the scrollbar behave as if every step were there.
// Printing draws every step.
import { startTransition, useDeferredValue, useEffect, useLayoutEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import {
  selectFocusRecord,
  selectPracticeContext,
  selectSheet,
  selectView,
  type WorksheetState,
} from '../../store/worksheetStore';
import type { StepLayout } from './layout';

/** Sheets with at most this many numbers are drawn whole (every built-in worksheet is far below). */
export const WHOLE_SHEET_CELLS = 4000;

/** How many numbers a step's blocks draw (a product: its matrix, the vector above it and the result). */
export function stepCellCount(step: StepLayout, matrixSize: (W: string) => { rows: number; cols: number }): number {
  let count = 0;
  for (const row of step.rows)
    for (const block of row) {
      if (block.kind !== 'product') count += block.length;
      else {
        const { rows, cols } = matrixSize(block.W);
        count += rows * cols + rows + cols;
      }
    }
  return count;
}

/** The step the walkthrough or the student is at (the total loss, which belongs to no step, counts as the last). */
export function selectCurrentStep(s: WorksheetState): number {
  const computed = selectSheet(s);
  if (!computed.ok) return 1;
  const T = computed.sheet.model.T;
  if (s.mode === 'walkthrough') return selectView(s).step || T;
  const n = practisedRecord(s);
  return n === null ? 1 : computed.records.t(n) || T;
}

/** The quantity the walkthrough or the student is at (null where none is: practice done, say). */
export function selectCurrentQuantity(s: WorksheetState): string | null {
  const computed = selectSheet(s);
  if (!computed.ok) return null;
  if (s.mode === 'walkthrough') return selectView(s).q || null;
  const n = practisedRecord(s);
  return n === null ? null : computed.records.q(n);
}

/** In practice or a quiz, the record of the cell the student is at, or else the first one to work backward. */
function practisedRecord(s: WorksheetState): number | null {
  return selectFocusRecord(s) ?? firstBackwardAsked(s);
}

/** Backward, the first cell to work is ∂L/∂y_T, in the last step: drawn first, so that it can be focused. */
function firstBackwardAsked(s: WorksheetState): number | null {
  const ctx = selectPracticeContext(s);
  const first = ctx?.inputs[0];
  return first !== undefined && ctx?.records.phase(first) === 'backward' ? first : null;
}

/** No step: the neighbours of the step being worked are not drawn yet. */
const NOT_YET = -2;

let reveal: ((t: number) => void) | null = null;

/** Draws step t in full if it is not (for focusing a cell in it); false when no sheet is shown. */
export function revealStep(t: number): boolean {
  if (!reveal) return false;
  reveal(t);
  return true;
}

/**
 * The steps drawn in full, or null for all of them.
 * @param steps  the element that scrolls the steps sideways; its children carry data-step
 */
export function useStepWindow(
  steps: React.RefObject<HTMLElement | null>,
  windowed: boolean,
  current: number,
  /** the boxes that stand in for steps have their size: before that, many fit the view at once */
  measured: boolean,
  /** the steps laid out: another sheet has other steps to watch */
  layout: readonly StepLayout[],
  /** past the first paint: a sheet drawn whole draws only the steps up to the current one before it */
  settled: boolean,
): ReadonlySet<number> | null {
  const [inView, setInView] = useState<ReadonlySet<number>>(() => new Set());
  const [revealed, setRevealed] = useState<number | null>(null);
  const [printing, setPrinting] = useState(false);

  // a cell asked for in a step not drawn yet (a quiz opening on its first question, in step 3)
  useEffect(() => {
    reveal = setRevealed;
    return () => {
      if (reveal === setRevealed) reveal = null;
    };
  }, []);

  useEffect(() => {
    if (!windowed) return;
    // the page is laid out for printing as soon as the handlers return: every step is drawn first
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [windowed]);

  // the steps scrolled into view, and a screen's width either side, so a scroll finds them drawn
  useLayoutEffect(() => {
    const root = steps.current;
    if (!windowed || !measured || !root || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) =>
        // in a transition: a step scrolled into view is drawn in slices, never holding up a key press
        startTransition(() =>
          setInView((prev) => {
            const next = new Set(prev);
            for (const e of entries) {
              const t = Number((e.target as HTMLElement).dataset.step);
              if (e.isIntersecting) next.add(t);
              else next.delete(t);
            }
            return sameSet(prev, next) ? prev : next;
          }),
        ),
      { root, rootMargin: '0px 100% 0px 100%' },
    );
    for (const child of root.querySelectorAll(':scope > [data-step]')) observer.observe(child);
    return () => observer.disconnect();
  }, [steps, windowed, measured, layout]);

  // the step being worked is drawn at once; its neighbours just after (on opening, after the first
  // paint), in a transition that React does in slices between frames
  const around = useDeferredValue(current, NOT_YET);
  if (printing || (!windowed && settled)) return null;
  if (!windowed) {
    const first = new Set<number>();
    for (let t = 1; t <= current; t++) first.add(t);
    if (revealed !== null) first.add(revealed);
    return first;
  }
  const drawn = new Set(inView);
  drawn.add(current);
  if (around !== NOT_YET) for (const t of [around - 1, around, around + 1]) drawn.add(t);
  if (revealed !== null) drawn.add(revealed);
  return drawn;
}

function sameSet(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
