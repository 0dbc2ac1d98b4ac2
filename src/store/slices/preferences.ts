// Preferences: how the app looks (light or dark), and presentation mode for a projector. They are
// the user's, not the worksheet's: opening another sheet keeps them.
import type { StateCreator } from 'zustand/vanilla';
import type { WorksheetState } from '../worksheetStore';

/** How far the presentation's type is made smaller (−) or larger (+) than the fit, in steps of a tenth. */
export const PRESENT_SIZE_LIMIT = 5;

export type Theme = 'light' | 'dark';

export interface PreferencesSlice {
  /** presentation mode: chrome hidden, large type, for a projector */
  readonly presenting: boolean;
  readonly theme: Theme;
  /** the room's size of the presentation's type, from −PRESENT_SIZE_LIMIT to +PRESENT_SIZE_LIMIT steps */
  readonly presentSize: number;
  setPresenting(presenting: boolean): void;
  setPresentSize(size: number): void;
  setTheme(theme: Theme): void;
}

export const createPreferencesSlice: StateCreator<WorksheetState, [], [], PreferencesSlice> = (set) => ({
  presenting: false,
  theme: 'light',
  presentSize: 0,
  setPresenting(presenting) {
    set({ presenting });
  },
  setPresentSize(size) {
    set({ presentSize: Math.max(-PRESENT_SIZE_LIMIT, Math.min(PRESENT_SIZE_LIMIT, Math.round(size))) });
  },
  setTheme(theme) {
    set({ theme });
  },
});
