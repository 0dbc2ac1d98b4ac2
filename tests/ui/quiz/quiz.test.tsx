import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_QUIZ_SETTINGS } from '../../../src/core/practice/quiz';
import { createPersistence } from '../../../src/store/persist';
import { createWorksheetStore } from '../../../src/store/worksheetStore';
import { App } from '../../../src/ui/app/App';
import { findBuiltIn } from '../../../src/worksheets';

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  localStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a quiz with a time limit', () => {
  it('counts down from 1:00 and hands itself in when the time is up', () => {
    vi.useFakeTimers({ now: new Date('2026-11-22T09:00:00Z') });
    const store = createWorksheetStore(null, { persistence: createPersistence(() => localStorage) });
    render(<App store={store} />);
    act(() => store.getState().startQuiz({ ...DEFAULT_QUIZ_SETTINGS, limit: 1 }, 'timed', 'Timed quiz'));
    expect(screen.getByRole('timer').textContent).toContain('Time left 1:00');
    act(() => vi.advanceTimersByTime(30_000));
    expect(screen.getByRole('timer').textContent).toContain('Time left 0:30');
    act(() => vi.advanceTimersByTime(30_000));
    expect(store.getState().progress.quiz).toMatchObject({ submitted: true, timeUp: true });
    expect(screen.getByText('Time is up: the quiz was handed in.')).toBeInTheDocument();
    expect(screen.getByText(/^Score: 0 of \d+$/)).toBeInTheDocument();
  });

  it('a reload after the time ran out finds the quiz handed in, not a fresh clock', () => {
    vi.useFakeTimers({ now: new Date('2026-11-22T09:00:00Z') });
    const settings = { ...DEFAULT_QUIZ_SETTINGS, limit: 2 };
    const first = createWorksheetStore(null, { persistence: createPersistence(() => localStorage) });
    first.getState().startQuiz(settings, 'later', 'Quiz');
    // the student closes the tab and comes back five minutes later
    vi.setSystemTime(new Date('2026-11-22T09:05:00Z'));
    const again = createWorksheetStore(null, { persistence: createPersistence(() => localStorage) });
    render(<App store={again} />);
    act(() => again.getState().startQuiz(settings, 'later', 'Quiz'));
    expect(again.getState().progress.quiz).toMatchObject({ submitted: true, timeUp: true });
  });
});

describe('the New quiz form', () => {
  it('offers the gradients of an LSTM at 1 or 2 decimals only, and with T = 1 no recurrent matrix', async () => {
    render(<App store={createWorksheetStore(null)} />);
    const options = (label: string) =>
      [...(screen.getByLabelText(label) as HTMLSelectElement).options].map((o) => o.value);
    await userEvent.selectOptions(screen.getByLabelText('Cell'), 'lstm');
    await userEvent.selectOptions(screen.getByLabelText('Decimals'), '0');
    await userEvent.selectOptions(screen.getByLabelText('Asked'), 'gradients');
    // at 0 decimals its gates are written 0 or 1, where σ′ is 0: the form moves on to 1
    expect(options('Decimals')).toEqual(['1', '2']);
    expect((screen.getByLabelText('Decimals') as HTMLSelectElement).value).toBe('1');
    expect(options('Gradient of')[0]).toBe('W_hi');
    await userEvent.selectOptions(screen.getByLabelText('Steps T'), '1');
    expect(options('Gradient of')).toEqual(['W_ii', 'W_if', 'W_ig', 'W_io', 'W_hy']);
  });

  it('keeps the New quiz form as the student left it, after a visit to a worksheet', async () => {
    const store = createWorksheetStore(null);
    render(<App store={store} />);
    await userEvent.selectOptions(screen.getByLabelText('Cell'), 'gru');
    await userEvent.selectOptions(screen.getByLabelText('Steps T'), '3');
    const limit = screen.getByLabelText('Time limit (minutes, 0 for none)');
    await userEvent.clear(limit);
    await userEvent.type(limit, '12');
    act(() => store.getState().open('rnn-by-hand'));
    act(() => store.getState().goHome());
    expect((screen.getByLabelText('Cell') as HTMLSelectElement).value).toBe('gru');
    expect((screen.getByLabelText('Steps T') as HTMLSelectElement).value).toBe('3');
    expect((screen.getByLabelText('Time limit (minutes, 0 for none)') as HTMLInputElement).value).toBe('12');
  });

  it('keeps a bad time limit as typed, says what is wrong beside it, and will not start', async () => {
    render(<App store={createWorksheetStore(null)} />);
    const limit = screen.getByLabelText('Time limit (minutes, 0 for none)');
    await userEvent.clear(limit);
    await userEvent.type(limit, '90');
    expect(limit).toHaveValue('90');
    expect(screen.getByRole('alert').textContent).toBe('The time limit is a whole number of minutes from 0 to 60.');
    expect(screen.getByRole('button', { name: 'Start the quiz' })).toBeDisabled();
  });

  it.each(['0x10', '1e1', '0b11', '1.5', '-1'])(
    'refuses %s as a time limit: minutes are written in digits',
    async (typed) => {
      render(<App store={createWorksheetStore(null)} />);
      const limit = screen.getByLabelText('Time limit (minutes, 0 for none)');
      await userEvent.clear(limit);
      await userEvent.type(limit, typed);
      expect(limit).toHaveValue(typed);
      expect(screen.getByRole('button', { name: 'Start the quiz' })).toBeDisabled();
    },
  );

  it('says what is wrong with a seed of capitals and spaces, and keeps it as typed', async () => {
    render(<App store={createWorksheetStore(null)} />);
    const seed = screen.getByLabelText('Seed (empty: a new one)');
    await userEvent.type(seed, 'Week 3!');
    expect(seed).toHaveValue('Week 3!');
    expect(screen.getByRole('alert').textContent).toBe(
      '“Week 3!” is not a seed: use only small letters a–z and digits, up to 32 of them (no capitals, spaces or signs).',
    );
  });
});

describe('a quiz link that cannot be opened', () => {
  it('a bare #/quiz lists what it lacks and stays in the address bar, to be mended there', () => {
    window.history.replaceState(null, '', '/#/quiz');
    render(<App store={createWorksheetStore(null)} />);
    expect(screen.getByText('This quiz link cannot be opened:')).toBeInTheDocument();
    expect(screen.getByText('seed: missing; a seed is 1 to 32 letters a–z and digits')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/quiz');
  });

  it('a broken link followed from an open sheet keeps its own address too', () => {
    window.history.replaceState(null, '', '/#/rnn-by-hand/3');
    const store = createWorksheetStore(null);
    render(<App store={store} />);
    act(() => {
      window.history.pushState(null, '', '/#/quiz?cell=rnn&H=9&seed=ok');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(screen.getByText('H: “9” is not a whole number from 1 to 3')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/quiz?cell=rnn&H=9&seed=ok');
  });

  it('opening a file after a broken link leaves the link behind: the address follows the sheet again', async () => {
    window.history.replaceState(null, '', '/#/quiz?cell=rnn&H=9&seed=ok');
    const store = createWorksheetStore(null);
    render(<App store={store} />);
    act(() => store.getState().openFile(findBuiltIn('rnn-by-hand')!.file));
    expect(store.getState().quizLinkProblems).toBeNull();
    expect(window.location.hash).toBe('#/file/1');
    act(() => store.getState().next());
    await waitFor(() => expect(window.location.hash).toBe('#/file/2'));
  });
});

describe('a quiz asking one step', () => {
  it('opens with its first question focused, though that step is drawn just after the first paint', async () => {
    window.history.replaceState(null, '', '/');
    const store = createWorksheetStore(null);
    render(<App store={store} />);
    act(() => store.getState().startQuiz({ ...DEFAULT_QUIZ_SETTINGS, ask: 'step', step: 3 }, 'focus3', 'Quiz'));
    // the first number worked out at step 3 is the first product's first row
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset.slot).toMatch(/^mv:W_\w+@3\[0\]$/));
  });
});
