// Practice on the backward pass through the vanilla store, on the Elman "ciao" sheet (SPEC §3):
// h_t = W_h h_{t−1} + W_x e(w_t), W_h = −5, W_x = 1, W_y = −1, e(c, i, a, o) = 1, −2, 9, 5, so
// h = 1, −7, 44, −215 and y = W_y h₄ = 215, L = y² = 46225. Backward, by hand:
//   ∂L/∂y = 2y = 430;  ∂L/∂h₄ = W_y · 430 = −430
//   ∂L/∂h₃ = W_h · ∂L/∂h₄ = −5 · −430 = 2150;  ∂L/∂h₂ = −5 · 2150 = −10750
//   ∂L/∂h₁ = −5 · −10750 = 53750;  ∂L/∂h₀ = −5 · 53750 = −268750
//   ∂L/∂W_h = Σ_t ∂L/∂h_t h_{t−1} = 53750 · 0 + (−10750) · 1 + 2150 · (−7) + (−430) · 44 = −44720
import { describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand/vanilla';
import { formatWritten } from '../../src/core/engine/carry';
import { slotKey } from '../../src/core/records/records';
import { createPersistence } from '../../src/store/persist';
import { cellStatus, nextToFill, progressCounts } from '../../src/store/practice';
import { createWorksheetStore, selectPracticeContext, type WorksheetState } from '../../src/store/worksheetStore';
import { FakeStorage } from '../helpers/fakeStorage';

type Store = StoreApi<WorksheetState>;

function practiseBackward(storage: Storage): Store {
  const store = createWorksheetStore('elman-ciao', { persistence: createPersistence(() => storage) });
  store.getState().setMode('practice');
  store.getState().setDirection('backward');
  return store;
}

function context(store: Store) {
  const ctx = selectPracticeContext(store.getState());
  if (!ctx) throw new Error('no practice context');
  return ctx;
}

function status(store: Store, slot: string) {
  const ctx = context(store);
  return cellStatus(ctx, ctx.index.get(slot)!);
}

function answer(store: Store, slot: string, text: string): void {
  store.getState().typeAnswer(slot, text);
  store.getState().checkAnswer(slot);
}

const dy = slotKey('d:y', 4, 0);
const dh = (t: number) => slotKey('d:h', t, 0);
const dWh = slotKey('d:W_hh', 0, 0, 0);

describe('practice on the backward pass of “ciao”', () => {
  it('asks the gradients in the order they are worked, from ∂L/∂y back to ∂L/∂h₀ and the parameters', () => {
    const ctx = context(practiseBackward(new FakeStorage()));
    const slots = ctx.inputs.map((n) => ctx.records.slot(n));
    expect(slots.slice(0, 6)).toEqual([dy, dh(4), dh(3), dh(2), dh(1), dh(0)]);
    expect(slots).toContain(dWh);
    expect(ctx.inputs.every((n) => ctx.records.phase(n) === 'backward')).toBe(true);
    // the forward cells are not asked while the pass is backward
    expect(ctx.index.get(slotKey('h', 1, 0))).toBeDefined();
    expect(ctx.isInput.has(ctx.index.get(slotKey('h', 1, 0))!)).toBe(false);
  });

  it('checks the hand-worked gradients, and names the slips', () => {
    const store = practiseBackward(new FakeStorage());
    answer(store, dy, '-430'); // 2(0 − 215): target − y
    expect(status(store, dy)).toEqual({ kind: 'wrong', mistake: { kind: 'targetMinusOutput' } });
    answer(store, dy, '430');
    answer(store, dh(4), '-430');
    answer(store, dh(3), '0'); // the W_h ∂L/∂h₄ term left out
    expect(status(store, dh(3))).toEqual({ kind: 'wrong', mistake: { kind: 'recurrentLeftOut' } });
    answer(store, dh(3), '2150');
    answer(store, dh(0), '−268750');
    answer(store, dWh, '-44720');
    for (const slot of [dy, dh(4), dh(3), dh(0), dWh]) expect(status(store, slot)).toEqual({ kind: 'right' });
    const counts = progressCounts(context(store));
    expect(counts.done).toBe(5);
    // after ∂L/∂h₃ comes ∂L/∂h₂, the next not done
    const ctx = context(store);
    expect(ctx.records.slot(nextToFill(ctx, ctx.inputs.indexOf(ctx.index.get(dh(3))!))!)).toBe(dh(2));
  });

  it('follows my numbers: ∂L/∂h₃ from my own wrong ∂L/∂h₄ = 430 is −5 · 430 = −2150', () => {
    const store = practiseBackward(new FakeStorage());
    answer(store, dh(4), '430');
    answer(store, dh(3), '-2150');
    expect(status(store, dh(3)).kind).toBe('wrong');
    store.getState().setFollow(true);
    expect(status(store, dh(3))).toEqual({ kind: 'right' });
  });

  it('keeps backward answers beside the forward ones across a reload, forward practice untouched', () => {
    const storage = new FakeStorage();
    const first = practiseBackward(storage);
    answer(first, dh(3), '2150');
    first.getState().setDirection('forward');
    // forward, h₁ = W_x e(c) = 1
    answer(first, slotKey('h', 1, 0), '1');
    const forwardInputs = context(first).inputs.map((n) => context(first).records.phase(n));
    expect(new Set(forwardInputs)).toEqual(new Set(['forward']));

    const reloaded = practiseBackward(storage);
    expect(status(reloaded, dh(3))).toEqual({ kind: 'right' });
    reloaded.getState().setDirection('forward');
    expect(status(reloaded, slotKey('h', 1, 0))).toEqual({ kind: 'right' });
  });

  it('walks a hint ladder to the answer on a backward cell', () => {
    const store = practiseBackward(new FakeStorage());
    for (let k = 0; k < 4; k++) store.getState().nextHint(dh(2));
    expect(status(store, dh(2))).toEqual({ kind: 'revealed' });
    expect(store.getState().progress.cells[dh(2)]?.text).toBe('-10750');
  });
});

describe('every built-in sheet with a loss', () => {
  // a property, not a value: the checker takes each gradient as the sheet writes it, rounded carry included
  // lstm-2-decimals carries exact values: typed at 2 decimals, they are not what the sheet works on,
  // so following them moves later gradients (named "right to 2 decimals, carry the extra places")
  it.each([
    ['elman-ciao', true],
    ['lstm-2-decimals', false],
    ['lstm-1-decimal-rounded', true],
    ['sentiment-many-to-one', true],
    ['kinds-many-to-many', true],
  ])(
    '%s: each backward cell typed as the sheet writes it is right (and stays right following my numbers: %s)',
    (id, follows) => {
      const store = createWorksheetStore(id, { persistence: createPersistence(() => new FakeStorage()) });
      store.getState().setMode('practice');
      store.getState().setDirection('backward');
      const ctx = context(store);
      expect(ctx.inputs.length).toBeGreaterThan(0);
      for (const n of ctx.inputs)
        answer(store, ctx.records.slot(n), formatWritten(ctx.sheet.model, ctx.records.q(n), ctx.records.value(n)));
      const counts = progressCounts(context(store));
      expect(counts.done).toBe(counts.total);
      // worked from the student's own numbers (here the sheet's), each rule gives them again
      if (!follows) return;
      store.getState().setFollow(true);
      expect(progressCounts(context(store)).done).toBe(counts.total);
    },
  );
});
