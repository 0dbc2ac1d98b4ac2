import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import { DEFAULT_QUIZ_SETTINGS } from '../../../src/core/practice/quiz';
import { createWorksheetStore } from '../../../src/store/worksheetStore';
import { App } from '../../../src/ui/app/App';
import { createAppUpdate } from '../../../src/ui/app/appUpdate';
import { registerServiceWorker } from '../../../src/ui/app/serviceWorker';
import { messages } from '../../../src/ui/messages/messages';

// the service worker's side, as vite-plugin-pwa's registerSW calls it: what it was given, and the
// skip-waiting it was asked for
const sw = vi.hoisted(() => ({ options: {} as RegisterSWOptions, skipWaiting: vi.fn(async () => {}) }));
vi.mock('virtual:pwa-register', () => ({
  registerSW: (options: RegisterSWOptions) => {
    sw.options = options;
    return sw.skipWaiting;
  },
}));

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  localStorage.clear();
  sw.skipWaiting.mockClear();
});

const bar = () => screen.queryByRole('button', { name: messages.updateReload });

function appWithUpdate(worksheetId: string | null) {
  const store = createWorksheetStore(worksheetId);
  const update = createAppUpdate();
  const reload = vi.fn();
  registerServiceWorker(update, reload);
  render(<App store={store} update={update} />);
  return { store, reload };
}

describe('a new version of the app', () => {
  it('is announced once installed, and taken (skip waiting, then the reload) only on the click', async () => {
    const { reload } = appWithUpdate('rnn-by-hand');
    expect(bar()).toBeNull();
    act(() => sw.options.onNeedRefresh?.());
    expect(screen.getByText(messages.updateReady)).toBeInTheDocument();
    expect(sw.skipWaiting).not.toHaveBeenCalled();
    await userEvent.click(bar()!);
    expect(sw.skipWaiting).toHaveBeenCalledTimes(1);
    // the new worker took over the page it was asked for in
    act(() => sw.options.onNeedReload?.());
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('waits while a quiz is taken, and is announced once it is handed in', async () => {
    const { store, reload } = appWithUpdate(null);
    act(() => store.getState().startQuiz(DEFAULT_QUIZ_SETTINGS, 'class7b', 'Quiz'));
    act(() => sw.options.onNeedRefresh?.());
    expect(screen.queryByText(messages.updateReady)).toBeNull();
    act(() => store.getState().submitQuiz());
    expect(screen.getByText(messages.updateReady)).toBeInTheDocument();
    expect(sw.skipWaiting).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });

  it('waits while a quiz is taken, and is announced once the quiz is left for a worksheet', () => {
    const { store } = appWithUpdate(null);
    act(() => store.getState().startQuiz(DEFAULT_QUIZ_SETTINGS, 'class7b', 'Quiz'));
    act(() => sw.options.onNeedRefresh?.());
    expect(bar()).toBeNull();
    act(() => store.getState().open('rnn-by-hand'));
    expect(bar()).not.toBeNull();
  });

  it('taken in another tab mid-quiz, does not reload this one: it is offered here once the quiz is in', async () => {
    const { store, reload } = appWithUpdate(null);
    act(() => store.getState().startQuiz(DEFAULT_QUIZ_SETTINGS, 'class7b', 'Quiz'));
    act(() => sw.options.onNeedRefresh?.());
    // the other tab's click: the new worker now controls this page too
    act(() => sw.options.onNeedReload?.());
    expect(reload).not.toHaveBeenCalled();
    expect(bar()).toBeNull();
    act(() => store.getState().submitQuiz());
    await userEvent.click(bar()!);
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
