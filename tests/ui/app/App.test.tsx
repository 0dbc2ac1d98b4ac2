import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorksheetStore } from '../../../src/store/worksheetStore';
import { App } from '../../../src/ui/app/App';
import { messages } from '../../../src/ui/messages/messages';

/** The values shown in the cells of quantity q at step t, as the sheet writes them. */
function shown(container: HTMLElement, q: string, t: number): string[] {
  const cells = Array.from(container.querySelectorAll<HTMLElement>(`.step .sheet-cell[data-q="${q}"][data-t="${t}"]`));
  // a state appears twice on the sheet (where it is made, and above the next step's matrix): take the first
  const seen = new Map<string, string>();
  for (const c of cells) if (!seen.has(c.dataset.i ?? '')) seen.set(c.dataset.i ?? '', c.textContent ?? '');
  return [...seen.values()];
}

beforeEach(() => window.history.replaceState(null, '', '/'));

describe('the walkthrough', () => {
  it("starts Tom Yeh's sheet with every computed cell empty and the givens written", () => {
    const { container } = render(<App store={createWorksheetStore('rnn-by-hand')} />);
    expect(shown(container, 'h', 1)).toEqual(['', '']);
    expect(shown(container, 'x', 1)).toEqual(['3']);
    expect(screen.getByText('Frame 1 of 36')).toBeInTheDocument();
  });

  it('fills in h₂ = [1, 17] and y₂ = 16 as the frames advance with the keyboard', async () => {
    const { container } = render(<App store={createWorksheetStore('rnn-by-hand')} />);
    for (let k = 0; k < 17; k++) await userEvent.keyboard('{ArrowRight}');
    // frame 18 is y₂: t = 1 has 9 numbers, then B x₂, A h₁, the sums and ReLU of t = 2
    expect(shown(container, 'h', 2)).toEqual(['1', '17']);
    expect(shown(container, 'y', 2)).toEqual(['16']);
    expect(shown(container, 'y', 3)).toEqual(['']);
    expect(screen.getByText(/gives y₂ = 16/)).toBeInTheDocument();
  });

  it('marks what the frame writes and the row and vector it reads, not by colour alone', async () => {
    const { container } = render(<App store={createWorksheetStore('rnn-by-hand')} />);
    await userEvent.keyboard('{ArrowRight}{ArrowRight}'); // (A h₀)[1]
    const current = container.querySelectorAll('[data-role="current"]');
    expect(Array.from(current, (c) => (c as HTMLElement).dataset.q)).toEqual(['mv:W_hh']);
    const reads = Array.from(
      container.querySelectorAll<HTMLElement>('[data-role="read"]'),
      (c) => `${c.dataset.q}[${c.dataset.i}]`,
    );
    expect(reads.sort()).toEqual(['W_hh[0]', 'W_hh[0]', 'h[0]', 'h[1]'].sort());
  });

  it('calls out ReLU cutting a negative value to 0', async () => {
    const store = createWorksheetStore('rnn-by-hand');
    render(<App store={store} />);
    act(() => store.getState().setGranularity('vector'));
    // vector frames per step: B x, A h, the sum, ReLU, y; ReLU of step 3 is frame 14
    act(() => store.getState().goTo(13));
    expect(screen.getByText(/ReLU of a₃ gives h₃ = \[0, 28\]\. ReLU cuts −11 to 0\./)).toBeInTheDocument();
  });

  it('steps by time step with Shift+→ and back with Shift+←', async () => {
    const store = createWorksheetStore('rnn-by-hand');
    render(<App store={store} />);
    await userEvent.keyboard('{Shift>}{ArrowRight}{ArrowRight}{/Shift}');
    expect(store.getState().frame).toBe(18);
    await userEvent.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    expect(store.getState().frame).toBe(9);
    await userEvent.keyboard('{End}');
    expect(store.getState().frame).toBe(35);
    await userEvent.keyboard('{Home}');
    expect(store.getState().frame).toBe(0);
  });

  it('puts the worksheet and frame in the URL', async () => {
    render(<App store={createWorksheetStore('rnn-by-hand')} />);
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    // just after the step is drawn
    await waitFor(() => expect(window.location.hash).toBe('#/rnn-by-hand/3'));
  });

  it('writes a change of granularity as one place in the history, not one for each of its strokes', async () => {
    window.history.replaceState(null, '', '/#/lstm-1-decimal-rounded/5');
    const store = createWorksheetStore('rnn-by-hand');
    render(<App store={store} />);
    const before = window.history.length;
    act(() => store.getState().setGranularity('vector'));
    // number frames 1–2 are W_ii x₁, 3–4 W_hi h₀, 5 the first number of i's pre-activation: vector frame 3
    await waitFor(() => expect(window.location.hash).toBe('#/lstm-1-decimal-rounded/3/vector'));
    expect(window.history.length).toBe(before + 1);
  });

  it('opens the worksheet and frame a URL names', () => {
    window.history.replaceState(null, '', '/#/lstm-1-decimal-rounded/5/vector');
    const store = createWorksheetStore('rnn-by-hand');
    render(<App store={store} />);
    expect(store.getState()).toMatchObject({ worksheetId: 'lstm-1-decimal-rounded', frame: 4, granularity: 'vector' });
  });

  it('switches worksheets from the picker', async () => {
    const store = createWorksheetStore('rnn-by-hand');
    const { container } = render(<App store={store} />);
    await userEvent.selectOptions(screen.getByLabelText('Worksheet'), 'elman-ciao');
    act(() => store.getState().last());
    expect(shown(container, 'h', 4)).toEqual(['\u2212215']);
  });

  it('lists every worksheet with a line on what it teaches on the home page, and opens one', async () => {
    window.history.replaceState(null, '', '/#/');
    const store = createWorksheetStore(null);
    render(<App store={store} />);
    const links = screen.getAllByRole('link', { name: /^Open / });
    expect(links).toHaveLength(12);
    expect(screen.getByText(/watch ReLU cut −11 to 0/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('link', { name: 'Open GRU by hand' }));
    await screen.findByText(/^Frame 1 of /);
    expect(store.getState().worksheetId).toBe('gru-by-hand');
  });

  it('enters presentation mode with P and leaves it with Escape, keeping the frame', async () => {
    const store = createWorksheetStore('rnn-by-hand');
    render(<App store={store} />);
    await userEvent.keyboard('{ArrowRight}p');
    expect(document.documentElement.classList.contains('presenting')).toBe(true);
    expect(screen.getByRole('button', { name: 'Leave presentation (Esc)' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.keyboard('{Escape}');
    expect(document.documentElement.classList.contains('presenting')).toBe(false);
    expect(store.getState().frame).toBe(1);
  });

  it('switches between the light and the dark theme', async () => {
    render(<App store={createWorksheetStore('rnn-by-hand')} />);
    await userEvent.click(screen.getByRole('button', { name: 'Dark theme' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    await userEvent.click(screen.getByRole('button', { name: 'Light theme' }));
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('opens a worksheet file the user picks, and lists the problems of a broken one without leaving home', async () => {
    window.history.replaceState(null, '', '/#/');
    const store = createWorksheetStore(null);
    render(<App store={store} />);
    const input = screen.getByLabelText('Open a worksheet file (.json)');
    const broken = {
      format: 'rnn-by-hand/worksheet',
      version: 1,
      cell: 'rnn',
      params: { W_ih: [[1]], W_hh: [[1, 2]] },
      inputs: [[1]],
    };
    await userEvent.upload(input, new File([JSON.stringify(broken)], 'mine.json', { type: 'application/json' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('mine.json is not a worksheet this app can open (1 problem):');
    expect(alert).toHaveTextContent('params.W_hh: expected a 1×1 matrix, got 1×2');
    expect(store.getState().worksheetId).toBeNull();
    const fixed = { ...broken, title: 'Mine', params: { W_ih: [[1]], W_hh: [[2]] } };
    await userEvent.upload(input, new File([JSON.stringify(fixed)], 'mine.json', { type: 'application/json' }));
    await screen.findByText(/^Frame 1 of /);
    // kept in the browser under its title, so that a reload finds it
    expect(store.getState().worksheetId).toMatch(/^my-/);
    expect(store.getState().kept.map((k) => [k.id, k.name])).toEqual([[store.getState().worksheetId, 'Mine']]);
    act(() => store.getState().last());
    // h₁ = tanh(1 · 1 + 2 · 0) = tanh(1) = 0.76
    expect(shown(document.body, 'h', 1)).toEqual(['0.76']);
  });

  it('steps on a key pressed with nothing focused (the target of the event is the document itself)', () => {
    const store = createWorksheetStore('rnn-by-hand');
    render(<App store={store} />);
    act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true }));
    });
    expect(store.getState().frame).toBe(1);
  });

  it('says what exact carry computes on when the sheet shows fewer digits: i₁[1] = 0.98 is carried as 0.9820137900379085', () => {
    const store = createWorksheetStore('lstm-2-decimals');
    render(<App store={store} />);
    // frame 7 is i₁[1] = σ(4); σ(4) = 1 / (1 + e⁻⁴) = 0.98201379003790845…
    act(() => store.getState().goTo(6));
    expect(screen.getByText('carried as 0.9820137900379085')).toBeInTheDocument();
    // and a whole number carries nothing more than it shows
    act(() => store.getState().goTo(0));
    expect(screen.queryByText(/^carried as/)).toBeNull();
  });

  it('Space means the next frame even on a focused button, and a worksheet chosen from the list hands the arrows to the sheet', async () => {
    const store = createWorksheetStore('rnn-by-hand');
    render(<App store={store} />);
    await userEvent.click(screen.getByRole('button', { name: 'Present (P)' }));
    await userEvent.keyboard(' ');
    expect(store.getState()).toMatchObject({ frame: 1, presenting: true });
    await userEvent.keyboard('{Escape}');
    await userEvent.selectOptions(screen.getByLabelText('Worksheet'), 'gru-by-hand');
    expect(document.activeElement).not.toBe(screen.getByLabelText('Worksheet'));
    await userEvent.keyboard('{ArrowRight}');
    expect(store.getState()).toMatchObject({ worksheetId: 'gru-by-hand', frame: 1 });
  });

  it('a link with present=1 opens in presentation mode, and leaving it takes the mark out of the address', async () => {
    window.history.replaceState(null, '', '/#/rnn-by-hand/5?present=1');
    const store = createWorksheetStore('rnn-by-hand');
    render(<App store={store} />);
    expect(store.getState()).toMatchObject({ worksheetId: 'rnn-by-hand', frame: 4, presenting: true });
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(window.location.hash).toBe('#/rnn-by-hand/5'));
    await userEvent.keyboard('p');
    await waitFor(() => expect(window.location.hash).toBe('#/rnn-by-hand/5?present=1'));
  });

  it('a link to a worksheet this build does not have leads home, says which, and stays in the address to be mended', () => {
    window.history.replaceState(null, '', '/#/no-such-sheet/3');
    const store = createWorksheetStore('rnn-by-hand');
    render(<App store={store} />);
    expect(store.getState().worksheetId).toBeNull();
    expect(screen.getByRole('alert')).toHaveTextContent(messages.missingWorksheet('no-such-sheet', 'unknown'));
    expect(window.location.hash).toBe('#/no-such-sheet/3');
  });

  it('a link to a worksheet kept in another browser says it is not kept in this one; opening another clears it', async () => {
    window.history.replaceState(null, '', '/#/my-abc123/2');
    const store = createWorksheetStore('rnn-by-hand');
    render(<App store={store} />);
    expect(screen.getByRole('alert')).toHaveTextContent(messages.missingWorksheet('my-abc123', 'kept'));
    await userEvent.click(screen.getByRole('link', { name: messages.openWorksheet('GRU by hand') }));
    expect(store.getState().worksheetId).toBe('gru-by-hand');
    act(() => store.getState().goHome());
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
