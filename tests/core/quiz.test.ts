import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUIZ_SETTINGS,
  QUIZ_LIMITS,
  formatQuizQuery,
  generateQuiz,
  parseQuizQuery,
  quizQuestions,
  type QuizSettings,
} from '../../src/core/quiz';
import { createRandom, isSeed, randomSeed } from '../../src/core/random';
import { buildRecords, type TraceRecord } from '../../src/core/records';
import { computeTrace } from '../../src/core/trace';
import { loadWorksheet } from '../../src/core/validate';
import { CELL_PARAMS, type CellKind, type WorksheetFile } from '../../src/core/worksheet';
import { mustLoad } from '../helpers/load';

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

  const records = recordsOf(file);
  const values = (...qs: string[]) => records.filter((r) => qs.includes(r.q)).map((r) => r.value);
  if (values('h', 'y').some((v) => Math.abs(v) > 20)) broken.push('|h| or |y| above 20');
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

  it('has other numbers when any setting changes, even one that keeps the shapes', () => {
    const base = generateQuiz(DEFAULT_QUIZ_SETTINGS, 'same');
    for (const change of [
      { T: 4 },
      { decimals: 1 },
      { ask: 'all' as const },
      { ask: 'step' as const },
      { step: 2 },
      { limit: 5 },
    ]) {
      expect(generateQuiz(quiz(change), 'same').params, JSON.stringify(change)).not.toEqual(base.params);
    }
  });

  it('carries the title it is given, and has none otherwise', () => {
    expect(generateQuiz(DEFAULT_QUIZ_SETTINGS, 'abc', 'Quiz abc').title).toBe('Quiz abc');
    expect('title' in generateQuiz(DEFAULT_QUIZ_SETTINGS, 'abc')).toBe(false);
  });

  it('refuses settings or a seed that a link could not carry', () => {
    expect(() => generateQuiz(quiz({ H: 4 }), 'abc')).toThrow(RangeError);
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
            for (const seed of ['a', 'zz9']) {
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

    if (cell !== 'rnn')
      it('has biases on some sheets and none on others', () => {
        const withBiases = sheets.filter(({ file }) => CELL_PARAMS[cell].biases.some((b) => b in file.params)).length;
        expect(withBiases).toBeGreaterThan(0);
        expect(withBiases).toBeLessThan(sheets.length);
      });
  },
);

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
  it('writes every setting and the seed', () => {
    const s = quiz({ cell: 'lstm', H: 2, I: 2, T: 3, decimals: 1, ask: 'step', step: 2, limit: 10 });
    expect(formatQuizQuery(s, 'k3x9q')).toBe('cell=lstm&H=2&I=2&T=3&decimals=1&ask=step&step=2&limit=10&seed=k3x9q');
  });

  it('reads back what it wrote, with or without a leading "?"', () => {
    const r = createRandom('links');
    for (let k = 0; k < 50; k++) {
      const T = r.int(1, 4);
      const s: QuizSettings = {
        cell: r.pick(QUIZ_LIMITS.cell),
        H: r.int(1, 3),
        I: r.int(1, 3),
        T,
        decimals: r.int(0, 2),
        ask: r.pick(QUIZ_LIMITS.ask),
        step: r.int(1, T),
        limit: r.int(0, 60),
      };
      const seed = randomSeed(Uint8Array.from({ length: 6 }, () => r.int(0, 255)));
      const query = formatQuizQuery(s, seed);
      expect(parseQuizQuery(query)).toEqual({ ok: true, settings: s, seed });
      expect(parseQuizQuery(`?${query}`)).toEqual({ ok: true, settings: s, seed });
    }
  });

  it('reads -0 and 02 as the numbers they are', () => {
    expect(parseQuizQuery('limit=-0&H=02&seed=abc')).toEqual({ ok: true, settings: quiz({ H: 2 }), seed: 'abc' });
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
      problems: [{ param: 'seed', got: null, expected: '1 to 32 of a-z, 0-9' }],
    });
    expect(parseQuizQuery('')).toMatchObject({ ok: false, problems: [{ param: 'seed', got: null }] });
  });

  it.each([
    ['H=0', 'H', '0', '1 to 3'],
    ['H=4', 'H', '4', '1 to 3'],
    ['I=2.5', 'I', '2.5', '1 to 3'],
    ['I=two', 'I', 'two', '1 to 3'],
    ['T=', 'T', '', '1 to 4'],
    ['T=5', 'T', '5', '1 to 4'],
    ['decimals=3', 'decimals', '3', '0 to 2'],
    ['decimals=-1', 'decimals', '-1', '0 to 2'],
    ['limit=61', 'limit', '61', '0 to 60'],
    ['limit=1e1', 'limit', '1e1', '0 to 60'],
    ['limit=%', 'limit', '%', '0 to 60'],
    ['cell=cnn', 'cell', 'cnn', 'rnn | lstm | gru'],
    ['ask=some', 'ask', 'some', 'states | step | all'],
    ['T=3&step=4', 'step', '4', '1 to 3'],
    ['step=0', 'step', '0', '1 to 3'],
    ['H=1&H=2', 'H', '1, 2', 'one value'],
  ])('refuses %s, naming %s', (given, param, got, expected) => {
    expect(parseQuizQuery(`${given}&seed=abc`)).toEqual({ ok: false, problems: [{ param, got, expected }] });
  });

  it.each([['ABC'], ['a'.repeat(33)], [''], ['k3x9q%21']])('refuses the seed %j', (seed) => {
    expect(parseQuizQuery(`seed=${seed}`)).toEqual({
      ok: false,
      problems: [{ param: 'seed', got: decodeURIComponent(seed), expected: '1 to 32 of a-z, 0-9' }],
    });
  });

  it('reports every problem at once', () => {
    const r = parseQuizQuery('cell=cnn&H=9&T=0&step=9&seed=ABC');
    expect(r.ok ? [] : r.problems.map((p) => p.param)).toEqual(['cell', 'H', 'T', 'step', 'seed']);
  });
});
