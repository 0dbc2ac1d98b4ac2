// Practice and quiz, derived: which cells the student writes, what each is checked against,
// how each answer stands (right, wrong and why, not a number), and how far the student has got.
// Plain functions of the computed sheet and the saved progress; nothing here is stored.
import { isWithinTolerance, parseAnswer } from '../core/practice/answer';
import { writtenDecimals } from '../core/engine/carry';
import { evaluateRecord, type Lookup } from '../core/records/evaluate';
import { recogniseMistake, type Mistake } from '../core/practice/mistakes';
import { roundHalfAwayFromZero } from '../core/engine/rounding';
import { quizQuestions, type QuizSettings } from '../core/practice/quiz';
import { slotKey, type Phase, type TraceRecord } from '../core/records/records';
import type { Sheet } from '../core/records/tex';
import type { Progress } from './persist';
import type { RecordTable } from '../core/records/recordTable';

export type Mode = 'walkthrough' | 'practice' | 'quiz';

export interface QuizRun {
  readonly settings: QuizSettings;
  readonly seed: string;
}

export type CellStatus =
  | { readonly kind: 'blank' }
  /** typed, not yet checked (Enter or leaving the cell checks it) */
  | { readonly kind: 'typing' }
  | { readonly kind: 'invalid'; readonly reason: 'notANumber' }
  /** a quiz answer before the quiz is handed in: no verdict yet */
  | { readonly kind: 'answered' }
  | { readonly kind: 'right' }
  | { readonly kind: 'wrong'; readonly mistake: Mistake | null }
  | { readonly kind: 'revealed' };

/** Everything a status is derived from. */
export interface PracticeContext {
  readonly sheet: Sheet;
  readonly records: RecordTable;
  readonly mode: Mode;
  readonly progress: Progress;
  /** the same worksheet carried the other way (rounded ↔ exact), for the rounding slip */
  readonly other: Sheet | null;
  /** the records the student writes, in the order they are worked */
  readonly inputs: readonly number[];
  readonly isInput: ReadonlySet<number>;
  readonly index: SlotIndex;
}

const inputsMemo = new WeakMap<RecordTable, Map<string, number[]>>();

/**
 * The records the student writes: in practice every number of the pass the walkthrough is set to
 * (forward by default), in a quiz its questions. Forward and backward cells have slots of their
 * own (∂L/∂h₃ is d:h@3[0]), so both passes' answers are kept side by side in one progress.
 */
export function answerRecords(
  records: RecordTable,
  mode: Mode,
  quiz: QuizRun | null,
  direction: Phase = 'forward',
): readonly number[] {
  if (mode === 'walkthrough') return [];
  const key = mode === 'quiz' && quiz ? JSON.stringify(quiz.settings) : `${mode}:${direction}`;
  let byKey = inputsMemo.get(records);
  if (!byKey) inputsMemo.set(records, (byKey = new Map()));
  let inputs = byKey.get(key);
  if (!inputs) {
    inputs = inWorkedOrder(
      records,
      mode === 'quiz' && quiz ? quizQuestions(records, quiz.settings) : phaseRecords(records, direction),
    );
    byKey.set(key, inputs);
  }
  return inputs;
}

function phaseRecords(records: RecordTable, phase: Phase): number[] {
  const chosen: number[] = [];
  for (let n = 0; n < records.length; n++) if (records.phase(n) === phase) chosen.push(n);
  return chosen;
}

/** Forward records by step (see byStep); backward ones as the engine writes them, from ∂L/∂y_T back. */
function inWorkedOrder(records: RecordTable, indices: number[]): number[] {
  const forward = indices.filter((n) => records.phase(n) === 'forward');
  const backward = indices.filter((n) => records.phase(n) === 'backward');
  return backward.length === 0 ? byStep(records, indices) : [...byStep(records, forward), ...backward];
}

/**
 * The records in the order a student works them: step by step, so each step's loss (which the
 * engine computes after the last step) comes right after its y, in the step's own panel; the
 * total loss last. Within a step the engine's order stands (the sort is stable).
 */
function byStep(records: RecordTable, indices: number[]): number[] {
  const step = (n: number) => records.t(n) || Infinity;
  return indices.sort((a, b) => step(a) - step(b));
}

export function slotOf(r: TraceRecord): string {
  return slotKey(r.q, r.t, r.i, r.j);
}

/** Finds the record of a slot (see slotKey). */
export interface SlotIndex {
  get(slot: string): number | undefined;
}

export function recordIndex(records: RecordTable): SlotIndex {
  return { get: (slot) => records.findSlot(slot) };
}

/** The student's checked number in a slot they write, if it reads as a number. */
function ownValue(ctx: PracticeContext, n: number): number | null {
  const entry = ctx.progress.cells[ctx.records.slot(n)];
  if (!entry?.checked) return null;
  const parsed = parseAnswer(entry.text);
  return parsed.ok ? parsed.value : null;
}

/** The student's own checked number in cell (q, t, i), if it is one they write. */
function ownAt(ctx: PracticeContext, q: string, t: number, i: number): number | undefined {
  const n = ctx.index.get(slotKey(q, t, i));
  return n !== undefined && ctx.isInput.has(n) ? (ownValue(ctx, n) ?? undefined) : undefined;
}

/** Values as the check sees them: the student's own where "follow my numbers" is on, else the worksheet's. */
export function checkLookup(ctx: PracticeContext): Lookup {
  if (!following(ctx)) return ctx.sheet.value;
  return (q, t, i, j) => (j === undefined ? ownAt(ctx, q, t, i) : undefined) ?? ctx.sheet.value(q, t, i, j);
}

function following(ctx: PracticeContext): boolean {
  return ctx.mode === 'practice' && ctx.progress.follow;
}

/** What record n is checked against. */
export function expectedValue(ctx: PracticeContext, n: number): number {
  const r = ctx.records.at(n);
  return following(ctx) ? evaluateRecord(ctx.sheet.model, r, checkLookup(ctx)) : r.value;
}

// one per context (the context is new whenever progress changes): every cell, copy and count of
// one update asks for the same statuses, some of which work a record out again several times
const statusMemo = new WeakMap<PracticeContext, Map<number, CellStatus>>();

/** How record n's answer stands. */
export function cellStatus(ctx: PracticeContext, n: number): CellStatus {
  let byRecord = statusMemo.get(ctx);
  if (!byRecord) statusMemo.set(ctx, (byRecord = new Map()));
  let status = byRecord.get(n);
  if (!status) byRecord.set(n, (status = statusOf(ctx, n)));
  return status;
}

function statusOf(ctx: PracticeContext, n: number): CellStatus {
  // most cells are blank: their status is known from the slot alone, without the record
  const entry = ctx.progress.cells[ctx.records.slot(n)];
  const submitted = ctx.progress.quiz?.submitted ?? false;
  if (entry?.revealed) return { kind: 'revealed' };
  if (!entry || entry.text.trim() === '') return ctx.mode === 'quiz' && submitted ? wrong(null) : { kind: 'blank' };
  if (!entry.checked && !(ctx.mode === 'quiz' && submitted)) return { kind: 'typing' };
  const r = ctx.records.at(n);
  const parsed = parseAnswer(entry.text);
  if (!parsed.ok) return ctx.mode === 'quiz' && submitted ? wrong(null) : { kind: 'invalid', reason: 'notANumber' };
  if (ctx.mode === 'quiz' && !submitted) return { kind: 'answered' };
  const expected = expectedValue(ctx, n);
  // half a unit of the last place the sheet writes this value with (a product kept in full: more)
  const places = writtenDecimals(ctx.sheet.model, r.q, expected);
  if (isWithinTolerance(parsed.value, expected, places) || fromWrittenNumbers(ctx, r, parsed.value, places))
    return { kind: 'right' };
  const otherCarry = following(ctx) || !ctx.other ? undefined : ctx.other.value(r.q, r.t, r.i, r.j);
  return wrong(
    recogniseMistake(r, parsed.value, expected, {
      model: ctx.sheet.model,
      value: checkLookup(ctx),
      otherCarry,
      // checked against the sheet, an answer worked from the student's own numbers is named so
      own: following(ctx) ? undefined : (q, t, i) => ownAt(ctx, q, t, i),
      sheetValue: following(ctx) ? r.value : undefined,
    }),
  );
}

/**
 * With rounded carry the sheet's written numbers are the ones a student works from, so an answer
 * worked from them is right too: 0.5 · tanh(c) with tanh(c) = −0.0997 written −0.100 gives −0.05,
 * which rounds to −0.1, where the unwritten places make the sheet's own −0.0. The student's own
 * earlier answers that were taken as right count as written (so −0.1 carries on), one level deep:
 * such a tie on top of another is rarer than the work of following it.
 */
function fromWrittenNumbers(ctx: PracticeContext, r: TraceRecord, answer: number, places: number, own = true): boolean {
  const { model } = ctx.sheet;
  if (model.carry !== 'rounded' || following(ctx) || r.phase !== 'forward') return false;
  const written: Lookup = (q, t, i, j) => {
    const mine = own && j === undefined ? acceptedOwn(ctx, q, t, i) : undefined;
    if (mine !== undefined) return mine;
    const v = ctx.sheet.value(q, t, i, j);
    return roundHalfAwayFromZero(v, writtenDecimals(model, q, v));
  };
  return isWithinTolerance(answer, roundHalfAwayFromZero(evaluateRecord(model, r, written), places), places);
}

/** The student's own value of cell (q, t, i) where it is taken as right, else undefined. */
function acceptedOwn(ctx: PracticeContext, q: string, t: number, i: number): number | undefined {
  const mine = ownAt(ctx, q, t, i);
  const n = ctx.index.get(slotKey(q, t, i));
  if (mine === undefined || n === undefined) return undefined;
  const r = ctx.records.at(n);
  const places = writtenDecimals(ctx.sheet.model, q, r.value);
  return isWithinTolerance(mine, r.value, places) || fromWrittenNumbers(ctx, r, mine, places, false) ? mine : undefined;
}

function wrong(mistake: Mistake | null): CellStatus {
  return { kind: 'wrong', mistake };
}

/** Done: right, or shown by the last hint. */
export function isDone(status: CellStatus): boolean {
  return status.kind === 'right' || status.kind === 'revealed';
}

export interface ProgressCounts {
  readonly done: number;
  readonly total: number;
  readonly revealed: number;
  /** per time step (t = 0 is the total loss) */
  readonly steps: readonly { readonly t: number; readonly done: number; readonly total: number }[];
}

export function progressCounts(ctx: PracticeContext): ProgressCounts {
  // a cell with nothing in it is neither done nor revealed: only the cells the student has touched
  // are looked at, so a keystroke on a sheet of 300,000 numbers costs what it does on a small one
  const totals = stepTotals(ctx.records, ctx.inputs);
  const doneIn = new Map<number, number>();
  let done = 0;
  let revealed = 0;
  for (const slot of Object.keys(ctx.progress.cells)) {
    const n = ctx.index.get(slot);
    if (n === undefined || !ctx.isInput.has(n)) continue;
    const status = cellStatus(ctx, n);
    if (isDone(status)) {
      done++;
      const t = ctx.records.t(n);
      doneIn.set(t, (doneIn.get(t) ?? 0) + 1);
    }
    if (status.kind === 'revealed') revealed++;
  }
  return {
    done,
    total: ctx.inputs.length,
    revealed,
    steps: totals.map(({ t, total }) => ({ t, done: doneIn.get(t) ?? 0, total })),
  };
}

const totalsMemo = new WeakMap<readonly number[], readonly { t: number; total: number }[]>();

/** How many numbers the student writes in each step, in the order the steps are worked. */
function stepTotals(records: RecordTable, inputs: readonly number[]): readonly { t: number; total: number }[] {
  let totals = totalsMemo.get(inputs);
  if (totals) return totals;
  const byStep = new Map<number, { t: number; total: number }>();
  for (const n of inputs) {
    const t = records.t(n);
    let step = byStep.get(t);
    if (!step) byStep.set(t, (step = { t, total: 0 }));
    step.total++;
  }
  totals = [...byStep.values()];
  totalsMemo.set(inputs, totals);
  return totals;
}

/** Quiz score: the questions answered right, out of all of them. */
export function quizScore(ctx: PracticeContext): { right: number; total: number } {
  return { right: ctx.inputs.filter((n) => cellStatus(ctx, n).kind === 'right').length, total: ctx.inputs.length };
}

/**
 * The records a question's worked solution shows, in the order worked: those of its step, not
 * asked, that it rests on (a quiz asking h shows the products and the sum it takes), then itself.
 */
export function workedSteps(ctx: PracticeContext, n: number): number[] {
  const question = ctx.records.at(n);
  const needed = new Set<string>();
  const need = (r: TraceRecord) => {
    for (const ref of r.reads)
      needed.add(ref.i === undefined ? `${ref.q}@${ref.t ?? 0}` : slotKey(ref.q, ref.t ?? 0, ref.i));
  };
  need(question);
  const steps = [n];
  for (let m = n - 1; m >= 0; m--) {
    const r = ctx.records.at(m);
    if (r.phase !== 'forward' || r.t !== question.t || ctx.isInput.has(m)) continue;
    if (needed.has(slotOf(r)) || needed.has(`${r.q}@${r.t}`)) {
      steps.unshift(m);
      need(r);
    }
  }
  return steps;
}

/** The next record to fill after position k of the inputs (wrapping round), or null when all are done. */
export function nextToFill(ctx: PracticeContext, after: number): number | null {
  const count = ctx.inputs.length;
  for (let step = 1; step <= count; step++) {
    const n = ctx.inputs[(after + step) % count] as number;
    const status = cellStatus(ctx, n);
    if (ctx.mode === 'quiz' ? status.kind === 'blank' : !isDone(status)) return n;
  }
  return null;
}
