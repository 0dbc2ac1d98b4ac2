// Two tabs of one browser on the same worksheet: two stores over one storage. The browser tells
// every other tab when one saves (the storage event); here the test says when each tab hears it.
import type { StoreApi } from 'zustand/vanilla';
import { slotKey } from '../../../src/core/records/records';
import { createPersistence, type CellEntry } from '../../../src/store/persist';
import { cellStatus } from '../../../src/store/practice';
import {
  createWorksheetStore,
  selectPracticeContext,
  storageKey,
  type WorksheetState,
} from '../../../src/store/worksheetStore';

export type Store = StoreApi<WorksheetState>;

export const Bx = (t: number, i: number) => slotKey('mv:W_ih', t, i);
export const Ah = (t: number, i: number) => slotKey('mv:W_hh', t, i);

/** a tab practising a worksheet, a fresh store over the shared storage */
export function tab(storage: Storage, id = 'rnn-by-hand'): Store {
  const store = createWorksheetStore(id, { persistence: createPersistence(() => storage) });
  store.getState().setMode('practice');
  return store;
}
/** the tab hears that another tab saved what it has open */
export function hears(store: Store): void {
  store.getState().progressChangedElsewhere(storageKey(store.getState()));
}
export function answer(store: Store, slot: string, text: string): void {
  store.getState().typeAnswer(slot, text);
  store.getState().checkAnswer(slot);
}
export const texts = (store: Store) =>
  Object.fromEntries(Object.entries(store.getState().progress.cells).map(([slot, e]) => [slot, e.text]));
export const status = (store: Store, slot: string) => {
  const ctx = selectPracticeContext(store.getState())!;
  return cellStatus(ctx, ctx.index.get(slot)!).kind;
};
export const checked = (text: string, more: Partial<CellEntry> = {}): CellEntry => ({
  text,
  checked: true,
  hints: 0,
  revealed: false,
  ...more,
});
