// The worksheet store, handed to every component through React context; components read it with
// narrow selectors so that a step re-renders only what changes.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { WorksheetState } from '../../store/worksheetStore';

export const StoreContext = createContext<StoreApi<WorksheetState> | null>(null);

export function useWorksheetStore(): StoreApi<WorksheetState> {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useWorksheetStore outside <StoreContext.Provider>');
  return store;
}

export function useWorksheet<T>(selector: (state: WorksheetState) => T): T {
  return useStore(useWorksheetStore(), selector);
}
