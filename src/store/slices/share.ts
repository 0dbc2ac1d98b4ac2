// Share links: which link the open worksheet came from (so that the address can stay that link),
// and why the link followed last could not be opened (shown on the home page).
import type { StateCreator } from 'zustand/vanilla';
import type { ShareLinkFailure } from '../../core/format/shareLink';
import type { Problem } from '../../core/format/validate';
import type { WorksheetState } from '../worksheetStore';
import { OPENED_FILE } from './navigation';
import { homeState } from './shared';

export interface ShareLinkProblem {
  readonly reason: ShareLinkFailure;
  readonly problems: readonly Problem[];
}

export interface ShareSlice {
  /**
   * the share link of the open file, and the file it was made from: the link it was opened from,
   * or the file changed since (a slider, a word), packed again (see app/url.ts)
   */
  readonly shared: { readonly payload: string; readonly file: unknown } | null;
  /** why the share link followed last cannot be opened (shown on the home page) */
  readonly shareLinkProblem: ShareLinkProblem | null;
  /**
   * a worksheet the address named that cannot be opened (shown on the home page): a kept one
   * this browser does not have, a file opened in a page since left, or an id no worksheet has
   */
  readonly missingWorksheet: string | null;
  showMissingWorksheet(id: string): void;
  /** a word the address asked for that the sheet cannot take, to be shown as typed with its message */
  readonly addressWord: { readonly worksheetId: string; readonly text: string } | null;
  /** opens the worksheet a share link carries (validated by the caller), at its first frame */
  openShared(payload: string, file: unknown): void;
  showShareLinkProblem(problem: ShareLinkProblem): void;
  clearShareLinkProblem(): void;
  setAddressWord(word: { readonly worksheetId: string; readonly text: string } | null): void;
  /** the open file's link packed again after it changed; null (or another sheet open): it has none */
  reshare(payload: string | null, file: unknown): void;
}

export function createShareSlice(): StateCreator<WorksheetState, [], [], ShareSlice> {
  return (set, get) => ({
    shared: null,
    shareLinkProblem: null,
    missingWorksheet: null,
    addressWord: null,
    openShared(payload, file) {
      get().openFile(file);
      set({ shared: { payload, file: get().file }, shareLinkProblem: null });
    },
    showShareLinkProblem(problem) {
      // in one change, so that nothing sees the home page without the message (the URL keeps the link)
      set({ ...homeState(get()), shared: null, shareLinkProblem: problem });
    },
    clearShareLinkProblem() {
      if (get().shareLinkProblem || get().missingWorksheet !== null)
        set({ shareLinkProblem: null, missingWorksheet: null });
    },
    showMissingWorksheet(id) {
      set({ ...homeState(get()), shared: null, missingWorksheet: id });
    },
    setAddressWord(addressWord) {
      set({ addressWord });
    },
    reshare(payload, file) {
      // packed for a file that has since changed again: the next packing is on its way
      if (get().file !== file) return;
      set({ shared: payload === null || get().worksheetId !== OPENED_FILE ? null : { payload, file } });
    },
  });
}

/** The share link of what is open (while a changed file is packed again, the link it changed from). */
export function sharedPayload(s: WorksheetState): string | null {
  return s.worksheetId === OPENED_FILE && s.shared !== null ? s.shared.payload : null;
}
