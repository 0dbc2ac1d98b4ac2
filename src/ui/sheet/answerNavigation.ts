// Moving between answer cells like a spreadsheet: Tab and Enter in the order the numbers are
// worked out; the arrow keys to the nearest answer cell in that direction on the page.

import { slotKey } from '../../core/records/records';
import { parseSlot } from '../../core/records/recordTable';
import { nextToFill } from '../../store/practice';
import { selectFocusRecord, selectPracticeContext, type WorksheetState } from '../../store/worksheetStore';
import { revealStep } from './stepWindow';

export type Direction = 'up' | 'down' | 'left' | 'right';

/** Puts the student where they were (with `resume`), else at the first cell still to fill. */
export function focusFirstToFill(s: WorksheetState, resume = false): void {
  const ctx = selectPracticeContext(s);
  if (!ctx) return;
  const n = (resume ? selectFocusRecord(s) : null) ?? nextToFill(ctx, ctx.inputs.length - 1);
  const r = n === null ? undefined : ctx.records.get(n);
  if (r) focusSlot(slotKey(r.q, r.t, r.i, r.j));
}

/**
 * Focuses the answer cell of a slot. On a sheet too large to draw whole, a cell of a step not
 * drawn is focused once its step is (on the next frame).
 */
export function focusSlot(slot: string): boolean {
  const find = () => document.querySelector<HTMLInputElement>(`.sheet input.answer[data-slot="${CSS.escape(slot)}"]`);
  const focus = (input: HTMLInputElement) => {
    input.focus();
    input.select();
  };
  const input = find();
  if (input) focus(input);
  else {
    const t = parseSlot(slot)?.t;
    if (t === undefined || !revealStep(t)) return false;
    requestAnimationFrame(() => {
      const drawn = find();
      if (drawn) focus(drawn);
    });
  }
  return true;
}

/** The answer cell nearest to `from` in a direction, by the cells' boxes on screen; null at an edge. */
export function nearestInDirection(from: HTMLElement, direction: Direction): HTMLInputElement | null {
  const a = from.getBoundingClientRect();
  const ax = a.left + a.width / 2;
  const ay = a.top + a.height / 2;
  let best: HTMLInputElement | null = null;
  let bestScore = Infinity;
  for (const input of document.querySelectorAll<HTMLInputElement>('.sheet input.answer')) {
    if (input === from) continue;
    const b = input.getBoundingClientRect();
    const dx = b.left + b.width / 2 - ax;
    const dy = b.top + b.height / 2 - ay;
    const along = direction === 'up' ? -dy : direction === 'down' ? dy : direction === 'left' ? -dx : dx;
    const across = direction === 'up' || direction === 'down' ? Math.abs(dx) : Math.abs(dy);
    // a cell a few pixels lower in the next column is beside, not below
    if (along < (direction === 'up' || direction === 'down' ? a.height : a.width) / 2) continue;
    // straight on beats nearer but off to the side
    const score = along + 3 * across;
    if (score < bestScore) {
      bestScore = score;
      best = input;
    }
  }
  return best;
}
