// Reads a worksheet file (CONTRACT.md §1) into a Model, or reports every rule it breaks, each
// with the field's path and what was expected. Total over any JSON value: it never throws.

import type { ReadoutActivation, RnnActivation } from '../engine/activations';
import { findDuplicateKeys } from './jsonDuplicates';
import { SHOWN_LABEL_CHARS, SHOWN_TITLE_CHARS, shownText } from './shownText';
import { matrixFromRows, type Matrix, type Vector } from '../engine/linalg';
import {
  CELL_PARAMS,
  labelableNames,
  WORKSHEET_FORMAT,
  WORKSHEET_VERSIONS,
  type Carry,
  type CellKind,
  type LossAt,
  type LossKind,
  type Model,
  type Readout,
  type WorksheetFile,
} from './worksheet';

/** One broken rule: where (a field path such as `params.W_hh` or `tokens[1]`) and what was expected. */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

export type LoadResult =
  | { readonly ok: true; readonly model: Model; readonly file: WorksheetFile }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export const LIMITS = {
  size: 256,
  steps: 1024,
  decimals: 6,
  /**
   * The longest worksheet text read: a sheet at the size limits (an LSTM with H = I = O = 256 and
   * T = 1024, some 1.1 million numbers) fits with numbers of up to 14 characters each; anything
   * longer is refused before it is parsed, so a huge file costs no time.
   */
  chars: 16 * 2 ** 20,
  /** the problems listed; the rest are counted ("and N more"), so a file of millions of errors stays quick to report */
  problems: 200,
} as const;

const CELLS: readonly CellKind[] = ['rnn', 'lstm', 'gru'];
const RNN_ACTIVATIONS: readonly RnnActivation[] = ['tanh', 'relu', 'sigmoid', 'identity'];
const READOUT_ACTIVATIONS: readonly ReadoutActivation[] = ['identity', 'softmax', 'sigmoid'];
const LOSS_KINDS: readonly LossKind[] = ['squared_error', 'cross_entropy', 'binary_cross_entropy'];
const LOSS_ATS: readonly LossAt[] = ['all', 'last'];
const CARRIES: readonly Carry[] = ['exact', 'rounded'];
const TOP_LEVEL_KEYS = [
  'format',
  'version',
  'title',
  'cell',
  'activation',
  'params',
  'readout',
  'inputs',
  'tokens',
  'vocabulary',
  'h0',
  'c0',
  'targets',
  'loss',
  'precision',
  'labels',
];

/** `path: message`, the form every message takes on screen and on standard error. */
export function formatProblem(p: Problem): string {
  return `${p.path}: ${p.message}`;
}

/** Parses JSON text and loads it; text that is not JSON is one problem at `(file)`. */
export function parseWorksheet(text: string): LoadResult {
  if (text.length > LIMITS.chars)
    return {
      ok: false,
      problems: [
        {
          path: '(file)',
          message: `too large: ${mebibytes(text.length)} MiB; a worksheet is at most ${mebibytes(LIMITS.chars)} MiB`,
        },
      ],
    };
  if (text.trim() === '')
    return { ok: false, problems: [{ path: '(file)', message: 'empty; expected a worksheet as JSON' }] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // JSON.parse quotes the text it stopped at: escape sequences in it must not reach a terminal
    const why = (error instanceof Error ? error.message : String(error)).replace(
      // eslint-disable-next-line no-control-regex -- control characters are what it finds
      /[\u0000-\u001f\u007f-\u009f]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    return { ok: false, problems: [{ path: '(file)', message: `not valid JSON: ${why}` }] };
  }
  const duplicates = findDuplicateKeys(text).map((path) => ({
    path,
    message: 'appears twice in the same object; JSON keeps only the last, so say it once',
  }));
  const loaded = loadWorksheet(json);
  if (duplicates.length === 0) return loaded;
  return { ok: false, problems: capProblems([...duplicates, ...(loaded.ok ? [] : loaded.problems)]) };
}

function mebibytes(chars: number): string {
  return (chars / 2 ** 20).toFixed(1).replace(/\.0$/, '');
}

/** The first LIMITS.problems problems, then one line that counts the rest. */
function capProblems(problems: Problem[]): Problem[] {
  if (problems.length <= LIMITS.problems) return problems;
  return [...problems.slice(0, LIMITS.problems), moreProblems(problems.length - LIMITS.problems)];
}

function moreProblems(n: number): Problem {
  return { path: '(file)', message: `and ${n} more problem${n === 1 ? '' : 's'} (fix the ones above first)` };
}

/** Checks a parsed JSON value against every rule of the contract and builds the Model. */
export function loadWorksheet(json: unknown): LoadResult {
  const problems: Problem[] = [];
  let unlisted = 0;
  const report = (path: string, message: string): void => {
    if (problems.length < LIMITS.problems) problems.push({ path, message });
    else unlisted++;
  };
  const result = checkWorksheet(json, problems, report);
  if (unlisted > 0) problems.push(moreProblems(unlisted));
  return result;
}

function checkWorksheet(json: unknown, problems: Problem[], report: Report): LoadResult {
  if (!isObject(json)) {
    report('(top level)', `expected a worksheet object, got ${describe(json)}`);
    return { ok: false, problems };
  }
  rejectUnknownKeys(json, '', TOP_LEVEL_KEYS, report);

  if (!('format' in json)) report('format', `missing; expected "${WORKSHEET_FORMAT}"`);
  else if (json.format !== WORKSHEET_FORMAT)
    report('format', `expected "${WORKSHEET_FORMAT}", got ${describe(json.format)}`);

  const versions = WORKSHEET_VERSIONS.join(', ');
  if (!('version' in json)) report('version', `missing; this build reads version ${versions}`);
  else if (!(WORKSHEET_VERSIONS as readonly unknown[]).includes(json.version))
    report('version', `this build reads version ${versions}, got ${describe(json.version)}`);

  if ('title' in json && typeof json.title !== 'string')
    report('title', `expected a string, got ${describe(json.title)}`);

  const cell = readEnum(json, 'cell', 'cell', CELLS, report, true);
  let activation: RnnActivation = 'tanh';
  if ('activation' in json) {
    if (cell && cell !== 'rnn') report('activation', `applies to an rnn cell only, not to ${cell}`);
    else activation = readEnum(json, 'activation', 'activation', RNN_ACTIVATIONS, report, false) ?? 'tanh';
  }
  if ('c0' in json && cell && cell !== 'lstm') report('c0', `applies to an lstm cell only, not to ${cell}`);

  // Each size is the one most places agree on, so that the odd one out is the one reported.
  const params = isObject(json.params) ? json.params : null;
  if (!('params' in json)) report('params', 'missing; expected an object of weight matrices');
  else if (!params) report('params', `expected an object of weight matrices, got ${describe(json.params)}`);
  const spec = cell ? CELL_PARAMS[cell] : null;
  const param = (n: string): [string, unknown] => [`params.${n}`, params?.[n]];
  const hidden = majoritySize([
    ...(spec?.hidden ?? []).map((n) => rowsOf(...param(n))),
    ...(spec?.hidden ?? []).map((n) => colsOf(...param(n))),
    ...(spec?.input ?? []).map((n) => rowsOf(...param(n))),
    ...(spec?.biases ?? []).map((n) => rowsOf(...param(n))),
    rowsOf('h0', json.h0),
    rowsOf('c0', json.c0),
  ]);
  const H = hidden?.n ?? null;
  const sequence = readSequence(json, report);
  const input = majoritySize([[sequence.sizePath, sequence.I], ...(spec?.input ?? []).map((n) => colsOf(...param(n)))]);
  const I = input?.n ?? null;
  const readoutJson = isObject(json.readout) ? json.readout : null;
  const O = readoutJson && 'W_hy' in readoutJson ? (rowsOf('readout.W_hy', readoutJson.W_hy)[1] ?? null) : H;

  checkSize('H (hidden size)', H, hidden?.path ?? 'params', report);
  checkSize('I (input size)', I, input?.path ?? 'inputs', report);
  if (readoutJson && 'W_hy' in readoutJson) checkSize('O (output size)', O, 'readout.W_hy', report);

  // params
  const weights = new Map<string, Matrix>();
  const biases = new Map<string, Vector>();
  const givenBiases = new Set<string>();
  if (params && spec && cell) {
    const known = [...spec.input, ...spec.hidden, ...spec.biases];
    for (const key of Object.keys(params)) {
      if (!known.includes(key))
        report(keyPath('params.', key), `unknown parameter for the ${cell} cell; expected one of ${known.join(', ')}`);
    }
    for (const name of [...spec.input, ...spec.hidden]) {
      const cols = spec.input.includes(name) ? I : H;
      const path = `params.${name}`;
      if (!(name in params)) {
        report(path, `missing; expected ${shapeText(H, cols)} matrix`);
        continue;
      }
      const m = readMatrix(params[name], path, H, cols, report);
      if (m) weights.set(name, matrixFromRows(m));
    }
    for (const name of spec.biases) {
      if (name in params) {
        const v = readVector(params[name], `params.${name}`, H, report);
        if (v) {
          biases.set(name, Float64Array.from(v));
          givenBiases.add(name);
        }
      } else if (H !== null) biases.set(name, new Float64Array(H));
    }
  }

  // readout
  let readout: Readout | null = null;
  let readoutActivationOk = true;
  if ('readout' in json) {
    if (!readoutJson) report('readout', `expected an object, got ${describe(json.readout)}`);
    else {
      rejectUnknownKeys(readoutJson, 'readout.', ['W_hy', 'b_y', 'activation'], report);
      const W = 'W_hy' in readoutJson ? readMatrix(readoutJson.W_hy, 'readout.W_hy', O, H, report) : null;
      let b: number[] | null = null;
      if ('b_y' in readoutJson) {
        if (!('W_hy' in readoutJson)) report('readout.b_y', 'applies only together with readout.W_hy');
        else b = readVector(readoutJson.b_y, 'readout.b_y', O, report);
      }
      const act = readEnum(readoutJson, 'activation', 'readout.activation', READOUT_ACTIVATIONS, report, false);
      readoutActivationOk = act !== null || !('activation' in readoutJson);
      readout = {
        W_hy: W ? matrixFromRows(W) : null,
        b_y: b ? Float64Array.from(b) : null,
        activation: act ?? 'identity',
      };
    }
  }

  const h0 = 'h0' in json ? readVector(json.h0, 'h0', H, report) : null;
  const c0 = 'c0' in json && cell === 'lstm' ? readVector(json.c0, 'c0', H, report) : null;

  // sequence
  const xs: Vector[] = [];
  if (sequence.kind === 'inputs') {
    sequence.rows.forEach((v, t) => {
      const x = readVector(v, `inputs[${t}]`, I, report);
      if (x) xs.push(Float64Array.from(x));
    });
  } else if (sequence.kind === 'tokens') {
    const vocab = readVocabulary(json.vocabulary, I, report);
    sequence.rows.forEach((token, t) => {
      if (typeof token !== 'string') report(`tokens[${t}]`, `expected a string, got ${describe(token)}`);
      else if (vocab && !vocab.has(token)) report(`tokens[${t}]`, `${quote(token)} is not in the vocabulary`);
      else if (vocab) xs.push(vocab.get(token) as Vector);
    });
  }
  const T = sequence.rows.length;

  // targets and loss
  const loss = readLoss(json, readoutActivationOk ? readout : null, report);
  const targets =
    'targets' in json ? readTargets(json.targets, sequence.kind ? T : null, readout ? O : null, loss, report) : null;
  if (loss && !('targets' in json)) report('loss', 'needs targets: add "targets", one vector per step the loss covers');

  // precision and labels
  let decimals = 2;
  let carry: Carry = 'exact';
  if ('precision' in json) {
    const p = json.precision;
    if (!isObject(p)) report('precision', `expected an object, got ${describe(p)}`);
    else {
      rejectUnknownKeys(p, 'precision.', ['decimals', 'carry'], report);
      if ('decimals' in p) {
        const d = p.decimals;
        if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > LIMITS.decimals)
          report('precision.decimals', `expected a whole number from 0 to ${LIMITS.decimals}, got ${describe(d)}`);
        else decimals = d;
      }
      carry = readEnum(p, 'carry', 'precision.carry', CARRIES, report, false) ?? 'exact';
    }
  }
  const labels: Record<string, string> = {};
  if ('labels' in json) {
    const l = json.labels;
    if (!isObject(l)) report('labels', `expected an object, got ${describe(l)}`);
    else {
      const allowed = cell ? labelableNames(cell) : null;
      for (const [key, value] of Object.entries(l)) {
        if (allowed && !allowed.includes(key))
          report(
            keyPath('labels.', key),
            `unknown parameter for the ${cell ?? ''} cell; expected one of ${allowed.join(', ')}`,
          );
        else if (typeof value !== 'string' || value.trim() === '')
          report(`labels.${key}`, `expected a non-empty string, got ${describe(value)}`);
        // a label of nothing but control characters shows as the parameter's own name
        else labels[key] = shownText(value, SHOWN_LABEL_CHARS) || key;
      }
    }
  }

  if (problems.length > 0 || !cell || H === null || I === null) {
    if (problems.length === 0) report('(top level)', 'the hidden and input sizes could not be worked out');
    return { ok: false, problems };
  }
  const model: Model = {
    title: typeof json.title === 'string' ? shownText(json.title, SHOWN_TITLE_CHARS) : '',
    cell,
    activation,
    H,
    I,
    O: readout ? (O ?? H) : 0,
    T,
    weights,
    biases,
    givenBiases,
    readout,
    xs,
    tokens: sequence.kind === 'tokens' ? (sequence.rows as string[]) : null,
    h0: h0 ? Float64Array.from(h0) : new Float64Array(H),
    c0: c0 ? Float64Array.from(c0) : new Float64Array(H),
    targets: targets ? targets.map((v) => Float64Array.from(v)) : null,
    loss,
    decimals,
    carry,
    labels,
  };
  return { ok: true, model, file: json as unknown as WorksheetFile };
}

type Report = (path: string, message: string) => void;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A short description of a JSON value for "got …". */
export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return `the string ${quote(v)}`;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'a number too large for float64';
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `a list of ${v.length}`;
  return 'an object';
}

/** A string as a message quotes it: JSON-escaped (no control characters reach a terminal), at most 40 characters. */
export function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}

/** prefix + key as a path: `params.W_xx`, or `params["odd key"]` for a key that is not a plain name. */
function keyPath(prefix: string, key: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]{0,39}$/.test(key)) return `${prefix}${key}`;
  return `${prefix.replace(/\.$/, '')}[${quote(key)}]`;
}

function rejectUnknownKeys(obj: Record<string, unknown>, prefix: string, known: readonly string[], report: Report) {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) report(keyPath(prefix, key), `unknown field; expected one of ${known.join(', ')}`);
  }
}

function readEnum<T extends string>(
  obj: Record<string, unknown>,
  key: string,
  path: string,
  values: readonly T[],
  report: Report,
  required: boolean,
): T | null {
  if (!(key in obj)) {
    if (required) report(path, `missing; expected one of ${values.map((v) => `"${v}"`).join(', ')}`);
    return null;
  }
  const v = obj[key];
  if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
  report(path, `expected one of ${values.map((x) => `"${x}"`).join(', ')}, got ${describe(v)}`);
  return null;
}

function shapeText(rows: number | null, cols: number | null): string {
  return rows === null ? `an H×${cols ?? '?'}` : `a ${rows}×${cols ?? '?'}`;
}

/** [path, the number of rows of a matrix or the length of a vector], or a null size. */
function rowsOf(path: string, v: unknown): [string, number | null] {
  return [path, Array.isArray(v) && v.length > 0 ? v.length : null];
}

/** [path, the number of columns of a matrix (its first row's length)], or a null size. */
function colsOf(path: string, v: unknown): [string, number | null] {
  return [path, Array.isArray(v) && Array.isArray(v[0]) && v[0].length > 0 ? v[0].length : null];
}

/** The size most candidates have (the first one's on a tie), and the first place that has it. */
function majoritySize(candidates: readonly [string, number | null][]): { n: number; path: string } | null {
  const votes = new Map<number, { count: number; path: string }>();
  for (const [path, n] of candidates) {
    if (n === null) continue;
    const v = votes.get(n);
    if (v) v.count++;
    else votes.set(n, { count: 1, path });
  }
  let best: { n: number; path: string; count: number } | null = null;
  for (const [n, v] of votes) if (!best || v.count > best.count) best = { n, ...v };
  return best && { n: best.n, path: best.path };
}

/** The length of the first candidate that is a non-empty list (a matrix's rows or a vector's length). */
function firstLength(candidates: readonly unknown[]): number | null {
  for (const c of candidates) if (Array.isArray(c) && c.length > 0) return c.length;
  return null;
}

function checkSize(what: string, n: number | null, path: string, report: Report): void {
  if (n !== null && n > LIMITS.size) report(path, `${what} is ${n}; at most ${LIMITS.size} is allowed`);
}

function readNumber(v: unknown, path: string, report: Report): number | null {
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return v;
    report(path, 'expected a finite number, got a number too large for float64');
    return null;
  }
  report(path, `expected a number, got ${describe(v)}`);
  return null;
}

/** A list of numbers of the expected length (when known). */
function readVector(v: unknown, path: string, length: number | null, report: Report): number[] | null {
  if (!Array.isArray(v)) {
    report(path, `expected a list of ${length ?? 'some'} numbers, got ${describe(v)}`);
    return null;
  }
  if (length !== null && v.length !== length) {
    report(path, `expected a vector of ${length} number${length === 1 ? '' : 's'}, got ${v.length}`);
    return null;
  }
  if (v.length === 0) {
    report(path, 'expected a vector of at least 1 number, got an empty list');
    return null;
  }
  if (v.length > LIMITS.size) {
    report(path, `${v.length} numbers; a vector has at most ${LIMITS.size}`);
    return null;
  }
  let ok = true;
  const out = v.map((e, k) => {
    const n = readNumber(e, `${path}[${k}]`, report);
    if (n === null) ok = false;
    return n ?? 0;
  });
  return ok ? out : null;
}

/** A rows×cols matrix as a list of rows (either size may be unknown). */
function readMatrix(
  v: unknown,
  path: string,
  rows: number | null,
  cols: number | null,
  report: Report,
): number[][] | null {
  const expected = `${shapeText(rows, cols)} matrix (a list of rows)`;
  if (!Array.isArray(v) || v.length === 0) {
    report(path, `expected ${expected}, got ${describe(v)}`);
    return null;
  }
  // the shape first: a matrix past the size limit is refused before its entries are read
  if (v.length > LIMITS.size) {
    report(path, `${v.length} rows; a matrix has at most ${LIMITS.size}`);
    return null;
  }
  if (!v.every(Array.isArray)) {
    const bad = v.findIndex((r) => !Array.isArray(r));
    report(`${path}[${bad}]`, `expected a row (a list of numbers), got ${describe(v[bad])}`);
    return null;
  }
  const rowsIn = v as unknown[][];
  const widest = rowsIn.reduce((n, r) => Math.max(n, r.length), 0);
  if (widest > LIMITS.size) {
    report(path, `rows of ${widest} numbers; a matrix has at most ${LIMITS.size} columns`);
    return null;
  }
  const width = cols ?? rowsIn[0]?.length ?? 0;
  const gotCols = new Set(rowsIn.map((r) => r.length));
  if ((rows !== null && rowsIn.length !== rows) || gotCols.size !== 1 || !gotCols.has(width)) {
    const got =
      gotCols.size === 1 ? `${rowsIn.length}×${[...gotCols][0] ?? 0}` : `${rowsIn.length} rows of unequal length`;
    report(path, `expected a ${rows ?? rowsIn.length}×${width} matrix, got ${got}`);
    return null;
  }
  let ok = true;
  const out = rowsIn.map((row, k) =>
    row.map((e, j) => {
      const n = readNumber(e, `${path}[${k}][${j}]`, report);
      if (n === null) ok = false;
      return n ?? 0;
    }),
  );
  return ok ? out : null;
}

interface Sequence {
  kind: 'inputs' | 'tokens' | null;
  rows: unknown[];
  /** the input size the sequence fixes, when it does */
  I: number | null;
  sizePath: string;
}

/** Which of inputs / tokens is given, and its steps; reports a missing, doubled or over-long sequence. */
function readSequence(json: Record<string, unknown>, report: Report): Sequence {
  const hasInputs = 'inputs' in json;
  const hasTokens = 'tokens' in json;
  if (hasInputs && hasTokens) report('tokens', 'give either inputs or tokens, not both');
  if (!hasInputs && !hasTokens)
    report('inputs', 'missing; give "inputs" (one vector per step) or "tokens" with a "vocabulary"');
  if ('vocabulary' in json && !hasTokens) report('vocabulary', 'applies only together with tokens');
  if (hasTokens && !('vocabulary' in json)) report('vocabulary', 'missing; tokens are looked up in a vocabulary');
  const kind = hasInputs ? 'inputs' : hasTokens ? 'tokens' : null;
  if (!kind) return { kind, rows: [], I: null, sizePath: 'inputs' };
  const rows = json[kind];
  if (!Array.isArray(rows) || rows.length === 0) {
    report(kind, `expected a list of at least 1 step, got ${describe(rows)}`);
    return { kind: null, rows: [], I: null, sizePath: kind };
  }
  if (rows.length > LIMITS.steps) {
    report(kind, `${rows.length} steps; at most ${LIMITS.steps} are allowed`);
    return { kind: null, rows: [], I: null, sizePath: kind };
  }
  if (kind === 'inputs') return { kind, rows, I: firstLength(rows), sizePath: 'inputs[0]' };
  const vocab = json.vocabulary;
  const first = isObject(vocab) ? Object.values(vocab).find((v) => Array.isArray(v) && v.length > 0) : undefined;
  return { kind, rows, I: Array.isArray(first) ? first.length : null, sizePath: 'vocabulary' };
}

/** token → input vector; a Map, so that "__proto__" or "toString" are ordinary tokens. */
function readVocabulary(v: unknown, I: number | null, report: Report): Map<string, Vector> | null {
  if (!isObject(v)) {
    if (v !== undefined) report('vocabulary', `expected an object of token → vector, got ${describe(v)}`);
    return null;
  }
  const out = new Map<string, Vector>();
  let ok = true;
  for (const [token, vec] of Object.entries(v)) {
    const x = readVector(vec, `vocabulary[${quote(token)}]`, I, report);
    if (x) out.set(token, Float64Array.from(x));
    else ok = false;
  }
  return ok ? out : null;
}

function readLoss(
  json: Record<string, unknown>,
  readout: Readout | null,
  report: Report,
): { kind: LossKind; at: LossAt } | null {
  if (!('loss' in json)) return null;
  const l = json.loss;
  if (!isObject(l)) {
    report('loss', `expected an object such as {"kind": "squared_error"}, got ${describe(l)}`);
    return null;
  }
  rejectUnknownKeys(l, 'loss.', ['kind', 'at'], report);
  const kind = readEnum(l, 'kind', 'loss.kind', LOSS_KINDS, report, true);
  const at = readEnum(l, 'at', 'loss.at', LOSS_ATS, report, false) ?? 'all';
  if (!('readout' in json)) report('loss', 'needs a readout: add "readout" so that there is an output y to compare');
  else if (readout && kind === 'cross_entropy' && readout.activation !== 'softmax')
    report('loss.kind', `cross_entropy needs a softmax readout, got readout.activation "${readout.activation}"`);
  else if (readout && kind === 'binary_cross_entropy' && readout.activation !== 'sigmoid')
    report('loss.kind', `binary_cross_entropy needs a sigmoid readout, got readout.activation "${readout.activation}"`);
  return kind ? { kind, at } : null;
}

function readTargets(
  v: unknown,
  T: number | null,
  O: number | null,
  loss: { kind: LossKind; at: LossAt } | null,
  report: Report,
): number[][] | null {
  if (!Array.isArray(v) || v.length === 0) {
    report('targets', `expected a list of target vectors, got ${describe(v)}`);
    return null;
  }
  // with no valid sequence T is unknown: the sequence's own message says why
  const count = loss && T !== null ? (loss.at === 'last' ? 1 : T) : null;
  if (count !== null && v.length !== count) {
    const why =
      loss?.at === 'last' ? 'one for the last step (loss.at is "last")' : `one per step (loss.at is "all", T = ${T})`;
    report('targets', `expected ${count} vector${count === 1 ? '' : 's'}, ${why}; got ${v.length}`);
    return null;
  }
  if (!loss && T !== null && v.length !== T && v.length !== 1) {
    report('targets', `expected ${T} vectors (one per step) or 1 (for the last step), got ${v.length}`);
    return null;
  }
  const width = O ?? firstLength(v);
  let ok = true;
  const out = v.map((row, k) => {
    const path = `targets[${k}]`;
    const t = readVector(row, path, width, report);
    if (!t) {
      ok = false;
      return [];
    }
    t.forEach((x, j) => {
      if (loss?.kind === 'cross_entropy' && x < 0) {
        report(`${path}[${j}]`, `cross_entropy targets are probabilities, not negative; got ${x}`);
        ok = false;
      } else if (loss?.kind === 'binary_cross_entropy' && (x < 0 || x > 1)) {
        report(`${path}[${j}]`, `binary_cross_entropy targets lie between 0 and 1, got ${x}`);
        ok = false;
      }
    });
    const sum = t.reduce((a, b) => a + b, 0);
    if (loss?.kind === 'cross_entropy' && Math.abs(sum - 1) > 1e-9) {
      report(path, `cross_entropy targets sum to 1 (a probability distribution), got a sum of ${sum}`);
      ok = false;
    }
    return t;
  });
  return ok ? out : null;
}
