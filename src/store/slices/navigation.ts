// Navigation: which worksheet is open (a built-in, a file the user chose, or home) and where in its
// walkthrough the student is, frame by frame or step by step, at the granularity chosen.
import type { StateCreator } from 'zustand/vanilla';
import { findBuiltIn } from '../../worksheets';
import { frameOfRecord, type Direction, type Granularity } from '../frames';
import { framesOf, selectFrames, stepOf } from '../selectors';
import { builtInFile } from '../sheet';
import type { Library } from '../library';
import type { WorksheetState } from '../worksheetStore';
import { homeState, leaveQuiz, progressKeeping, type Keeping } from './shared';

/** A parameter's value in the worksheet file: a matrix as rows, or a vector. */
export type ParamValue = readonly (readonly number[])[] | readonly number[];

/** The worksheetId of a file the user opened (not a built-in). */
export const OPENED_FILE = 'file';

export interface NavigationSlice {
  /** the open worksheet; null on the home page */
  readonly worksheetId: string | null;
  readonly file: unknown;
  /** index of the current frame */
  readonly frame: number;
  readonly granularity: Granularity;
  /** forward through the steps and the loss, or backward from the loss's gradient */
  readonly direction: Direction;
  /** a built-in worksheet, or one the user keeps, by its id */
  open(id: string, frame?: number): void;
  /** there is a worksheet of this id to open (a built-in, or a kept one) */
  canOpen(id: string): boolean;
  /** opens a worksheet file the user chose (validated by the caller) */
  openFile(file: unknown): void;
  /** the open built-in worksheet with another input sequence (and targets), from the start */
  setInput(tokens: readonly string[], targets?: readonly (readonly number[])[]): void;
  /**
   * the open worksheet with parameters replaced (a slider, a training step), by their file names
   * (W_hh, b_f …; W_hy and b_y of the readout): the input, the direction and the frame stay. A
   * name given null is taken out (a bias the file did not give, added by a slider, on reset)
   */
  setParams(changes: Readonly<Record<string, ParamValue | null>>): void;
  /**
   * the open worksheet replaced by an edited one (valid: the editor checks it), the frame kept
   * where it still exists. A quiz edited is a quiz no longer: its answers are judged by its
   * settings and seed, not by numbers changed under it, so it goes on as an opened file
   */
  editFile(file: unknown, asCopy?: boolean): void;
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
  /** to frame `frame` of that direction (its first by default); backward only where there is a loss */
  setDirection(direction: Direction, frame?: number): void;
}

export function createNavigationSlice(
  initialId: string | null,
  keeping: Keeping,
): StateCreator<WorksheetState, [], [], NavigationSlice> {
  return (set, get) => {
    const { load } = progressKeeping(set, get, keeping);
    const fileOf = (id: string | null) => openingFile(id, keeping.library);
    const frames = () => selectFrames(get());
    const clamp = (k: number) => Math.max(0, Math.min(k, frames().length - 1));
    return {
      worksheetId: initialId,
      file: fileOf(initialId),
      frame: 0,
      granularity: 'number',
      direction: 'forward',
      open(id, frame = 0) {
        const file = fileOf(id);
        if (file === null) return;
        set({
          worksheetId: id,
          file,
          frame: 0,
          direction: 'forward',
          quiz: null,
          quizLinkProblems: null,
          ...leaveQuiz(get()),
        });
        set({ frame: clamp(frame) });
        load();
      },
      canOpen(id) {
        return fileOf(id) !== null;
      },
      setInput(tokens, targets) {
        // on the worksheet as it stands: a W_h moved by its slider stays where it was put
        const base = get().file;
        if (!base || typeof base !== 'object') return;
        // another word keeps the direction: the backward pass of the new word, from its start
        set({ file: { ...base, tokens, ...(targets ? { targets } : {}) }, frame: 0 });
        if (framesOf(get(), get().direction).length === 0) set({ direction: 'forward' });
        load();
      },
      setParams(changes) {
        const file = get().file as { params?: object; readout?: object } | null;
        if (!file || typeof file !== 'object') return;
        const params: Record<string, ParamValue> = { ...(file.params as Record<string, ParamValue>) };
        const readout: Record<string, unknown> | undefined = file.readout ? { ...file.readout } : undefined;
        for (const [name, value] of Object.entries(changes)) {
          const into: Record<string, unknown> | undefined = name === 'W_hy' || name === 'b_y' ? readout : params;
          if (!into) continue;
          if (value === null) delete into[name];
          else into[name] = value;
        }
        set({ file: { ...file, params, ...(readout ? { readout } : {}) } });
        if (framesOf(get(), get().direction).length === 0) set({ direction: 'forward' });
        set({ frame: clamp(get().frame) });
        load();
      },
      editFile(file, asCopy = false) {
        const id = get().worksheetId;
        if (id === null) return;
        // kept under its own name: a kept worksheet is changed where it is kept (unless asCopy);
        // anything else (a built-in, a file, a quiz) becomes a kept worksheet of its own, the original untouched
        const keptId = get().keepEdited(id, file, get().file, asCopy);
        const leaving = get().quiz ? { quiz: null, ...leaveQuiz(get()) } : {};
        set({ file, worksheetId: keptId, ...leaving });
        if (framesOf(get(), get().direction).length === 0) set({ direction: 'forward' });
        set({ frame: clamp(get().frame) });
        load();
      },
      openFile(file) {
        set({
          worksheetId: OPENED_FILE,
          file,
          frame: 0,
          direction: 'forward',
          quiz: null,
          quizLinkProblems: null,
          ...leaveQuiz(get()),
        });
        load();
      },
      goHome() {
        set(homeState(get()));
      },
      goTo(frame) {
        set({ frame: clamp(frame) });
      },
      // past the forward pass's last frame, on into the backward pass (where there is one), and back
      next() {
        const { frame, direction } = get();
        if (direction === 'forward' && frame === frames().length - 1 && framesOf(get(), 'backward').length > 0)
          get().setDirection('backward');
        else get().goTo(frame + 1);
      },
      previous() {
        const { frame, direction } = get();
        if (direction === 'backward' && frame === 0)
          get().setDirection('forward', framesOf(get(), 'forward').length - 1);
        else get().goTo(frame - 1);
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
      setDirection(direction, frame = 0) {
        if (framesOf(get(), direction).length === 0) return;
        set({ direction });
        set({ frame: clamp(frame) });
      },
      setGranularity(granularity) {
        const state = get();
        const current = selectFrames(state)[state.frame];
        set({ granularity });
        if (current) set({ frame: frameOfRecord(selectFrames(get()), current.last) });
      },
    };
  };
}

function openingFile(id: string | null, library: Library): unknown {
  if (id === null) return null;
  const w = findBuiltIn(id);
  if (w) return builtInFile(w);
  return library.get(id)?.file ?? null;
}
