// What more than one slice needs: the mode guards, where the open worksheet's progress is kept
// (its storage key), reading and saving it, and what leaving for home or out of a quiz resets.
import type { StoreApi } from 'zustand/vanilla';
import { formatQuizQuery, quizGenerator } from '../../core/practice/quiz';
import {
  contentHash,
  EMPTY_PROGRESS,
  legacyContentHash,
  progressKey,
  type Loaded,
  type Persistence,
  type Progress,
} from '../persist';
import type { Library } from '../library';
import { selectSheet } from '../selectors';
import type { Mode } from '../practice';
import type { WorksheetState } from '../worksheetStore';

/** The worksheetId of a quiz. */
export const QUIZ = 'quiz';

/** What the store keeps progress with and times quizzes by (StoreOptions, with the defaults filled in). */
export interface Keeping {
  readonly persistence: Persistence;
  /** the worksheets the user keeps */
  readonly library: Library;
  readonly now: () => number;
}

type SetState = StoreApi<WorksheetState>['setState'];
type GetState = StoreApi<WorksheetState>['getState'];

/** Practice or a quiz: the sheet has answer cells, and what is written in them is kept. */
export const answering = (s: WorksheetState): boolean => s.mode !== 'walkthrough';

/** Something is open whose progress is kept (the home page keeps none). */
export const keepsProgress = (s: WorksheetState): boolean => answering(s) && s.worksheetId !== null;

export const inQuiz = (s: WorksheetState): boolean => s.mode === 'quiz';

/** A quiz that was handed in: its answers are final. */
export const quizOver = (s: WorksheetState): boolean => inQuiz(s) && (s.progress.quiz?.submitted ?? false);

/** A quiz started now: its time limit counts from here. */
export const quizStarted = (now: () => number): NonNullable<Progress['quiz']> => ({
  startedAt: now(),
  submitted: false,
  timeUp: false,
});

/**
 * Where the open worksheet's progress is kept: a quiz by its settings and seed; a worksheet by its
 * id and its content, so answers never meet other numbers (a changed word, an updated sheet).
 */
export function storageKey(s: WorksheetState): string {
  if (s.worksheetId === QUIZ && s.quiz)
    return progressKey(`quiz:g${quizGenerator(s.quiz.settings)}:${formatQuizQuery(s.quiz.settings, s.quiz.seed)}`);
  return progressKey(`${s.worksheetId ?? ''}:${contentHash(s.file)}`);
}

/** Where a worksheet's progress was kept before its key was a SHA-256 (none for a quiz, whose key is unchanged). */
function legacyStorageKey(s: WorksheetState): string | null {
  if (s.worksheetId === QUIZ) return null;
  return progressKey(`${s.worksheetId ?? ''}:${legacyContentHash(s.file)}`);
}

/** Reading the progress of what is open, and saving it, for a slice's actions. */
export function progressKeeping(set: SetState, get: GetState, { persistence, now }: Keeping) {
  const save = (progress: Progress) => {
    const ok = persistence.save(storageKey(get()), progress);
    set({ progress, saving: !persistence.available ? 'page' : ok ? 'saved' : 'failed' });
  };
  /** the progress of what is open now, read from storage (walkthrough: none is needed) */
  const load = () => {
    const state = get();
    if (!keepsProgress(state)) return;
    const key = storageKey(state);
    const loaded = loadOrCarryOver(persistence, key, legacyStorageKey(state));
    let progress = loaded.kind === 'loaded' ? loaded.progress : EMPTY_PROGRESS;
    // answers for cells this sheet does not have (50,000 of them took 8 s to come back, and each
    // keystroke saved them all again) are set aside whole; the sheet's own answers stay
    const own = ownCells(state, progress);
    if (own && persistence.keepAside(key)) {
      progress = { ...progress, cells: own };
      persistence.save(key, progress);
    }
    if (inQuiz(state) && !progress.quiz) progress = { ...progress, quiz: quizStarted(now) };
    set({
      progress,
      migratedFrom: loaded.kind === 'loaded' ? loaded.migratedFrom : null,
      setAside: persistence.setAsideFor(key),
      saving: persistence.available ? 'saved' : 'page',
      undo: null,
    });
    if (loaded.kind !== 'loaded' && inQuiz(state)) save(progress);
  };
  return { load, save };
}

/**
 * How many cells of the open worksheet hold the student's work in its saved progress (a typed
 * answer, or one shown): what changing its numbers would leave behind.
 */
export function savedAnswerCount(persistence: Persistence, s: WorksheetState): number {
  if (s.worksheetId === null || s.worksheetId === QUIZ) return 0;
  const loaded = loadOrCarryOver(persistence, storageKey(s), legacyStorageKey(s));
  if (loaded.kind !== 'loaded') return 0;
  return Object.values(loaded.progress.cells).filter((c) => c.revealed || c.text.trim() !== '').length;
}

/** The home page: nothing open. */
export function homeState(s: WorksheetState): Partial<WorksheetState> {
  return {
    worksheetId: null,
    file: null,
    frame: 0,
    direction: 'forward',
    quiz: null,
    quizLinkProblems: null,
    ...leaveQuiz(s),
    progress: EMPTY_PROGRESS,
  };
}

/** Leaving a quiz (for another worksheet, or home) goes back to the walkthrough. */
export function leaveQuiz(s: WorksheetState): { mode?: Mode } {
  return inQuiz(s) ? { mode: 'walkthrough' } : {};
}

/** The progress under key; none there, the progress under its old key, moved to the new one. */
function loadOrCarryOver(persistence: Persistence, key: string, legacy: string | null): Loaded {
  const loaded = persistence.load(key);
  if (loaded.kind !== 'empty' || legacy === null) return loaded;
  const old = persistence.load(legacy);
  if (old.kind !== 'loaded') return loaded;
  // removed only once the new key holds it: a full storage keeps it where it was
  if (persistence.save(key, old.progress)) persistence.remove(legacy);
  return old;
}

/** The cells of progress that the open sheet has, or null when it has them all (or is not computed). */
function ownCells(state: WorksheetState, progress: Progress): Progress['cells'] | null {
  const computed = selectSheet(state);
  if (!computed.ok) return null;
  const { records } = computed;
  const entries = Object.entries(progress.cells);
  const own = entries.filter(([slot]) => records.findSlot(slot) !== undefined);
  return own.length === entries.length ? null : Object.fromEntries(own);
}
