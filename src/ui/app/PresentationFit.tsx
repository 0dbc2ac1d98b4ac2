// While presenting, sets the page's type so that the time step being worked fills the screen's
// width (presentationFit.ts), times the room's own + and −; measured afresh when the screen, the
// worksheet or the fonts change. Leaving presentation gives the page back its own size.
import { useLayoutEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { slotKey } from '../../core/records/records';
import { frameView } from '../../store/view';
import { framesOf, selectSheet, type WorksheetState } from '../../store/worksheetStore';
import { useWorksheet, useWorksheetStore } from '../common/storeContext';
import { presentationScale } from './presentationFit';
import { unionBox } from './followCells';

// enough for the first steps of any sheet (later steps are alike), few enough to measure at once
const MEASURED_FRAMES = 400;
const MEASURED_CELLS = 8000;

/**
 * The tallest stretch of one time step that a frame works on (the cell written and those read in
 * its step, f₁ high up and f₁ ⊙ c₀ below, say): the room must see all of it at once.
 */
function tallestWorking(s: WorksheetState): number {
  const computed = selectSheet(s);
  if (!computed.ok) return 0;
  const cells = new Map<string, { box: DOMRect; step: Element | null }[]>();
  for (const el of [...document.querySelectorAll<HTMLElement>('.sheet .steps [data-q]')].slice(0, MEASURED_CELLS)) {
    const { q = '', t, i, j } = el.dataset;
    const key = slotKey(q, Number(t), Number(i), j === undefined ? undefined : Number(j));
    const list = cells.get(key) ?? [];
    list.push({ box: el.getBoundingClientRect(), step: el.closest('.step') });
    cells.set(key, list);
  }
  let tallest = 0;
  for (const frame of framesOf(s, s.direction).slice(0, MEASURED_FRAMES)) {
    const view = frameView(computed.sheet.model, computed.records, frame);
    const written = [...view.current].flatMap((k) => cells.get(k) ?? []);
    const step = written[0]?.step;
    if (!step) continue;
    const boxes = [...view.current, ...view.reads].flatMap((k) => (cells.get(k) ?? []).filter((c) => c.step === step));
    const span = unionBox(boxes.map((c) => c.box));
    tallest = Math.max(tallest, span.bottom - span.top);
  }
  return tallest;
}

/** The widest time step drawn, the page's margins beside the sheet, the pinned panel's height and the tallest work. */
function measure(s: WorksheetState) {
  const steps = document.querySelector('.sheet .steps');
  const drawn = [...document.querySelectorAll('.sheet .steps > .step:not(.total):not(.gradients):not(.not-drawn)')];
  if (!steps || drawn.length === 0) return null;
  const width = steps.getBoundingClientRect().width;
  return {
    viewportWidth: window.innerWidth,
    viewportHeight: window.innerHeight,
    // the first few: a long sheet's steps are alike, and measuring hundreds would cost a lecture's step
    stepWidth: Math.max(...drawn.slice(0, 4).map((e) => e.getBoundingClientRect().width)),
    margins: window.innerWidth - width,
    panelHeight: document.querySelector('.pinned')?.getBoundingClientRect().height ?? 0,
    workingHeight: tallestWorking(s),
  };
}

export function PresentationFit() {
  const store: StoreApi<WorksheetState> = useWorksheetStore();
  const presenting = useWorksheet((s) => s.presenting);
  const size = useWorksheet((s) => s.presentSize);
  const file = useWorksheet((s) => s.file);
  const mode = useWorksheet((s) => s.mode);
  const direction = useWorksheet((s) => s.direction);
  useLayoutEffect(() => {
    const root = document.documentElement;
    if (!presenting) return;
    const fit = () => {
      root.style.removeProperty('font-size');
      const m = measure(store.getState());
      if (!m) return;
      const base = parseFloat(getComputedStyle(root).fontSize);
      root.style.fontSize = `${(base * presentationScale(m, size)).toFixed(1)}px`;
    };
    fit();
    const fonts = typeof document.fonts?.addEventListener === 'function' ? document.fonts : null;
    fonts?.addEventListener('loadingdone', fit);
    window.addEventListener('resize', fit);
    return () => {
      fonts?.removeEventListener('loadingdone', fit);
      window.removeEventListener('resize', fit);
      root.style.removeProperty('font-size');
    };
  }, [presenting, size, file, mode, direction, store]);
  return null;
}
