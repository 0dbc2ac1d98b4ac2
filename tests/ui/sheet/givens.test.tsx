// On the sheet, the givens are written as typed and the worked-out numbers at the sheet's places.
import { act, render } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorksheetStore } from '../../../src/store/worksheetStore';
import { App } from '../../../src/ui/app/App';

beforeEach(() => window.history.replaceState(null, '', '/'));

const texts = (container: HTMLElement, selector: string) =>
  Array.from(container.querySelectorAll(selector), (c) => c.textContent);

describe('the givens on the sheet', () => {
  it('the 2-decimal LSTM writes W_ii = [[4, 4], [2, 2]] and x₁ = [1, 0] as typed, i₁ = [0.98, 0.88] at 2 decimals', () => {
    const store = createWorksheetStore('lstm-2-decimals');
    const { container } = render(<App store={store} />);
    act(() => store.getState().last());
    expect(texts(container, '.step[data-step="1"] .sheet-cell.matrix[data-q="W_ii"]')).toEqual(['4', '4', '2', '2']);
    expect(texts(container, '.inputs .sheet-cell[data-q="x"][data-t="1"]')).toEqual(['1', '0']);
    expect(texts(container, '.step .sheet-cell[data-q="i"][data-t="1"]')).toEqual(['0.98', '0.88']);
  });
});
