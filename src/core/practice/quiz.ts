// Quiz worksheets drawn from a seed and a few settings, numbers small enough to work by hand;
// which records a quiz asks for; and the settings as a URL query, so a quiz can be shared as a link.
//
// Hand-friendly rules (tests/core/quiz.test.ts checks each one):
// - Inputs: with I ≥ 2, T tokens drawn from the first I of the letters A, B, C, looked up in a
//   vocabulary of one-hot vectors; with I = 1, `inputs` of single integers 1 to 3.
// - Every weight matrix entry (the cell's and the readout's W_hy) is an integer from −2 to 2.
//   The RNN has no biases, as on Tom Yeh's sheet; an LSTM or GRU sheet has, on half the draws,
//   one bias per gate (b_ii, b_if, b_ig, b_io; b_ir, b_iz, b_in), integers from −1 to 1.
//   h0 (and the LSTM's c0) are zeros.
// - The RNN uses ReLU. Every cell reads out y = W_hy h, O×H with O = 1 or 2 (O ≤ H), identity
//   activation. No loss, no targets. An RNN with I = 1 names W_hh, W_ih, W_hy A, B, C as
//   Tom Yeh's sheet does (not with tokens, whose letters would clash).
// - Precision: the chosen decimals with rounded carry, as a person with pencil and paper works.
// - Small numbers: every |h| and |y| is at most 20.
// - ReLU cuts sometimes: an RNN with H·T ≥ 2 has a pre-activation (pre:h) below 0 and one above 0.
// - Gates saturate sometimes: an LSTM (i, f, o) or GRU (r, z) has a gate with σ(pre) ≥ 0.95 or
//   ≤ 0.05 and one with σ(pre) in [0.1, 0.9]. σ is taken of the pre-activation as written,
//   because at 0 decimals every gate written down is 0 or 1.
// - Every weight counts: no weight matrix (the cell's or W_hy) is all zeros, and no row of W_hy
//   is, since that output would be 0 whatever the state.
// - The input changes: with T ≥ 2 the sequence is not one input repeated (the tokens are not all
//   the same letter; with I = 1 the inputs are not all the same number). With T = 1 there is
//   nothing to change.
// - Guessing 0 does not pay: of the values a 'states' quiz asks (h, c and y of every step), at
//   most half are 0 as written at the sheet's decimals. It is judged on the written values
//   whatever the quiz asks, so that the numbers stay the same from one `ask` to another. Every
//   shape can keep it, H = 1 and T = 1 included, so no shape is let off.
// - Gradients: a quiz that asks them ('gradients') takes the loss L = Σ_t Σₖ (y_t[k])², a squared
//   error against a target of 0 at every step (at the last step only, as the Elman "ciao" sheet
//   does, a dead ReLU or a saturated gate early on left every gradient before it 0). Nothing is
//   drawn for it, and guessing 0 must not pay there either: of the gradients it asks, at most
//   half are 0 as written. A draw whose gradients break that is drawn again, so a gradients quiz
//   has the numbers of the same quiz asking states wherever those already keep it (on 2×2×3
//   sheets, about 9 seeds in 10), and two gradients quizzes on different matrices may differ. Two choices could never keep it and are not offered: at 0
//   decimals an LSTM's or GRU's gates are written 0 or 1, where σ′ = σ(1 − σ) is 0, so the
//   gradients through them are 0 (such a quiz takes 1 or 2 decimals); and with T = 1 the
//   recurrent matrix's gradient is ∂L/∂a₁ h₀ᵀ with h₀ = 0 (such a quiz asks an input matrix).
// The numbers depend on the seed and the settings that shape the sheet (cell, H, I, T, decimals)
// only: a longer time limit, or the 'all' version of the same quiz, has the same numbers.
// A draw that breaks a rule is thrown away and the next one drawn from the same stream, at most
// 500 times; should none pass, the last draw is returned, as deterministic as the rest. Over
// 3000 seeds of every shape the most any quiz needed was 200, 3 on average: the hardest shapes,
// an LSTM or GRU with H = 1 and T = 1 at 0 decimals, keep every rule on about 1 draw in 24, so
// 500 failures in a row come less than once in a billion quizzes. The rules on weights and inputs
// are kept as those are drawn (see redrawn), else such a shape would pass about 1 draw in 80.

import { createRandom, isSeed, type Random } from './random';
import { buildRecords, type RecordList, type TraceRecord } from '../records/records';
import { computeTrace } from '../engine/trace';
import { loadWorksheet } from '../format/validate';
import { CELL_PARAMS, WORKSHEET_FORMAT, type CellKind, type WorksheetFile } from '../format/worksheet';

export type QuizAsk = 'states' | 'step' | 'all' | 'gradients';

/**
 * Which drawing of numbers a seed gives: raised whenever the same link would give other numbers
 * (2: seeded from the sheet's shape alone, with the no-zero and changing-input rules; 3, for the
 * gradients quizzes only: the loss over every step, and their own no-zero rule), so that progress
 * saved on the old numbers is never shown on the new ones.
 */
export function quizGenerator(settings: QuizSettings): number {
  return settings.ask === 'gradients' ? 3 : 2;
}

export interface QuizSettings {
  readonly cell: CellKind;
  /** hidden size */
  readonly H: number;
  /** input size: the number of letters in the vocabulary, or 1 for plain numbers */
  readonly I: number;
  /** steps */
  readonly T: number;
  /** places the sheet writes and carries (rounded carry) */
  readonly decimals: number;
  /** which cells are asked: h, c and y of every step; every value of one step; every value */
  readonly ask: QuizAsk;
  /** the step asked when ask is 'step', 1 to T */
  readonly step: number;
  /** time limit in minutes; 0 for none */
  readonly limit: number;
  /**
   * the matrix whose gradient a 'gradients' quiz asks (see quizMatrices); absent: the first
   * recurrent one (W_hh, W_hi, W_hr). Only a 'gradients' link carries it, so older links read as before.
   */
  readonly matrix?: string;
}

/** What each setting may be, for the settings form and the query parser. `step` is also at most T. */
export const QUIZ_LIMITS = {
  cell: ['rnn', 'lstm', 'gru'],
  ask: ['states', 'step', 'all', 'gradients'],
  H: { min: 1, max: 3 },
  I: { min: 1, max: 3 },
  T: { min: 1, max: 4 },
  decimals: { min: 0, max: 2 },
  step: { min: 1, max: 4 },
  limit: { min: 0, max: 60 },
  /** the seed's length; its characters are a–z and 0–9 */
  seedLength: { min: 1, max: 32 },
} as const;

export const DEFAULT_QUIZ_SETTINGS: QuizSettings = {
  cell: 'rnn',
  H: 2,
  I: 2,
  T: 3,
  decimals: 0,
  ask: 'states',
  step: 1,
  limit: 0,
};

/**
 * What a refused query parameter may be, as data for the UI to word: one of some choices, a
 * whole number from min to max, a seed of min to max characters a–z and 0–9, or (for one given
 * `times` times) a single value.
 */
export type QuizExpected =
  | { readonly kind: 'choice'; readonly choices: readonly string[] }
  | { readonly kind: 'range'; readonly min: number; readonly max: number }
  | { readonly kind: 'seed'; readonly min: number; readonly max: number }
  | { readonly kind: 'once'; readonly times: number };

/** A query parameter that is not what a quiz takes: its name, its value (null: missing), what it may be. */
export interface QuizParamProblem {
  readonly param: string;
  readonly got: string | null;
  readonly expected: QuizExpected;
}

export type QuizQueryResult =
  | { readonly ok: true; readonly settings: QuizSettings; readonly seed: string }
  | { readonly ok: false; readonly problems: readonly QuizParamProblem[] };

const MAX_ATTEMPTS = 500;
// for the parts of a draw kept to a rule as they are drawn; the likeliest to need redrawing, a
// 1×1 matrix, is all zeros on 1 draw in 5, so 100 redraws are never all used up
const MAX_REDRAWS = 100;
const LETTERS = ['A', 'B', 'C'];
const MAX_STATE = 20;
// σ(x) ≥ 0.95 exactly when |x| ≥ ln 19 (or ≤ 0.05 for x ≤ −ln 19); σ(x) in [0.1, 0.9] when |x| ≤ ln 9.
// Comparing the written pre-activation with constants keeps Math.exp's last bits out of the decision.
const SATURATED_PRE = 2.9444389791664403;
const MIDDLE_PRE = 2.1972245773362196;
const GATES_JUDGED: Record<CellKind, readonly string[]> = { rnn: [], lstm: ['i', 'f', 'o'], gru: ['r', 'z'] };
const STATES = new Set(['h', 'c', 'y']);
const SEED_EXPECTED: QuizExpected = { kind: 'seed', ...QUIZ_LIMITS.seedLength };
// an optional sign and digits: "02", "-0" and "+2" are the numbers they look like; "2.5", "1e1" are not
const WHOLE_NUMBER = /^[+-]?\d{1,9}$/;

/**
 * The quiz worksheet for settings and a seed, following the hand-friendly rules above. The seed
 * and the settings that shape the sheet feed the generator, so the same pair always gives a
 * deep-equal file, a change to the seed, cell, H, I, T or decimals gives other numbers, and one
 * to ask, step or limit gives the same (but for a gradients quiz, which draws again where the
 * gradients it asks are mostly 0: see the rules above). Throws a RangeError for settings or a seed that
 * parseQuizQuery would refuse.
 * @param title  shown on the sheet as given (the UI words it; core writes none)
 */
export function generateQuiz(settings: QuizSettings, seed: string, title?: string): WorksheetFile {
  const checked = parseQuizQuery(formatQuizQuery(settings, seed));
  if (!checked.ok)
    throw new RangeError(
      `generateQuiz: ${checked.problems.map((p) => `${p.param} is ${p.got ?? 'missing'}, expected ${describeExpected(p.expected)}`).join('; ')}`,
    );
  const random = createRandom(streamName(settings, seed));
  let file = drawQuiz(settings, random, title);
  for (let attempt = 1; attempt < MAX_ATTEMPTS && !isHandFriendly(file, settings); attempt++)
    file = drawQuiz(settings, random, title);
  return file;
}

/**
 * The matrices a 'gradients' quiz on a cell may ask about: the cell's, then the readout's W_hy;
 * with one step, not the recurrent ones, whose gradient ∂L/∂a₁ h₀ᵀ is 0 with h₀ = 0.
 */
export function quizMatrices(cell: CellKind, T: number): readonly string[] {
  const spec = CELL_PARAMS[cell];
  return [...(T >= 2 ? spec.hidden : []), ...spec.input, 'W_hy'];
}

/** The matrix a 'gradients' quiz asks about: the one chosen, else the first the quiz may ask. */
export function quizMatrix(settings: QuizSettings): string {
  return settings.matrix ?? (quizMatrices(settings.cell, settings.T)[0] as string);
}

/** The fewest decimals a quiz may take: 1 for the gradients of a gated cell, whose gates at 0 decimals are 0 or 1. */
export function quizMinDecimals(cell: CellKind, ask: QuizAsk): number {
  return ask === 'gradients' && cell !== 'rnn' ? 1 : QUIZ_LIMITS.decimals.min;
}

/**
 * The indices into `records` of the values a quiz asks for, in record order. 'states': h, c
 * (LSTM) and y of every step; 'step': every value of step `settings.step`; 'all': every forward
 * value, the loss and its total included; 'gradients': every ∂L/∂h_t (from t = T back to 0) and
 * every entry of the chosen matrix's gradient, the only backward records asked.
 */
export function quizQuestions(records: RecordList, settings: QuizSettings): number[] {
  const matrixGrad = `d:${quizMatrix(settings)}`;
  const asked = (r: TraceRecord): boolean => {
    if (settings.ask === 'gradients') return r.phase === 'backward' && (r.q === 'd:h' || r.q === matrixGrad);
    if (r.phase !== 'forward') return false;
    switch (settings.ask) {
      case 'states':
        return r.t >= 1 && STATES.has(r.q);
      case 'step':
        return r.t === settings.step;
      default:
        return true;
    }
  };
  const indices: number[] = [];
  for (let n = 0; n < records.length; n++) if (asked(records.at(n) as TraceRecord)) indices.push(n);
  return indices;
}

/**
 * The settings and seed as a query, every setting written and no leading '?':
 * `cell=lstm&H=2&I=2&T=3&decimals=1&ask=step&step=2&limit=10&seed=k3x9q`.
 */
export function formatQuizQuery(settings: QuizSettings, seed: string): string {
  const s = settings;
  const pairs: [string, string | number][] = [
    ['cell', s.cell],
    ['H', s.H],
    ['I', s.I],
    ['T', s.T],
    ['decimals', s.decimals],
    ['ask', s.ask],
    ...(s.ask === 'gradients' && s.matrix !== undefined ? [['matrix', s.matrix] as [string, string]] : []),
    ['step', s.step],
    ['limit', s.limit],
    ['seed', seed],
  ];
  return pairs.map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&');
}

/**
 * Reads a query that formatQuizQuery wrote, with or without a leading '?'. A missing setting
 * takes its default; the seed is required. Every parameter that is given twice, out of range,
 * not a whole number, or not one of the choices is reported; other parameters are ignored
 * (the page's URL may carry its own).
 */
export function parseQuizQuery(query: string): QuizQueryResult {
  const given = new Map<string, string[]>();
  for (const part of query.replace(/^\?/, '').split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    given.set(key, [...(given.get(key) ?? []), eq < 0 ? '' : decode(part.slice(eq + 1))]);
  }
  const problems: QuizParamProblem[] = [];
  const raw = (param: string): string | null => {
    const values = given.get(param);
    if (values === undefined) return null;
    if (values.length > 1) {
      problems.push({ param, got: values.join(', '), expected: { kind: 'once', times: values.length } });
      return null;
    }
    return values[0] ?? null;
  };
  const choice = <K extends 'cell' | 'ask'>(param: K): QuizSettings[K] => {
    const choices: readonly string[] = QUIZ_LIMITS[param];
    const v = raw(param);
    if (v === null) return DEFAULT_QUIZ_SETTINGS[param];
    if (choices.includes(v)) return v as QuizSettings[K];
    problems.push({ param, got: v, expected: { kind: 'choice', choices } });
    return DEFAULT_QUIZ_SETTINGS[param];
  };
  const whole = (param: 'H' | 'I' | 'T' | 'decimals' | 'step' | 'limit', max?: number, min?: number): number => {
    const range = { min: min ?? QUIZ_LIMITS[param].min, max: max ?? QUIZ_LIMITS[param].max };
    const v = raw(param);
    // left out: the default, or the least this quiz takes (a gated cell's gradients: 1 decimal)
    if (v === null) return Math.max(DEFAULT_QUIZ_SETTINGS[param], range.min);
    // + 0 turns "-0" into 0, so that the settings read compare equal to the ones written
    const n = WHOLE_NUMBER.test(v) ? Number(v) + 0 : NaN;
    if (n >= range.min && n <= range.max) return n;
    problems.push({ param, got: v, expected: { kind: 'range', ...range } });
    return DEFAULT_QUIZ_SETTINGS[param];
  };

  const cell = choice('cell');
  const H = whole('H');
  const I = whole('I');
  const T = whole('T');
  const ask = choice('ask');
  const decimals = whole('decimals', undefined, quizMinDecimals(cell, ask));
  const matrix = ask === 'gradients' ? matrixOf(cell, T, raw('matrix'), problems) : undefined;
  // with T itself wrong, only the step's own range can be checked
  const step = whole('step', problems.some((p) => p.param === 'T') ? undefined : T);
  const limit = whole('limit');
  const seed = raw('seed');
  if (!given.has('seed')) problems.push({ param: 'seed', got: null, expected: SEED_EXPECTED });
  else if (seed !== null && !isSeed(seed)) problems.push({ param: 'seed', got: seed, expected: SEED_EXPECTED });

  if (problems.length > 0 || seed === null) return { ok: false, problems };
  const settings: QuizSettings = { cell, H, I, T, decimals, ask, step, limit };
  return { ok: true, settings: matrix === undefined ? settings : { ...settings, matrix }, seed };
}

/** A 'gradients' link's matrix: one of the cell's (see quizMatrices), or absent for the default. */
function matrixOf(cell: CellKind, T: number, got: string | null, problems: QuizParamProblem[]): string | undefined {
  if (got === null) return undefined;
  const choices = quizMatrices(cell, T);
  if (choices.includes(got)) return got;
  problems.push({ param: 'matrix', got, expected: { kind: 'choice', choices } });
  return undefined;
}

/**
 * A query part as formatQuizQuery wrote it. encodeURIComponent writes a space as %20 and leaves
 * '+' alone, so '+' is read as the '+' it is, not as a form's space: `H=+2` is "+2", not " 2".
 */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // a stray '%' is kept as typed, and then reported as the value it is
    return text;
  }
}

/**
 * The name the random stream is seeded from: the seed and the settings that shape the sheet,
 * and not ask, step or limit, which only say what is asked and for how long.
 */
function streamName(settings: QuizSettings, seed: string): string {
  const { cell, H, I, T, decimals } = settings;
  return `cell=${cell}&H=${H}&I=${I}&T=${T}&decimals=${decimals}&seed=${seed}`;
}

/** A QuizExpected in a developer's English, for generateQuiz's RangeError (the UI words its own). */
function describeExpected(expected: QuizExpected): string {
  switch (expected.kind) {
    case 'choice':
      return `one of ${expected.choices.join(', ')}`;
    case 'range':
      return `a whole number from ${expected.min} to ${expected.max}`;
    case 'seed':
      return `${expected.min} to ${expected.max} characters a-z, 0-9`;
    case 'once':
      return `one value, not ${expected.times}`;
  }
}

/**
 * A draw that keeps `ok`, drawing again from the stream while it does not, at most MAX_REDRAWS
 * times (then the last: isHandFriendly refuses it). The parts it draws are independent of the
 * rest of the sheet, so this is the same as throwing the whole sheet away, only cheaper: a 1×1
 * matrix is all zeros on one draw in five, and an LSTM with H = I = 1 has nine of them.
 */
function redrawn<X>(draw: () => X, ok: (x: X) => boolean): X {
  let x = draw();
  for (let k = 1; k < MAX_REDRAWS && !ok(x); k++) x = draw();
  return x;
}

const someNonzero = (row: readonly number[]): boolean => row.some((v) => v !== 0);

/** An integer matrix entry or weight, as every quiz draws them: −2 to 2. */
const WEIGHT = { min: -2, max: 2 } as const;
/** A bias entry, on the half of gated sheets that have biases: −1 to 1. */
const BIAS = { min: -1, max: 1 } as const;
/** A plain-number input (I = 1): 1 to 3. */
const INPUT = { min: 1, max: 3 } as const;

const integers = (random: Random, n: number, range: { min: number; max: number }): number[] =>
  Array.from({ length: n }, () => random.int(range.min, range.max));

/**
 * A weight matrix as a quiz draws it (rows×cols, integers −2 to 2, not all zeros), for any sheet
 * that wants hand-friendly numbers (the editor's Randomise); the quiz's own draws go through it.
 */
export function quizWeightMatrix(random: Random, rows: number, cols: number): number[][] {
  return redrawn(
    () => Array.from({ length: rows }, () => integers(random, cols, WEIGHT)),
    (m) => m.some(someNonzero),
  );
}

/** A readout row as a quiz draws it: n integers −2 to 2, not all zeros (that output would always be 0). */
export function quizWeightRow(random: Random, n: number): number[] {
  return redrawn(() => integers(random, n, WEIGHT), someNonzero);
}

/** A bias as a quiz draws it: n integers −1 to 1. */
export function quizBias(random: Random, n: number): number[] {
  return integers(random, n, BIAS);
}

/** A plain-number input as a quiz draws it: n integers 1 to 3. */
export function quizInput(random: Random, n: number): number[] {
  return integers(random, n, INPUT);
}

/** One draw of every number on the sheet, in a fixed order from the stream. */
function drawQuiz(settings: QuizSettings, random: Random, title: string | undefined): WorksheetFile {
  const { cell, H, I, T } = settings;
  const spec = CELL_PARAMS[cell];
  // the steps' inputs, not all the same: a rule on the file, kept as the numbers are drawn (see redrawn)
  const changing = <X>(step: () => X): X[] =>
    redrawn(
      () => Array.from({ length: T }, step),
      (xs) => T < 2 || new Set(xs.map((x) => String(x))).size >= 2,
    );

  const letters = LETTERS.slice(0, I);
  const sequence: Pick<WorksheetFile, 'inputs' | 'tokens' | 'vocabulary'> =
    I >= 2
      ? {
          tokens: changing(() => random.pick(letters)),
          vocabulary: Object.fromEntries(
            letters.map((letter, k) => [letter, letters.map((_, j) => (j === k ? 1 : 0))]),
          ),
        }
      : { inputs: changing(() => quizInput(random, 1)) };

  const params: WorksheetFile['params'] = {};
  for (const name of spec.input) params[name] = quizWeightMatrix(random, H, I);
  for (const name of spec.hidden) params[name] = quizWeightMatrix(random, H, H);
  // one bias per gate, the input side's, so that each sum has a single constant to add
  if (cell !== 'rnn' && random.int(0, 1) === 1)
    for (const name of spec.biases.filter((b) => b.startsWith('b_i'))) params[name] = quizBias(random, H);

  const O = H >= 2 ? random.int(1, 2) : 1;
  const zeros = Array.from({ length: H }, () => 0);
  return {
    format: WORKSHEET_FORMAT,
    version: 1,
    ...(title === undefined ? {} : { title }),
    cell,
    ...(cell === 'rnn' ? { activation: 'relu' as const } : {}),
    params,
    readout: { W_hy: Array.from({ length: O }, () => quizWeightRow(random, H)), activation: 'identity' },
    ...sequence,
    h0: zeros,
    ...(cell === 'lstm' ? { c0: [...zeros] } : {}),
    // the gradients' loss draws nothing, so the numbers stay those of every other ask (see isHandFriendly)
    ...(settings.ask === 'gradients'
      ? {
          targets: Array.from({ length: T }, () => Array.from({ length: O }, () => 0)),
          loss: { kind: 'squared_error' as const, at: 'all' as const },
        }
      : {}),
    precision: { decimals: settings.decimals, carry: 'rounded' },
    ...(cell === 'rnn' && I === 1 ? { labels: { W_hh: 'A', W_ih: 'B', W_hy: 'C' } } : {}),
  };
}

/** Whether a drawn sheet keeps the rules at the top of this file, judged on the values it writes. */
function isHandFriendly(file: WorksheetFile, settings: QuizSettings): boolean {
  // the rules on the file alone first: they are cheap, and a draw they refuse need not be computed
  if (!everyWeightCounts(file, settings.cell) || !inputChanges(file, settings.T)) return false;
  const loaded = loadWorksheet(file);
  if (!loaded.ok) throw new Error(`generateQuiz drew an invalid worksheet: ${loaded.problems[0]?.path ?? ''}`);
  const asksGradients = settings.ask === 'gradients';
  const { forward, backward } = computeTrace(loaded.model);
  const records = buildRecords(loaded.model, forward, asksGradients ? backward : null);
  const values = (qs: readonly string[]): number[] => records.filter((r) => qs.includes(r.q)).map((r) => r.value);

  if (values(['h', 'y']).some((v) => Math.abs(v) > MAX_STATE)) return false;
  if (!fewZeros(records, settings)) return false;
  if (asksGradients && !fewZeros(records, settings, 'gradients')) return false;
  if (settings.cell === 'rnn') {
    if (settings.H * settings.T < 2) return true;
    const pre = values(['pre:h']);
    return pre.some((v) => v < 0) && pre.some((v) => v > 0);
  }
  const pre = values(GATES_JUDGED[settings.cell].map((g) => `pre:${g}`));
  return pre.some((v) => Math.abs(v) >= SATURATED_PRE) && pre.some((v) => Math.abs(v) <= MIDDLE_PRE);
}

/** No weight matrix is all zeros, and no row of W_hy, whose output would be 0 whatever the state. */
function everyWeightCounts(file: WorksheetFile, cell: CellKind): boolean {
  const spec = CELL_PARAMS[cell];
  const W_hy = file.readout?.W_hy ?? [];
  const matrices = [...spec.input, ...spec.hidden].map((name) => (file.params[name] ?? []) as number[][]);
  return matrices.every((m) => m.some(someNonzero)) && W_hy.every(someNonzero);
}

/** With two steps or more, not the same input at every step: else the steps differ only by h. */
function inputChanges(file: WorksheetFile, T: number): boolean {
  if (T < 2) return true;
  const steps = file.tokens ?? (file.inputs ?? []).map((x) => x.join());
  return new Set(steps).size >= 2;
}

/**
 * At most half the values a quiz asks are 0 as written, so that leaving 0 everywhere cannot pass.
 * The states are judged whatever the quiz asks, so that ask does not change the numbers; a quiz
 * asking gradients judges the gradients it asks too (so its numbers may depend on the matrix).
 */
function fewZeros(
  records: readonly TraceRecord[],
  settings: QuizSettings,
  ask: 'states' | 'gradients' = 'states',
): boolean {
  const asked = quizQuestions(records, { ...settings, ask });
  // with rounded carry a value is already written at the sheet's decimals; rounding again says so
  const scale = 10 ** settings.decimals;
  const zeros = asked.filter((n) => Math.round(Math.abs(records[n]?.value ?? 0) * scale) === 0).length;
  return 2 * zeros <= asked.length;
}
