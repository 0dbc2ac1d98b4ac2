// The preferences slice through the vanilla store: the theme and presentation mode are the
// user's, so nothing the other slices do (opening, a quiz, home) changes them.
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUIZ_SETTINGS } from '../../../src/core/practice/quiz';
import { createPreferenceStorage } from '../../../src/store/preferenceStorage';
import { createWorksheetStore } from '../../../src/store/worksheetStore';
import { FakeStorage } from '../../helpers/fakeStorage';

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

  it('the room’s presentation type size is kept for the next visit, within five steps either way', () => {
    const storage = new FakeStorage();
    const visit = () => createWorksheetStore('rnn-by-hand', { preferences: createPreferenceStorage(() => storage) });
    const first = visit();
    expect(first.getState().presentSize).toBe(0);
    first.getState().setPresentSize(2);
    expect(visit().getState().presentSize).toBe(2);
    first.getState().setPresentSize(-9);
    expect(visit().getState().presentSize).toBe(-5);
    storage.setItem('rnn-by-hand:present-size', 'huge');
    expect(visit().getState().presentSize).toBe(0);
  });

  it('the theme picked is kept for the next visit; the system’s scheme decides only until one is picked', () => {
    const storage = new FakeStorage();
    const visit = () => createWorksheetStore('rnn-by-hand', { preferences: createPreferenceStorage(() => storage) });
    const first = visit();
    first.getState().followSystemTheme(true);
    expect(first.getState().theme).toBe('dark');
    // followed, not picked: a system that turns light turns the page light
    first.getState().followSystemTheme(false);
    expect(first.getState().theme).toBe('light');
    first.getState().setTheme('dark');
    const second = visit();
    expect(second.getState()).toMatchObject({ theme: 'dark', themeChosen: true });
    second.getState().followSystemTheme(false);
    expect(second.getState().theme).toBe('dark');
  });

  it('a storage that forbids reading starts light and still switches in the page', () => {
    const store = createWorksheetStore('rnn-by-hand', {
      preferences: createPreferenceStorage(() => {
        throw new DOMException('denied', 'SecurityError');
      }),
    });
    expect(store.getState().theme).toBe('light');
    store.getState().setTheme('dark');
    expect(store.getState().theme).toBe('dark');
  });
});
