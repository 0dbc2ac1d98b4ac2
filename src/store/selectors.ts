// What the app derives from the store's state, memoised: the computed sheet (model, trace,
// records), the walkthrough's frames, what the current frame or cell highlights, and what
// practice and the quiz check answers against. Never stored beside the state it comes from.
import { buildFrames, type Direction, type Frame } from './frames';
import { answerRecords, recordIndex, type PracticeContext, type Mode, type QuizRun } from './practice';
import type { Progress } from './persist';
import { computeSheet, otherCarrySheet, type ComputedSheet } from './sheet';
import { EMPTY_VIEW, frameView, type FrameView } from './view';
import type { WorksheetState } from './worksheetStore';
import type { RecordTable } from '../core/records/recordTable';

/** The computed sheet of the open worksheet. */
export function selectSheet(state: WorksheetState): ComputedSheet {
  return computeSheet(state.file);
}

const framesMemo = new WeakMap<object, Map<string, Frame[]>>();

/** The frames of the open worksheet's walkthrough in the chosen direction, at the chosen granularity. */
export function selectFrames(state: WorksheetState): readonly Frame[] {
  return framesOf(state, state.direction);
}

/** The frames of one direction (the backward pass has none without a loss). */
export function framesOf(state: WorksheetState, direction: Direction): readonly Frame[] {
  const sheet = selectSheet(state);
  if (!sheet.ok) return [];
  let byKind = framesMemo.get(sheet.records);
  if (!byKind) framesMemo.set(sheet.records, (byKind = new Map()));
  const key = `${state.granularity}:${direction}`;
  let frames = byKind.get(key);
  if (!frames) byKind.set(key, (frames = buildFrames(sheet.records, state.granularity, direction)));
  return frames;
}

let contextMemo: {
  computed: ComputedSheet;
  mode: Mode;
  quiz: QuizRun | null;
  direction: Direction;
  progress: Progress;
  ctx: PracticeContext;
} | null = null;

/** What practice and quiz derive each cell's state from; null in the walkthrough. */
export function selectPracticeContext(state: WorksheetState): PracticeContext | null {
  const computed = selectSheet(state);
  if (state.mode === 'walkthrough' || !computed.ok) return null;
  const m = contextMemo;
  if (
    m &&
    m.computed === computed &&
    m.mode === state.mode &&
    m.quiz === state.quiz &&
    m.direction === state.direction &&
    m.progress === state.progress
  )
    return m.ctx;
  const inputs = answerRecords(computed.records, state.mode, state.quiz, state.direction);
  const other = otherCarrySheet(state.file);
  const ctx: PracticeContext = {
    sheet: computed.sheet,
    records: computed.records,
    mode: state.mode,
    progress: state.progress,
    other: other.ok ? other.sheet : null,
    inputs,
    isInput: inputSet(inputs),
    index: recordIndex(computed.records),
  };
  contextMemo = {
    computed,
    mode: state.mode,
    quiz: state.quiz,
    direction: state.direction,
    progress: state.progress,
    ctx,
  };
  return ctx;
}

const inputSets = new WeakMap<readonly number[], ReadonlySet<number>>();
function inputSet(inputs: readonly number[]): ReadonlySet<number> {
  let set = inputSets.get(inputs);
  if (!set) inputSets.set(inputs, (set = new Set(inputs)));
  return set;
}

/** The record the student is at in practice or a quiz, or null. */
export function selectFocusRecord(state: WorksheetState): number | null {
  const ctx = selectPracticeContext(state);
  const { focus } = state.progress;
  if (!ctx || focus === null) return null;
  // asked by every cell on every change: the slot is read back once per focus and context
  const m = focusMemo;
  if (m && m.ctx === ctx && m.focus === focus) return m.n;
  const found = ctx.index.get(focus);
  const n = found !== undefined && ctx.isInput.has(found) ? found : null;
  focusMemo = { ctx, focus, n };
  return n;
}

let focusMemo: { ctx: PracticeContext; focus: string; n: number | null } | null = null;

let viewMemo: { frames: readonly Frame[]; frame: number; view: FrameView } | null = null;
let practiceViewMemo: { records: RecordTable; n: number; reads: boolean; view: FrameView } | null = null;

/**
 * What the sheet highlights. In the walkthrough, the current frame; in practice, the cell the
 * student is at, and (from the second hint rung on) the values it reads.
 */
export function selectView(state: WorksheetState): FrameView {
  const sheet = selectSheet(state);
  if (state.mode !== 'walkthrough') {
    const n = selectFocusRecord(state);
    if (!sheet.ok || n === null) return EMPTY_VIEW;
    const hints = state.progress.cells[sheet.records.slot(n)]?.hints ?? 0;
    const reads = state.mode === 'practice' && hints >= 2;
    const m = practiceViewMemo;
    if (m && m.records === sheet.records && m.n === n && m.reads === reads) return m.view;
    const view = frameView(sheet.sheet.model, sheet.records, { first: n, last: n }, reads);
    practiceViewMemo = { records: sheet.records, n, reads, view };
    return view;
  }
  const frames = selectFrames(state);
  const frame = frames[state.frame];
  if (!sheet.ok || !frame) return EMPTY_VIEW;
  if (viewMemo && viewMemo.frames === frames && viewMemo.frame === state.frame) return viewMemo.view;
  const view = frameView(sheet.sheet.model, sheet.records, frame);
  viewMemo = { frames, frame: state.frame, view };
  return view;
}

/**
 * The step a frame belongs to. Forward, the total loss comes after the last step (T + 1);
 * backward, what belongs to no step (∂L/∂h₀, the parameters' gradients) comes after the first (0).
 */
export function stepOf(state: WorksheetState, frame: number): number {
  const sheet = selectSheet(state);
  const f = selectFrames(state)[frame];
  if (!sheet.ok || !f) return 0;
  const t = sheet.records.t(f.first);
  return t === 0 && state.direction === 'forward' ? sheet.sheet.model.T + 1 : t;
}

/**
 * The sheet draws the gradients: while the walkthrough or practice goes backward, or in a quiz
 * that asks them. Forward they would be empty boxes, thousands of them on a large file.
 */
export function drawsGradients(state: WorksheetState): boolean {
  if (state.mode === 'quiz') return state.quiz?.settings.ask === 'gradients';
  return state.direction === 'backward';
}

/** A handed-in quiz whose sheet shows the right answers in place of the student's. */
export function showsRightAnswers(state: WorksheetState): boolean {
  return state.mode === 'quiz' && state.quizSheetShows === 'right' && (state.progress.quiz?.submitted ?? false);
}
