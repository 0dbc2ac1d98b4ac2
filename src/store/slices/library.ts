// The worksheets the user keeps (library.ts): listed on the home page, opened like a built-in,
// renamed, duplicated and deleted; a deletion can be undone until the page is left.
import type { StateCreator } from 'zustand/vanilla';
import { cutName, newKeptId, type KeptWorksheet, type SetAsideWorksheet } from '../library';
import type { WorksheetState } from '../worksheetStore';
import { savedAnswerCount, type Keeping } from './shared';

export interface LibrarySlice {
  /** every kept worksheet, the one changed last first */
  readonly kept: readonly KeptWorksheet[];
  readonly keptSetAside: readonly SetAsideWorksheet[];
  /** the worksheet deleted last, until it is brought back or the page is left */
  readonly lastDeleted: KeptWorksheet | null;
  /** false when the last change to a kept worksheet stayed in this page (storage full or missing) */
  readonly keptSaved: boolean;
  /** keeps a worksheet file (once: the very same content is the one kept already) and opens it; its id */
  keepAndOpen(file: unknown, name: string): string;
  /**
   * keeps an edit of the worksheet `id` (whose file was `before`): a kept one is changed in place,
   * anything else, or a kept one asCopy, is kept anew, named "… (edited)"; the id the edit is kept under
   */
  keepEdited(id: string, file: unknown, before: unknown, asCopy?: boolean): string;
  /**
   * the cells of the open kept worksheet that hold practice answers (0 for anything else: a
   * built-in's edit is a copy of its own, its answers untouched)
   */
  keptAnswerCount(): number;
  renameKept(id: string, name: string): void;
  /** a copy under a new id, named "… (copy)"; its id */
  duplicateKept(id: string): string | null;
  deleteKept(id: string): void;
  undoDelete(): void;
  discardKeptSetAside(key: string): void;
}

export function createLibrarySlice({
  library,
  now,
  persistence,
}: Keeping): StateCreator<WorksheetState, [], [], LibrarySlice> {
  return (set, get) => {
    const refresh = (saved = get().keptSaved) =>
      set({ kept: library.list(), keptSetAside: library.setAside(), keptSaved: saved });
    const put = (kept: KeptWorksheet) => refresh(library.put(kept));
    return {
      kept: library.list(),
      keptSetAside: library.setAside(),
      lastDeleted: null,
      keptSaved: true,
      keepAndOpen(file, name) {
        const same = library.findByContent(file);
        const id = same?.id ?? newKeptId();
        if (!same) put({ id, name: cutName(name) || id, file, savedAt: now() });
        get().open(id);
        return id;
      },
      keepEdited(id, file, before, asCopy = false) {
        const kept = library.get(id);
        if (kept && !asCopy) {
          put({ ...kept, file, savedAt: now() });
          return id;
        }
        const title = (before as { title?: unknown } | null)?.title;
        const named = kept ? kept.name : typeof title === 'string' && title.trim() !== '' ? title : id;
        const stem = `${named} (edited`;
        // a second edit of the same built-in is told apart from the first in the list
        const taken = new Set(get().kept.map((k) => k.name));
        let n = 1;
        while (taken.has(cutName(`${stem}${n === 1 ? '' : ` ${n}`})`))) n++;
        const name = cutName(`${stem}${n === 1 ? '' : ` ${n}`})`);
        const fresh = { id: newKeptId(), name, file, savedAt: now() };
        put(fresh);
        return fresh.id;
      },
      keptAnswerCount() {
        const s = get();
        return s.worksheetId !== null && library.get(s.worksheetId) ? savedAnswerCount(persistence, s) : 0;
      },
      renameKept(id, name) {
        const kept = library.get(id);
        const cut = cutName(name);
        if (kept && cut !== '') put({ ...kept, name: cut });
      },
      duplicateKept(id) {
        const kept = library.get(id);
        if (!kept) return null;
        const copy = { ...kept, id: newKeptId(), name: cutName(`${kept.name} (copy)`), savedAt: now() };
        put(copy);
        return copy.id;
      },
      deleteKept(id) {
        const kept = library.get(id);
        if (!kept) return;
        library.remove(id);
        set({ lastDeleted: kept });
        refresh();
        if (get().worksheetId === id) get().goHome();
      },
      undoDelete() {
        const kept = get().lastDeleted;
        if (!kept) return;
        set({ lastDeleted: null });
        put(kept);
      },
      discardKeptSetAside(key) {
        library.removeSetAside(key);
        refresh();
      },
    };
  };
}
