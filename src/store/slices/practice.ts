// Practice: the mode (walkthrough or practice), the student's answers, hints, cursor and "follow
// my numbers" on the open worksheet, and where they are kept; a quiz's answers go through here too.
import type { StateCreator } from 'zustand/vanilla';
import { formatWritten } from '../../core/engine/carry';
import {
  EMPTY_PROGRESS,
  HINT_RUNGS,
  MAX_ANSWER_LENGTH,
  mergeProgress,
  sameSaved,
  type CellEntry,
  type Progress,
  type SetAside,
} from '../persist';
import { expectedValue, type Mode } from '../practice';
import { selectPracticeContext } from '../selectors';
import type { WorksheetState } from '../worksheetStore';
import {
  answering,
  inQuiz,
  keepsProgress,
  progressKeeping,
  quizOver,
  quizStarted,
  storageKey,
  type Keeping,
} from './shared';

export interface PracticeSlice {
  readonly mode: Mode;
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
  setMode(mode: Exclude<Mode, 'quiz'>): void;
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

/** Answers can be written: practice, or a quiz not yet handed in. */
const writable = (s: WorksheetState): boolean => answering(s) && !quizOver(s);

/** Hints and "follow my numbers" are practice's: a quiz gives neither. */
const practising = (s: WorksheetState): boolean => s.mode === 'practice';

export function createPracticeSlice(keeping: Keeping): StateCreator<WorksheetState, [], [], PracticeSlice> {
  return (set, get) => {
    const { persistence, now } = keeping;
    const { load, save } = progressKeeping(set, get, keeping);
    const updateCell = (slot: string, change: (e: CellEntry) => CellEntry) => {
      const { progress } = get();
      const entry = progress.cells[slot] ?? { text: '', checked: false, hints: 0, revealed: false };
      const next = change(entry);
      if (next !== entry) save({ ...progress, cells: { ...progress.cells, [slot]: next } });
    };
    return {
      mode: 'walkthrough',
      progress: EMPTY_PROGRESS,
      saving: persistence.available ? 'saved' : 'page',
      setAside: [],
      migratedFrom: null,
      undo: null,
      setMode(mode) {
        // a quiz is left by opening something else: its sheet is not a worksheet to practise
        if (get().mode === mode || inQuiz(get())) return;
        set({ mode });
        load();
      },
      typeAnswer(slot, text) {
        if (!writable(get())) return;
        // a paste of a whole page is cut to what storage keeps, rather than spoil the saved sheet
        const kept = text.slice(0, MAX_ANSWER_LENGTH);
        updateCell(slot, (e) =>
          e.revealed || (e.text === kept && !e.checked) ? e : { ...e, text: kept, checked: false },
        );
      },
      checkAnswer(slot) {
        if (!writable(get())) return;
        updateCell(slot, (e) => (e.checked || e.text.trim() === '' ? e : { ...e, checked: true }));
      },
      focusCell(slot) {
        if (!answering(get()) || get().progress.focus === slot) return;
        save({ ...get().progress, focus: slot });
      },
      nextHint(slot) {
        if (!practising(get())) return;
        const ctx = selectPracticeContext(get());
        const n = ctx?.index.get(slot);
        if (!ctx || n === undefined || !ctx.isInput.has(n)) return;
        const expected = expectedValue(ctx, n);
        const answer = formatWritten(ctx.sheet.model, ctx.records.q(n), expected);
        updateCell(slot, (e) => {
          if (e.revealed) return e;
          const hints = Math.min(HINT_RUNGS, e.hints + 1);
          return hints === HINT_RUNGS ? { text: answer, checked: true, hints, revealed: true } : { ...e, hints };
        });
      },
      setFollow(follow) {
        if (!practising(get()) || get().progress.follow === follow) return;
        save({ ...get().progress, follow });
      },
      resetProgress() {
        const s = get();
        if (!answering(s)) return;
        const quiz = inQuiz(s) ? quizStarted(now) : null;
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
        if (!keepsProgress(s) || key !== storageKey(s)) return;
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
    };
  };
}
