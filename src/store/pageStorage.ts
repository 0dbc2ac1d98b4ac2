// localStorage as the app's keeping uses it (progress: persist.ts; worksheets: library.ts): a
// write the storage refused (full), or that had no storage to go to, is held in the page; a
// write the storage took is read back from it, so that what another tab saved since is what is
// read. Nothing here throws: a storage that fails leaves what this page holds.

export interface PageStorage {
  /** the storage itself, or null where the browser gives none (some private modes) */
  readonly storage: Storage | null;
  read(key: string): string | null;
  /** false when the storage refused it: held in the page only */
  write(key: string, text: string): boolean;
  /** the key is gone from the page and, where it can be, from the storage */
  erase(key: string): void;
  /** what this page holds for key is forgotten: the storage's own is read from now on */
  forget(key: string): void;
  keys(): string[];
}

/** @param getStorage  returns the storage to use; may throw (a browser that forbids it) */
export function createPageStorage(getStorage: () => Storage | null): PageStorage {
  const storage = probe(getStorage);
  const memory = new Map<string, string>();
  return {
    storage,
    read(key) {
      const mine = memory.get(key);
      if (mine !== undefined) return mine;
      try {
        return storage ? storage.getItem(key) : null;
      } catch {
        return null;
      }
    },
    write(key, text) {
      memory.set(key, text);
      if (!storage) return false;
      try {
        storage.setItem(key, text);
      } catch {
        return false;
      }
      memory.delete(key);
      return true;
    },
    erase(key) {
      memory.delete(key);
      try {
        storage?.removeItem(key);
      } catch {
        // nothing more to do: what is left there is read as it was
      }
    },
    forget(key) {
      memory.delete(key);
    },
    keys() {
      const found = new Set(memory.keys());
      try {
        if (storage) for (let k = 0; k < storage.length; k++) found.add(storage.key(k) as string);
      } catch {
        // a storage that fails to list still leaves the ones this page wrote
      }
      return [...found];
    },
  };
}

/**
 * Storage the page may read; null otherwise (the app then keeps everything in the page only). A
 * storage that refuses writes (full, or an old private mode) is still read: what was saved
 * before is the user's, and each save then says it failed.
 */
function probe(getStorage: () => Storage | null): Storage | null {
  try {
    const storage = getStorage();
    if (!storage) return null;
    storage.getItem('rnn-by-hand:probe');
    return storage;
  } catch {
    return null;
  }
}

export type Opened =
  | { readonly ok: true; readonly data: unknown; readonly version: number }
  | { readonly ok: false; readonly reason: 'unreadable' | 'invalid' | 'future' };

/**
 * Stored text in its envelope ({format, version, data}) back to data of the current version:
 * parsed, its format and version checked, and migrated (migrations[n] turns version n into n + 1).
 * What the data itself must be is the caller's to check.
 */
export function openEnvelope(
  text: string,
  format: string,
  current: number,
  migrations: Readonly<Record<number, (data: unknown) => unknown>>,
): Opened {
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (!isRecord(envelope) || envelope.format !== format) return { ok: false, reason: 'unreadable' };
  const { version } = envelope;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, reason: 'invalid' };
  if (version > current) return { ok: false, reason: 'future' };
  let data = envelope.data;
  for (let v = version; v < current; v++) data = (migrations[v] as (d: unknown) => unknown)(data);
  return { ok: true, data, version };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
