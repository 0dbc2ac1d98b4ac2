// The navigation slice through the vanilla store: opening a worksheet, the frames of its
// walkthrough and stepping through them, by frame and by time step, at either granularity.
import { describe, expect, it } from 'vitest';
import { slotKey } from '../../../src/core/records/records';
import { DEFAULT_QUIZ_SETTINGS } from '../../../src/core/practice/quiz';
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

describe('replacing parameters (a slider, a training step)', () => {
  const value = (store: ReturnType<typeof createWorksheetStore>, q: string, t: number) => {
    const sheet = selectSheet(store.getState());
    return sheet.ok ? sheet.sheet.value(q, t, 0) : NaN;
  };

  it('recomputes "ciao" with W_h = 0.5 and keeps the direction, the frame and the word', () => {
    const store = createWorksheetStore('elman-ciao');
    store.getState().setInput(['c', 'o', 'c', 'a']);
    store.getState().setDirection('backward', 3);
    store.getState().setParams({ W_hh: [[0.5]] });
    // x = 1, 5, 1, 9; h_t = x_t + 0.5 h_{t−1}: 1, 5.5, 3.75, 10.875; y = W_y h₄ = −10.875
    expect([1, 2, 3, 4].map((t) => value(store, 'h', t))).toEqual([1, 5.5, 3.75, 10.875]);
    expect(value(store, 'y', 4)).toBe(-10.875);
    expect(store.getState()).toMatchObject({ direction: 'backward', frame: 3 });
    // and another word afterwards keeps W_h = 0.5: "ciao" is h = 1, −1.5, 8.25, 9.125
    store.getState().setInput(['c', 'i', 'a', 'o']);
    expect(value(store, 'h', 4)).toBe(9.125);
  });

  it('puts W_hy into the readout, where the file keeps it', () => {
    const store = createWorksheetStore('elman-ciao');
    store.getState().setParams({ W_hy: [[2]] });
    // h₄ = −215 in the slides' "ciao": y = 2 · −215
    expect(value(store, 'y', 4)).toBe(-430);
    expect((store.getState().file as { readout: { W_hy: number[][] } }).readout.W_hy).toEqual([[2]]);
  });

  it('takes out a parameter given null: a bias a slider added, on reset', () => {
    const store = createWorksheetStore('lstm-2-decimals');
    const params = () => (store.getState().file as { params: Record<string, unknown> }).params;
    store.getState().setParams({ b_if: [1, 1] });
    expect(params().b_if).toEqual([1, 1]);
    store.getState().setParams({ b_if: null });
    expect('b_if' in params()).toBe(false);
    const sheet = selectSheet(store.getState());
    expect(sheet.ok && sheet.sheet.model.givenBiases.has('b_if')).toBe(false);
  });
});

describe('replacing the worksheet with an edited one (the editor)', () => {
  const tokens = (store: ReturnType<typeof createWorksheetStore>) =>
    (store.getState().file as { tokens: string[] }).tokens;

  it('computes the edited file in place of the open one, keeping the frame where it still exists', () => {
    const store = createWorksheetStore('rnn-by-hand');
    store.getState().goTo(5);
    const file = structuredClone(store.getState().file) as { params: { W_hh: number[][] } };
    // Tom Yeh's sheet with W_hh = 0: y_t = C·ReLU(B x_t) only, the sequence forgotten at every step
    file.params.W_hh = [
      [0, 0],
      [0, 0],
    ];
    store.getState().editFile(file);
    // h_t = ReLU(B x_t) = [x_t, 2x_t], y_t = C h_t = −x_t + 2x_t = x_t
    const sheet = selectSheet(store.getState());
    expect(sheet.ok && [1, 2, 3, 4].map((t) => sheet.sheet.value('y', t, 0))).toEqual([3, 4, 5, 6]);
    expect(store.getState().frame).toBe(5);
    // the built-in stays as it is: the edit is a kept worksheet of its own, and further edits change it
    const id = store.getState().worksheetId as string;
    expect(store.getState().kept.map((k) => [k.id, k.name])).toEqual([[id, 'RNN by hand (Tom Yeh) (edited)']]);
    store.getState().editFile({ ...file, title: 'Mine' });
    expect(store.getState().worksheetId).toBe(id);
    expect(store.getState().kept).toHaveLength(1);
  });

  it('goes back to the forward pass when the edited file has no loss to go backward from', () => {
    const store = createWorksheetStore('gru-by-hand');
    store.getState().setDirection('backward', 4);
    const file = { ...(store.getState().file as Record<string, unknown>) };
    delete file.loss;
    delete file.targets;
    store.getState().editFile(file);
    expect(store.getState().direction).toBe('forward');
    expect(tokens(store)).toEqual(['A', 'B', 'A']);
  });

  it('turns an edited quiz into a kept worksheet, out of quiz mode: its answers belong to the quiz’s own numbers', () => {
    const store = createWorksheetStore('rnn-by-hand');
    store.getState().startQuiz(DEFAULT_QUIZ_SETTINGS, 'abc', 'Quiz');
    const file = structuredClone(store.getState().file);
    store.getState().editFile(file);
    expect(store.getState()).toMatchObject({ quiz: null, mode: 'walkthrough' });
    expect(store.getState().worksheetId).toMatch(/^my-/);
  });
});
