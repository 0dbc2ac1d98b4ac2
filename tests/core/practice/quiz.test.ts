import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUIZ_SETTINGS,
  QUIZ_LIMITS,
  formatQuizQuery,
  generateQuiz,
  parseQuizQuery,
  quizQuestions,
  type QuizExpected,
  type QuizSettings,
  quizMinDecimals,
} from '../../../src/core/practice/quiz';
import { createRandom, isSeed, randomSeed } from '../../../src/core/practice/random';
import { buildRecords, type TraceRecord } from '../../../src/core/records/records';
import { computeTrace } from '../../../src/core/engine/trace';
import { loadWorksheet } from '../../../src/core/format/validate';
import { CELL_PARAMS, type CellKind, type WorksheetFile } from '../../../src/core/format/worksheet';
import { messages } from '../../../src/ui/messages/messages';
import { mustLoad } from '../../helpers/load';

const quiz = (over: Partial<QuizSettings>): QuizSettings => ({ ...DEFAULT_QUIZ_SETTINGS, ...over });

function recordsOf(file: WorksheetFile): TraceRecord[] {
  const model = mustLoad(file);
  const { forward, backward } = computeTrace(model);
  return buildRecords(model, forward, backward);
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const isIntIn = (v: unknown, lo: number, hi: number): boolean =>
  Number.isInteger(v) && Number(v) >= lo && Number(v) <= hi;

/** Every hand-friendly rule the sheet breaks, worked out here from the file and its records. */
function ruleViolations(file: WorksheetFile, s: QuizSettings): string[] {
  const broken: string[] = [];
  const spec = CELL_PARAMS[s.cell];
  const matrixOk = (m: unknown, rows: number, cols: number, lo: number, hi: number): boolean =>
    Array.isArray(m) &&
    m.length === rows &&
    m.every((row) => Array.isArray(row) && row.length === cols && row.every((v) => isIntIn(v, lo, hi)));

  if (file.cell !== s.cell) broken.push(`cell ${file.cell}`);
  if (s.cell === 'rnn' && file.activation !== 'relu') broken.push(`activation ${String(file.activation)}`);
  for (const name of spec.input)
    if (!matrixOk(file.params[name], s.H, s.I, -2, 2)) broken.push(`${name} not H×I in −2..2`);
  for (const name of spec.hidden)
    if (!matrixOk(file.params[name], s.H, s.H, -2, 2)) broken.push(`${name} not H×H in −2..2`);
  for (const name of spec.biases) {
    const b = file.params[name];
    if (b === undefined) continue;
    if (s.cell === 'rnn') broken.push(`${name} on an rnn`);
    else if (!(b.length === s.H && b.every((v) => isIntIn(v, -1, 1)))) broken.push(`${name} not H in −1..1`);
  }

  const W_hy = file.readout?.W_hy ?? [];
  if (!(W_hy.length >= 1 && W_hy.length <= Math.min(2, s.H) && matrixOk(W_hy, W_hy.length, s.H, -2, 2)))
    broken.push('W_hy not O×H in −2..2 with O = 1 or 2, O ≤ H');
  if (file.readout?.activation !== 'identity' || file.readout.b_y !== undefined) broken.push('readout not W_hy h');
  if (file.loss !== undefined || file.targets !== undefined) broken.push('has a loss or targets');
  if (file.precision?.decimals !== s.decimals || file.precision.carry !== 'rounded') broken.push('precision');
  if (!(file.h0?.length === s.H && file.h0.every((v) => v === 0))) broken.push('h0 not zeros');
  if (s.cell === 'lstm' ? !(file.c0?.length === s.H && file.c0.every((v) => v === 0)) : file.c0 !== undefined)
    broken.push('c0');

  if (s.I >= 2) {
    const letters = ['A', 'B', 'C'].slice(0, s.I);
    const vocabulary = file.vocabulary ?? {};
    if (Object.keys(vocabulary).join() !== letters.join()) broken.push('vocabulary letters');
    letters.forEach((letter, k) => {
      if (vocabulary[letter]?.join() !== letters.map((_, j) => (j === k ? 1 : 0)).join())
        broken.push(`${letter} not one-hot`);
    });
    if (!(file.tokens?.length === s.T && file.tokens.every((t) => letters.includes(t)))) broken.push('tokens');
    if (file.inputs !== undefined) broken.push('inputs with tokens');
  } else if (!(file.inputs?.length === s.T && file.inputs.every((x) => x.length === 1 && isIntIn(x[0], 1, 3))))
    broken.push('inputs not single integers 1..3');

  for (const name of [...spec.input, ...spec.hidden]) {
    const m = file.params[name];
    if (Array.isArray(m) && m.flat().every((v) => v === 0)) broken.push(`${name} all zeros`);
  }
  W_hy.forEach((row, k) => {
    if (row.every((v) => v === 0)) broken.push(`row ${k + 1} of W_hy all zeros`);
  });
  if (s.T >= 2) {
    const steps: unknown[] = s.I >= 2 ? (file.tokens ?? []) : (file.inputs ?? []).map((x) => x[0]);
    if (steps.every((x) => x === steps[0])) broken.push(`the same input at every step: ${steps.join(' ')}`);
  }

  const records = recordsOf(file);
  const values = (...qs: string[]) => records.filter((r) => qs.includes(r.q)).map((r) => r.value);
  if (values('h', 'y').some((v) => Math.abs(v) > 20)) broken.push('|h| or |y| above 20');
  // what a 'states' quiz asks, as written on the sheet: at most half of it may be 0
  const states = records.filter((r) => r.phase === 'forward' && r.t >= 1 && ['h', 'c', 'y'].includes(r.q));
  const O = W_hy.length;
  if (states.length !== s.T * (s.H + (s.cell === 'lstm' ? s.H : 0) + O)) broken.push('not T·(H (+ H) + O) states');
  const zeros = states.filter((r) => Number(r.value.toFixed(s.decimals)) === 0).length;
  if (2 * zeros > states.length) broken.push(`${zeros} of ${states.length} states written as 0`);
  if (s.cell === 'rnn' && s.H * s.T >= 2) {
    const pre = values('pre:h');
    if (!pre.some((v) => v < 0) || !pre.some((v) => v > 0)) broken.push(`no ReLU cut: pre:h ${pre.join(' ')}`);
  }
  if (s.cell !== 'rnn') {
    const gates = (s.cell === 'lstm' ? ['i', 'f', 'o'] : ['r', 'z']).map((g) => `pre:${g}`);
    const sig = values(...gates).map(sigmoid);
    if (!sig.some((g) => g >= 0.95 || g <= 0.05)) broken.push('no gate saturates');
    if (!sig.some((g) => g >= 0.1 && g <= 0.9)) broken.push('no gate in [0.1, 0.9]');
  }
  return broken;
}

describe('the seeded random stream', () => {
  it('is the same sequence for the same seed, and another for another seed', () => {
    const draw = (seed: string) => {
      const r = createRandom(seed);
      return Array.from({ length: 100 }, () => r.next());
    };
    expect(draw('k3x9q')).toEqual(draw('k3x9q'));
    expect(draw('k3x9q')).not.toEqual(draw('k3x9r'));
    expect(draw('')).toEqual(draw(''));
  });

  it('gives numbers in [0, 1)', () => {
    const r = createRandom('unit');
    const xs = Array.from({ length: 10000 }, () => r.next());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    // a stuck or badly scaled generator would not spread over both halves
    expect(xs.filter((x) => x < 0.5).length).toBeGreaterThan(4500);
    expect(xs.filter((x) => x >= 0.5).length).toBeGreaterThan(4500);
  });

  it('int stays within −2..2 and hits every value in 1000 draws', () => {
    const r = createRandom('ints');
    const counts = new Map<number, number>();
    for (let k = 0; k < 1000; k++) {
      const v = r.int(-2, 2);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
    // 200 each on average
    for (const n of counts.values()) expect(n).toBeGreaterThan(120);
    expect(r.int(7, 7)).toBe(7);
    expect(() => r.int(2, 1)).toThrow(RangeError);
  });

  it('pick returns every item of a list, and refuses an empty one', () => {
    const r = createRandom('pick');
    const picked = new Set(Array.from({ length: 300 }, () => r.pick(['A', 'B', 'C'])));
    expect([...picked].sort()).toEqual(['A', 'B', 'C']);
    expect(() => r.pick([])).toThrow(RangeError);
  });
});

describe('seeds', () => {
  it('randomSeed turns each byte into one of a–z, 0–9, at most 32 of them', () => {
    expect(randomSeed(Uint8Array.from({ length: 36 }, (_, k) => k))).toBe('abcdefghijklmnopqrstuvwxyz012345');
    expect(randomSeed(Uint8Array.from([0, 35, 36, 255]))).toBe('a9ad');
    expect(randomSeed(new Uint8Array(6).fill(7))).toBe('hhhhhh');
    expect(() => randomSeed(new Uint8Array(0))).toThrow(RangeError);
  });

  it('randomSeed always gives a seed that isSeed accepts', () => {
    const r = createRandom('bytes');
    for (let k = 0; k < 200; k++) {
      const bytes = Uint8Array.from({ length: r.int(1, 40) }, () => r.int(0, 255));
      expect(isSeed(randomSeed(bytes))).toBe(true);
    }
  });

  it('isSeed takes 1 to 32 lowercase letters and digits only', () => {
    for (const good of ['a', '0', 'k3x9q', 'z'.repeat(32)]) expect(isSeed(good)).toBe(true);
    for (const bad of ['', 'z'.repeat(33), 'ABC', 'a-b', 'a b', 'é', 42, null]) expect(isSeed(bad)).toBe(false);
  });
});

describe('a generated quiz', () => {
  it('is the same file for the same settings and seed, also when regenerated from its link', () => {
    const s = quiz({ cell: 'lstm', H: 2, I: 3, T: 3, decimals: 1, ask: 'step', step: 2, limit: 10 });
    const file = generateQuiz(s, 'k3x9q');
    expect(generateQuiz(s, 'k3x9q')).toEqual(file);
    const parsed = parseQuizQuery(`?${formatQuizQuery(s, 'k3x9q')}`);
    if (!parsed.ok) throw new Error('the link did not parse');
    expect(generateQuiz(parsed.settings, parsed.seed)).toEqual(file);
    // and survives being saved as JSON
    expect(JSON.parse(JSON.stringify(file))).toEqual(file);
  });

  it('differs from seed to seed: twenty seeds, twenty sheets', () => {
    const files = Array.from({ length: 20 }, (_, k) => JSON.stringify(generateQuiz(DEFAULT_QUIZ_SETTINGS, `seed${k}`)));
    expect(new Set(files).size).toBe(20);
  });

  it('has other numbers when a setting that shapes the sheet changes, even one that keeps the shapes', () => {
    const base = generateQuiz(DEFAULT_QUIZ_SETTINGS, 'same');
    for (const change of [{ T: 4 }, { decimals: 1 }]) {
      expect(generateQuiz(quiz(change), 'same').params, JSON.stringify(change)).not.toEqual(base.params);
    }
    for (const change of [{ H: 3 }, { I: 1 }, { cell: 'gru' as const }, { cell: 'lstm' as const }]) {
      expect(generateQuiz(quiz(change), 'same'), JSON.stringify(change)).not.toEqual(base);
    }
    // the same shapes and other names: an RNN's W_ih against a GRU's, and the readout of both
    const gru = generateQuiz(quiz({ cell: 'gru' }), 'same');
    expect([gru.params.W_in, gru.readout]).not.toEqual([base.params.W_ih, base.readout]);
  });

  it('has the same numbers whatever is asked, and for however long', () => {
    for (const cell of ['rnn', 'lstm', 'gru'] as const)
      for (const I of [1, 3]) {
        const base = quiz({ cell, H: 2, I, T: 3, decimals: 1 });
        const file = generateQuiz(base, 'same');
        for (const change of [
          { ask: 'all' as const },
          { ask: 'step' as const, step: 2 },
          { step: 3 },
          { limit: 5 },
          { ask: 'all' as const, limit: 60 },
        ]) {
          const other = generateQuiz({ ...base, ...change }, 'same');
          const where = `${cell} I=${I} ${JSON.stringify(change)}`;
          expect({ params: other.params, readout: other.readout }, where).toEqual({
            params: file.params,
            readout: file.readout,
          });
          expect({ tokens: other.tokens, inputs: other.inputs }, where).toEqual({
            tokens: file.tokens,
            inputs: file.inputs,
          });
          // the whole file, too: nothing on it depends on what is asked (the title is the caller's)
          expect(other, where).toEqual(file);
        }
      }
  });

  it('carries the title it is given, and has none otherwise', () => {
    expect(generateQuiz(DEFAULT_QUIZ_SETTINGS, 'abc', 'Quiz abc').title).toBe('Quiz abc');
    expect('title' in generateQuiz(DEFAULT_QUIZ_SETTINGS, 'abc')).toBe(false);
  });

  it('refuses settings or a seed that a link could not carry', () => {
    expect(() => generateQuiz(quiz({ H: 4 }), 'abc')).toThrow(RangeError);
    expect(() => generateQuiz(quiz({ H: 4 }), 'abc')).toThrow('H is 4, expected a whole number from 1 to 3');
    expect(() => generateQuiz(quiz({ cell: 'cnn' as CellKind }), 'abc')).toThrow('expected one of rnn, lstm, gru');
    expect(() => generateQuiz(quiz({ T: 2, step: 3 }), 'abc')).toThrow(/step/);
    expect(() => generateQuiz(DEFAULT_QUIZ_SETTINGS, 'ABC')).toThrow(/seed/);
  });
});

describe.each<CellKind>(['rnn', 'lstm', 'gru'])(
  'every generated %s quiz, H 1–3, I 1–3, T 1–4, 0–2 decimals',
  (cell) => {
    const sheets: { s: QuizSettings; seed: string; file: WorksheetFile }[] = [];
    for (let H = 1; H <= 3; H++)
      for (let I = 1; I <= 3; I++)
        for (let T = 1; T <= 4; T++)
          for (let decimals = 0; decimals <= 2; decimals++)
            for (const seed of ['a', 'zz9', 'k3x9q', '7']) {
              const s = quiz({ cell, H, I, T, decimals });
              sheets.push({ s, seed, file: generateQuiz(s, seed) });
            }

    it('passes the validator', () => {
      for (const { s, seed, file } of sheets) {
        const r = loadWorksheet(file);
        expect(r.ok ? [] : r.problems, formatQuizQuery(s, seed)).toEqual([]);
      }
    });

    it('keeps every hand-friendly rule', () => {
      for (const { s, seed, file } of sheets) expect(ruleViolations(file, s), formatQuizQuery(s, seed)).toEqual([]);
    });

    it('keeps every rule on the smallest sheets too, where the rules refuse the most draws', () => {
      for (let I = 1; I <= 3; I++)
        for (let T = 1; T <= 2; T++)
          for (let decimals = 0; decimals <= 2; decimals++)
            for (let k = 0; k < 12; k++) {
              const s = quiz({ cell, H: 1, I, T, decimals });
              expect(ruleViolations(generateQuiz(s, `small${k}`), s), formatQuizQuery(s, `small${k}`)).toEqual([]);
            }
    });

    if (cell !== 'rnn')
      it('has biases on some sheets and none on others', () => {
        const withBiases = sheets.filter(({ file }) => CELL_PARAMS[cell].biases.some((b) => b in file.params)).length;
        expect(withBiases).toBeGreaterThan(0);
        expect(withBiases).toBeLessThan(sheets.length);
      });
  },
);

describe('the rule check of these tests', () => {
  const s = quiz({ cell: 'rnn', H: 2, I: 2, T: 3, decimals: 0 });
  const file = generateQuiz(s, 'checked');
  const broken = (change: Partial<WorksheetFile>) => ruleViolations({ ...file, ...change }, s);
  const W_hy = file.readout?.W_hy ?? [];

  it('passes the sheet as drawn, and finds a row of W_hy or a weight matrix of zeros', () => {
    expect(broken({})).toEqual([]);
    const zeroRow = [W_hy[0]?.map(() => 0) ?? [], ...W_hy.slice(1)];
    expect(broken({ readout: { ...file.readout, W_hy: zeroRow } })).toContain('row 1 of W_hy all zeros');
    expect(
      broken({
        params: {
          ...file.params,
          W_hh: [
            [0, 0],
            [0, 0],
          ],
        },
      }),
    ).toContain('W_hh all zeros');
  });

  it('finds the same input at every step, tokens or numbers', () => {
    expect(broken({ tokens: ['B', 'B', 'B'] })).toContain('the same input at every step: B B B');
    const one = quiz({ ...s, I: 1 });
    const numbers = generateQuiz(one, 'checked');
    expect(ruleViolations({ ...numbers, inputs: [[2], [2], [2]] }, one)).toContain(
      'the same input at every step: 2 2 2',
    );
  });

  it('finds more zeros than not among the states, as written at the sheet’s decimals', () => {
    // weights a thousandth of what they were: every h and y is below 0.01, so written 0.00
    const thousandth = (m: unknown) => (m as number[][]).map((row) => row.map((v) => v / 1000));
    const tiny: WorksheetFile = {
      ...file,
      params: { W_ih: thousandth(file.params.W_ih), W_hh: thousandth(file.params.W_hh) },
      precision: { decimals: 2, carry: 'rounded' },
    };
    const states = 3 * (2 + W_hy.length);
    expect(ruleViolations(tiny, { ...s, decimals: 2 })).toContain(`${states} of ${states} states written as 0`);
  });
});

describe('the questions of a quiz', () => {
  const lstm = quiz({ cell: 'lstm', H: 2, I: 2, T: 3, decimals: 2 });
  const file = generateQuiz(lstm, 'questions');
  const O = file.readout?.W_hy?.length ?? 0;
  // with a loss, so that the total and the backward records are there to be left out or taken
  const withLoss: WorksheetFile = {
    ...file,
    targets: Array.from({ length: 3 }, () => Array.from({ length: O }, () => 0)),
    loss: { kind: 'squared_error' },
  };
  const records = recordsOf(withLoss);
  const asked = (s: QuizSettings) => quizQuestions(records, s).map((n) => records[n] as TraceRecord);

  it('are, for "states", h, c and y of every step: T·(H + H + O) of them, in record order', () => {
    const indices = quizQuestions(records, { ...lstm, ask: 'states' });
    expect(indices).toHaveLength(3 * (2 + 2 + O));
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
    const picked = asked({ ...lstm, ask: 'states' });
    expect(new Set(picked.map((r) => r.q))).toEqual(new Set(['h', 'c', 'y']));
    expect(picked.every((r) => r.phase === 'forward' && r.t >= 1)).toBe(true);
    for (const t of [1, 2, 3]) expect(picked.filter((r) => r.t === t)).toHaveLength(2 + 2 + O);
  });

  it('are, for "states" on an RNN, h and y only, not the sums before ReLU', () => {
    const rnn = quiz({ cell: 'rnn', H: 3, I: 1, T: 4 });
    const rnnFile = generateQuiz(rnn, 'questions');
    const rnnRecords = recordsOf(rnnFile);
    const picked = quizQuestions(rnnRecords, rnn).map((n) => rnnRecords[n] as TraceRecord);
    expect(picked).toHaveLength(4 * (3 + (rnnFile.readout?.W_hy?.length ?? 0)));
    expect(new Set(picked.map((r) => r.q))).toEqual(new Set(['h', 'y']));
  });

  it('are, for "step", every forward value of that step, its loss included', () => {
    const picked = asked({ ...lstm, ask: 'step', step: 2 });
    expect(picked.every((r) => r.phase === 'forward' && r.t === 2)).toBe(true);
    expect(picked).toHaveLength(records.filter((r) => r.phase === 'forward' && r.t === 2).length);
    expect(picked.map((r) => r.q)).toEqual(expect.arrayContaining(['mv:W_ii', 'pre:f', 'g', 'c', 'h', 'y', 'loss']));
    // every step writes as many values as every other
    expect(asked({ ...lstm, ask: 'step', step: 1 })).toHaveLength(picked.length);
  });

  it('are, for "all", every forward record and the total loss, and no gradient', () => {
    const indices = quizQuestions(records, { ...lstm, ask: 'all' });
    const forward = records.flatMap((r, n) => (r.phase === 'forward' ? [n] : []));
    expect(indices).toEqual(forward);
    expect(records.some((r) => r.phase === 'backward')).toBe(true);
    expect(indices.map((n) => records[n]?.q)).toContain('L');
  });
});

describe('the quiz link', () => {
  const range = (min: number, max: number): QuizExpected => ({ kind: 'range', min, max });
  const choice = (...choices: string[]): QuizExpected => ({ kind: 'choice', choices });
  const seedExpected: QuizExpected = { kind: 'seed', min: 1, max: 32 };

  it('writes every setting and the seed', () => {
    const s = quiz({ cell: 'lstm', H: 2, I: 2, T: 3, decimals: 1, ask: 'step', step: 2, limit: 10 });
    expect(formatQuizQuery(s, 'k3x9q')).toBe('cell=lstm&H=2&I=2&T=3&decimals=1&ask=step&step=2&limit=10&seed=k3x9q');
  });

  it('reads back what it wrote, with or without a leading "?"', () => {
    const r = createRandom('links');
    for (let k = 0; k < 50; k++) {
      const T = r.int(1, 4);
      const cell = r.pick(QUIZ_LIMITS.cell);
      const ask = r.pick(QUIZ_LIMITS.ask);
      const s: QuizSettings = {
        cell,
        H: r.int(1, 3),
        I: r.int(1, 3),
        T,
        // the gradients of a gated cell take 1 or 2 decimals
        decimals: r.int(quizMinDecimals(cell, ask), 2),
        ask,
        step: r.int(1, T),
        limit: r.int(0, 60),
      };
      const seed = randomSeed(Uint8Array.from({ length: 6 }, () => r.int(0, 255)));
      const query = formatQuizQuery(s, seed);
      expect(parseQuizQuery(query)).toEqual({ ok: true, settings: s, seed });
      expect(parseQuizQuery(`?${query}`)).toEqual({ ok: true, settings: s, seed });
    }
  });

  it('reads -0, 02 and +2 as the numbers they are', () => {
    expect(parseQuizQuery('limit=-0&H=02&seed=abc')).toEqual({ ok: true, settings: quiz({ H: 2 }), seed: 'abc' });
    expect(parseQuizQuery('H=+2&limit=+0&seed=abc')).toEqual({ ok: true, settings: quiz({ H: 2 }), seed: 'abc' });
    expect(parseQuizQuery('H=%2B2&seed=abc')).toEqual({ ok: true, settings: quiz({ H: 2 }), seed: 'abc' });
  });

  it('reads "+" as the "+" it is, not as a space, and refuses any other sign or spacing', () => {
    // encodeURIComponent writes a space as %20; a '+' in a link was typed as a '+'
    for (const got of [' 2', '2 ', '++2', '+-2', '-+2', '+', '2+', '+2.0', '+ 2'])
      expect(parseQuizQuery(`H=${encodeURIComponent(got).replace('%2B', '+')}&seed=abc`), got).toEqual({
        ok: false,
        problems: [{ param: 'H', got, expected: range(1, 3) }],
      });
    expect(parseQuizQuery('seed=ab+c')).toEqual({
      ok: false,
      problems: [{ param: 'seed', got: 'ab+c', expected: seedExpected }],
    });
    // a parameter named "H+" is not H
    expect(parseQuizQuery('H+=3&seed=abc')).toEqual({ ok: true, settings: DEFAULT_QUIZ_SETTINGS, seed: 'abc' });
  });

  it('takes the default for a missing setting, and ignores parameters that are not its own', () => {
    expect(parseQuizQuery('seed=abc')).toEqual({ ok: true, settings: DEFAULT_QUIZ_SETTINGS, seed: 'abc' });
    expect(parseQuizQuery('?lang=de&seed=abc&H=3')).toEqual({
      ok: true,
      settings: quiz({ H: 3 }),
      seed: 'abc',
    });
  });

  it('needs a seed', () => {
    expect(parseQuizQuery('cell=gru&H=2')).toEqual({
      ok: false,
      problems: [{ param: 'seed', got: null, expected: seedExpected }],
    });
    expect(parseQuizQuery('')).toMatchObject({ ok: false, problems: [{ param: 'seed', got: null }] });
  });

  it.each<[string, string, string, QuizExpected]>([
    ['H=0', 'H', '0', range(1, 3)],
    ['H=4', 'H', '4', range(1, 3)],
    ['I=2.5', 'I', '2.5', range(1, 3)],
    ['I=two', 'I', 'two', range(1, 3)],
    ['T=', 'T', '', range(1, 4)],
    ['T=5', 'T', '5', range(1, 4)],
    ['decimals=3', 'decimals', '3', range(0, 2)],
    ['decimals=-1', 'decimals', '-1', range(0, 2)],
    ['limit=61', 'limit', '61', range(0, 60)],
    ['limit=1e1', 'limit', '1e1', range(0, 60)],
    ['limit=%', 'limit', '%', range(0, 60)],
    ['cell=cnn', 'cell', 'cnn', choice('rnn', 'lstm', 'gru')],
    ['ask=some', 'ask', 'some', choice('states', 'step', 'all', 'gradients')],
    ['T=3&step=4', 'step', '4', range(1, 3)],
    ['step=0', 'step', '0', range(1, 3)],
    ['H=1&H=2', 'H', '1, 2', { kind: 'once', times: 2 }],
    ['limit=1&limit=2&limit=1', 'limit', '1, 2, 1', { kind: 'once', times: 3 }],
  ])('refuses %s, naming %s', (given, param, got, expected) => {
    expect(parseQuizQuery(`${given}&seed=abc`)).toEqual({ ok: false, problems: [{ param, got, expected }] });
  });

  it.each([['ABC'], ['a'.repeat(33)], [''], ['k3x9q%21']])('refuses the seed %j', (seed) => {
    expect(parseQuizQuery(`seed=${seed}`)).toEqual({
      ok: false,
      problems: [{ param: 'seed', got: decodeURIComponent(seed), expected: seedExpected }],
    });
  });

  it('reports every problem at once', () => {
    const r = parseQuizQuery('cell=cnn&H=9&T=0&step=9&seed=ABC');
    expect(r.ok ? [] : r.problems.map((p) => p.param)).toEqual(['cell', 'H', 'T', 'step', 'seed']);
  });
});

describe('a refused quiz link, in the catalogue’s words', () => {
  const worded = (query: string): string[] => {
    const r = parseQuizQuery(query);
    return r.ok ? [] : r.problems.map((p) => messages.quizLinkProblem(p.param, p.got, p.expected));
  };

  it('names each value and says in plain words what it may be', () => {
    expect(worded('cell=gruu&H=9&step=1&step=2')).toEqual([
      'cell: “gruu” is not one of rnn, lstm, gru',
      'H: “9” is not a whole number from 1 to 3',
      'step: given twice (1, 2); give it once',
      'seed: missing; a seed is 1 to 32 letters a–z and digits',
    ]);
    expect(worded('ask=some&limit=1&limit=2&limit=3&seed=ABC')).toEqual([
      'ask: “some” is not one of states, step, all, gradients',
      'limit: given 3 times (1, 2, 3); give it once',
      'seed: “ABC” is not a seed; a seed is 1 to 32 letters a–z and digits',
    ]);
    expect(worded('H=+&seed=abc')).toEqual(['H: “+” is not a whole number from 1 to 3']);
  });
});
