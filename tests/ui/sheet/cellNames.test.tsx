// A screen reader names each number of the sheet by what it is and where, as a student reads it
// off the paper ("h₂, row 2: 17"): its text alone (17) would not say which of the sheet's numbers it is.
import { act, render } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { slotKey } from '../../../src/core/records/records';
import { createWorksheetStore, selectSheet } from '../../../src/store/worksheetStore';
import { App } from '../../../src/ui/app/App';
import { cellPlace } from '../../../src/ui/common/quantityText';

beforeEach(() => window.history.replaceState(null, '', '/'));

/** Tom Yeh's sheet: B = [1, 2]ᵀ, A = [[1, −1], [1, 1]], C = [−1, 1], x = 3, 4, 5, 6. */
function tomYeh() {
  const store = createWorksheetStore('rnn-by-hand');
  const { container } = render(<App store={store} />);
  const cell = (selector: string) => container.querySelector<HTMLElement>(`.sheet ${selector}`)!;
  return { store, container, cell };
}

describe('the names of the sheet’s numbers', () => {
  it('a worked-out number says what it is, which row, and its value once its frame is reached', () => {
    const { store, cell } = tomYeh();
    const h22 = '.step [data-q="h"][data-t="2"][data-i="1"]:not(.copy)';
    expect(cell(h22)).toHaveAccessibleName('h₂, row 2: not worked out yet');
    act(() => store.getState().last());
    expect(cell(h22)).toHaveAccessibleName('h₂, row 2: 17');
    expect(cell(h22)).toHaveTextContent(/^17$/);
  });

  it('a matrix entry names its row and column, a one-number quantity only itself', () => {
    const { cell } = tomYeh();
    expect(cell('.step[data-step="1"] .matrix[data-q="W_hh"][data-i="0"][data-j="1"]')).toHaveAccessibleName(
      'A, row 1, column 2: −1',
    );
    expect(cell('.inputs [data-q="x"][data-t="1"]')).toHaveAccessibleName('x₁: 3');
  });

  it('the copy of h₁ above A’s columns at step 2 is named as h₁ itself', () => {
    const { store, cell } = tomYeh();
    act(() => store.getState().last());
    expect(cell('.step[data-step="2"] .above[data-q="h"][data-t="1"][data-i="0"]')).toHaveAccessibleName(
      'h₁, row 1: 3',
    );
  });

  it('in practice an answer cell says what is to be filled and in which step', () => {
    const { store, container } = tomYeh();
    act(() => store.getState().setMode('practice'));
    const input = (slot: string) => container.querySelector(`input.answer[data-slot="${slot}"]`)!;
    expect(input(slotKey('h', 2, 1))).toHaveAccessibleName('h₂, row 2, to fill, step 2');
    expect(input(slotKey('mv:W_hh', 2, 0))).toHaveAccessibleName('A h₁, row 1, to fill, step 2');
    expect(input(slotKey('y', 1, 0))).toHaveAccessibleName('y₁, to fill, step 1');
  });

  it('a parameter’s gradient names its entry by row and column', () => {
    const store = createWorksheetStore('rnn-by-hand');
    const sheet = selectSheet(store.getState());
    if (!sheet.ok) throw new Error('Tom Yeh’s sheet computes');
    expect(cellPlace(sheet.sheet.model, 'd:W_hh', 0, 0, 1)).toBe('∂L/∂A, row 1, column 2');
    expect(cellPlace(sheet.sheet.model, 'd:h', 2, 1)).toBe('∂L/∂h₂, row 2');
  });
});
