// The store as its slices compose it (see tests/store/slices/ for each slice): one state holding
// them all, actions of one slice that reset another's state, and no state shared between stores.
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUIZ_SETTINGS } from '../../src/core/practice/quiz';
import { slotKey } from '../../src/core/records/records';
import { EMPTY_PROGRESS } from '../../src/store/persist';
import { BUILT_IN_WORKSHEETS } from '../../src/worksheets';
import { createWorksheetStore, QUIZ } from '../../src/store/worksheetStore';

describe('the worksheet store, composed of its slices', () => {
  it('starts on the first built-in worksheet, at its first frame, in the walkthrough, with nothing answered', () => {
    const store = createWorksheetStore();
    expect(store.getState()).toMatchObject({
      worksheetId: BUILT_IN_WORKSHEETS[0]!.id,
      frame: 0,
      granularity: 'number',
      mode: 'walkthrough',
      progress: EMPTY_PROGRESS,
      saving: 'page',
      setAside: [],
      migratedFrom: null,
      undo: null,
      quiz: null,
      quizSheetShows: 'mine',
      quizLinkProblems: null,
      theme: 'light',
      presenting: false,
    });
  });

  it('leaves a quiz for the walkthrough when another worksheet opens, and forgets its answers at home', () => {
    const store = createWorksheetStore('rnn-by-hand');
    store.getState().startQuiz(DEFAULT_QUIZ_SETTINGS, 'abc', 'title');
    expect(store.getState()).toMatchObject({ worksheetId: QUIZ, mode: 'quiz' });
    store.getState().open('elman-ciao');
    expect(store.getState()).toMatchObject({ worksheetId: 'elman-ciao', mode: 'walkthrough', quiz: null });

    store.getState().startQuiz(DEFAULT_QUIZ_SETTINGS, 'abc', 'title');
    store.getState().typeAnswer(slotKey('h', 1, 0), '1');
    expect(store.getState().progress.cells).not.toEqual({});
    store.getState().goHome();
    expect(store.getState()).toMatchObject({ worksheetId: null, mode: 'walkthrough', quiz: null });
    expect(store.getState().progress).toBe(EMPTY_PROGRESS);
  });

  it('gives each store a state of its own', () => {
    const a = createWorksheetStore('rnn-by-hand');
    const b = createWorksheetStore('rnn-by-hand');
    a.getState().setMode('practice');
    a.getState().typeAnswer(slotKey('mv:W_ih', 1, 0), '3');
    a.getState().goTo(4);
    a.getState().setTheme('dark');
    expect(b.getState()).toMatchObject({ mode: 'walkthrough', frame: 0, theme: 'light', progress: EMPTY_PROGRESS });
  });
});
