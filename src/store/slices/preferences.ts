// Preferences: how the app looks (light or dark), and presentation mode for a projector. They are
// the user's, not the worksheet's: opening another sheet keeps them. The theme the user picks is
// kept in the browser; until one is picked, the page follows the system's colour scheme.
import type { StateCreator } from 'zustand/vanilla';
import { createPageStorage } from '../pageStorage';
import type { WorksheetState } from '../worksheetStore';

/** How far the presentation's type is made smaller (−) or larger (+) than the fit, in steps of a tenth. */
export const PRESENT_SIZE_LIMIT = 5;

export type Theme = 'light' | 'dark';

export interface PreferencesSlice {
  /** presentation mode: chrome hidden, large type, for a projector */
  readonly presenting: boolean;
  readonly theme: Theme;
  /** the room's size of the presentation's type, from −PRESENT_SIZE_LIMIT to +PRESENT_SIZE_LIMIT steps: kept */
  readonly presentSize: number;
  /** the user picked the theme (now or on an earlier visit): the system's colour scheme no longer decides it */
  readonly themeChosen: boolean;
  setPresenting(presenting: boolean): void;
  setPresentSize(size: number): void;
  /** the user's pick: kept across reloads */
  setTheme(theme: Theme): void;
  /** the system's colour scheme, on a visit where the user has not picked one: not kept */
  followSystemTheme(dark: boolean): void;
}

/** Where the theme picked is kept, and the room's presentation type size (a lecturer's laptop, one room). */
export interface ThemeKeeping {
  read(): Theme | null;
  write(theme: Theme): void;
  readPresentSize(): number;
  writePresentSize(size: number): void;
}

const THEME_KEY = 'rnn-by-hand:theme';
const PRESENT_SIZE_KEY = 'rnn-by-hand:present-size';

const presentSizeIn = (size: number) => Math.max(-PRESENT_SIZE_LIMIT, Math.min(PRESENT_SIZE_LIMIT, Math.round(size)));

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
    readPresentSize() {
      const saved = Number(page.read(PRESENT_SIZE_KEY) ?? '0');
      return Number.isFinite(saved) ? presentSizeIn(saved) : 0;
    },
    writePresentSize(size) {
      page.write(PRESENT_SIZE_KEY, String(size));
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
      presentSize: keeping.readPresentSize(),
      setPresenting(presenting) {
        set({ presenting });
      },
      setPresentSize(size) {
        const presentSize = presentSizeIn(size);
        keeping.writePresentSize(presentSize);
        set({ presentSize });
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
