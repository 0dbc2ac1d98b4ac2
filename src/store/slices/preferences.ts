// Preferences: how the app looks (light or dark), presentation mode for a projector and its type
// size, and the language. They are the user's, not the worksheet's: opening another sheet keeps
// them. The theme picked, the type size and the language are kept across visits
// (preferenceStorage.ts); until a theme is picked, the page follows the system's colour scheme.
import type { StateCreator } from 'zustand/vanilla';
import type { PreferenceStorage } from '../preferenceStorage';
import type { WorksheetState } from '../worksheetStore';

/** How far the presentation's type is made smaller (−) or larger (+) than the fit, in steps of a tenth. */
export const PRESENT_SIZE_LIMIT = 5;

export type Theme = 'light' | 'dark';

export interface PreferencesSlice {
  /** presentation mode: chrome hidden, large type, for a projector */
  readonly presenting: boolean;
  readonly theme: Theme;
  /** the user picked the theme (now or on an earlier visit): the system's colour scheme no longer decides it */
  readonly themeChosen: boolean;
  /** the room's size of the presentation's type, from −PRESENT_SIZE_LIMIT to +PRESENT_SIZE_LIMIT steps: kept */
  readonly presentSize: number;
  /** a language code the UI has a catalogue for ('en', 'zh'); the store does not know which there are */
  readonly language: string;
  setPresenting(presenting: boolean): void;
  setPresentSize(size: number): void;
  /** the user's pick: kept across reloads */
  setTheme(theme: Theme): void;
  /** the system's colour scheme, on a visit where the user has not picked one: not kept */
  followSystemTheme(dark: boolean): void;
  /** the language chosen, kept for the next visit */
  setLanguage(language: string): void;
}

const presentSizeIn = (size: number) => Math.max(-PRESENT_SIZE_LIMIT, Math.min(PRESENT_SIZE_LIMIT, Math.round(size)));

export const createPreferencesSlice =
  (preferences: PreferenceStorage, language: string): StateCreator<WorksheetState, [], [], PreferencesSlice> =>
  (set, get) => {
    const saved = preferences.readTheme();
    return {
      presenting: false,
      theme: saved ?? 'light',
      themeChosen: saved !== null,
      presentSize: presentSizeIn(preferences.readPresentSize()),
      language,
      setPresenting(presenting) {
        set({ presenting });
      },
      setPresentSize(size) {
        const presentSize = presentSizeIn(size);
        preferences.keepPresentSize(presentSize);
        set({ presentSize });
      },
      setTheme(theme) {
        preferences.keepTheme(theme);
        set({ theme, themeChosen: true });
      },
      followSystemTheme(dark) {
        if (!get().themeChosen) set({ theme: dark ? 'dark' : 'light' });
      },
      setLanguage(language) {
        preferences.keepLanguage(language);
        set({ language });
      },
    };
  };
