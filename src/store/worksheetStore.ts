// The app's state: which worksheet is open and which record the student is at. The trace is
// derived from the worksheet (computeSheet, memoised), never stored beside it.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { BUILT_IN_WORKSHEETS, findBuiltIn } from '../worksheets';
import { computeSheet, type ComputedSheet } from './sheet';

export interface WorksheetState {
  readonly worksheetId: string;
  readonly file: unknown;
  /** index of the current record */
  readonly position: number;
  open(id: string): void;
  goTo(position: number): void;
  next(): void;
  previous(): void;
}

export function createWorksheetStore(initialId = BUILT_IN_WORKSHEETS[0]?.id ?? ''): StoreApi<WorksheetState> {
  return createStore<WorksheetState>()((set, get) => {
    const count = () => {
      const s = computeSheet(get().file);
      return s.ok ? s.records.length : 0;
    };
    return {
      worksheetId: initialId,
      file: findBuiltIn(initialId)?.file ?? null,
      position: 0,
      open(id) {
        const w = findBuiltIn(id);
        if (w) set({ worksheetId: id, file: w.file, position: 0 });
      },
      goTo(position) {
        set({ position: Math.max(0, Math.min(position, count() - 1)) });
      },
      next() {
        get().goTo(get().position + 1);
      },
      previous() {
        get().goTo(get().position - 1);
      },
    };
  });
}

/** The computed sheet of the open worksheet. */
export function selectSheet(state: WorksheetState): ComputedSheet {
  return computeSheet(state.file);
}
