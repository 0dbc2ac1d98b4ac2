// The backward direction of the walkthrough, through the vanilla store: its frames, stepping into
// it from the forward pass and back, and the gradients it ends on.
import { describe, expect, it } from 'vitest';
import { framesOf, createWorksheetStore, selectFrames, selectSheet, stepOf } from '../../../src/store/worksheetStore';
import { BUILT_IN_WORKSHEETS } from '../../../src/worksheets';
import { referenceCase } from '../../helpers/reference';

const value = (store: ReturnType<typeof createWorksheetStore>, q: string, t: number, i: number, j?: number) => {
  const sheet = selectSheet(store.getState());
  return sheet.ok ? sheet.sheet.value(q, t, i, j) : NaN;
};

describe('the backward pass, step by step', () => {
  it('on the Elman sheet runs from ∂L/∂y₄ = 430 back to ∂L/∂h₀ = −268750, then the weights', () => {
    // SPEC, section 3: h = 1, −7, 44, −215; y = 215; L = 46225; ∂L/∂y = 2y = 430; ∂L/∂h₀ = −268750
    const store = createWorksheetStore('elman-ciao');
    store.getState().setDirection('backward');
    expect(store.getState().direction).toBe('backward');
    const frames = selectFrames(store.getState());
    const sheet = selectSheet(store.getState());
    if (!sheet.ok) throw new Error('no sheet');
    const first = sheet.records.at(frames[0]!.first);
    expect([first.q, first.t, first.value]).toEqual(['d:y', 4, 430]);
    // ∂L/∂h_t = W_hᵀ ∂L/∂h_{t+1} with W_h = −5, from ∂L/∂h₄ = W_y ∂L/∂y₄ = −1 · 430
    const dh = [4, 3, 2, 1, 0].map((t) => value(store, 'd:h', t, 0));
    expect(dh).toEqual([-430, 2150, -10750, 53750, -268750]);
    // the frames go back in time, then to what belongs to no step
    expect(frames.map((_f, k) => stepOf(store.getState(), k))).toEqual([4, 4, 3, 2, 1, 0, 0, 0, 0, 0, 0]);
  });

  const withLoss = BUILT_IN_WORKSHEETS.filter(
    (w) => framesOf(createWorksheetStore(w.id).getState(), 'backward').length > 0,
  );

  it('is there for every built-in worksheet with a loss', () => {
    expect(withLoss.map((w) => w.id)).toEqual(expect.arrayContaining(['elman-ciao', 'lstm-2-decimals']));
  });

  it.each(withLoss.map((w) => w.id))('%s: the backward frames show every gradient once, in order', (id) => {
    const store = createWorksheetStore(id);
    const sheet = selectSheet(store.getState());
    if (!sheet.ok) throw new Error('no sheet');
    for (const granularity of ['number', 'vector'] as const) {
      store.getState().setGranularity(granularity);
      const shown = framesOf(store.getState(), 'backward').flatMap((f) =>
        Array.from({ length: f.last - f.first + 1 }, (_v, k) => f.first + k),
      );
      const backward = Array.from({ length: sheet.records.length }, (_v, n) => n).filter(
        (n) => sheet.records.phase(n) === 'backward',
      );
      expect(shown).toEqual(backward);
    }
  });

  it.each(['elman-ciao', 'lstm-2-decimals'])("%s: the backward pass ends on PyTorch's gradients", (id) => {
    const store = createWorksheetStore(id);
    const grads = referenceCase(`seeds/${id}.json`).expected.grads as Record<string, number[] | number[][]>;
    for (const [name, g] of Object.entries(grads)) {
      const q = name === 'h0' ? 'd:h' : name === 'c0' ? 'd:c' : `d:${name}`;
      g.forEach((row, i) => {
        if (Array.isArray(row)) row.forEach((v, j) => expect(value(store, q, 0, i, j)).toBeCloseTo(v, 9));
        else expect(value(store, q, 0, i)).toBeCloseTo(row, 9);
      });
    }
  });

  it('goes on from the last forward frame into the backward pass, and back', () => {
    const store = createWorksheetStore('elman-ciao');
    const forward = framesOf(store.getState(), 'forward').length;
    store.getState().last();
    expect(store.getState().frame).toBe(forward - 1);
    store.getState().next();
    expect(store.getState()).toMatchObject({ direction: 'backward', frame: 0 });
    store.getState().previous();
    expect(store.getState()).toMatchObject({ direction: 'forward', frame: forward - 1 });
  });

  it('has no backward pass where there is no loss: the forward pass ends where it did', () => {
    const noLoss = BUILT_IN_WORKSHEETS.find((w) => {
      const s = createWorksheetStore(w.id);
      return framesOf(s.getState(), 'backward').length === 0;
    });
    expect(noLoss).toBeDefined();
    const store = createWorksheetStore(noLoss!.id);
    store.getState().last();
    const at = store.getState().frame;
    store.getState().next();
    store.getState().setDirection('backward');
    expect(store.getState()).toMatchObject({ direction: 'forward', frame: at });
  });
});
