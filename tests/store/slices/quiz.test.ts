// The quiz slice through the vanilla store: a quiz started in two tabs, handed in in one.
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUIZ_SETTINGS } from '../../../src/core/practice/quiz';
import { slotKey } from '../../../src/core/records/records';
import { createPersistence } from '../../../src/store/persist';
import { createWorksheetStore } from '../../../src/store/worksheetStore';
import { FakeStorage } from '../../helpers/fakeStorage';
import { answer, hears, status, texts, type Store } from './tabs';

describe('two tabs on the same quiz', () => {
  it('a quiz handed in in one tab is handed in in the other, with the answers of both', () => {
    const START = 1_700_000_000_000;
    const storage = new FakeStorage();
    const quiz = (now: number): Store => {
      const store = createWorksheetStore('rnn-by-hand', {
        persistence: createPersistence(() => storage),
        now: () => now,
      });
      store.getState().startQuiz(DEFAULT_QUIZ_SETTINGS, 'abc', 'title');
      return store;
    };
    const a = quiz(START);
    const b = quiz(START + 60_000);
    const h = (t: number, i: number) => slotKey('h', t, i);
    answer(b, h(1, 1), '999');
    hears(a);
    answer(a, h(1, 0), '999');
    a.getState().submitQuiz();
    hears(b);

    expect(b.getState().progress.quiz).toEqual({ startedAt: START, submitted: true, timeUp: false });
    expect(texts(b)).toEqual({ [h(1, 0)]: '999', [h(1, 1)]: '999' });
    expect(status(b, h(1, 1))).toBe('wrong'); // graded, no longer only 'answered'
    b.getState().typeAnswer(h(2, 0), '1');
    expect(b.getState().progress.cells[h(2, 0)]).toBeUndefined();
  });
});
