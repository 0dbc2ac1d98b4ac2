// The quiz: which one is taken (its settings and seed), handing it in, what its sheet shows once
// it is, and why a quiz link could not be opened. Its answers are kept like practice's.
import type { StateCreator } from 'zustand/vanilla';
import {
  DEFAULT_QUIZ_SETTINGS,
  formatQuizQuery,
  generateQuiz,
  type QuizParamProblem,
  type QuizSettings,
} from '../../core/practice/quiz';
import type { QuizRun } from '../practice';
import type { WorksheetState } from '../worksheetStore';
import { homeState, inQuiz, progressKeeping, QUIZ, type Keeping } from './shared';

export interface QuizSlice {
  /** the quiz being taken (worksheetId is QUIZ) */
  readonly quiz: QuizRun | null;
  /** after a quiz is handed in, what its answer cells show: the student's answers, or the right ones */
  readonly quizSheetShows: 'mine' | 'right';
  /** why the quiz link followed last cannot be opened (shown on the home page) */
  readonly quizLinkProblems: readonly QuizParamProblem[] | null;
  /** the New quiz form as the student left it (the limit and seed as typed) */
  readonly newQuizForm: NewQuizForm;
  setNewQuizForm(change: Partial<NewQuizForm>): void;
  /** opens the quiz for settings and a seed, resuming it if it was started before */
  startQuiz(settings: QuizSettings, seed: string, title: string): void;
  showQuizLinkProblems(problems: readonly QuizParamProblem[]): void;
  setQuizSheetShows(shows: 'mine' | 'right'): void;
  /** the quiz handed in (by the student, or by the time limit): answers are graded and the solutions shown */
  submitQuiz(timeUp?: boolean): void;
}

export interface NewQuizForm {
  readonly settings: QuizSettings;
  readonly limit: string;
  readonly seed: string;
}

export function createQuizSlice(keeping: Keeping): StateCreator<WorksheetState, [], [], QuizSlice> {
  return (set, get) => {
    const { load, save } = progressKeeping(set, get, keeping);
    return {
      quiz: null,
      quizLinkProblems: null,
      quizSheetShows: 'mine',
      newQuizForm: { settings: DEFAULT_QUIZ_SETTINGS, limit: String(DEFAULT_QUIZ_SETTINGS.limit), seed: '' },
      setNewQuizForm(change) {
        set({ newQuizForm: { ...get().newQuizForm, ...change } });
      },
      setQuizSheetShows(quizSheetShows) {
        set({ quizSheetShows });
      },
      showQuizLinkProblems(problems) {
        // in one change, so that nothing sees the home page without the problems (the URL keeps the link)
        set({ ...homeState(get()), quizLinkProblems: problems });
      },
      startQuiz(settings, seed, title) {
        const s = get();
        if (
          s.worksheetId === QUIZ &&
          s.quiz?.seed === seed &&
          formatQuizQuery(s.quiz.settings, seed) === formatQuizQuery(settings, seed)
        )
          return;
        set({
          worksheetId: QUIZ,
          file: generateQuiz(settings, seed, title),
          quiz: { settings, seed },
          mode: 'quiz',
          frame: 0,
          direction: 'forward',
          quizSheetShows: 'mine',
          quizLinkProblems: null,
        });
        load();
      },
      submitQuiz(timeUp = false) {
        const { progress } = get();
        if (!inQuiz(get()) || !progress.quiz || progress.quiz.submitted) return;
        // whatever is typed counts as handed in, checked or not
        const cells = Object.fromEntries(
          Object.entries(progress.cells).map(([slot, e]) => [slot, e.text.trim() ? { ...e, checked: true } : e]),
        );
        save({ ...progress, cells, quiz: { ...progress.quiz, submitted: true, timeUp } });
      },
    };
  };
}
