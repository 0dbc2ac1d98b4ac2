// The app's state, one zustand store built from slices (see slices/): which worksheet is open and
// where in its walkthrough (navigation), the mode and the student's progress (practice), the quiz,
// and the user's preferences. The trace, the frames, what a frame highlights and how each answer
// stands are derived from these (selectors.ts, memoised), never stored beside them. Progress is
// saved as it changes (see persist.ts).
import { createStore, type StoreApi } from 'zustand/vanilla';
import { BUILT_IN_WORKSHEETS } from '../worksheets';
import { createLibrary, type Library } from './library';
import { createPersistence, type Persistence } from './persist';
import { createPreferenceStorage, type PreferenceStorage } from './preferenceStorage';
import { createLibrarySlice, type LibrarySlice } from './slices/library';
import { createNavigationSlice, type NavigationSlice } from './slices/navigation';
import { createPracticeSlice, type PracticeSlice } from './slices/practice';
import { createPreferencesSlice, type PreferencesSlice } from './slices/preferences';
import { createQuizSlice, type QuizSlice } from './slices/quiz';
import { createShareSlice, type ShareSlice } from './slices/share';
import type { Keeping } from './slices/shared';

export type WorksheetState = NavigationSlice & PracticeSlice & QuizSlice & PreferencesSlice & LibrarySlice & ShareSlice;

export interface StoreOptions {
  /** where progress is kept; default: in the page only */
  readonly persistence?: Persistence;
  /** where kept worksheets are; default: in the page only */
  readonly library?: Library;
  /** the clock, for quiz start times and time limits */
  readonly now?: () => number;
  /** where the language chosen is kept; default: in the page only */
  readonly preferences?: PreferenceStorage;
  /** the language to start in (the UI chooses it: language.ts); default: English */
  readonly language?: string;
}

export function createWorksheetStore(
  initialId: string | null = BUILT_IN_WORKSHEETS[0]?.id ?? null,
  options: StoreOptions = {},
): StoreApi<WorksheetState> {
  const keeping: Keeping = {
    persistence: options.persistence ?? createPersistence(() => null),
    library: options.library ?? createLibrary(() => null),
    now: options.now ?? Date.now,
  };
  return createStore<WorksheetState>()((...a) => ({
    ...createNavigationSlice(initialId, keeping)(...a),
    ...createPracticeSlice(keeping)(...a),
    ...createQuizSlice(keeping)(...a),
    ...createPreferencesSlice(
      options.preferences ?? createPreferenceStorage(() => null),
      options.language ?? 'en',
    )(...a),
    ...createLibrarySlice(keeping)(...a),
    ...createShareSlice()(...a),
  }));
}

export { OPENED_FILE } from './slices/navigation';
export type { Theme } from './slices/preferences';
export { QUIZ, storageKey } from './slices/shared';
export {
  drawsGradients,
  framesOf,
  selectFocusRecord,
  selectFrames,
  selectPracticeContext,
  selectSheet,
  selectView,
  showsRightAnswers,
  stepOf,
} from './selectors';
