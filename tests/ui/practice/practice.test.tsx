import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { slotKey } from '../../../src/core/records/records';
import { createWorksheetStore } from '../../../src/store/worksheetStore';
import { App } from '../../../src/ui/app/App';

beforeEach(() => window.history.replaceState(null, '', '/'));

function practising() {
  const store = createWorksheetStore('rnn-by-hand');
  const view = render(<App store={store} />);
  act(() => store.getState().setMode('practice'));
  const input = (q: string, t: number, i: number) =>
    view.container.querySelector<HTMLInputElement>(`input.answer[data-slot="${slotKey(q, t, i)}"]`)!;
  return { store, ...view, input };
}

describe('practice on Tom Yeh’s sheet', () => {
  it('turns each of the 36 worked-out numbers into an answer cell, named as on paper, and leaves the givens written', () => {
    const { container, input } = practising();
    expect(container.querySelectorAll('input.answer')).toHaveLength(36);
    expect(input('mv:W_hh', 2, 0)).toHaveAccessibleName('A h₁, row 1, to fill, step 2');
    expect(container.querySelector('.inputs [data-q="x"][data-t="1"]')!.textContent).toBe('3');
  });

  it('says at the cell that 9 for (A h₁)[1] is A’s second row, and keeps the cell', async () => {
    const { input, container } = practising();
    await userEvent.click(input('mv:W_hh', 2, 0));
    await userEvent.keyboard('9{Enter}');
    expect(container.querySelector('.cell-message')!.textContent).toBe(
      'That is row 2 of the matrix times the vector, which is also column 1: the matrix read transposed. This cell takes row 1.',
    );
    expect(document.activeElement).toBe(input('mv:W_hh', 2, 0));
  });

  it('Tab goes on in the order the numbers are worked out: B x₁, then A h₀, then a₁', async () => {
    const { input } = practising();
    await userEvent.click(input('mv:W_ih', 1, 1));
    await userEvent.tab();
    expect(document.activeElement).toBe(input('mv:W_hh', 1, 0));
    await userEvent.tab();
    await userEvent.tab();
    expect(document.activeElement).toBe(input('pre:h', 1, 0));
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(input('mv:W_hh', 1, 1));
  });

  it('with “follow my numbers”, the hint works on the student’s h₁ = [3, 5]: (A h₁)[1] = 1·3 + (−1)·5 = −2', async () => {
    const { store, input } = practising();
    act(() => {
      const s = store.getState();
      s.setFollow(true);
      for (const [i, text] of ['3', '5'].entries()) {
        s.typeAnswer(slotKey('h', 1, i), text);
        s.checkAnswer(slotKey('h', 1, i));
      }
    });
    await userEvent.click(input('mv:W_hh', 2, 0));
    for (let k = 1; k <= 3; k++) await userEvent.click(screen.getByRole('button', { name: `Hint ${k} of 4` }));
    expect(screen.getByText('Checking each cell against your own earlier answers.')).toBeInTheDocument();
    const substituted = screen.getByText('With the numbers').parentElement!.textContent!;
    expect(substituted).toContain('5');
    await userEvent.click(screen.getByRole('button', { name: 'Show the answer' }));
    expect(input('mv:W_hh', 2, 0)).toHaveValue('-2');
  });
});

describe('what a student types, as a student types it', () => {
  it('turned down ("abc" is not a number), the text stays selected, so typing 3 gives 3, not abc3', async () => {
    const { input } = practising();
    await userEvent.click(input('mv:W_ih', 1, 0));
    await userEvent.keyboard('abc{Enter}');
    const cell = input('mv:W_ih', 1, 0);
    expect([cell.value, cell.selectionStart, cell.selectionEnd]).toEqual(['abc', 0, 3]);
    await userEvent.keyboard('3');
    expect(cell.value).toBe('3');
  });

  it('checked and left, −11 typed with a hyphen is written with the sheet’s minus; the saved text is as typed', async () => {
    const { store, input } = practising();
    await userEvent.click(input('mv:W_ih', 1, 0));
    await userEvent.keyboard('-11');
    await userEvent.tab();
    expect(input('mv:W_ih', 1, 0).value).toBe('\u221211');
    expect(store.getState().progress.cells[slotKey('mv:W_ih', 1, 0)]?.text).toBe('-11');
    // back in the cell, it is the text as typed again, to be mended
    await userEvent.click(input('mv:W_ih', 1, 0));
    expect(input('mv:W_ih', 1, 0).value).toBe('-11');
  });
});
