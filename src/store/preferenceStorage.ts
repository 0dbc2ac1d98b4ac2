// The user's choices that outlast a visit (the language): one localStorage entry each, a plain
// string. A choice that cannot be kept (no storage, a full one) lasts for the page; one that
// cannot be read is not taken, and the app chooses afresh.

export const LANGUAGE_KEY = 'rnn-by-hand:language';

export interface PreferenceStorage {
  readLanguage(): string | null;
  keepLanguage(code: string): void;
}

// reading window.localStorage itself throws where the browser forbids storage, hence the getter
export function createPreferenceStorage(getStorage: () => Storage | null): PreferenceStorage {
  return {
    readLanguage() {
      try {
        return getStorage()?.getItem(LANGUAGE_KEY) ?? null;
      } catch {
        return null;
      }
    },
    keepLanguage(code) {
      try {
        getStorage()?.setItem(LANGUAGE_KEY, code);
      } catch {
        // full or refused: the choice lasts for this page
      }
    },
  };
}
