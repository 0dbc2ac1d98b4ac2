// Progress on a worksheet (answers, hint rungs, position, a quiz under way), kept in the
// browser's localStorage as it is typed. Saved data carries a version; older versions are
// migrated; anything that cannot be read is moved aside under a key of its own, never dropped
// and never thrown at the page. Storage that is missing or full leaves the app working.
import { sha256 } from '@noble/hashes/sha2.js';
import { createPageStorage, isRecord, openEnvelope } from './pageStorage';

export const PROGRESS_FORMAT = 'rnn-by-hand/progress';
export const PROGRESS_VERSION = 3;
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
  /** how many times the sheet was reset (or a reset undone): across tabs, the later of these wins outright */
  readonly resets: number;
  /** a quiz: when it started (ms since 1970), whether it was handed in, and whether the time limit did it */
  readonly quiz: { readonly startedAt: number; readonly submitted: boolean; readonly timeUp: boolean } | null;
}

export const EMPTY_PROGRESS: Progress = { cells: {}, focus: null, follow: false, resets: 0, quiz: null };

export interface SetAside {
  /** where it lies now */
  readonly key: string;
  /** the progress key it was read from */
  readonly from: string;
  /** strays: readable, but most of it answers cells the sheet does not have (the sheet's own answers stay) */
  readonly reason: 'unreadable' | 'invalid' | 'future' | 'strays';
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
  /**
   * What the storage itself holds under key now (another tab wrote it), read past what this page
   * holds for it, which is then forgotten: the caller has this page's progress in hand and saves
   * the merge of the two. Unreadable data is set aside as load does.
   */
  reload(key: string): Loaded;
  /** false when the write failed (storage full or refused) */
  save(key: string, progress: Progress): boolean;
  remove(key: string): void;
  /** a copy of what is stored under key, set aside as it is (the caller then saves over it); false if it could not be */
  keepAside(key: string): boolean;
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
  // version 2 had no count of resets: none is known
  2: (data) => (isRecord(data) ? { ...data, resets: 0 } : data),
};

/** @param getStorage  returns the storage to use; may throw (a browser that forbids it) */
export function createPersistence(getStorage: () => Storage | null): Persistence {
  const { storage, read, write, erase, forget, keys } = createPageStorage(getStorage);

  const loadText = (key: string, text: string | null): Loaded => {
    if (text === null) return { kind: 'empty' };
    const decoded = decodeProgress(text);
    if (decoded.ok) return { kind: 'loaded', progress: decoded.progress, migratedFrom: decoded.migratedFrom };
    // moved, not deleted: a newer version of the app, or the student, may still want it
    const aside = `${SET_ASIDE_PREFIX}${key.slice(PREFIX.length)}:${Date.now()}`;
    const setAside: SetAside = { key: aside, from: key, reason: decoded.reason, text };
    // left in place where it cannot be removed: the next save overwrites it, the copy kept aside all the same
    if (write(aside, text)) erase(key);
    else forget(key);
    return { kind: 'setAside', setAside };
  };

  return {
    available: storage !== null,
    load(key) {
      return loadText(key, read(key));
    },
    reload(key) {
      if (!storage) return loadText(key, read(key));
      let text: string | null;
      try {
        text = storage.getItem(key);
      } catch {
        // the storage cannot be read just now: what this page holds is all there is
        return loadText(key, read(key));
      }
      forget(key);
      return loadText(key, text);
    },
    save(key, progress) {
      return write(key, JSON.stringify({ format: PROGRESS_FORMAT, version: PROGRESS_VERSION, data: progress }));
    },
    remove(key) {
      erase(key);
    },
    keepAside(key) {
      const text = read(key);
      return text !== null && write(`${SET_ASIDE_PREFIX}${key.slice(PREFIX.length)}:${Date.now()}`, text);
    },
    setAsideFor(key) {
      const prefix = `${SET_ASIDE_PREFIX}${key.slice(PREFIX.length)}:`;
      return keys()
        .filter((k) => k.startsWith(prefix) && /^\d+$/.test(k.slice(prefix.length)))
        .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)))
        .map((k) => {
          const text = read(k) ?? '';
          const decoded = decodeProgress(text);
          // readable data is set aside only for its strays (keepAside)
          return { key: k, from: key, reason: decoded.ok ? 'strays' : decoded.reason, text };
        });
    },
  };
}

/**
 * Another tab's saved progress (stored) taken into this tab's (mine), so that neither loses what
 * the other has. Cell by cell: a slot only one side has is kept. Where both have it, the stored
 * entry wins (each tab saves every change at once and the storage event comes after the other
 * tab's save, so it is the later word: a changed or cleared answer there is changed here too),
 * except for what only ever grows: an answer shown stays shown (revealed, by either side), the
 * hint rungs are the more of the two, and where the texts agree it is checked if either side
 * checked it. `focus` is this tab's own (where the cursor is in this tab). `follow` is the
 * stored one: a switch flipped in the other tab is the later word. A quiz: the earliest start
 * counts (the time limit runs from the first opening), handed in in either tab is handed in in
 * both, and by the time limit only if each side that handed it in says so (a student's own
 * hand-in is never turned into a time-out). Wherever the two cannot both be kept the stored side
 * is taken, so the merge settles: the other tab, merging the result into what it stored, gets
 * the result back (apart from focus) and writes nothing more. A reset, or the undo of one, is
 * counted (`resets`): the side with the higher count is taken whole, so a sheet cleared in one tab
 * is cleared in both. Not carried: the rare change to one cell in both tabs within the moment a
 * storage event takes (the stored one wins).
 */
export function mergeProgress(mine: Progress, stored: Progress): Progress {
  // a reset (or its undo) the other side has not seen yet wins outright: what it cleared stays cleared
  if (stored.resets !== mine.resets) return { ...(stored.resets > mine.resets ? stored : mine), focus: mine.focus };
  const cells: Record<string, CellEntry> = { ...mine.cells };
  for (const [slot, theirs] of Object.entries(stored.cells)) {
    const own = mine.cells[slot];
    cells[slot] = own ? mergeCell(own, theirs) : theirs;
  }
  return {
    cells,
    focus: mine.focus,
    follow: stored.follow,
    resets: mine.resets,
    quiz: mergeQuiz(mine.quiz, stored.quiz),
  };
}

function mergeCell(own: CellEntry, theirs: CellEntry): CellEntry {
  if (theirs.revealed) return theirs;
  if (own.revealed) return own;
  const hints = Math.max(own.hints, theirs.hints);
  const checked = theirs.checked || (own.checked && own.text === theirs.text);
  return hints === theirs.hints && checked === theirs.checked ? theirs : { ...theirs, hints, checked };
}

function mergeQuiz(mine: Progress['quiz'], stored: Progress['quiz']): Progress['quiz'] {
  if (!mine || !stored) return stored ?? mine;
  const submitted = mine.submitted || stored.submitted;
  const timeUp = submitted && (!mine.submitted || mine.timeUp) && (!stored.submitted || stored.timeUp);
  return { startedAt: Math.min(mine.startedAt, stored.startedAt), submitted, timeUp };
}

/** The same progress as far as saving goes: everything but focus (each tab keeps its own). */
export function sameSaved(a: Progress, b: Progress): boolean {
  const slots = Object.keys(a.cells);
  if (slots.length !== Object.keys(b.cells).length) return false;
  const sameCell = (x: CellEntry, y: CellEntry | undefined) =>
    !!y && x.text === y.text && x.checked === y.checked && x.hints === y.hints && x.revealed === y.revealed;
  if (!slots.every((slot) => sameCell(a.cells[slot] as CellEntry, b.cells[slot]))) return false;
  if (a.follow !== b.follow || a.resets !== b.resets) return false;
  if (!a.quiz || !b.quiz) return a.quiz === b.quiz;
  return (
    a.quiz.startedAt === b.quiz.startedAt && a.quiz.submitted === b.quiz.submitted && a.quiz.timeUp === b.quiz.timeUp
  );
}

/**
 * Calls back with the progress key another tab of this page's origin changed in its
 * localStorage (null: that tab cleared it all); the browser tells only the other tabs, never the
 * one that wrote. Returns the function that stops listening.
 */
export function watchOtherTabs(target: Window, changed: (key: string | null) => void): () => void {
  const listener = (event: StorageEvent) => {
    if (event.key === null || event.key.startsWith(PROGRESS_PREFIX)) changed(event.key);
  };
  target.addEventListener('storage', listener);
  return () => target.removeEventListener('storage', listener);
}

export type Decoded =
  | { readonly ok: true; readonly progress: Progress; readonly migratedFrom: number | null }
  | { readonly ok: false; readonly reason: SetAside['reason'] };

/** Saved text back to progress: parsed, migrated to this version, and checked field by field. */
export function decodeProgress(text: string): Decoded {
  const opened = openEnvelope(text, PROGRESS_FORMAT, PROGRESS_VERSION, MIGRATIONS);
  if (!opened.ok) return opened;
  const { data, version } = opened;
  return isProgress(data)
    ? { ok: true, progress: data, migratedFrom: version === PROGRESS_VERSION ? null : version }
    : { ok: false, reason: 'invalid' };
}

function isProgress(d: unknown): d is Progress {
  if (!isRecord(d) || !isRecord(d.cells)) return false;
  if (!(d.focus === null || typeof d.focus === 'string') || typeof d.follow !== 'boolean') return false;
  if (typeof d.resets !== 'number' || !Number.isInteger(d.resets) || d.resets < 0) return false;
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

/**
 * A name for a worksheet file's content (SHA-256 of its JSON, base64url), for storage keys: two
 * files that differ never share progress. (A 32-bit hash did: some 77,000 files give even odds
 * of two alike.) SHA-256 from @noble/hashes, synchronous where crypto.subtle is not, and audited.
 */
export function contentHash(value: unknown): string {
  // asked on every save: a large file is written out and hashed once
  const cached = typeof value === 'object' && value !== null ? hashes.get(value) : undefined;
  if (cached !== undefined) return cached;
  const digest = sha256(new TextEncoder().encode(JSON.stringify(value) ?? ''));
  const hash = btoa(String.fromCharCode(...digest))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  if (typeof value === 'object' && value !== null) hashes.set(value, hash);
  return hash;
}

const hashes = new WeakMap<object, string>();

/** The name contentHash gave up to progress version 3 (FNV-1a, 32 bits): progress saved under it is carried over. */
export function legacyContentHash(value: unknown): string {
  const text = JSON.stringify(value) ?? '';
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return (h >>> 0).toString(36);
}
