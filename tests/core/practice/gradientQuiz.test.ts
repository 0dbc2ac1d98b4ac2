// The quiz's "ask: gradients": every ∂L/∂h_t and one matrix's gradient, of L = Σₖ y_T[k]², drawn
// from the seed alone, so that one link gives every browser the same numbers and questions.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUIZ_SETTINGS,
  formatQuizQuery,
  generateQuiz,
  parseQuizQuery,
  quizMatrices,
  quizQuestions,
  type QuizSettings,
} from '../../../src/core/practice/quiz';
import { buildRecords, type TraceRecord } from '../../../src/core/records/records';
import { computeTrace } from '../../../src/core/engine/trace';
import { roundHalfAwayFromZero } from '../../../src/core/engine/rounding';
import type { WorksheetFile } from '../../../src/core/format/worksheet';
import { mustLoad } from '../../helpers/load';

const quiz = (over: Partial<QuizSettings>): QuizSettings => ({ ...DEFAULT_QUIZ_SETTINGS, ...over });

function recordsOf(file: WorksheetFile): TraceRecord[] {
  const model = mustLoad(file);
  const { forward, backward } = computeTrace(model);
  return buildRecords(model, forward, backward);
}

const gradients = quiz({ cell: 'rnn', H: 2, I: 2, T: 3, decimals: 1, ask: 'gradients', matrix: 'W_hh' });

describe('a gradients quiz', () => {
  it('gives the same file for the same seed, and the numbers of the same quiz asking states', () => {
    const file = generateQuiz(gradients, 'k3x9q');
    expect(generateQuiz(gradients, 'k3x9q')).toEqual(file);
    const { loss, targets, ...rest } = file;
    expect(loss).toEqual({ kind: 'squared_error', at: 'last' });
    // a target of 0 for each output: L = Σₖ y_T[k]²
    expect(targets).toEqual([file.readout!.W_hy!.map(() => 0)]);
    expect(rest).toEqual(generateQuiz(quiz({ ...gradients, ask: 'states' }), 'k3x9q'));
  });

  it('asks every ∂L/∂h_t, from T back to 0, then every entry of the chosen matrix’s gradient', () => {
    const records = recordsOf(generateQuiz(gradients, 'k3x9q'));
    const asked = quizQuestions(records, gradients).map((n) => records[n] as TraceRecord);
    const names = asked.map((r) => `${r.q}@${r.t}[${r.i}]${r.j === undefined ? '' : `[${r.j}]`}`);
    expect(names).toEqual([
      'd:h@3[0]',
      'd:h@3[1]',
      'd:h@2[0]',
      'd:h@2[1]',
      'd:h@1[0]',
      'd:h@1[1]',
      'd:h@0[0]',
      'd:h@0[1]',
      'd:W_hh@0[0][0]',
      'd:W_hh@0[0][1]',
      'd:W_hh@0[1][0]',
      'd:W_hh@0[1][1]',
    ]);
    // another matrix: its own entries instead of W_hh's (W_ih is 2×2 here: H = I = 2)
    const other = quizQuestions(records, { ...gradients, matrix: 'W_ih' }).map((n) => (records[n] as TraceRecord).q);
    expect(other.filter((q) => q.startsWith('d:W'))).toEqual(['d:W_ih', 'd:W_ih', 'd:W_ih', 'd:W_ih']);
  });

  it('has ∂L/∂h_T = W_hyᵀ · 2 y_T, worked out from the file and the written y', () => {
    const file = generateQuiz(gradients, 'k3x9q');
    const records = recordsOf(file);
    const W_hy = file.readout!.W_hy!;
    const y = W_hy.map((_row, k) => records.find((r) => r.q === 'y' && r.t === 3 && r.i === k)!.value);
    for (let i = 0; i < 2; i++) {
      // ∂L/∂y_T[k] = 2 y_T[k], rounded to 1 decimal as the sheet carries it; then (W_hyᵀ δ)[i]
      const dy = y.map((v) => roundHalfAwayFromZero(2 * v, 1));
      const byHand = roundHalfAwayFromZero(
        W_hy.reduce((s, row, k) => s + row[i]! * dy[k]!, 0),
        1,
      );
      expect(records.find((r) => r.q === 'd:h' && r.t === 3 && r.i === i)!.value).toBeCloseTo(byHand, 9);
    }
  });

  it('writes its link with the matrix after ask, and reads it back', () => {
    const query = formatQuizQuery(gradients, 'k3x9q');
    expect(query).toBe('cell=rnn&H=2&I=2&T=3&decimals=1&ask=gradients&matrix=W_hh&step=1&limit=0&seed=k3x9q');
    expect(parseQuizQuery(query)).toEqual({ ok: true, settings: gradients, seed: 'k3x9q' });
    // without a matrix, the cell's first recurrent one is asked
    const bare = parseQuizQuery('ask=gradients&seed=k3x9q');
    expect(bare.ok && bare.settings.matrix).toBeUndefined();
  });

  it('refuses a matrix the cell does not have, and ignores one on a quiz that asks no gradients', () => {
    expect(parseQuizQuery('cell=lstm&ask=gradients&matrix=W_hh&seed=abc')).toEqual({
      ok: false,
      problems: [{ param: 'matrix', got: 'W_hh', expected: { kind: 'choice', choices: quizMatrices('lstm') } }],
    });
    expect(parseQuizQuery('ask=states&matrix=W_hh&seed=abc')).toEqual({
      ok: true,
      settings: DEFAULT_QUIZ_SETTINGS,
      seed: 'abc',
    });
  });

  it('leaves an existing link as it was', () => {
    const states = quiz({ cell: 'lstm', H: 2, I: 2, T: 3, decimals: 1, ask: 'step', step: 2, limit: 10 });
    expect(formatQuizQuery(states, 'k3x9q')).toBe(
      'cell=lstm&H=2&I=2&T=3&decimals=1&ask=step&step=2&limit=10&seed=k3x9q',
    );
    expect(generateQuiz(states, 'k3x9q').loss).toBeUndefined();
  });
});
