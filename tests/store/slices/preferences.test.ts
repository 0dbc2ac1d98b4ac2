// The preferences slice through the vanilla store: the theme and presentation mode are the
// user's, so nothing the other slices do (opening, a quiz, home) changes them.
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUIZ_SETTINGS } from '../../../src/core/practice/quiz';
import { createWorksheetStore } from '../../../src/store/worksheetStore';

describe('preferences', () => {
  it('start light and not presenting, and change only when asked', () => {
    const store = createWorksheetStore('rnn-by-hand');
    expect(store.getState()).toMatchObject({ theme: 'light', presenting: false });
    store.getState().setTheme('dark');
    store.getState().setPresenting(true);
    expect(store.getState()).toMatchObject({ theme: 'dark', presenting: true });
    store.getState().setPresenting(false);
    expect(store.getState()).toMatchObject({ theme: 'dark', presenting: false });
  });

  it('are kept across opening another worksheet, a quiz and the home page', () => {
    const store = createWorksheetStore('rnn-by-hand');
    store.getState().setTheme('dark');
    store.getState().setPresenting(true);
    store.getState().open('elman-ciao');
    store.getState().startQuiz(DEFAULT_QUIZ_SETTINGS, 'abc', 'title');
    store.getState().goHome();
    expect(store.getState()).toMatchObject({ worksheetId: null, theme: 'dark', presenting: true });
  });
});
