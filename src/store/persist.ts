// Progress on a worksheet (answers, hint rungs, position, a quiz under way), kept in the
// browser's localStorage as it is typed. Saved data carries a version; older versions are
// migrated; anything that cannot be read is moved aside under a key of its own, never dropped
// and never thrown at the page. Storage that is missing or full leaves the app working.

export const PROGRESS_FORMAT = 'rnn-by-hand/progress';
export const PROGRESS_VERSION = 2;
const PREFIX = 'rnn-by-hand:';
const PROGRESS_PREFIX = `${PREFIX}progress:`;
const SET_ASIDE_PREFIX = `${PREFIX}set-aside:`;
/** hint rungs: symbolic equation, highlighted operands, numbers substituted, answer revealed */
export const HINT_RUNGS = 4;
/** the longest answer kept: far more than any number a student writes */
export const MAX_ANSWER_LENGTH = 64;

export interface CellEntry {
  /** what the student typed, as typed */
  readonly text: string;
  /** the text has been checked (Enter, or leaving the cell) */
  readonly checked: boolean;
  /** how many hint rungs have been shown (0 to HINT_RUNGS) */
  readonly hints: number;
  /** the answer was shown, so it does not count as the student's own */
  readonly revealed: boolean;
}

export interface Progress {
  /** by slot key */
  readonly cells: Readonly<Record<string, CellEntry>>;
  /** the slot the student was at */
  readonly focus: string | null;
  /** check against the student's own earlier answers ("follow my numbers") */
  readonly follow: boolean;
  /** a quiz: when it started (ms since 1970), whether it was handed in, and whether the time limit did it */
  readonly quiz: { readonly startedAt: number; readonly submitted: boolean; readonly timeUp: boolean } | null;
}

export const EMPTY_PROGRESS: Progress = { cells: {}, focus: null, follow: false, quiz: null };

export interface SetAside {
  /** where it lies now */
  readonly key: string;
  /** the progress key it was read from */
  readonly from: string;
  readonly reason: 'unreadable' | 'invalid' | 'future';
  /** the stored text, exactly as found */
  readonly text: string;
}

export type Loaded =
  | { readonly kind: 'empty' }
  | { readonly kind: 'loaded'; readonly progress: Progress; readonly migratedFrom: number | null }
  | { readonly kind: 'setAside'; readonly setAside: SetAside };

export interface Persistence {
  /** false when the browser gives no storage at all (some private modes) */
  readonly available: boolean;
  load(key: string): Loaded;
  /** false when the write failed (storage full or refused) */
  save(key: string, progress: Progress): boolean;
  remove(key: string): void;
  /** what has been set aside from this progress key, oldest first */
  setAsideFor(key: string): SetAside[];
}

/** The storage key of a worksheet's progress. */
export function progressKey(worksheet: string): string {
  return PROGRESS_PREFIX + worksheet;
}

// Each entry turns data of version n into version n + 1.
const MIGRATIONS: Record<number, (data: unknown) => unknown> = {
  // version 1 kept only the answers, by slot; each was checked when it was saved
  1: (data) => {
    const answers = isRecord(data) && isRecord(data.answers) ? data.answers : {};
    const cells: Record<string, CellEntry> = {};
    for (const [slot, text] of Object.entries(answers))
      if (typeof text === 'string') cells[slot] = { text, checked: text.trim() !== '', hints: 0, revealed: false };
    return { cells, focus: null, follow: false, quiz: null };
  },
};

/** @param getStorage  returns the storage to use; may throw (a browser that forbids it) */
export function createPersistence(getStorage: () => Storage | null): Persistence {
  const storage = probe(getStorage);
  const memory = new Map<string, string>();
  // what this page wrote last comes first: a write the storage refused (full) is still here
  const read = (key: string): string | null => {
    const mine = memory.get(key);
    if (mine !== undefined) return mine;
    try {
      return storage ? storage.getItem(key) : null;
    } catch {
      return null;
    }
  };
  const write = (key: string, text: string): boolean => {
    memory.set(key, text);
    if (!storage) return false;
    try {
      storage.setItem(key, text);
      return true;
    } catch {
      return false;
    }
  };
  const keys = (): string[] => {
    const found = new Set(memory.keys());
    try {
      if (storage) for (let k = 0; k < storage.length; k++) found.add(storage.key(k) as string);
    } catch {
      // a storage that fails to list still leaves the ones this page wrote
    }
    return [...found];
  };

  return {
    available: storage !== null,
    load(key) {
      const text = read(key);
      if (text === null) return { kind: 'empty' };
      const decoded = decodeProgress(text);
      if (decoded.ok) return { kind: 'loaded', progress: decoded.progress, migratedFrom: decoded.migratedFrom };
      // moved, not deleted: a newer version of the app, or the student, may still want it
      const aside = `${SET_ASIDE_PREFIX}${key.slice(PREFIX.length)}:${Date.now()}`;
      const setAside: SetAside = { key: aside, from: key, reason: decoded.reason, text };
      if (write(aside, text)) {
        try {
          storage?.removeItem(key);
        } catch {
          // left in place: the next save overwrites it, and the page still holds the copy
        }
      }
      memory.delete(key);
      return { kind: 'setAside', setAside };
    },
    save(key, progress) {
      return write(key, JSON.stringify({ format: PROGRESS_FORMAT, version: PROGRESS_VERSION, data: progress }));
    },
    remove(key) {
      memory.delete(key);
      try {
        storage?.removeItem(key);
      } catch {
        // nothing more to do: it was never readable anyway
      }
    },
    setAsideFor(key) {
      const prefix = `${SET_ASIDE_PREFIX}${key.slice(PREFIX.length)}:`;
      return keys()
        .filter((k) => k.startsWith(prefix) && /^\d+$/.test(k.slice(prefix.length)))
        .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)))
        .map((k) => {
          const text = read(k) ?? '';
          const decoded = decodeProgress(text);
          return { key: k, from: key, reason: decoded.ok ? 'invalid' : decoded.reason, text };
        });
    },
  };
}

/**
 * Storage the page may read; null otherwise (the app then keeps progress in the page only). A
 * storage that refuses writes (full, or an old private mode) is still read: what was saved
 * before is the student's, and each save then says it failed.
 */
function probe(getStorage: () => Storage | null): Storage | null {
  try {
    const storage = getStorage();
    if (!storage) return null;
    storage.getItem(`${PREFIX}probe`);
    return storage;
  } catch {
    return null;
  }
}

export type Decoded =
  | { readonly ok: true; readonly progress: Progress; readonly migratedFrom: number | null }
  | { readonly ok: false; readonly reason: SetAside['reason'] };

/** Saved text back to progress: parsed, migrated to this version, and checked field by field. */
export function decodeProgress(text: string): Decoded {
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (!isRecord(envelope) || envelope.format !== PROGRESS_FORMAT) return { ok: false, reason: 'unreadable' };
  const { version } = envelope;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, reason: 'invalid' };
  if (version > PROGRESS_VERSION) return { ok: false, reason: 'future' };
  let data = envelope.data;
  for (let v = version; v < PROGRESS_VERSION; v++) data = (MIGRATIONS[v] as (d: unknown) => unknown)(data);
  return isProgress(data)
    ? { ok: true, progress: data, migratedFrom: version === PROGRESS_VERSION ? null : version }
    : { ok: false, reason: 'invalid' };
}

function isProgress(d: unknown): d is Progress {
  if (!isRecord(d) || !isRecord(d.cells)) return false;
  if (!(d.focus === null || typeof d.focus === 'string') || typeof d.follow !== 'boolean') return false;
  if (d.quiz !== null) {
    if (!isRecord(d.quiz) || typeof d.quiz.submitted !== 'boolean' || typeof d.quiz.timeUp !== 'boolean') return false;
    if (typeof d.quiz.startedAt !== 'number' || !Number.isFinite(d.quiz.startedAt)) return false;
  }
  return Object.values(d.cells).every(isCellEntry);
}

function isCellEntry(e: unknown): e is CellEntry {
  return (
    isRecord(e) &&
    typeof e.text === 'string' &&
    e.text.length <= MAX_ANSWER_LENGTH &&
    typeof e.checked === 'boolean' &&
    typeof e.revealed === 'boolean' &&
    typeof e.hints === 'number' &&
    Number.isInteger(e.hints) &&
    e.hints >= 0 &&
    e.hints <= HINT_RUNGS
  );
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A short, stable name for a worksheet file's content (FNV-1a over its JSON), for storage keys. */
export function contentHash(value: unknown): string {
  const text = JSON.stringify(value) ?? '';
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return (h >>> 0).toString(36);
}
