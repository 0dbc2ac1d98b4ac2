// The Print… button's dialog, and what the sheet shows while a handout prints: the blank has the
// givens and empty boxes, the key every number at the sheet's places.
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createWorksheetStore } from '../../../src/store/worksheetStore';
import { App } from '../../../src/ui/app/App';

/** The text of each cell of quantity q at step t, where it is made (not its copy above a matrix). */
function cells(container: HTMLElement, q: string, t: number): string[] {
  return Array.from(
    container.querySelectorAll<HTMLElement>(`.step .sheet-cell[data-q="${q}"][data-t="${t}"]:not(.above)`),
    (c) => c.textContent ?? '',
  );
}

beforeEach(() => window.history.replaceState(null, '', '/'));

async function printFromDialog(version: RegExp, paper: RegExp) {
  const print = vi.spyOn(window, 'print').mockImplementation(() => {});
  await userEvent.click(screen.getByRole('button', { name: 'Print…' }));
  const dialog = screen.getByRole('dialog', { name: 'Print a handout' });
  await userEvent.click(screen.getByRole('radio', { name: version }));
  await userEvent.click(screen.getByRole('radio', { name: paper }));
  await userEvent.click(screen.getByRole('button', { name: 'Print' }));
  expect(dialog).not.toBeInTheDocument();
  // once the fonts of the equations are in
  await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
}

describe('printing a handout from the dialog', () => {
  it("the key of Tom Yeh's sheet fills every box, h₂ = [1, 17] and y = 3, 16, 28, 40, at frame 1", async () => {
    const { container } = render(<App store={createWorksheetStore('rnn-by-hand')} />);
    expect(cells(container, 'h', 2)).toEqual(['', '']);
    await printFromDialog(/^Answer key/, /^Letter/);
    expect(document.documentElement.dataset.print).toBe('key');
    expect(cells(container, 'h', 2)).toEqual(['1', '17']);
    expect([1, 2, 3, 4].flatMap((t) => cells(container, 'y', t))).toEqual(['3', '16', '28', '40']);
    // nothing lit on paper
    expect(container.querySelectorAll('.sheet [data-role]')).toHaveLength(0);
    expect(document.getElementById('handout-page')?.textContent).toContain('size: letter');
    expect(screen.getByText('Answer key')).toBeInTheDocument();
    act(() => void window.dispatchEvent(new Event('afterprint')));
    expect(document.documentElement.dataset.print).toBeUndefined();
    expect(document.getElementById('handout-page')).toBeNull();
    expect(cells(container, 'h', 2)).toEqual(['', '']);
  });

  it('the blank, at the last frame, keeps the givens and empties every worked-out box', async () => {
    const store = createWorksheetStore('rnn-by-hand');
    const { container } = render(<App store={store} />);
    act(() => store.getState().last());
    expect(cells(container, 'h', 2)).toEqual(['1', '17']);
    await printFromDialog(/^Blank handout/, /^A4/);
    expect(cells(container, 'h', 2)).toEqual(['', '']);
    expect(cells(container, 'y', 4)).toEqual(['']);
    expect(container.querySelector('.inputs .sheet-cell[data-q="x"][data-t="4"]')).toHaveTextContent('6');
    expect(cells(container, 'W_hh', 0).slice(0, 4)).toEqual(['1', '\u22121', '1', '1']);
    expect(document.getElementById('handout-page')?.textContent).toContain('size: A4');
    expect(screen.getByText('Name:')).toBeInTheDocument();
    act(() => void window.dispatchEvent(new Event('afterprint')));
    expect(cells(container, 'h', 2)).toEqual(['1', '17']);
  });

  it('starts the focus on the chosen version, and Escape closes it without printing', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    render(<App store={createWorksheetStore('lstm-2-decimals')} />);
    const opener = screen.getByRole('button', { name: 'Print…' });
    await userEvent.click(opener);
    expect(screen.getByRole('radio', { name: /^Blank handout/ })).toHaveFocus();
    expect(screen.getByRole('radio', { name: /^A4/ })).toBeChecked();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
    expect(print).not.toHaveBeenCalled();
    // the arrows inside the dialog choose, they do not step the sheet
    await userEvent.click(opener);
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByText('Frame 1 of', { exact: false })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(opener).toHaveFocus());
  });
});
