// On a phone, a swipe across the pinned caption and equation steps the walkthrough: left for the
// next frame, right for the one before. Only there: the sheet below scrolls sideways in its own
// box, and a swipe on it is that scroll.
import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { WorksheetState } from '../../store/worksheetStore';

/** How far a finger must travel across, in CSS pixels, and how much more across than down, to be a swipe. */
const SWIPE_PX = 50;
const ACROSS_OVER_DOWN = 2;

/** The step a touch from (x0, y0) to (x1, y1) asks for: +1, −1, or 0 for none (a tap, a scroll down). */
export function swipeStep(x0: number, y0: number, x1: number, y1: number): -1 | 0 | 1 {
  const across = x1 - x0;
  const down = Math.abs(y1 - y0);
  if (Math.abs(across) < SWIPE_PX || Math.abs(across) < ACROSS_OVER_DOWN * down) return 0;
  return across < 0 ? 1 : -1;
}

export function useSwipe(store: StoreApi<WorksheetState>): void {
  useEffect(() => {
    let start: { x: number; y: number } | null = null;
    const onStart = (e: TouchEvent) => {
      const target = e.target instanceof Element ? e.target : null;
      const touch = e.touches[0];
      start =
        e.touches.length === 1 && touch && target?.closest('.pinned') ? { x: touch.clientX, y: touch.clientY } : null;
    };
    const onEnd = (e: TouchEvent) => {
      const touch = e.changedTouches[0];
      if (!start || !touch || store.getState().mode !== 'walkthrough') return;
      const step = swipeStep(start.x, start.y, touch.clientX, touch.clientY);
      start = null;
      if (step === 1) store.getState().next();
      if (step === -1) store.getState().previous();
    };
    document.addEventListener('touchstart', onStart, { passive: true });
    document.addEventListener('touchend', onEnd);
    return () => {
      document.removeEventListener('touchstart', onStart);
      document.removeEventListener('touchend', onEnd);
    };
  }, [store]);
}
