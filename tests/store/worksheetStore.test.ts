import { describe, expect, it, vi } from 'vitest';
import type { StoreApi } from 'zustand/vanilla';
import { DEFAULT_QUIZ_SETTINGS } from '../../src/core/practice/quiz';
import { slotKey } from '../../src/core/records/records';
import { createPersistence, HINT_RUNGS, type CellEntry } from '../../src/store/persist';
import { cellStatus } from '../../src/store/practice';
import {
  createWorksheetStore,
  selectFrames,
  selectPracticeContext,
  selectSheet,
  selectView,
  stepOf,
  storageKey,
  type WorksheetState,
} from '../../src/store/worksheetStore';
import { FakeStorage } from '../helpers/fakeStorage';

describe('the worksheet store', () => {
  it('opens a built-in worksheet at its first frame and derives its trace', () => {
    const store = createWorksheetStore('rnn-by-hand');
    const sheet = selectSheet(store.getState());
    expect(store.getState().frame).toBe(0);
    expect(sheet.ok && sheet.records.filter((r) => r.q === 'y').map((r) => r.value)).toEqual([3, 16, 28, 40]);
  });

  it('computes the trace and the frames once per worksheet, not once per read', () => {
    const store = createWorksheetStore('lstm-2-decimals');
    expect(selectSheet(store.getState())).toBe(selectSheet(store.getState()));
    expect(selectFrames(store.getState())).toBe(selectFrames(store.getState()));
  });

  it("has one frame per number of Tom Yeh's forward pass, and one per vector at the coarser granularity", () => {
    const store = createWorksheetStore('rnn-by-hand');
    // per step: 2 of B x, 2 of A h, 2 sums, 2 ReLUs, 1 y
    expect(selectFrames(store.getState())).toHaveLength(36);
    store.getState().setGranularity('vector');
    // per step: B x, A h, the sum, ReLU, y
    expect(selectFrames(store.getState())).toHaveLength(20);
  });

  it('steps by frame within bounds', () => {
    const store = createWorksheetStore('rnn-by-hand');
    store.getState().previous();
    expect(store.getState().frame).toBe(0);
    store.getState().next();
    store.getState().next();
    expect(store.getState().frame).toBe(2);
    store.getState().last();
    expect(store.getState().frame).toBe(35);
    store.getState().next();
    expect(store.getState().frame).toBe(35);
  });

  it('steps by time step: to the start of the next step, and back to the start of this one, then the one before', () => {
    const store = createWorksheetStore('rnn-by-hand');
    const { getState } = store;
    getState().nextStep();
    expect([getState().frame, stepOf(getState(), getState().frame)]).toEqual([9, 2]);
    getState().next();
    getState().previousStep();
    expect(getState().frame).toBe(9);
    getState().previousStep();
    expect(getState().frame).toBe(0);
  });

  it('keeps the same number in view when the granularity changes', () => {
    const store = createWorksheetStore('rnn-by-hand');
    store.getState().goTo(12); // t = 2 starts at frame 9: B x₂ [1], [2], then A h₁ [1], [2]
    store.getState().setGranularity('vector');
    const sheet = selectSheet(store.getState());
    const frame = selectFrames(store.getState())[store.getState().frame]!;
    expect(sheet.ok && sheet.records[frame.last]).toMatchObject({ q: 'mv:W_hh', t: 2, i: 1 });
  });

  it('highlights what a frame writes and the row and vector it reads', () => {
    const store = createWorksheetStore('rnn-by-hand');
    store.getState().goTo(11); // (A h₁)[1] = A[1,1] h₁[1] + A[1,2] h₁[2]
    const view = selectView(store.getState());
    expect([...view.current]).toEqual([slotKey('mv:W_hh', 2, 0)]);
    expect([...view.reads].sort()).toEqual(
      [slotKey('W_hh', 0, 0, 0), slotKey('W_hh', 0, 0, 1), slotKey('h', 1, 0), slotKey('h', 1, 1)].sort(),
    );
  });

  it('opening another worksheet starts it from the top; an unknown id changes nothing', () => {
    const store = createWorksheetStore('rnn-by-hand');
    store.getState().goTo(5);
    store.getState().open('elman-ciao');
    expect(store.getState()).toMatchObject({ worksheetId: 'elman-ciao', frame: 0 });
    store.getState().open('no-such-sheet');
    expect(store.getState().worksheetId).toBe('elman-ciao');
  });

  it("jumps to the first frame of a time step: step 3 of Tom Yeh's sheet starts at frame 19", () => {
    const store = createWorksheetStore('rnn-by-hand');
    store.getState().goToStep(3); // 9 numbers per step: steps 1 and 2 fill frames 1–18
    expect(store.getState().frame).toBe(18);
  });
});

// Two tabs of one browser on the same worksheet: two stores over one storage. The browser tells
// every other tab when one saves (the storage event); here the test says when each tab hears it.
describe('two tabs on the same worksheet', () => {
  type Store = StoreApi<WorksheetState>;
  const Bx = (t: number, i: number) => slotKey('mv:W_ih', t, i);
  const Ah = (t: number, i: number) => slotKey('mv:W_hh', t, i);

  function tab(storage: Storage, id = 'rnn-by-hand'): Store {
    const store = createWorksheetStore(id, { persistence: createPersistence(() => storage) });
    store.getState().setMode('practice');
    return store;
  }
  /** the tab hears that another tab saved what it has open */
  function hears(store: Store): void {
    store.getState().progressChangedElsewhere(storageKey(store.getState()));
  }
  function answer(store: Store, slot: string, text: string): void {
    store.getState().typeAnswer(slot, text);
    store.getState().checkAnswer(slot);
  }
  const texts = (store: Store) =>
    Object.fromEntries(Object.entries(store.getState().progress.cells).map(([slot, e]) => [slot, e.text]));
  const status = (store: Store, slot: string) => {
    const ctx = selectPracticeContext(store.getState())!;
    return cellStatus(ctx, ctx.index.get(slot)!).kind;
  };
  const checked = (text: string, more: Partial<CellEntry> = {}): CellEntry => ({
    text,
    checked: true,
    hints: 0,
    revealed: false,
    ...more,
  });

  it('a save in one tab never drops answers typed in the other, even one made before it heard of them', () => {
    const storage = new FakeStorage();
    const a = tab(storage);
    const b = tab(storage);
    answer(a, Bx(1, 0), '3');
    answer(a, Bx(1, 1), '6');
    // B saves its whole progress before it hears of A's two answers: storage holds B's one
    answer(b, Ah(1, 0), '0');
    hears(a);
    hears(b);

    const all = { [Bx(1, 0)]: '3', [Bx(1, 1)]: '6', [Ah(1, 0)]: '0' };
    expect(texts(a)).toEqual(all);
    expect(texts(b)).toEqual(all);
    // a third tab, opened now, reads all three from storage
    expect(texts(tab(storage))).toEqual(all);
    expect(status(b, Bx(1, 1))).toBe('right');
  });

  it('a reset in one tab clears the sheet in the other too, and its undo brings the answers back in both', () => {
    const storage = new FakeStorage();
    const a = tab(storage);
    const b = tab(storage);
    answer(a, Bx(1, 0), '3');
    hears(b);
    answer(b, Bx(1, 1), '6');
    hears(a);
    a.getState().resetProgress();
    hears(b);
    expect(texts(b)).toEqual({});
    // B's answers do not come back from B: a third tab finds the sheet cleared
    expect(texts(tab(storage))).toEqual({});
    a.getState().undoReset();
    hears(b);
    expect(texts(b)).toEqual({ [Bx(1, 0)]: '3', [Bx(1, 1)]: '6' });
  });

  it('a tab that hears of each save types on top of it, and the two stop writing once they agree', () => {
    const storage = new FakeStorage();
    const a = tab(storage);
    const b = tab(storage);
    answer(a, Bx(1, 0), '3');
    hears(b);
    answer(b, Bx(1, 1), '6');
    hears(a);
    expect(texts(a)).toEqual({ [Bx(1, 0)]: '3', [Bx(1, 1)]: '6' });

    // an answer changed in one tab is changed in the other: the other tab's is the later word
    answer(b, Bx(1, 0), '4');
    hears(a);
    expect(a.getState().progress.cells[Bx(1, 0)]).toEqual(checked('4'));

    const writes = vi.spyOn(storage, 'setItem');
    hears(a);
    hears(b);
    expect(writes).not.toHaveBeenCalled();
  });

  it('keeps shown answers and hint rungs of either tab, whichever saved last', () => {
    const storage = new FakeStorage();
    const a = tab(storage);
    const b = tab(storage);
    for (let k = 0; k < HINT_RUNGS; k++) a.getState().nextHint(Bx(1, 0)); // shown: 3
    a.getState().nextHint(Ah(1, 0));
    a.getState().nextHint(Ah(1, 0));
    // B had not heard: it types into both cells, and saves last
    answer(b, Bx(1, 0), '5');
    answer(b, Ah(1, 0), '0');
    hears(a);
    hears(b);

    for (const store of [a, b, tab(storage)]) {
      expect(store.getState().progress.cells[Bx(1, 0)]).toEqual(checked('3', { hints: HINT_RUNGS, revealed: true }));
      expect(status(store, Bx(1, 0))).toBe('revealed');
      expect(store.getState().progress.cells[Ah(1, 0)]).toEqual(checked('0', { hints: 2 }));
    }
  });

  it("keeps each tab's own cursor, and takes 'follow my numbers' switched in the other", () => {
    const storage = new FakeStorage();
    const a = tab(storage);
    const b = tab(storage);
    a.getState().focusCell(Bx(1, 0));
    b.getState().focusCell(Ah(1, 1));
    b.getState().setFollow(true);
    hears(a);
    hears(b);
    expect(a.getState().progress).toMatchObject({ focus: Bx(1, 0), follow: true });
    expect(b.getState().progress).toMatchObject({ focus: Ah(1, 1), follow: true });
    // the cursors differ, yet neither tab writes again for it
    const writes = vi.spyOn(storage, 'setItem');
    hears(a);
    hears(b);
    expect(writes).not.toHaveBeenCalled();
  });

  it('a quiz handed in in one tab is handed in in the other, with the answers of both', () => {
    const START = 1_700_000_000_000;
    const storage = new FakeStorage();
    const quiz = (now: number): Store => {
      const store = createWorksheetStore('rnn-by-hand', {
        persistence: createPersistence(() => storage),
        now: () => now,
      });
      store.getState().startQuiz(DEFAULT_QUIZ_SETTINGS, 'abc', 'title');
      return store;
    };
    const a = quiz(START);
    const b = quiz(START + 60_000);
    const h = (t: number, i: number) => slotKey('h', t, i);
    answer(b, h(1, 1), '999');
    hears(a);
    answer(a, h(1, 0), '999');
    a.getState().submitQuiz();
    hears(b);

    expect(b.getState().progress.quiz).toEqual({ startedAt: START, submitted: true, timeUp: false });
    expect(texts(b)).toEqual({ [h(1, 0)]: '999', [h(1, 1)]: '999' });
    expect(status(b, h(1, 1))).toBe('wrong'); // graded, no longer only 'answered'
    b.getState().typeAnswer(h(2, 0), '1');
    expect(b.getState().progress.cells[h(2, 0)]).toBeUndefined();
  });

  it("sets aside what another tab left unreadable, with its notice in both tabs, and keeps this tab's answers", () => {
    const storage = new FakeStorage();
    const a = tab(storage);
    const b = tab(storage);
    answer(a, Bx(1, 0), '3');
    hears(b);
    const key = storageKey(a.getState());
    storage.setItem(key, 'garbage{');
    hears(a);

    expect(a.getState().setAside).toHaveLength(1);
    expect(a.getState().setAside[0]).toMatchObject({ from: key, reason: 'unreadable', text: 'garbage{' });
    expect(storage.getItem(a.getState().setAside[0]!.key)).toBe('garbage{');
    expect(texts(a)).toEqual({ [Bx(1, 0)]: '3' });
    // saved again at once
    expect(texts(tab(storage))).toEqual({ [Bx(1, 0)]: '3' });
    hears(b);
    expect(texts(b)).toEqual({ [Bx(1, 0)]: '3' });
    expect(b.getState().setAside).toEqual(a.getState().setAside);
  });

  it('does not answer a newer app in another tab: its data is set aside once, and nothing is written back', () => {
    const storage = new FakeStorage();
    const a = tab(storage);
    answer(a, Bx(1, 0), '3');
    const key = storageKey(a.getState());
    const newer = JSON.stringify({ format: 'rnn-by-hand/progress', version: 99, data: {} });
    storage.setItem(key, newer);
    const writes = vi.spyOn(storage, 'setItem');
    hears(a);
    expect(a.getState().setAside).toHaveLength(1);
    expect(a.getState().setAside[0]).toMatchObject({ reason: 'future', text: newer });
    // the one write is the copy set aside; the progress key is not answered
    expect(writes.mock.calls.map(([k]) => k)).toEqual([a.getState().setAside[0]!.key]);
    expect(texts(a)).toEqual({ [Bx(1, 0)]: '3' });
  });

  it('a change to another worksheet is not taken in, and a tab in the walkthrough reads the latest on returning', () => {
    const storage = new FakeStorage();
    const a = tab(storage);
    answer(a, Bx(1, 0), '3');
    const elsewhere = tab(storage, 'elman-ciao');
    answer(elsewhere, slotKey('mv:W_ih', 1, 0), '1');
    const before = a.getState().progress;
    const writes = vi.spyOn(storage, 'setItem');
    a.getState().progressChangedElsewhere(storageKey(elsewhere.getState()));
    expect(a.getState().progress).toBe(before);
    expect(writes).not.toHaveBeenCalled();
    writes.mockRestore();

    a.getState().setMode('walkthrough');
    const b = tab(storage);
    answer(b, Bx(1, 1), '6');
    const inWalkthrough = vi.spyOn(storage, 'setItem');
    hears(a);
    expect(inWalkthrough).not.toHaveBeenCalled();
    // back to practice: B's answer is there, not a copy of A's own last save
    a.getState().setMode('practice');
    expect(texts(a)).toEqual({ [Bx(1, 0)]: '3', [Bx(1, 1)]: '6' });
  });

  it('a save the storage refused is kept, and merged with what the other tab saved since', () => {
    const storage = new FakeStorage();
    const a = tab(storage);
    const b = tab(storage);
    const setItem = storage.setItem.bind(storage);
    storage.setItem = () => {
      throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
    };
    answer(a, Bx(1, 0), '3');
    expect(a.getState().saving).toBe('failed');
    storage.setItem = setItem;
    answer(b, Bx(1, 1), '6');
    hears(a);

    expect(texts(a)).toEqual({ [Bx(1, 0)]: '3', [Bx(1, 1)]: '6' });
    expect(a.getState().saving).toBe('saved');
    expect(texts(tab(storage))).toEqual({ [Bx(1, 0)]: '3', [Bx(1, 1)]: '6' });
  });
});
