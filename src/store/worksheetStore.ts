// The app's state: which worksheet is open, in which mode (walkthrough, practice, quiz), which
// frame of its walkthrough is shown, and the student's progress on it. The trace, the frames,
// what a frame highlights and how each answer stands are derived from these (memoised), never
// stored beside them. Progress is saved as it changes (see persist.ts).
import { createStore, type StoreApi } from 'zustand/vanilla';
import { formatWritten } from '../core/engine/carry';
import type { TraceRecord } from '../core/records/records';
import {
  formatQuizQuery,
  generateQuiz,
  QUIZ_GENERATOR,
  type QuizParamProblem,
  type QuizSettings,
} from '../core/practice/quiz';
import { BUILT_IN_WORKSHEETS, findBuiltIn } from '../worksheets';
import { frameOfRecord, type Granularity } from './frames';
import {
  contentHash,
  createPersistence,
  EMPTY_PROGRESS,
  HINT_RUNGS,
  MAX_ANSWER_LENGTH,
  mergeProgress,
  progressKey,
  sameSaved,
  type CellEntry,
  type Persistence,
  type Progress,
  type SetAside,
} from './persist';
import { expectedValue, type Mode, type QuizRun } from './practice';
import { selectFrames, selectPracticeContext, stepOf } from './selectors';
import { builtInFile } from './sheet';

export interface WorksheetState {
  /** the open worksheet; null on the home page */
  readonly worksheetId: string | null;
  readonly file: unknown;
  /** index of the current frame */
  readonly frame: number;
  readonly granularity: Granularity;
  /** presentation mode: chrome hidden, large type, for a projector */
  readonly presenting: boolean;
  readonly theme: Theme;
  readonly mode: Mode;
  /** the quiz being taken (worksheetId is QUIZ) */
  readonly quiz: QuizRun | null;
  /** the student's answers, hints and position on the open worksheet (practice and quiz) */
  readonly progress: Progress;
  /** where progress is kept: 'saved', 'page' (no storage: lost on leaving), 'failed' (the last write was refused) */
  readonly saving: 'saved' | 'page' | 'failed';
  /** saved data of this worksheet that could not be read, kept aside for the student */
  readonly setAside: readonly SetAside[];
  /** the version saved progress was migrated from on opening, if it was */
  readonly migratedFrom: number | null;
  /** the progress a reset cleared, until the page is left */
  readonly undo: Progress | null;
  /** after a quiz is handed in, what its answer cells show: the student's answers, or the right ones */
  readonly quizSheetShows: 'mine' | 'right';
  /** why the quiz link followed last cannot be opened (shown on the home page) */
  readonly quizLinkProblems: readonly QuizParamProblem[] | null;
  open(id: string, frame?: number): void;
  /** opens a worksheet file the user chose (validated by the caller) */
  openFile(file: unknown): void;
  /** the open built-in worksheet with another input sequence (and targets), from the start */
  setInput(tokens: readonly string[], targets?: readonly (readonly number[])[]): void;
  goHome(): void;
  goTo(frame: number): void;
  next(): void;
  previous(): void;
  nextStep(): void;
  previousStep(): void;
  /** to the first frame of step t */
  goToStep(t: number): void;
  first(): void;
  last(): void;
  setGranularity(granularity: Granularity): void;
  setPresenting(presenting: boolean): void;
  setTheme(theme: Theme): void;
  setMode(mode: Exclude<Mode, 'quiz'>): void;
  /** opens the quiz for settings and a seed, resuming it if it was started before */
  startQuiz(settings: QuizSettings, seed: string, title: string): void;
  showQuizLinkProblems(problems: readonly QuizParamProblem[]): void;
  setQuizSheetShows(shows: 'mine' | 'right'): void;
  /** the quiz handed in (by the student, or by the time limit): answers are graded and the solutions shown */
  submitQuiz(timeUp?: boolean): void;
  typeAnswer(slot: string, text: string): void;
  checkAnswer(slot: string): void;
  focusCell(slot: string | null): void;
  /** the next rung of the hint ladder for a cell; the last rung shows the answer */
  nextHint(slot: string): void;
  setFollow(follow: boolean): void;
  /** clears every answer and hint of this worksheet (a quiz starts again); undo() brings them back */
  resetProgress(): void;
  undoReset(): void;
  /** deletes data that was set aside (after the student downloaded it, or chose to) */
  discardSetAside(key: string): void;
  /**
   * Another tab changed the progress saved under key: if it is what is open here (practice or
   * quiz), it is read again and merged into this tab's (see mergeProgress), and the merge saved
   * if the storage does not already hold it; unreadable data is set aside and this tab's kept.
   */
  progressChangedElsewhere(key: string): void;
}

export interface StoreOptions {
  /** where progress is kept; default: in the page only */
  readonly persistence?: Persistence;
  /** the clock, for quiz start times and time limits */
  readonly now?: () => number;
}

/** The worksheetId of a quiz. */
export const QUIZ = 'quiz';

export type Theme = 'light' | 'dark';

/** The worksheetId of a file the user opened (not a built-in). */
export const OPENED_FILE = 'file';

export function createWorksheetStore(
  initialId: string | null = BUILT_IN_WORKSHEETS[0]?.id ?? null,
  options: StoreOptions = {},
): StoreApi<WorksheetState> {
  const persistence = options.persistence ?? createPersistence(() => null);
  const now = options.now ?? Date.now;
  return createStore<WorksheetState>()((set, get) => {
    const frames = () => selectFrames(get());
    const clamp = (k: number) => Math.max(0, Math.min(k, frames().length - 1));
    /** the progress of what is open now, read from storage (walkthrough: none is needed) */
    const loadProgress = () => {
      const state = get();
      if (state.mode === 'walkthrough' || state.worksheetId === null) return;
      const key = storageKey(state);
      const loaded = persistence.load(key);
      let progress = loaded.kind === 'loaded' ? loaded.progress : EMPTY_PROGRESS;
      if (state.mode === 'quiz' && !progress.quiz)
        progress = { ...progress, quiz: { startedAt: now(), submitted: false, timeUp: false } };
      set({
        progress,
        migratedFrom: loaded.kind === 'loaded' ? loaded.migratedFrom : null,
        setAside: persistence.setAsideFor(key),
        saving: persistence.available ? 'saved' : 'page',
        undo: null,
      });
      if (loaded.kind !== 'loaded' && state.mode === 'quiz') save(progress);
    };
    const save = (progress: Progress) => {
      const ok = persistence.save(storageKey(get()), progress);
      set({ progress, saving: !persistence.available ? 'page' : ok ? 'saved' : 'failed' });
    };
    const updateCell = (slot: string, change: (e: CellEntry) => CellEntry) => {
      const { progress } = get();
      const entry = progress.cells[slot] ?? { text: '', checked: false, hints: 0, revealed: false };
      const next = change(entry);
      if (next !== entry) save({ ...progress, cells: { ...progress.cells, [slot]: next } });
    };
    const quizOver = () => get().mode === 'quiz' && (get().progress.quiz?.submitted ?? false);
    return {
      worksheetId: initialId,
      file: openingFile(initialId),
      frame: 0,
      granularity: 'number',
      presenting: false,
      theme: 'light',
      mode: 'walkthrough',
      quiz: null,
      progress: EMPTY_PROGRESS,
      saving: persistence.available ? 'saved' : 'page',
      setAside: [],
      migratedFrom: null,
      undo: null,
      quizLinkProblems: null,
      quizSheetShows: 'mine',
      setQuizSheetShows(quizSheetShows) {
        set({ quizSheetShows });
      },
      showQuizLinkProblems(problems) {
        // in one change, so that nothing sees the home page without the problems (the URL keeps the link)
        set({ ...homeState(get()), quizLinkProblems: problems });
      },
      setMode(mode) {
        if (get().mode === mode) return;
        // a quiz is left by opening something else: its sheet is not a worksheet to practise
        if (get().mode === 'quiz') return;
        set({ mode });
        loadProgress();
      },
      startQuiz(settings, seed, title) {
        const s = get();
        if (
          s.worksheetId === QUIZ &&
          s.quiz?.seed === seed &&
          formatQuizQuery(s.quiz.settings, seed) === formatQuizQuery(settings, seed)
        )
          return;
        set({
          worksheetId: QUIZ,
          file: generateQuiz(settings, seed, title),
          quiz: { settings, seed },
          mode: 'quiz',
          frame: 0,
          quizSheetShows: 'mine',
          quizLinkProblems: null,
        });
        loadProgress();
      },
      submitQuiz(timeUp = false) {
        const { progress } = get();
        if (get().mode !== 'quiz' || !progress.quiz || progress.quiz.submitted) return;
        // whatever is typed counts as handed in, checked or not
        const cells = Object.fromEntries(
          Object.entries(progress.cells).map(([slot, e]) => [slot, e.text.trim() ? { ...e, checked: true } : e]),
        );
        save({ ...progress, cells, quiz: { ...progress.quiz, submitted: true, timeUp } });
      },
      typeAnswer(slot, text) {
        if (get().mode === 'walkthrough' || quizOver()) return;
        // a paste of a whole page is cut to what storage keeps, rather than spoil the saved sheet
        const kept = text.slice(0, MAX_ANSWER_LENGTH);
        updateCell(slot, (e) =>
          e.revealed || (e.text === kept && !e.checked) ? e : { ...e, text: kept, checked: false },
        );
      },
      checkAnswer(slot) {
        if (get().mode === 'walkthrough' || quizOver()) return;
        updateCell(slot, (e) => (e.checked || e.text.trim() === '' ? e : { ...e, checked: true }));
      },
      focusCell(slot) {
        if (get().mode === 'walkthrough' || get().progress.focus === slot) return;
        save({ ...get().progress, focus: slot });
      },
      nextHint(slot) {
        if (get().mode !== 'practice') return;
        const ctx = selectPracticeContext(get());
        const n = ctx?.index.get(slot);
        if (!ctx || n === undefined || !ctx.isInput.has(n)) return;
        const expected = expectedValue(ctx, n);
        const answer = formatWritten(ctx.sheet.model, (ctx.records[n] as TraceRecord).q, expected);
        updateCell(slot, (e) => {
          if (e.revealed) return e;
          const hints = Math.min(HINT_RUNGS, e.hints + 1);
          return hints === HINT_RUNGS ? { text: answer, checked: true, hints, revealed: true } : { ...e, hints };
        });
      },
      setFollow(follow) {
        if (get().mode !== 'practice' || get().progress.follow === follow) return;
        save({ ...get().progress, follow });
      },
      resetProgress() {
        const s = get();
        if (s.mode === 'walkthrough') return;
        const quiz = s.mode === 'quiz' ? { startedAt: now(), submitted: false, timeUp: false } : null;
        const undo = s.progress;
        save({ ...EMPTY_PROGRESS, follow: s.progress.follow, resets: s.progress.resets + 1, quiz });
        set({ undo });
      },
      undoReset() {
        const { undo, progress } = get();
        if (!undo) return;
        // what was typed since the reset is kept too: undo brings back, it never takes away
        const since = Object.entries(progress.cells).filter(([, e]) => e.text.trim() !== '');
        save({ ...undo, cells: { ...undo.cells, ...Object.fromEntries(since) }, resets: progress.resets + 1 });
        set({ undo: null });
      },
      discardSetAside(key) {
        persistence.remove(key);
        set({ setAside: get().setAside.filter((a) => a.key !== key) });
      },
      progressChangedElsewhere(key) {
        const s = get();
        if (s.mode === 'walkthrough' || s.worksheetId === null || key !== storageKey(s)) return;
        const loaded = persistence.reload(key);
        set({ setAside: persistence.setAsideFor(key) });
        // a newer app in another tab: answering it with this tab's data would set the two echoing
        // each other (each setting the other's aside); its data is kept aside, this tab's in the page
        if (loaded.kind === 'setAside' && loaded.setAside.reason === 'future') return;
        // nothing readable there (removed, or set aside just now): this tab's progress is saved again
        const merged = loaded.kind === 'loaded' ? mergeProgress(s.progress, loaded.progress) : s.progress;
        // written back only when it adds to what is stored, so two tabs do not echo each other
        if (loaded.kind !== 'loaded' || !sameSaved(merged, loaded.progress)) save(merged);
        else if (!sameSaved(merged, s.progress)) set({ progress: merged });
      },
      setPresenting(presenting) {
        set({ presenting });
      },
      setTheme(theme) {
        set({ theme });
      },
      open(id, frame = 0) {
        if (!findBuiltIn(id)) return;
        set({
          worksheetId: id,
          file: openingFile(id),
          frame: 0,
          quiz: null,
          quizLinkProblems: null,
          ...leaveQuiz(get()),
        });
        set({ frame: clamp(frame) });
        loadProgress();
      },
      setInput(tokens, targets) {
        const base = openingFile(get().worksheetId);
        if (!base || typeof base !== 'object') return;
        set({ file: { ...base, tokens, ...(targets ? { targets } : {}) }, frame: 0 });
        loadProgress();
      },
      openFile(file) {
        set({ worksheetId: OPENED_FILE, file, frame: 0, quiz: null, quizLinkProblems: null, ...leaveQuiz(get()) });
        loadProgress();
      },
      goHome() {
        set(homeState(get()));
      },
      goTo(frame) {
        set({ frame: clamp(frame) });
      },
      next() {
        get().goTo(get().frame + 1);
      },
      previous() {
        get().goTo(get().frame - 1);
      },
      nextStep() {
        const { frame } = get();
        const t = stepOf(get(), frame);
        let k = frame;
        while (k < frames().length - 1 && stepOf(get(), k) === t) k++;
        get().goTo(k);
      },
      previousStep() {
        // to the start of this step; from there, to the start of the step before
        const startOf = (k: number) => {
          const t = stepOf(get(), k);
          while (k > 0 && stepOf(get(), k - 1) === t) k--;
          return k;
        };
        const { frame } = get();
        const start = startOf(frame);
        get().goTo(start < frame || start === 0 ? start : startOf(start - 1));
      },
      goToStep(t) {
        const k = frames().findIndex((_f, n) => stepOf(get(), n) === t);
        if (k >= 0) get().goTo(k);
      },
      first() {
        get().goTo(0);
      },
      last() {
        get().goTo(frames().length - 1);
      },
      setGranularity(granularity) {
        const state = get();
        const current = selectFrames(state)[state.frame];
        set({ granularity });
        if (current) set({ frame: frameOfRecord(selectFrames(get()), current.last) });
      },
    };
  });
}

/** The home page: nothing open. */
function homeState(s: WorksheetState): Partial<WorksheetState> {
  return {
    worksheetId: null,
    file: null,
    frame: 0,
    quiz: null,
    quizLinkProblems: null,
    ...leaveQuiz(s),
    progress: EMPTY_PROGRESS,
  };
}

/** Leaving a quiz (for another worksheet, or home) goes back to the walkthrough. */
function leaveQuiz(s: WorksheetState): { mode?: Mode } {
  return s.mode === 'quiz' ? { mode: 'walkthrough' } : {};
}

/**
 * Where the open worksheet's progress is kept: a quiz by its settings and seed; a worksheet by its
 * id and its content, so answers never meet other numbers (a changed word, an updated sheet).
 */
export function storageKey(s: WorksheetState): string {
  if (s.worksheetId === QUIZ && s.quiz)
    return progressKey(`quiz:g${QUIZ_GENERATOR}:${formatQuizQuery(s.quiz.settings, s.quiz.seed)}`);
  return progressKey(`${s.worksheetId ?? ''}:${contentHash(s.file)}`);
}

function openingFile(id: string | null): unknown {
  const w = id === null ? undefined : findBuiltIn(id);
  return w ? builtInFile(w) : null;
}

export {
  selectFocusRecord,
  selectFrames,
  selectPracticeContext,
  selectSheet,
  selectView,
  showsRightAnswers,
  stepOf,
} from './selectors';
