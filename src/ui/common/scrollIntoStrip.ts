// A strip wider than the window (the overview of a long sequence, its unrolled diagram) scrolls
// sideways in its own box instead of widening the page; the item marking the current step is
// brought into that box, without scrolling the page itself up or down.
import { useEffect, type RefObject } from 'react';

/** Scrolls `strip` sideways so that `item` is inside it: centred when it was out of view. */
export function scrollIntoStrip(strip: HTMLElement, item: Element): void {
  const box = strip.getBoundingClientRect();
  const at = item.getBoundingClientRect();
  if (at.left >= box.left && at.right <= box.right) return;
  strip.scrollLeft += at.left + at.width / 2 - (box.left + box.width / 2);
}

/** Keeps the element of `strip` that matches `selector` in view whenever `key` changes. */
export function useCurrentInStrip(strip: RefObject<HTMLElement | null>, selector: string, key: unknown): void {
  useEffect(() => {
    // in the next frame, where the page is laid out anyway: measured now, before the first paint,
    // the page would be laid out once for this and again for the paint
    const frame = requestAnimationFrame(() => {
      const el = strip.current;
      const item = el?.querySelector(selector);
      if (el && item && el.scrollWidth > el.clientWidth) scrollIntoStrip(el, item);
    });
    return () => cancelAnimationFrame(frame);
  }, [strip, selector, key]);
}
