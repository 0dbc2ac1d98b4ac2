import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorksheetStore, selectSheet } from '../../../src/store/worksheetStore';
import { App } from '../../../src/ui/app/App';

beforeEach(() => window.history.replaceState(null, '', '/'));

function states(store: ReturnType<typeof createWorksheetStore>, q: string): number[] {
  const sheet = selectSheet(store.getState());
  if (!sheet.ok) return [];
  return Array.from({ length: sheet.sheet.model.T }, (_v, k) => sheet.sheet.value(q, k + 1, 0));
}

describe('the Elman word is the student’s to change', () => {
  it('"cao" gives h = 1, 4, −15, worked by hand', async () => {
    const store = createWorksheetStore('elman-ciao');
    render(<App store={store} />);
    const word = screen.getByLabelText('Word');
    expect(word).toHaveValue('ciao');
    await userEvent.clear(word);
    await userEvent.type(word, 'cao');
    // embeddings c = 1, a = 9, o = 5; h_t = −5 h_{t−1} + x_t:  1;  −5 + 9 = 4;  −20 + 5 = −15
    expect(states(store, 'h')).toEqual([1, 4, -15]);
    expect(store.getState().frame).toBe(0);
  });

  it('a letter outside the vocabulary is kept as typed, with a message, and the sheet keeps the last valid word', async () => {
    const store = createWorksheetStore('elman-ciao');
    render(<App store={store} />);
    const word = screen.getByLabelText('Word');
    await userEvent.clear(word);
    await userEvent.type(word, 'cix');
    expect(word).toHaveValue('cix');
    expect(word).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('“x” is not in the vocabulary (i, o, c, a)');
    // "ci": h = 1, −5 · 1 − 2 = −7
    expect(states(store, 'h')).toEqual([1, -7]);
  });

  it('typing in the word does not step the sheet', async () => {
    const store = createWorksheetStore('elman-ciao');
    render(<App store={store} />);
    await userEvent.type(screen.getByLabelText('Word'), '{Backspace}{ArrowLeft}');
    expect(store.getState().frame).toBe(0);
  });
});

describe('the sentiment worksheet offers the notes’ three reviews', () => {
  it('"not good movie" comes out negative: y = 0.12 after the last word', async () => {
    const store = createWorksheetStore('sentiment-many-to-one');
    render(<App store={store} />);
    await userEvent.selectOptions(screen.getByLabelText('Input'), 'not good movie (label 0)');
    const sheet = selectSheet(store.getState());
    expect(sheet.ok && sheet.sheet.value('y', 3, 0)).toBe(0.12);
  });
});

describe('the rounded LSTM pass beside the exact one', () => {
  it('shows h₃ = [−0.8, 0.7] against [−0.72, 0.67]', () => {
    const { container } = render(<App store={createWorksheetStore('lstm-1-decimal-rounded')} />);
    const row = container.querySelector('.compare-panel tr[data-t="3"]') as HTMLElement;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['[\u22120.8, 0.7]', '[\u22120.72, 0.67]', '[\u22121.2, 0.9]', '[\u22120.93, 0.83]']);
  });
});

describe('the LSTM slides’ story and closing questions', () => {
  it('are shown with the first pass, and the targets stand beside each loss', () => {
    const store = createWorksheetStore('lstm-2-decimals');
    const { container } = render(<App store={store} />);
    expect(screen.getByText(/have we seen more than one A so far\?/)).toBeInTheDocument();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toContain(
      'How would it classify A, B, B? B, A, A?',
    );
    act(() => store.getState().last());
    const targets = Array.from(container.querySelectorAll('.step .sheet-cell[data-q="target"]'), (c) => c.textContent);
    // targets are givens, written as typed
    expect(targets).toEqual(['1', '0', '0', '1', '0', '1']);
  });
});

describe('every letter outside the vocabulary is named', () => {
  it('"c1@o" names both "1" and "@"', async () => {
    render(<App store={createWorksheetStore('elman-ciao')} />);
    const word = screen.getByLabelText('Word');
    await userEvent.clear(word);
    await userEvent.type(word, 'c1@o');
    expect(screen.getByRole('alert')).toHaveTextContent('“1” and “@” are not in the vocabulary (i, o, c, a)');
  });
});
