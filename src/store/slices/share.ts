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
  /** the link a worksheet was opened from, with the file it opened (it stays that link while the file is open unchanged) */
  readonly shared: { readonly payload: string; readonly file: unknown } | null;
  /** why the share link followed last cannot be opened (shown on the home page) */
  readonly shareLinkProblem: ShareLinkProblem | null;
  /** a word the address asked for that the sheet cannot take, to be shown as typed with its message */
  readonly addressWord: { readonly worksheetId: string; readonly text: string } | null;
  /** opens the worksheet a share link carries (validated by the caller), at its first frame */
  openShared(payload: string, file: unknown): void;
  showShareLinkProblem(problem: ShareLinkProblem): void;
  clearShareLinkProblem(): void;
  setAddressWord(word: { readonly worksheetId: string; readonly text: string } | null): void;
}

export function createShareSlice(): StateCreator<WorksheetState, [], [], ShareSlice> {
  return (set, get) => ({
    shared: null,
    shareLinkProblem: null,
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
      if (get().shareLinkProblem) set({ shareLinkProblem: null });
    },
    setAddressWord(addressWord) {
      set({ addressWord });
    },
  });
}

/** The share link that reproduces what is open, if it is the worksheet a link opened, unchanged. */
export function sharedPayload(s: WorksheetState): string | null {
  return s.worksheetId === OPENED_FILE && s.shared !== null && s.shared.file === s.file ? s.shared.payload : null;
}
