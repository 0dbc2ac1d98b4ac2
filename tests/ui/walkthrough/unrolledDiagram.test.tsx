import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createWorksheetStore, selectFrames, selectSheet, selectView } from '../../../src/store/worksheetStore';
import { StoreContext } from '../../../src/ui/common/storeContext';
import { UnrolledDiagram } from '../../../src/ui/walkthrough/UnrolledDiagram';

const texts = (selector: string) => [...document.querySelectorAll(selector)].map((e) => e.textContent);
const minus = (s: string | null) => Number((s ?? '').replace('\u2212', '-'));

function drawn(id: string) {
  const store = createWorksheetStore(id);
  const view = render(
    <StoreContext.Provider value={store}>
      <UnrolledDiagram />
    </StoreContext.Provider>,
  );
  return { store, view };
}

describe('the unrolled graph', () => {
  it("names the Elman sheet's edges by the weights they multiply by: W_x, W_h, W_y", () => {
    drawn('elman-ciao');
    expect(texts('.unrolled text.edge-name')).toEqual(['W_y', 'W_x', 'W_h']);
  });

  it('names under each x_t the token it is looked up for: “c”, “i”, “a”, “o” on "ciao", none on Tom Yeh’s sheet', () => {
    drawn('elman-ciao');
    expect(texts('.unrolled text.token')).toEqual(['“c” ↑', '“i” ↑', '“a” ↑', '“o” ↑']);
    document.body.innerHTML = '';
    drawn('rnn-by-hand');
    expect(document.querySelectorAll('.unrolled rect.x').length).toBeGreaterThan(0);
    expect(texts('.unrolled text.token')).toEqual([]);
  });

  it('going back through an RNN, writes under h_t the slope ∂L/∂h_t meets on its way to a_t: tanh′(a_t) = 1 − h_t²', () => {
    const { store } = drawn('sentiment-many-to-one');
    act(() => store.getState().setDirection('backward', selectFrames(store.getState()).length - 1));
    const computed = selectSheet(store.getState());
    if (!computed.ok) throw new Error('sentiment-many-to-one does not compute');
    const h = (t: number, i: number) => computed.sheet.value('h', t, i);
    expect(texts('.unrolled text.value-name').filter((n) => n?.startsWith('tanh'))).toEqual([
      'tanh′(a₁)',
      'tanh′(a₂)',
      'tanh′(a₃)',
    ]);
    const byHand = [1, 2, 3].flatMap((t) => [0, 1].map((i) => (1 - h(t, i) ** 2).toFixed(2)));
    expect(texts('.unrolled text.slope')).toEqual(byHand);
    // forward, no slopes
    act(() => store.getState().setDirection('forward', 0));
    expect(texts('.unrolled text.slope')).toEqual([]);
  });

  it('carries h_t forward as the walkthrough works it out, and L = 46225 at the end ("ciao", SPEC section 3)', () => {
    const { store } = drawn('elman-ciao');
    expect(texts('.unrolled text.value.h')).toEqual(['', '', '', '']);
    // a value's name comes with it
    expect(texts('.unrolled text.value-name')).toEqual([]);
    act(() => store.getState().last());
    // h = 1, −7, 44, −215; y = 215; L = (215 − 0)² = 46225
    expect(texts('.unrolled text.value.h').map(minus)).toEqual([1, -7, 44, -215]);
    expect(texts('.unrolled text.value-name')).toEqual(['h₁', 'h₂', 'h₃', 'h₄']);
    expect(document.querySelector('.unrolled text[data-q="L"]')?.textContent).toBe('46225');
  });

  it('carries ∂L/∂h_t back, right to left: after ∂L/∂y₄ and ∂L/∂h₄, only h₄ has its gradient', () => {
    const { store } = drawn('elman-ciao');
    act(() => store.getState().setDirection('backward', 1));
    // ∂L/∂h₄ = W_y · ∂L/∂y₄ = −1 · 430; h₀ … h₃ are still to come
    expect(texts('.unrolled text.gradient')).toEqual(['', '', '', '', '\u2212430']);
    expect(document.querySelector('.unrolled')?.classList.contains('backward')).toBe(true);
  });

  it("draws the LSTM's c-path apart from its h-path, with c₀ going back, and ‖∂L/∂c_t‖ under it", () => {
    const { store } = drawn('lstm-2-decimals');
    expect(texts('.unrolled rect.c').length).toBe(3);
    act(() => store.getState().setDirection('backward', selectFrames(store.getState()).length));
    act(() => store.getState().last());
    // c₀ … c₃ backward, each with the norm of its gradient once the pass has reached it
    expect(document.querySelectorAll('.unrolled rect.c').length).toBe(4);
    const norms = texts('.unrolled text.gradient-c');
    expect(norms).toHaveLength(4);
    for (const n of norms) expect(n).toMatch(/^‖·‖ = \d+\.\d\d$/);
  });

  it('marks h₀ while the frame works out ∂L/∂h₀, and no node during the parameter gradients after it', () => {
    const { store } = drawn('elman-ciao');
    // backward frames: ∂L/∂y₄, ∂L/∂h₄ … ∂L/∂h₁, then ∂L/∂h₀ (the sixth), then the weights
    act(() => store.getState().setDirection('backward', 5));
    expect(document.querySelectorAll('.unrolled .column.h0.current')).toHaveLength(1);
    act(() => store.getState().last());
    expect(document.querySelectorAll('.unrolled .column.current')).toHaveLength(0);
  });

  it("marks an LSTM's c_t box, not h_t's, while a frame works out c_t or ∂L/∂c_t", () => {
    const { store } = drawn('lstm-2-decimals');
    const frameWriting = (q: string) => {
      const frames = selectFrames(store.getState());
      for (let k = 0; k < frames.length; k++) {
        act(() => store.getState().goTo(k));
        if (selectView(store.getState()).q === q) return;
      }
      throw new Error(`no frame writes ${q}`);
    };
    frameWriting('c');
    expect(document.querySelectorAll('.unrolled .column.current.on-c')).toHaveLength(1);
    frameWriting('h');
    expect(document.querySelectorAll('.unrolled .column.current')).toHaveLength(1);
    expect(document.querySelectorAll('.unrolled .column.current.on-c')).toHaveLength(0);
    act(() => store.getState().setDirection('backward', 0));
    const back = selectFrames(store.getState());
    const k = back.findIndex((_f, n) => {
      act(() => store.getState().goTo(n));
      return selectView(store.getState()).q === 'd:c';
    });
    expect(k).toBeGreaterThan(0);
    expect(document.querySelectorAll('.unrolled .column.current.on-c')).toHaveLength(1);
  });
});
