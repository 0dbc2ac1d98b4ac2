// Preferences: how the app looks (light or dark), presentation mode for a projector, and the
// language. They are the user's, not the worksheet's: opening another sheet keeps them; the
// language is kept across visits too (preferenceStorage.ts).
import type { StateCreator } from 'zustand/vanilla';
import type { PreferenceStorage } from '../preferenceStorage';
import type { WorksheetState } from '../worksheetStore';

export type Theme = 'light' | 'dark';

export interface PreferencesSlice {
  /** presentation mode: chrome hidden, large type, for a projector */
  readonly presenting: boolean;
  readonly theme: Theme;
  /** a language code the UI has a catalogue for ('en', 'zh'); the store does not know which there are */
  readonly language: string;
  setPresenting(presenting: boolean): void;
  setTheme(theme: Theme): void;
  /** the language chosen, kept for the next visit */
  setLanguage(language: string): void;
}

export const createPreferencesSlice =
  (preferences: PreferenceStorage, language: string): StateCreator<WorksheetState, [], [], PreferencesSlice> =>
  (set) => ({
    presenting: false,
    theme: 'light',
    language,
    setPresenting(presenting) {
      set({ presenting });
    },
    setTheme(theme) {
      set({ theme });
    },
    setLanguage(language) {
      preferences.keepLanguage(language);
      set({ language });
    },
  });
