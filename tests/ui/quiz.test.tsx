import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_QUIZ_SETTINGS } from '../../src/core/quiz';
import { createPersistence } from '../../src/store/persist';
import { createWorksheetStore } from '../../src/store/worksheetStore';
import { App } from '../../src/ui/App';

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
  it('keeps a bad time limit as typed, says what is wrong beside it, and will not start', async () => {
    render(<App store={createWorksheetStore(null)} />);
    const limit = screen.getByLabelText('Time limit (minutes, 0 for none)');
    await userEvent.clear(limit);
    await userEvent.type(limit, '90');
    expect(limit).toHaveValue('90');
    expect(screen.getByRole('alert').textContent).toBe('The time limit is a whole number of minutes from 0 to 60.');
    expect(screen.getByRole('button', { name: 'Start the quiz' })).toBeDisabled();
  });
});
