// The user's choices that outlast a visit: the theme picked, the room's presentation type size and
// the language, one localStorage entry each, a plain string. A choice that cannot be kept (no
// storage, a full one) lasts for the page; one that cannot be read is not taken, and the app
// chooses afresh.
import { createPageStorage } from './pageStorage';

export const LANGUAGE_KEY = 'rnn-by-hand:language';
const THEME_KEY = 'rnn-by-hand:theme';
const PRESENT_SIZE_KEY = 'rnn-by-hand:present-size';

export interface PreferenceStorage {
  readLanguage(): string | null;
  keepLanguage(code: string): void;
  readTheme(): 'light' | 'dark' | null;
  keepTheme(theme: 'light' | 'dark'): void;
  /** the steps of the room's type size as kept (any number: the slice bounds it), 0 if none */
  readPresentSize(): number;
  keepPresentSize(size: number): void;
}

/** @param getStorage  returns the storage to use; may throw (a browser that forbids it) */
export function createPreferenceStorage(getStorage: () => Storage | null): PreferenceStorage {
  const page = createPageStorage(getStorage);
  return {
    readLanguage() {
      return page.read(LANGUAGE_KEY);
    },
    keepLanguage(code) {
      page.write(LANGUAGE_KEY, code);
    },
    readTheme() {
      const saved = page.read(THEME_KEY);
      return saved === 'light' || saved === 'dark' ? saved : null;
    },
    keepTheme(theme) {
      page.write(THEME_KEY, theme);
    },
    readPresentSize() {
      const saved = Number(page.read(PRESENT_SIZE_KEY) ?? '0');
      return Number.isFinite(saved) ? saved : 0;
    },
    keepPresentSize(size) {
      page.write(PRESENT_SIZE_KEY, String(size));
    },
  };
}
