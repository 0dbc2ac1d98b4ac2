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
// A draw that breaks a rule is thrown away and the next one drawn from the same stream, at most
// 500 times (the most any shape needed over thousands of seeds was about 50); should none pass,
// the last draw is returned, as deterministic as the rest.

import { createRandom, isSeed, type Random } from './random';
import { buildRecords, type TraceRecord } from './records';
import { computeTrace } from './trace';
import { loadWorksheet } from './validate';
import { CELL_PARAMS, WORKSHEET_FORMAT, type CellKind, type WorksheetFile } from './worksheet';

export type QuizAsk = 'states' | 'step' | 'all';

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
}

/** What each setting may be, for the settings form and the query parser. `step` is also at most T. */
export const QUIZ_LIMITS = {
  cell: ['rnn', 'lstm', 'gru'],
  ask: ['states', 'step', 'all'],
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

/** A query parameter that is not what a quiz takes: its name, its value (null: missing), what it may be. */
export interface QuizParamProblem {
  readonly param: string;
  readonly got: string | null;
  readonly expected: string;
}

export type QuizQueryResult =
  | { readonly ok: true; readonly settings: QuizSettings; readonly seed: string }
  | { readonly ok: false; readonly problems: readonly QuizParamProblem[] };

const MAX_ATTEMPTS = 500;
const LETTERS = ['A', 'B', 'C'];
const MAX_STATE = 20;
// σ(x) ≥ 0.95 exactly when |x| ≥ ln 19 (or ≤ 0.05 for x ≤ −ln 19); σ(x) in [0.1, 0.9] when |x| ≤ ln 9.
// Comparing the written pre-activation with constants keeps Math.exp's last bits out of the decision.
const SATURATED_PRE = 2.9444389791664403;
const MIDDLE_PRE = 2.1972245773362196;
const GATES_JUDGED: Record<CellKind, readonly string[]> = { rnn: [], lstm: ['i', 'f', 'o'], gru: ['r', 'z'] };
const STATES = new Set(['h', 'c', 'y']);
const SEED_EXPECTED = `${QUIZ_LIMITS.seedLength.min} to ${QUIZ_LIMITS.seedLength.max} of a-z, 0-9`;

/**
 * The quiz worksheet for settings and a seed, following the hand-friendly rules above. The seed
 * and every setting feed the generator, so the same pair always gives a deep-equal file and a
 * change to either gives other numbers. Throws a RangeError for settings or a seed that
 * parseQuizQuery would refuse.
 * @param title  shown on the sheet as given (the UI words it; core writes none)
 */
export function generateQuiz(settings: QuizSettings, seed: string, title?: string): WorksheetFile {
  const query = formatQuizQuery(settings, seed);
  const checked = parseQuizQuery(query);
  if (!checked.ok)
    throw new RangeError(
      `generateQuiz: ${checked.problems.map((p) => `${p.param} is ${p.got ?? 'missing'}, expected ${p.expected}`).join('; ')}`,
    );
  const random = createRandom(query);
  let file = drawQuiz(settings, random, title);
  for (let attempt = 1; attempt < MAX_ATTEMPTS && !isHandFriendly(file, settings); attempt++)
    file = drawQuiz(settings, random, title);
  return file;
}

/**
 * The indices into `records` of the values a quiz asks for, in record order; backward records
 * are never asked. 'states': h, c (LSTM) and y of every step; 'step': every value of step
 * `settings.step`; 'all': every forward value, the loss and its total included.
 */
export function quizQuestions(records: readonly TraceRecord[], settings: QuizSettings): number[] {
  const asked = (r: TraceRecord): boolean => {
    if (r.phase !== 'forward') return false;
    switch (settings.ask) {
      case 'states':
        return r.t >= 1 && STATES.has(r.q);
      case 'step':
        return r.t === settings.step;
      case 'all':
        return true;
    }
  };
  const indices: number[] = [];
  records.forEach((r, n) => {
    if (asked(r)) indices.push(n);
  });
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
      problems.push({ param, got: values.join(', '), expected: 'one value' });
      return null;
    }
    return values[0] ?? null;
  };
  const choice = <K extends 'cell' | 'ask'>(param: K): QuizSettings[K] => {
    const choices: readonly string[] = QUIZ_LIMITS[param];
    const v = raw(param);
    if (v === null) return DEFAULT_QUIZ_SETTINGS[param];
    if (choices.includes(v)) return v as QuizSettings[K];
    problems.push({ param, got: v, expected: choices.join(' | ') });
    return DEFAULT_QUIZ_SETTINGS[param];
  };
  const whole = (param: 'H' | 'I' | 'T' | 'decimals' | 'step' | 'limit', max?: number): number => {
    const range = { min: QUIZ_LIMITS[param].min, max: max ?? QUIZ_LIMITS[param].max };
    const v = raw(param);
    if (v === null) return DEFAULT_QUIZ_SETTINGS[param];
    // + 0 turns "-0" into 0, so that the settings read compare equal to the ones written
    const n = /^-?\d{1,9}$/.test(v) ? Number(v) + 0 : NaN;
    if (n >= range.min && n <= range.max) return n;
    problems.push({ param, got: v, expected: `${range.min} to ${range.max}` });
    return DEFAULT_QUIZ_SETTINGS[param];
  };

  const cell = choice('cell');
  const H = whole('H');
  const I = whole('I');
  const T = whole('T');
  const decimals = whole('decimals');
  const ask = choice('ask');
  // with T itself wrong, only the step's own range can be checked
  const step = whole('step', problems.some((p) => p.param === 'T') ? undefined : T);
  const limit = whole('limit');
  const seed = raw('seed');
  if (!given.has('seed')) problems.push({ param: 'seed', got: null, expected: SEED_EXPECTED });
  else if (seed !== null && !isSeed(seed)) problems.push({ param: 'seed', got: seed, expected: SEED_EXPECTED });

  if (problems.length > 0 || seed === null) return { ok: false, problems };
  return { ok: true, settings: { cell, H, I, T, decimals, ask, step, limit }, seed };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    // a stray '%' is kept as typed, and then reported as the value it is
    return text;
  }
}

/** One draw of every number on the sheet, in a fixed order from the stream. */
function drawQuiz(settings: QuizSettings, random: Random, title: string | undefined): WorksheetFile {
  const { cell, H, I, T } = settings;
  const spec = CELL_PARAMS[cell];
  const integers = (n: number, lo: number, hi: number): number[] => Array.from({ length: n }, () => random.int(lo, hi));
  const matrix = (rows: number, cols: number): number[][] => Array.from({ length: rows }, () => integers(cols, -2, 2));

  const letters = LETTERS.slice(0, I);
  const sequence: Pick<WorksheetFile, 'inputs' | 'tokens' | 'vocabulary'> =
    I >= 2
      ? {
          tokens: Array.from({ length: T }, () => random.pick(letters)),
          vocabulary: Object.fromEntries(
            letters.map((letter, k) => [letter, letters.map((_, j) => (j === k ? 1 : 0))]),
          ),
        }
      : { inputs: Array.from({ length: T }, () => integers(1, 1, 3)) };

  const params: WorksheetFile['params'] = {};
  for (const name of spec.input) params[name] = matrix(H, I);
  for (const name of spec.hidden) params[name] = matrix(H, H);
  // one bias per gate, the input side's, so that each sum has a single constant to add
  if (cell !== 'rnn' && random.int(0, 1) === 1)
    for (const name of spec.biases.filter((b) => b.startsWith('b_i'))) params[name] = integers(H, -1, 1);

  const O = H >= 2 ? random.int(1, 2) : 1;
  const zeros = Array.from({ length: H }, () => 0);
  return {
    format: WORKSHEET_FORMAT,
    version: 1,
    ...(title === undefined ? {} : { title }),
    cell,
    ...(cell === 'rnn' ? { activation: 'relu' as const } : {}),
    params,
    readout: { W_hy: matrix(O, H), activation: 'identity' },
    ...sequence,
    h0: zeros,
    ...(cell === 'lstm' ? { c0: [...zeros] } : {}),
    precision: { decimals: settings.decimals, carry: 'rounded' },
    ...(cell === 'rnn' && I === 1 ? { labels: { W_hh: 'A', W_ih: 'B', W_hy: 'C' } } : {}),
  };
}

/** Whether a drawn sheet keeps the rules at the top of this file, judged on the values it writes. */
function isHandFriendly(file: WorksheetFile, settings: QuizSettings): boolean {
  const loaded = loadWorksheet(file);
  if (!loaded.ok) throw new Error(`generateQuiz drew an invalid worksheet: ${loaded.problems[0]?.path ?? ''}`);
  const { forward } = computeTrace(loaded.model);
  const records = buildRecords(loaded.model, forward, null);
  const values = (qs: readonly string[]): number[] => records.filter((r) => qs.includes(r.q)).map((r) => r.value);

  if (values(['h', 'y']).some((v) => Math.abs(v) > MAX_STATE)) return false;
  if (settings.cell === 'rnn') {
    if (settings.H * settings.T < 2) return true;
    const pre = values(['pre:h']);
    return pre.some((v) => v < 0) && pre.some((v) => v > 0);
  }
  const pre = values(GATES_JUDGED[settings.cell].map((g) => `pre:${g}`));
  return pre.some((v) => Math.abs(v) >= SATURATED_PRE) && pre.some((v) => Math.abs(v) <= MIDDLE_PRE);
}
