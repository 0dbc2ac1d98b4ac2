// The worksheets a user keeps: opened from a file, made or changed in the editor. Each is kept in
// localStorage under its own key, by the rules progress is kept by (persist.ts): saved data
// carries a version and is migrated; an entry that cannot be read is moved aside, never dropped,
// and listed so that it can be downloaded; a storage that is missing or full leaves the app
// working with what this page holds.
import { createPageStorage, isRecord, openEnvelope } from './pageStorage';
import { contentHash } from './persist';

export const KEPT_FORMAT = 'rnn-by-hand/kept-worksheet';
export const KEPT_VERSION = 1;
const PREFIX = 'rnn-by-hand:';
const KEPT_PREFIX = `${PREFIX}worksheet:`;
const SET_ASIDE_PREFIX = `${PREFIX}set-aside:worksheet:`;
/** Kept worksheets' ids begin so: never the id of a built-in, and plain enough for an address. */
export const KEPT_ID_PREFIX = 'my-';
/** The longest name kept (a name is a line in a list). */
export const MAX_NAME_LENGTH = 120;

export interface KeptWorksheet {
  readonly id: string;
  /** as the list shows it; the file's own title is left as it is (its progress is keyed by its content) */
  readonly name: string;
  /** the worksheet file, in the contract's format (validated when it is opened) */
  readonly file: unknown;
  /** when it was kept or last changed (ms since 1970) */
  readonly savedAt: number;
}

export interface SetAsideWorksheet {
  /** where it lies now */
  readonly key: string;
  readonly reason: 'unreadable' | 'future';
  /** the stored text, exactly as found */
  readonly text: string;
}

export interface Library {
  readonly available: boolean;
  /** every kept worksheet, the one changed last first; unreadable ones are set aside on the way */
  list(): KeptWorksheet[];
  get(id: string): KeptWorksheet | null;
  /** the kept worksheet with this very content, if there is one (a file opened twice is kept once) */
  findByContent(file: unknown): KeptWorksheet | null;
  /** false when the storage refused it (full): it is kept in this page only */
  put(kept: KeptWorksheet): boolean;
  remove(id: string): void;
  setAside(): SetAsideWorksheet[];
  removeSetAside(key: string): void;
}

// Each entry turns data of version n into version n + 1 (none yet: version 1 is the first).
const MIGRATIONS: Record<number, (data: unknown) => unknown> = {};

/** A new id, random: two tabs keeping a worksheet at once never choose the same. */
export function newKeptId(random: () => number = Math.random): string {
  let id = '';
  for (let k = 0; k < 10; k++) id += Math.floor(random() * 36).toString(36);
  return KEPT_ID_PREFIX + id;
}

export function isKeptId(id: string): boolean {
  return id.startsWith(KEPT_ID_PREFIX);
}

/** @param getStorage  returns the storage to use; may throw (a browser that forbids it) */
export function createLibrary(getStorage: () => Storage | null, now: () => number = Date.now): Library {
  const page = createPageStorage(getStorage);
  // taken out in this page where the storage would not let go of them (a set-aside that failed)
  const removed = new Set<string>();
  const keys = () => page.keys().filter((k) => !removed.has(k));
  const read = (key: string) => (removed.has(key) ? null : page.read(key));
  const write = (key: string, text: string) => {
    removed.delete(key);
    return page.write(key, text);
  };
  const erase = (key: string) => page.erase(key);
  // the same stored text gives the same objects: a sheet computed (memoised by its file object,
  // see sheet.ts) is not computed again each time the worksheet is opened or listed
  const decodedFrom = new Map<string, { text: string; kept: KeptWorksheet }>();
  const load = (key: string): KeptWorksheet | null => {
    const text = read(key);
    if (text === null) return null;
    const known = decodedFrom.get(key);
    if (known?.text === text) return known.kept;
    const decoded = decodeKept(text, key.slice(KEPT_PREFIX.length));
    if (decoded.ok) {
      decodedFrom.set(key, { text, kept: decoded.kept });
      return decoded.kept;
    }
    // moved, not deleted: a newer version of the app, or its owner, may still want it
    if (write(`${SET_ASIDE_PREFIX}${key.slice(KEPT_PREFIX.length)}:${now()}:${decoded.reason}`, text)) erase(key);
    else removed.add(key);
    // an entry the storage would not remove stays there, unread by this page
    return null;
  };
  const library: Library = {
    available: page.storage !== null,
    list() {
      return keys()
        .filter((k) => k.startsWith(KEPT_PREFIX))
        .map(load)
        .filter((k): k is KeptWorksheet => k !== null)
        .sort((a, b) => b.savedAt - a.savedAt || a.id.localeCompare(b.id));
    },
    get(id) {
      return isKeptId(id) ? load(KEPT_PREFIX + id) : null;
    },
    findByContent(file) {
      const hash = contentHash(file);
      return library.list().find((k) => contentHash(k.file) === hash) ?? null;
    },
    put(kept) {
      const key = KEPT_PREFIX + kept.id;
      const cut = { ...kept, name: cutName(kept.name) };
      const text = JSON.stringify({ format: KEPT_FORMAT, version: KEPT_VERSION, data: cut });
      decodedFrom.set(key, { text, kept: cut });
      return write(key, text);
    },
    remove(id) {
      erase(KEPT_PREFIX + id);
    },
    setAside() {
      return keys()
        .filter((k) => k.startsWith(SET_ASIDE_PREFIX))
        .sort()
        .map((key) => ({
          key,
          reason: key.endsWith(':future') ? ('future' as const) : ('unreadable' as const),
          text: read(key) ?? '',
        }));
    },
    removeSetAside(key) {
      if (key.startsWith(SET_ASIDE_PREFIX)) erase(key);
    },
  };
  return library;
}

/** A name as kept: one line, at most MAX_NAME_LENGTH characters. */
export function cutName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
}

type Decoded = { ok: true; kept: KeptWorksheet } | { ok: false; reason: SetAsideWorksheet['reason'] };

/** Stored text back to a kept worksheet: parsed, migrated, and checked field by field (its file is checked when opened). */
export function decodeKept(text: string, id: string): Decoded {
  const opened = openEnvelope(text, KEPT_FORMAT, KEPT_VERSION, MIGRATIONS);
  if (!opened.ok) return { ok: false, reason: opened.reason === 'future' ? 'future' : 'unreadable' };
  const { data } = opened;
  // a file that is not an object was never written by the app (a string as a file threw the page)
  if (!isRecord(data) || data.id !== id || typeof data.name !== 'string' || !isRecord(data.file))
    return { ok: false, reason: 'unreadable' };
  if (typeof data.savedAt !== 'number' || !Number.isFinite(data.savedAt)) return { ok: false, reason: 'unreadable' };
  return { ok: true, kept: { id, name: cutName(data.name), file: data.file, savedAt: data.savedAt } };
}
