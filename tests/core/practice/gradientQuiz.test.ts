// The quiz's "ask: gradients": every ∂L/∂h_t and one matrix's gradient, of L = Σ_t Σₖ y_t[k]²,
// drawn from the seed alone, so that one link gives every browser the same numbers and questions.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUIZ_SETTINGS,
  formatQuizQuery,
  generateQuiz,
  parseQuizQuery,
  quizMatrices,
  quizMatrix,
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
  it('gives the same file for the same seed, with a target of 0 at every step: L = Σ_t Σₖ y_t[k]²', () => {
    const file = generateQuiz(gradients, 'k3x9q');
    expect(generateQuiz(gradients, 'k3x9q')).toEqual(file);
    expect(file.loss).toEqual({ kind: 'squared_error', at: 'all' });
    expect(file.targets).toEqual([1, 2, 3].map(() => file.readout!.W_hy!.map(() => 0)));
  });

  it('has the numbers of the same quiz asking states, wherever those leave few gradients 0', () => {
    const seeds = Array.from({ length: 20 }, (_v, k) => `seed${k}`);
    const same = seeds.filter((seed) => {
      const file = generateQuiz(gradients, seed);
      const states = generateQuiz(quiz({ ...gradients, ask: 'states' }), seed);
      return JSON.stringify(states) === JSON.stringify({ ...file, loss: undefined, targets: undefined });
    });
    // the states quiz's own draw is kept whenever it passes the gradients' rule too: most seeds
    expect(same.length).toBeGreaterThan(seeds.length / 2);
  });

  // leaving every cell 0 must not pass: of the gradients asked, at most half are 0 as written
  it.each([
    ['rnn', 1, 1, 3, 0],
    ['rnn', 2, 2, 3, 1],
    ['lstm', 2, 2, 3, 1],
    ['lstm', 1, 1, 2, 1],
    ['gru', 2, 2, 3, 1],
    ['gru', 3, 3, 4, 2],
  ] as const)(
    'asks few gradients that are 0, on a %s with H = %i, I = %i, T = %i at %i decimals',
    (cell, H, I, T, d) => {
      for (const matrix of quizMatrices(cell, T))
        for (let k = 0; k < 15; k++) {
          const settings = quiz({ cell, H, I, T, decimals: d, ask: 'gradients', matrix });
          const records = recordsOf(generateQuiz(settings, `z${k}`));
          const asked = quizQuestions(records, settings);
          const zeros = asked.filter((n) => roundHalfAwayFromZero(records[n]!.value, d) === 0);
          expect(2 * zeros.length, `${matrix}, seed z${k}`).toBeLessThanOrEqual(asked.length);
        }
    },
  );

  it('takes 1 or 2 decimals for a gated cell, whose gates at 0 decimals are 0 or 1, with a slope of 0', () => {
    expect(parseQuizQuery('cell=lstm&decimals=0&ask=gradients&seed=abc')).toEqual({
      ok: false,
      problems: [{ param: 'decimals', got: '0', expected: { kind: 'range', min: 1, max: 2 } }],
    });
    expect(parseQuizQuery('cell=rnn&decimals=0&ask=gradients&seed=abc').ok).toBe(true);
    expect(parseQuizQuery('cell=gru&decimals=0&ask=states&seed=abc').ok).toBe(true);
  });

  it('reads a link that leaves decimals out as the least the quiz takes: 1 for an LSTM’s gradients', () => {
    const read = parseQuizQuery('cell=lstm&ask=gradients&seed=abc');
    expect(read.ok && read.settings.decimals).toBe(1);
    expect(() => generateQuiz((read as { settings: QuizSettings }).settings, 'abc')).not.toThrow();
  });

  it('with one step asks no recurrent matrix, whose gradient ∂L/∂a₁ h₀ᵀ is 0 with h₀ = 0', () => {
    expect(quizMatrices('rnn', 1)).toEqual(['W_ih', 'W_hy']);
    expect(quizMatrix(quiz({ cell: 'gru', T: 1, ask: 'gradients' }))).toBe('W_ir');
    expect(parseQuizQuery('cell=rnn&T=1&ask=gradients&matrix=W_hh&seed=abc')).toEqual({
      ok: false,
      problems: [{ param: 'matrix', got: 'W_hh', expected: { kind: 'choice', choices: ['W_ih', 'W_hy'] } }],
    });
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
      problems: [
        {
          param: 'matrix',
          got: 'W_hh',
          expected: { kind: 'choice', choices: quizMatrices('lstm', DEFAULT_QUIZ_SETTINGS.T) },
        },
      ],
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
