// Preferences: how the app looks (light or dark), and presentation mode for a projector. They are
// the user's, not the worksheet's: opening another sheet keeps them.
import type { StateCreator } from 'zustand/vanilla';
import type { WorksheetState } from '../worksheetStore';

export type Theme = 'light' | 'dark';

export interface PreferencesSlice {
  /** presentation mode: chrome hidden, large type, for a projector */
  readonly presenting: boolean;
  readonly theme: Theme;
  setPresenting(presenting: boolean): void;
  setTheme(theme: Theme): void;
}

export const createPreferencesSlice: StateCreator<WorksheetState, [], [], PreferencesSlice> = (set) => ({
  presenting: false,
  theme: 'light',
  setPresenting(presenting) {
    set({ presenting });
  },
  setTheme(theme) {
    set({ theme });
  },
});
