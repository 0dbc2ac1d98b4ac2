// Preferences: how the app looks (light or dark), and presentation mode for a projector. They are
// the user's, not the worksheet's: opening another sheet keeps them. The theme the user picks is
// kept in the browser; until one is picked, the page follows the system's colour scheme.
import type { StateCreator } from 'zustand/vanilla';
import { createPageStorage } from '../pageStorage';
import type { WorksheetState } from '../worksheetStore';

export type Theme = 'light' | 'dark';

export interface PreferencesSlice {
  /** presentation mode: chrome hidden, large type, for a projector */
  readonly presenting: boolean;
  readonly theme: Theme;
  /** the user picked the theme (now or on an earlier visit): the system's colour scheme no longer decides it */
  readonly themeChosen: boolean;
  setPresenting(presenting: boolean): void;
  /** the user's pick: kept across reloads */
  setTheme(theme: Theme): void;
  /** the system's colour scheme, on a visit where the user has not picked one: not kept */
  followSystemTheme(dark: boolean): void;
}

/** Where the theme picked is kept. */
export interface ThemeKeeping {
  read(): Theme | null;
  write(theme: Theme): void;
}

const THEME_KEY = 'rnn-by-hand:theme';

/** @param getStorage  returns the storage to use; may throw (a browser that forbids it) */
export function createThemeKeeping(getStorage: () => Storage | null): ThemeKeeping {
  const page = createPageStorage(getStorage);
  return {
    read() {
      const saved = page.read(THEME_KEY);
      return saved === 'light' || saved === 'dark' ? saved : null;
    },
    write(theme) {
      page.write(THEME_KEY, theme);
    },
  };
}

export const createPreferencesSlice =
  (keeping: ThemeKeeping): StateCreator<WorksheetState, [], [], PreferencesSlice> =>
  (set, get) => {
    const saved = keeping.read();
    return {
      presenting: false,
      theme: saved ?? 'light',
      themeChosen: saved !== null,
      setPresenting(presenting) {
        set({ presenting });
      },
      setTheme(theme) {
        keeping.write(theme);
        set({ theme, themeChosen: true });
      },
      followSystemTheme(dark) {
        if (!get().themeChosen) set({ theme: dark ? 'dark' : 'light' });
      },
    };
  };
