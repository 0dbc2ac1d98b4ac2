// The navigation slice through the vanilla store: opening a worksheet, the frames of its
// walkthrough and stepping through them, by frame and by time step, at either granularity.
import { describe, expect, it } from 'vitest';
import { slotKey } from '../../../src/core/records/records';
import { createWorksheetStore, selectFrames, selectSheet, selectView, stepOf } from '../../../src/store/worksheetStore';

describe('navigating a worksheet', () => {
  it('opens a built-in worksheet at its first frame and derives its trace', () => {
    const store = createWorksheetStore('rnn-by-hand');
    const sheet = selectSheet(store.getState());
    expect(store.getState().frame).toBe(0);
    expect(
      sheet.ok &&
        sheet.records
          .slice()
          .filter((r) => r.q === 'y')
          .map((r) => r.value),
    ).toEqual([3, 16, 28, 40]);
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
    expect(sheet.ok && sheet.records.get(frame.last)).toMatchObject({ q: 'mv:W_hh', t: 2, i: 1 });
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
