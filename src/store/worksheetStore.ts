// The app's state: which worksheet is open, which frame of its walkthrough is shown, and how
// finely it steps. The trace, the frames and what a frame highlights are derived from these
// (memoised), never stored beside them.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { BUILT_IN_WORKSHEETS, findBuiltIn } from '../worksheets';
import { buildFrames, frameOfRecord, type Frame, type Granularity } from './frames';
import { builtInFile, computeSheet, type ComputedSheet } from './sheet';
import { EMPTY_VIEW, frameView, type FrameView } from './view';

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
}

export type Theme = 'light' | 'dark';

/** The worksheetId of a file the user opened (not a built-in). */
export const OPENED_FILE = 'file';

export function createWorksheetStore(
  initialId: string | null = BUILT_IN_WORKSHEETS[0]?.id ?? null,
): StoreApi<WorksheetState> {
  return createStore<WorksheetState>()((set, get) => {
    const frames = () => selectFrames(get());
    const clamp = (k: number) => Math.max(0, Math.min(k, frames().length - 1));
    return {
      worksheetId: initialId,
      file: openingFile(initialId),
      frame: 0,
      granularity: 'number',
      presenting: false,
      theme: 'light',
      setPresenting(presenting) {
        set({ presenting });
      },
      setTheme(theme) {
        set({ theme });
      },
      open(id, frame = 0) {
        if (!findBuiltIn(id)) return;
        set({ worksheetId: id, file: openingFile(id), frame: 0 });
        set({ frame: clamp(frame) });
      },
      setInput(tokens, targets) {
        const base = openingFile(get().worksheetId);
        if (!base || typeof base !== 'object') return;
        set({ file: { ...base, tokens, ...(targets ? { targets } : {}) }, frame: 0 });
      },
      openFile(file) {
        set({ worksheetId: OPENED_FILE, file, frame: 0 });
      },
      goHome() {
        set({ worksheetId: null, file: null, frame: 0 });
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

function openingFile(id: string | null): unknown {
  const w = id === null ? undefined : findBuiltIn(id);
  return w ? builtInFile(w) : null;
}

/** The computed sheet of the open worksheet. */
export function selectSheet(state: WorksheetState): ComputedSheet {
  return computeSheet(state.file);
}

const framesMemo = new WeakMap<object, Map<Granularity, Frame[]>>();

/** The frames of the open worksheet's walkthrough at the chosen granularity. */
export function selectFrames(state: WorksheetState): readonly Frame[] {
  const sheet = selectSheet(state);
  if (!sheet.ok) return [];
  let byGranularity = framesMemo.get(sheet.records);
  if (!byGranularity) framesMemo.set(sheet.records, (byGranularity = new Map()));
  let frames = byGranularity.get(state.granularity);
  if (!frames) byGranularity.set(state.granularity, (frames = buildFrames(sheet.records, state.granularity)));
  return frames;
}

let viewMemo: { frames: readonly Frame[]; frame: number; view: FrameView } | null = null;

/** What the current frame shows and highlights. */
export function selectView(state: WorksheetState): FrameView {
  const sheet = selectSheet(state);
  const frames = selectFrames(state);
  const frame = frames[state.frame];
  if (!sheet.ok || !frame) return EMPTY_VIEW;
  if (viewMemo && viewMemo.frames === frames && viewMemo.frame === state.frame) return viewMemo.view;
  const view = frameView(sheet.sheet.model, sheet.records, frame);
  viewMemo = { frames, frame: state.frame, view };
  return view;
}

/** The step a frame belongs to (the total loss, after the last step, counts as step T + 1). */
export function stepOf(state: WorksheetState, frame: number): number {
  const sheet = selectSheet(state);
  const f = selectFrames(state)[frame];
  if (!sheet.ok || !f) return 0;
  const t = sheet.records[f.first]?.t ?? 0;
  return t === 0 ? sheet.sheet.model.T + 1 : t;
}
