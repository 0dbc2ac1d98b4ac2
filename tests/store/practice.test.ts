// Practice and quiz through the store: how each typed answer stands, hints, progress, "follow my
// numbers", reset and undo, reloading, and quizzes. Every expected number is worked by hand
// below (Tom Yeh's sheet, the slides' LSTM, or the quiz file's own parameters), never read off
// the engine.
import { describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand/vanilla';
import { DEFAULT_QUIZ_SETTINGS, formatQuizQuery, type QuizSettings } from '../../src/core/practice/quiz';
import { slotKey } from '../../src/core/records/records';
import type { WorksheetFile } from '../../src/core/format/worksheet';
import { createPersistence, EMPTY_PROGRESS, progressKey } from '../../src/store/persist';
import {
  cellStatus,
  expectedValue,
  nextToFill,
  progressCounts,
  quizScore,
  slotOf,
  workedSteps,
} from '../../src/store/practice';
import {
  createWorksheetStore,
  selectFocusRecord,
  selectPracticeContext,
  storageKey,
  type WorksheetState,
} from '../../src/store/worksheetStore';
import { FakeStorage } from '../helpers/fakeStorage';
import { referenceCase } from '../helpers/reference';

type Store = StoreApi<WorksheetState>;

/** A store on a worksheet, in practice mode, keeping progress in `storage`. "Reload" is another call. */
function practise(id: string, storage: Storage = new FakeStorage()): Store {
  const store = createWorksheetStore(id, { persistence: createPersistence(() => storage) });
  store.getState().setMode('practice');
  return store;
}

function context(store: Store) {
  const ctx = selectPracticeContext(store.getState());
  if (!ctx) throw new Error('no practice context');
  return ctx;
}

function recordOf(store: Store, slot: string): number {
  const n = context(store).index.get(slot);
  if (n === undefined) throw new Error(`no record ${slot}`);
  return n;
}

function status(store: Store, slot: string) {
  return cellStatus(context(store), recordOf(store, slot));
}

/** Typed and then checked (Enter, or leaving the cell). */
function answer(store: Store, slot: string, text: string): void {
  store.getState().typeAnswer(slot, text);
  store.getState().checkAnswer(slot);
}

// Tom Yeh's sheet: h_t = ReLU(B x_t + A h_{t−1}), B = [1, 2]ᵀ, A = [[1, −1], [1, 1]], x = 3, 4, 5, 6,
// h0 = 0, y_t = C h_t with C = [−1, 1]. The slots are 0-based; the prose says [1] for the first.
const Bx = (t: number, i: number) => slotKey('mv:W_ih', t, i);
const Ah = (t: number, i: number) => slotKey('mv:W_hh', t, i); // A h_{t−1}, written at step t
const a = (t: number, i: number) => slotKey('pre:h', t, i);
const h = (t: number, i: number) => slotKey('h', t, i);
const y = (t: number) => slotKey('y', t, 0);

/** The whole forward pass by hand, step by step (see the comments for the arithmetic). */
const TOM_YEH: Record<number, { Bx: number[]; Ah: number[]; a: number[]; h: number[]; y: number }> = {
  // B·3 = [3, 6]; A h0 = [0, 0]; a1 = [3, 6]; h1 = [3, 6]; y1 = −3 + 6
  1: { Bx: [3, 6], Ah: [0, 0], a: [3, 6], h: [3, 6], y: 3 },
  // B·4 = [4, 8]; A h1 = [3 − 6, 3 + 6]; a2 = [1, 17]; h2 = [1, 17]; y2 = −1 + 17
  2: { Bx: [4, 8], Ah: [-3, 9], a: [1, 17], h: [1, 17], y: 16 },
  // B·5 = [5, 10]; A h2 = [1 − 17, 1 + 17]; a3 = [−11, 28]; h3 = [0, 28]; y3 = −0 + 28
  3: { Bx: [5, 10], Ah: [-16, 18], a: [-11, 28], h: [0, 28], y: 28 },
  // B·6 = [6, 12]; A h3 = [0 − 28, 0 + 28]; a4 = [−22, 40]; h4 = [0, 40]; y4 = −0 + 40
  4: { Bx: [6, 12], Ah: [-28, 28], a: [-22, 40], h: [0, 40], y: 40 },
};

/** Every cell of step t, in the order the sheet works them, with its hand value. */
function stepCells(t: number): [string, number][] {
  const s = TOM_YEH[t]!;
  return [
    [Bx(t, 0), s.Bx[0]!],
    [Bx(t, 1), s.Bx[1]!],
    [Ah(t, 0), s.Ah[0]!],
    [Ah(t, 1), s.Ah[1]!],
    [a(t, 0), s.a[0]!],
    [a(t, 1), s.a[1]!],
    [h(t, 0), s.h[0]!],
    [h(t, 1), s.h[1]!],
    [y(t), s.y],
  ];
}

describe("practice on Tom Yeh's sheet: how an answer stands", () => {
  it("(B x₁)[1] = 1·3: '3' is being typed until it is checked, then right", () => {
    const store = practise('rnn-by-hand');
    expect(status(store, Bx(1, 0))).toEqual({ kind: 'blank' });
    store.getState().typeAnswer(Bx(1, 0), '3');
    expect(status(store, Bx(1, 0))).toEqual({ kind: 'typing' });
    store.getState().checkAnswer(Bx(1, 0));
    expect(status(store, Bx(1, 0))).toEqual({ kind: 'right' });
  });

  it("(B x₁)[1] = 3: '−3' is the sign slipped, '4' is wrong with no slip named", () => {
    const store = practise('rnn-by-hand');
    answer(store, Bx(1, 0), '−3');
    expect(status(store, Bx(1, 0))).toEqual({ kind: 'wrong', mistake: { kind: 'signSlip' } });
    answer(store, Bx(1, 0), '4');
    expect(status(store, Bx(1, 0))).toEqual({ kind: 'wrong', mistake: null });
  });

  it("(A h₁)[1] = 1·3 − 1·6 = −3: '9' is the second row, 1·3 + 1·6", () => {
    const store = practise('rnn-by-hand');
    answer(store, Ah(2, 0), '9');
    expect(status(store, Ah(2, 0))).toEqual({
      kind: 'wrong',
      mistake: { kind: 'wrongRow', row: 1, alsoTransposed: true },
    });
    answer(store, Ah(2, 0), '-3');
    expect(status(store, Ah(2, 0))).toEqual({ kind: 'right' });
  });

  it("h₃[1] = ReLU(−11) = 0: '−11' is the value before the activation", () => {
    const store = practise('rnn-by-hand');
    answer(store, h(3, 0), '−11');
    expect(status(store, h(3, 0))).toEqual({ kind: 'wrong', mistake: { kind: 'beforeActivation', fn: 'relu' } });
  });

  it("'abc' is not a number, and stays as typed", () => {
    const store = practise('rnn-by-hand');
    answer(store, h(3, 0), 'abc');
    expect(status(store, h(3, 0))).toEqual({ kind: 'invalid', reason: 'notANumber' });
    expect(store.getState().progress.cells[h(3, 0)]).toMatchObject({ text: 'abc', checked: true });
  });

  it("takes 0 for h₃[1] written as '−0', ' 0 ' or '0,0'", () => {
    const store = practise('rnn-by-hand');
    for (const text of ['−0', ' 0 ', '0,0']) {
      answer(store, h(3, 0), text);
      expect(status(store, h(3, 0)), text).toEqual({ kind: 'right' });
      expect(store.getState().progress.cells[h(3, 0)]?.text).toBe(text);
    }
  });

  it('checks nothing blank, and changing a checked answer makes it typing again', () => {
    const store = practise('rnn-by-hand');
    store.getState().checkAnswer(y(1));
    expect(status(store, y(1))).toEqual({ kind: 'blank' });
    answer(store, y(1), '3');
    store.getState().typeAnswer(y(1), '-3');
    expect(status(store, y(1))).toEqual({ kind: 'typing' });
  });
});

describe('practice: hints and progress', () => {
  it('climbs the hint ladder 1, 2, 3; the 4th rung shows h₃[1] = 0, which counts as done and as revealed', () => {
    const store = practise('rnn-by-hand');
    for (const rung of [1, 2, 3]) {
      store.getState().nextHint(h(3, 0));
      expect(store.getState().progress.cells[h(3, 0)]).toEqual({
        text: '',
        checked: false,
        hints: rung,
        revealed: false,
      });
    }
    store.getState().nextHint(h(3, 0));
    expect(store.getState().progress.cells[h(3, 0)]).toEqual({ text: '0', checked: true, hints: 4, revealed: true });
    expect(status(store, h(3, 0))).toEqual({ kind: 'revealed' });
    const counts = progressCounts(context(store));
    expect(counts).toMatchObject({ done: 1, revealed: 1, total: 36 });
    expect(counts.steps.find((s) => s.t === 3)).toEqual({ t: 3, done: 1, total: 9 });

    // past the last rung nothing changes, and a shown answer cannot be typed over
    store.getState().nextHint(h(3, 0));
    store.getState().typeAnswer(h(3, 0), '5');
    expect(store.getState().progress.cells[h(3, 0)]).toEqual({ text: '0', checked: true, hints: 4, revealed: true });
  });

  it('keeps the typed text through the first rungs of the ladder', () => {
    const store = practise('rnn-by-hand');
    answer(store, a(2, 1), '18');
    store.getState().nextHint(a(2, 1));
    expect(store.getState().progress.cells[a(2, 1)]).toEqual({ text: '18', checked: true, hints: 1, revealed: false });
  });

  it('counts progress per step, 9 cells a step, 36 in all, and finds the next cell to fill', () => {
    const store = practise('rnn-by-hand');
    const empty = progressCounts(context(store));
    expect(empty).toEqual({
      done: 0,
      total: 36,
      revealed: 0,
      steps: [1, 2, 3, 4].map((t) => ({ t, done: 0, total: 9 })),
    });

    for (const [slot, value] of stepCells(1)) answer(store, slot, String(value));
    answer(store, Bx(2, 0), '4');
    answer(store, Bx(2, 1), '7'); // 2·4 is 8: a wrong answer is not done
    const counts = progressCounts(context(store));
    expect(counts).toEqual({
      done: 10,
      total: 36,
      revealed: 0,
      steps: [
        { t: 1, done: 9, total: 9 },
        { t: 2, done: 1, total: 9 },
        { t: 3, done: 0, total: 9 },
        { t: 4, done: 0, total: 9 },
      ],
    });
    // after the first cell, the first one not done is (B x₂)[2]
    const ctx = context(store);
    const next = nextToFill(ctx, 0);
    expect(next === null ? null : slotOf(ctx.records.get(next)!)).toBe(Bx(2, 1));
  });

  it('with the whole sheet worked by hand, every cell is right and none is left to fill', () => {
    const store = practise('rnn-by-hand');
    for (const t of [1, 2, 3, 4]) for (const [slot, value] of stepCells(t)) answer(store, slot, String(value));
    const ctx = context(store);
    expect(progressCounts(ctx)).toMatchObject({ done: 36, total: 36, revealed: 0 });
    expect(nextToFill(ctx, 0)).toBeNull();
  });

  it("takes the slides' 0.75 for the LSTM's c₁[1], carried as 0.7479…; 0.74 is rounding where the sheet carries exactly", () => {
    const carried = (referenceCase('seeds/lstm-2-decimals.json').expected.steps[0] as { c: number[] }).c[0]!;
    expect(carried).toBeCloseTo(0.7479, 4);
    // carried rounded instead: i₁ = σ(4) ≈ 0.98, g₁ = tanh(1) ≈ 0.76, c₁ = 0.98 · 0.76 = 0.7448 ≈ 0.74
    const rounded = (x: number) => Math.round(x * 100) / 100;
    expect(rounded(rounded(1 / (1 + Math.exp(-4))) * rounded(Math.tanh(1)))).toBe(0.74);

    const store = practise('lstm-2-decimals');
    const c1 = slotKey('c', 1, 0);
    answer(store, c1, '0.75');
    expect(status(store, c1)).toEqual({ kind: 'right' });
    answer(store, c1, '0.74');
    expect(status(store, c1)).toEqual({ kind: 'wrong', mistake: { kind: 'roundedInsteadOfExact' } });
    for (let k = 0; k < 4; k++) store.getState().nextHint(c1);
    expect(store.getState().progress.cells[c1]?.text).toBe('0.75');
  });
});

describe('practice: follow my numbers', () => {
  it('with h₁ worked as [3, 5], (A h₁)[1] is checked against 3 − 5 = −2 when on, and −3 when off', () => {
    const store = practise('rnn-by-hand');
    answer(store, h(1, 0), '3');
    answer(store, h(1, 1), '5');
    answer(store, Ah(2, 0), '−2');

    expect(store.getState().progress.follow).toBe(false);
    expect(expectedValue(context(store), recordOf(store, Ah(2, 0)))).toBe(-3); // 1·3 − 1·6
    expect(status(store, Ah(2, 0)).kind).toBe('wrong');

    store.getState().setFollow(true);
    expect(store.getState().progress.follow).toBe(true);
    expect(expectedValue(context(store), recordOf(store, Ah(2, 0)))).toBe(-2); // 1·3 − 1·5
    expect(status(store, Ah(2, 0))).toEqual({ kind: 'right' });

    store.getState().setFollow(false);
    expect(store.getState().progress.follow).toBe(false);
    expect(status(store, Ah(2, 0)).kind).toBe('wrong');
  });

  it('follows only checked answers: an unchecked h₁[2] leaves the worksheet’s 6', () => {
    const store = practise('rnn-by-hand');
    store.getState().setFollow(true);
    answer(store, h(1, 0), '3');
    store.getState().typeAnswer(h(1, 1), '5');
    expect(expectedValue(context(store), recordOf(store, Ah(2, 0)))).toBe(-3);
  });
});

describe('practice: reset, undo and reload', () => {
  it('reset clears the answers; undo brings them back and keeps what was typed since', () => {
    const store = practise('rnn-by-hand');
    answer(store, Bx(1, 0), '3');
    store.getState().nextHint(Bx(1, 1));
    store.getState().setFollow(true);

    store.getState().resetProgress();
    expect(store.getState().progress).toEqual({ ...EMPTY_PROGRESS, follow: true, resets: 1 });
    expect(status(store, Bx(1, 0))).toEqual({ kind: 'blank' });

    answer(store, Ah(1, 0), '0');
    store.getState().undoReset();
    expect(store.getState().undo).toBeNull();
    expect(store.getState().progress.cells).toEqual({
      [Bx(1, 0)]: { text: '3', checked: true, hints: 0, revealed: false },
      [Bx(1, 1)]: { text: '', checked: false, hints: 1, revealed: false },
      [Ah(1, 0)]: { text: '0', checked: true, hints: 0, revealed: false },
    });
    expect(status(store, Bx(1, 0))).toEqual({ kind: 'right' });
    expect(status(store, Ah(1, 0))).toEqual({ kind: 'right' }); // A h0 = 0
  });

  it('a reload (new store, same storage) restores answers, hints, focus and follow', () => {
    const storage = new FakeStorage();
    const before = practise('rnn-by-hand', storage);
    answer(before, y(2), '16');
    answer(before, h(1, 1), '5');
    before.getState().nextHint(a(3, 0));
    before.getState().nextHint(a(3, 0));
    before.getState().focusCell(a(3, 0));
    before.getState().setFollow(true);
    expect(before.getState().saving).toBe('saved');

    const after = practise('rnn-by-hand', storage);
    expect(after.getState().progress).toEqual({
      cells: {
        [y(2)]: { text: '16', checked: true, hints: 0, revealed: false },
        [h(1, 1)]: { text: '5', checked: true, hints: 0, revealed: false },
        [a(3, 0)]: { text: '', checked: false, hints: 2, revealed: false },
      },
      focus: a(3, 0),
      follow: true,
      resets: 0,
      quiz: null,
    });
    expect(selectFocusRecord(after.getState())).toBe(recordOf(after, a(3, 0)));
    expect(status(after, y(2))).toEqual({ kind: 'right' }); // −1 + 17
    expect(after.getState().setAside).toEqual([]);
  });

  it('keeps the answers of another input word apart, and brings them back with the word', () => {
    const storage = new FakeStorage();
    const store = practise('elman-ciao', storage);
    // "ciao": x₁ = c = 1, so W_x x₁ = 1·1
    const Wx1 = slotKey('mv:W_ih', 1, 0);
    answer(store, Wx1, '1');
    expect(status(store, Wx1)).toEqual({ kind: 'right' });
    const ciaoKey = storageKey(store.getState());

    store.getState().setInput(['o', 'c', 'a', 'i']);
    expect(storageKey(store.getState())).not.toBe(ciaoKey);
    expect(store.getState().progress.cells).toEqual({});
    // "ocai": x₁ = o = 5, so W_x x₁ = 1·5; the 1 typed for "ciao" is not carried over
    answer(store, Wx1, '5');
    expect(status(store, Wx1)).toEqual({ kind: 'right' });

    store.getState().setInput(['c', 'i', 'a', 'o']);
    expect(storageKey(store.getState())).toBe(ciaoKey);
    expect(store.getState().progress.cells[Wx1]?.text).toBe('1');
    expect(status(store, Wx1)).toEqual({ kind: 'right' });
  });

  it('a corrupt saved value is set aside with its text; the sheet opens empty and can be worked', () => {
    const storage = new FakeStorage();
    const store = createWorksheetStore('rnn-by-hand', { persistence: createPersistence(() => storage) });
    const key = storageKey(store.getState());
    expect(key.startsWith(progressKey('rnn-by-hand'))).toBe(true);
    storage.setItem(key, '{"format":"rnn-by-hand/progress","version":2,"data":{"cells":');

    store.getState().setMode('practice');
    const { setAside, progress } = store.getState();
    expect(progress).toEqual(EMPTY_PROGRESS);
    expect(setAside).toHaveLength(1);
    expect(setAside[0]).toMatchObject({
      from: key,
      reason: 'unreadable',
      text: '{"format":"rnn-by-hand/progress","version":2,"data":{"cells":',
    });
    answer(store, Bx(1, 0), '3');
    expect(status(store, Bx(1, 0))).toEqual({ kind: 'right' });

    const asideKey = setAside[0]!.key;
    expect(storage.getItem(asideKey)).toBe(setAside[0]!.text);
    store.getState().discardSetAside(asideKey);
    expect(store.getState().setAside).toEqual([]);
    expect(storage.getItem(asideKey)).toBeNull();
  });

  it("says where progress is kept: 'page' with no storage, 'failed' when the storage is full", () => {
    const none = createWorksheetStore('rnn-by-hand', { persistence: createPersistence(() => null) });
    none.getState().setMode('practice');
    answer(none, Bx(1, 0), '3');
    expect(none.getState().saving).toBe('page');
    expect(status(none, Bx(1, 0))).toEqual({ kind: 'right' });

    const full = practise('rnn-by-hand', new FakeStorage(200));
    answer(full, Bx(1, 0), '3');
    expect(full.getState().saving).toBe('failed');
    expect(status(full, Bx(1, 0))).toEqual({ kind: 'right' });
  });
});

describe('what is typed never spoils what is saved', () => {
  it('a pasted page of text is kept to its first 64 characters, and the rest of the sheet survives a reload', () => {
    const storage = new FakeStorage();
    const store = practise('rnn-by-hand', storage);
    answer(store, Bx(1, 0), '3');
    store.getState().typeAnswer(Bx(1, 1), '6'.repeat(200));
    expect(store.getState().progress.cells[Bx(1, 1)]?.text).toHaveLength(64);
    const again = practise('rnn-by-hand', storage);
    expect(again.getState().setAside).toEqual([]);
    expect(status(again, Bx(1, 0))).toEqual({ kind: 'right' });
    expect(again.getState().progress.cells[Bx(1, 1)]?.text).toBe('6'.repeat(64));
  });

  it('a storage that has filled up since still gives back the answers saved before', () => {
    const storage = new FakeStorage();
    answer(practise('rnn-by-hand', storage), Bx(1, 0), '3');
    storage.setItem = () => {
      throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
    };
    const again = practise('rnn-by-hand', storage);
    expect(status(again, Bx(1, 0))).toEqual({ kind: 'right' });
    answer(again, Bx(1, 1), '6');
    expect(again.getState().saving).toBe('failed');
  });
});

describe('quiz', () => {
  const START = 1_700_000_000_000;
  const SETTINGS: QuizSettings = DEFAULT_QUIZ_SETTINGS; // RNN, H = 2, I = 2, T = 3, 0 decimals, h and y asked

  function quiz(storage: Storage = new FakeStorage()): Store {
    const store = createWorksheetStore('rnn-by-hand', {
      persistence: createPersistence(() => storage),
      now: () => START,
    });
    store.getState().startQuiz(SETTINGS, 'abc', 'title');
    return store;
  }

  const times = (m: number[][], v: number[]) => m.map((row) => row.reduce((s, w, j) => s + w * v[j]!, 0));
  const relu = (v: number[]) => v.map((x) => Math.max(0, x));

  /** h₁ and y₁ by hand from the file's own parameters: h₁ = ReLU(W_ih x₁ + W_hh·0), y₁ = W_hy h₁. */
  function firstStep(store: Store): { h1: number[]; y1: number[] } {
    const file = store.getState().file as WorksheetFile;
    const x1 = file.vocabulary![file.tokens![0]!]!;
    const h1 = relu(times(file.params.W_ih as number[][], x1));
    return { h1, y1: times(file.readout!.W_hy!, h1) };
  }

  it('starts at the injected time, asks h and y of every step, and gives no verdict before it is handed in', () => {
    const store = quiz();
    expect(store.getState()).toMatchObject({
      mode: 'quiz',
      progress: { quiz: { startedAt: START, submitted: false } },
    });
    const file = store.getState().file as WorksheetFile;
    const O = file.readout!.W_hy!.length;
    const ctx = context(store);
    expect(ctx.inputs.map((n) => ctx.records.get(n)!.q).sort()).toEqual(
      [...Array<string>(2 * 3).fill('h'), ...Array<string>(O * 3).fill('y')].sort(),
    );

    const { h1 } = firstStep(store);
    answer(store, h(1, 0), String(h1[0]));
    answer(store, h(1, 1), '999'); // |h| ≤ 20 on a quiz: surely wrong
    store.getState().typeAnswer(h(2, 0), '1');
    expect(status(store, h(1, 0))).toEqual({ kind: 'answered' });
    expect(status(store, h(1, 1))).toEqual({ kind: 'answered' });
    expect(status(store, h(2, 0))).toEqual({ kind: 'typing' });
    expect(status(store, h(3, 0))).toEqual({ kind: 'blank' });
  });

  it('works h₂[1] out from what the quiz did not ask: W_ih x₂, W_hh h₁, their sum, then ReLU; y₂ from h₂ alone', () => {
    const store = quiz();
    const ctx = context(store);
    const names = (slot: string) => workedSteps(ctx, recordOf(store, slot)).map((n) => slotOf(ctx.records.get(n)!));
    expect(names(h(2, 0))).toEqual([slotKey('mv:W_ih', 2, 0), slotKey('mv:W_hh', 2, 0), a(2, 0), h(2, 0)]);
    expect(names(slotKey('y', 2, 0))).toEqual([slotKey('y', 2, 0)]);
  });

  it('takes an answer worked from the numbers as written: h₂[2] = 0.5 · (−0.100) = −0.05 → −0.1 on the k3x9 LSTM', () => {
    const store = createWorksheetStore(null, { persistence: createPersistence(() => new FakeStorage()) });
    const settings = { ...SETTINGS, cell: 'lstm', decimals: 1 } as const;
    store.getState().startQuiz(settings, 'k3x9', 'title');
    // the walk-through's hand computation of this sheet: o₂[2] = 0.5, c₂[2] = −0.1, tanh(−0.1) = −0.0997 (written −0.100)
    expect(context(store).sheet.value('o', 2, 1)).toBe(0.5);
    expect(context(store).sheet.value('c', 2, 1)).toBe(-0.1);
    // carried unwritten, 0.5 · (−0.09967) = −0.0498 → −0.0; from the sheet as written −0.05 → −0.1, half away from zero
    answer(store, h(2, 1), '-0.1');
    answer(store, h(2, 0), '5');
    store.getState().submitQuiz();
    expect(status(store, h(2, 1))).toEqual({ kind: 'right' });
    expect(status(store, h(2, 0)).kind).toBe('wrong');
  });

  it('carries that −0.1 on: a product worked from it at step 3 is right, where the sheet’s own h₂[2] is 0.0', () => {
    const store = createWorksheetStore(null, { persistence: createPersistence(() => new FakeStorage()) });
    store.getState().startQuiz({ ...SETTINGS, cell: 'lstm', decimals: 1, ask: 'all' }, 'k3x9', 'title');
    const file = store.getState().file as WorksheetFile;
    const h2 = [context(store).sheet.value('h', 2, 0), -0.1];
    answer(store, h(2, 0), String(h2[0]));
    answer(store, h(2, 1), '-0.1');
    // a row of a W_h· whose second entry is not 0, so that h₂[2] counts: W[k]·h₂ worked by hand
    const [W, k] = ['W_hi', 'W_hf', 'W_hg', 'W_ho']
      .flatMap((name) => (file.params[name] as number[][]).map((row, k) => [name, k, row] as const))
      .find(([, , row]) => row[1] !== 0)!;
    const row = (file.params[W] as number[][])[k]!;
    const mine = row[0]! * h2[0]! + row[1]! * h2[1]!;
    answer(store, slotKey(`mv:${W}`, 3, k), mine.toFixed(2));
    store.getState().submitQuiz();
    expect(status(store, h(2, 1))).toEqual({ kind: 'right' });
    expect(status(store, slotKey(`mv:${W}`, 3, k))).toEqual({ kind: 'right' });
  });

  it('keeps a quiz’s progress under the numbers’ generation, so answers saved on older numbers never meet newer ones', () => {
    const storage = new FakeStorage();
    const old = progressKey(`quiz:${formatQuizQuery(SETTINGS, 'abc')}`);
    storage.setItem(
      old,
      JSON.stringify({ format: 'rnn-by-hand/progress', version: 1, data: { answers: { [h(1, 0)]: '7' } } }),
    );
    const store = quiz(storage);
    expect(storageKey(store.getState())).toBe(progressKey(`quiz:g2:${formatQuizQuery(SETTINGS, 'abc')}`));
    expect(store.getState().progress.cells).toEqual({});
    // left where it was, untouched
    expect(storage.getItem(old)).toContain('"7"');
  });

  it('keeps a gradients quiz under generation 3: its loss and its numbers changed, a states quiz’s did not', () => {
    const storage = new FakeStorage();
    const gradients = { ...SETTINGS, ask: 'gradients' as const, decimals: 1 };
    const store = createWorksheetStore('rnn-by-hand', {
      persistence: createPersistence(() => storage),
      now: () => START,
    });
    store.getState().startQuiz(gradients, 'abc', 'title');
    expect(storageKey(store.getState())).toBe(progressKey(`quiz:g3:${formatQuizQuery(gradients, 'abc')}`));
  });

  it('refuses hints', () => {
    const store = quiz();
    store.getState().nextHint(h(1, 0));
    expect(store.getState().progress.cells[h(1, 0)]).toBeUndefined();
  });

  it('grades on hand-in: h₁ and y₁ worked by hand are right, the rest wrong; typing afterwards is ignored', () => {
    const store = quiz();
    const file = store.getState().file as WorksheetFile;
    const O = file.readout!.W_hy!.length;
    const { h1, y1 } = firstStep(store);
    answer(store, h(1, 0), String(h1[0]));
    answer(store, h(1, 1), String(h1[1]));
    y1.forEach((v, i) => answer(store, slotKey('y', 1, i), String(v)));
    answer(store, h(2, 0), '999');
    store.getState().typeAnswer(h(3, 0), '999'); // typed, never checked: handed in all the same

    store.getState().submitQuiz();
    expect(store.getState().progress.quiz).toEqual({ startedAt: START, submitted: true, timeUp: false });
    expect(quizScore(context(store))).toEqual({ right: 2 + O, total: 3 * (2 + O) });
    expect(status(store, h(1, 0))).toEqual({ kind: 'right' });
    expect(status(store, h(2, 0)).kind).toBe('wrong');
    expect(status(store, h(3, 0)).kind).toBe('wrong');
    expect(status(store, h(2, 1))).toEqual({ kind: 'wrong', mistake: null }); // left blank

    store.getState().typeAnswer(h(2, 1), '1');
    store.getState().checkAnswer(h(2, 1));
    expect(store.getState().progress.cells[h(2, 1)]).toBeUndefined();
    store.getState().typeAnswer(h(1, 0), String(h1[0]! + 1));
    expect(store.getState().progress.cells[h(1, 0)]?.text).toBe(String(h1[0]));
  });

  it('records that the time limit handed it in, and it stays handed in after a reload', () => {
    const storage = new FakeStorage();
    const store = quiz(storage);
    store.getState().submitQuiz(true);
    expect(store.getState().progress.quiz).toEqual({ startedAt: START, submitted: true, timeUp: true });
    expect(quiz(storage).getState().progress.quiz).toEqual({ startedAt: START, submitted: true, timeUp: true });
  });

  it('gives the same file and the same questions for the same settings and seed, on two separate storages', () => {
    const one = quiz(new FakeStorage());
    const two = quiz(new FakeStorage());
    expect(two.getState().file).toEqual(one.getState().file);
    expect((one.getState().file as WorksheetFile).title).toBe('title');
    const slots = (s: Store) => context(s).inputs.map((n) => slotOf(context(s).records.get(n)!));
    expect(slots(two)).toEqual(slots(one));
    expect(storageKey(two.getState())).toBe(storageKey(one.getState()));
  });
});
