// The practice and quiz panels stay pinned over the top of the page; the browser, scrolling a
// focused cell into view, does not know that. This keeps the cell being worked on, and as many of
// the cells it reads (outlined by a hint) as fit, below the panel and inside the window.

import { useEffect, useRef } from 'react';

const MARGIN = 8;

/** The bottom edge of the panel pinned over the page, in viewport pixels; 0 when there is none. */
function pinnedBottom(): number {
  const pinned = document.querySelector('.pinned-panel');
  return pinned ? Math.max(0, pinned.getBoundingClientRect().bottom) : 0;
}

/** Scrolls the page (up or down) so that `cell`, then the highest of `reads` it can, is in view. */
export function keepInView(cell: Element, reads: readonly Element[] = []): void {
  const top = pinnedBottom() + MARGIN;
  const bottom = window.innerHeight - MARGIN;
  const box = cell.getBoundingClientRect();
  let dy = box.top < top ? box.top - top : box.bottom > bottom ? box.bottom - bottom : 0;
  const highest = Math.min(box.top, ...reads.map((e) => e.getBoundingClientRect().top)) - dy;
  // reads above the panel come down as far as the cell itself can go without leaving the window
  if (highest < top) dy += Math.max(highest - top, -(bottom - (box.bottom - dy)));
  if (Math.abs(dy) >= 1) window.scrollBy(0, dy);
}

/** The focused answer cell and what it reads, kept in view (after a focus, or the panel changing size). */
export function keepFocusedCellInView(): void {
  const active = document.activeElement;
  if (!(active instanceof HTMLInputElement) || !active.classList.contains('answer')) return;
  keepInView(active, [...document.querySelectorAll('.sheet [data-role="read"]')]);
}

/** A ref for the pinned panel: as it grows or shrinks (a hint rung, a message), the focused cell stays in view. */
export function usePinnedPanel<T extends HTMLElement>(): React.RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    const panel = ref.current;
    if (!panel || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => keepFocusedCellInView());
    observer.observe(panel);
    return () => observer.disconnect();
  }, []);
  return ref;
}
