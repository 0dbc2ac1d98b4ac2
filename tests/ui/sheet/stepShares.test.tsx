// Each step's share of ∂L/∂W_h on "ciao" (SPEC §3): ∂L/∂h_t · h_{t−1}, with ∂L/∂h_t = 53750,
// −10750, 2150, −430 and h_{t−1} = 0, 1, −7, 44 for t = 1 … 4.
import { act, render, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { slotKey } from '../../../src/core/records/records';
import { createWorksheetStore } from '../../../src/store/worksheetStore';
import { App } from '../../../src/ui/app/App';

beforeEach(() => window.history.replaceState(null, '', '/'));

const SHARES = [53750 * 0, -10750 * 1, 2150 * -7, -430 * 44];

function shares(container: HTMLElement, q: string): string[] {
  return [...container.querySelectorAll(`.sheet-cell[data-q="${q}"]`)].map((e) => e.textContent ?? '');
}
const written = (v: number) => String(v).replace('-', '\u2212');

describe("the shares of a weight's gradient on the sheet", () => {
  it('in the walkthrough, appear at the frame of ∂L/∂W_h, lit as what it adds up', () => {
    const store = createWorksheetStore('elman-ciao');
    const { container } = render(<App store={store} />);
    // frame 7 is ∂L/∂W_x; frame 8, ∂L/∂W_h
    act(() => store.getState().setDirection('backward', 6));
    expect(shares(container, 'share:d:W_hh')).toEqual(['', '', '', '']);
    act(() => store.getState().setDirection('backward', 7));
    expect(shares(container, 'share:d:W_hh')).toEqual(SHARES.map(written));
    const lit = container.querySelectorAll('.sheet-cell[data-q="share:d:W_hh"][data-role="read"]');
    expect(lit).toHaveLength(4);
  });

  it('in practice, are not drawn until the student has ∂L/∂W_h right, and not before', () => {
    const store = createWorksheetStore('elman-ciao');
    const { container } = render(<App store={store} />);
    act(() => {
      store.getState().setDirection('backward');
      store.getState().setMode('practice');
    });
    const slot = slotKey('d:W_hh', 0, 0, 0);
    act(() => {
      store.getState().typeAnswer(slot, '-44000');
      store.getState().checkAnswer(slot);
    });
    // no boxes no one can type into
    expect(shares(container, 'share:d:W_hh')).toEqual([]);
    act(() => {
      store.getState().typeAnswer(slot, '-44720');
      store.getState().checkAnswer(slot);
    });
    expect(shares(container, 'share:d:W_hh')).toEqual(SHARES.map(written));
    // −18920 − 15050 = −33970, then −44720, and + 0 at t = 1: the gradient the student wrote
    expect(shares(container, 'sum:d:W_hh')).toEqual(['−44720', '−44720', '−33970']);
  });

  it('follow W_h when it moves (just after the sheet): their sum at t = 1 is the new ∂L/∂W_h', async () => {
    const store = createWorksheetStore('elman-ciao');
    const { container } = render(<App store={store} />);
    act(() => store.getState().setDirection('backward', 7));
    act(() => store.getState().setParams({ W_hh: [[-3]] }));
    const total = () => container.querySelector('.sheet-cell[data-q="d:W_hh"]')?.textContent;
    expect(total()).not.toBe(written(-44720));
    await waitFor(() => expect(shares(container, 'sum:d:W_hh')[0]).toBe(total()));
  });
});
