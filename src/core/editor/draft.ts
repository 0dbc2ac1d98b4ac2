// The editor's draft of a worksheet: the file of CONTRACT.md §1 with every number held as the
// text typed, and the sizes H, I, O said once. Turned back into a file, it is checked by the one
// validator (loadWorksheet); a text that is not a number is reported at its own path.
import type { ReadoutActivation, RnnActivation } from '../engine/activations';
import { loadWorksheet, quote, type Problem } from '../format/validate';
import {
  CELL_PARAMS,
  labelableNames,
  WORKSHEET_FORMAT,
  type Carry,
  type CellKind,
  type LossAt,
  type LossKind,
  type Model,
  type WorksheetFile,
} from '../format/worksheet';
import { numberText, parseNumberText } from './numberText';

/** Rows of cell texts; a vector is a grid of one row. */
export type Grid = readonly (readonly string[])[];

export interface DraftReadout {
  /** O×H; null: y = ψ(h), O = H */
  readonly W_hy: Grid | null;
  /** one row of O; null: no bias */
  readonly b_y: Grid | null;
  readonly activation: ReadoutActivation;
}

export interface Draft {
  readonly title: string;
  readonly cell: CellKind;
  /** rnn only (kept while another cell kind is chosen, so that switching back finds it) */
  readonly activation: RnnActivation;
  readonly H: number;
  readonly I: number;
  /** rows of W_hy; kept while there is no readout, for when one is added */
  readonly O: number;
  /** every matrix of the cell, and the biases given (a bias left out is zeros) */
  readonly params: Readonly<Record<string, Grid>>;
  readonly readout: DraftReadout | null;
  /** T×I, or null when the steps are tokens */
  readonly inputs: Grid | null;
  readonly tokens: readonly string[] | null;
  /** word → one row of I, in the order shown */
  readonly vocabulary: readonly (readonly [string, Grid])[] | null;
  /** one row of H */
  readonly h0: Grid;
  /** lstm only: one row of H */
  readonly c0: Grid | null;
  readonly targets: Grid | null;
  readonly loss: { readonly kind: LossKind; readonly at: LossAt } | null;
  readonly decimals: number;
  readonly carry: Carry;
  /** display names; an empty one is left out */
  readonly labels: Readonly<Record<string, string>>;
}

/** The largest H, I or O whose grids the editor shows: more is not worked by hand. */
export const EDITOR_MAX_SIZE = 8;

/** Which grid of a draft: a parameter, the readout's, the steps', a word's, a state's, the targets. */
export type GridRef =
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'W_hy' }
  | { readonly kind: 'b_y' }
  | { readonly kind: 'inputs' }
  | { readonly kind: 'word'; readonly index: number }
  | { readonly kind: 'h0' }
  | { readonly kind: 'c0' }
  | { readonly kind: 'targets' };

/** A text the draft cannot turn into a file, at the path its value would have. */
export interface TextProblem {
  readonly path: string;
  readonly text: string;
  readonly why: 'not-a-number' | 'duplicate-word';
}

export type DraftCheck =
  | { readonly ok: true; readonly file: WorksheetFile; readonly model: Model }
  | { readonly ok: false; readonly textProblems: readonly TextProblem[]; readonly problems: readonly Problem[] };

const ZERO = '0';
const zeros = (rows: number, cols: number): string[][] =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, () => ZERO));
const textsOf = (row: readonly number[]): string[] => row.map(numberText);
const isMatrix = (v: number[][] | number[]): v is number[][] => Array.isArray(v[0]);

/** The grid cut or padded with zeros to rows×cols, the numbers that still fit kept where they were. */
export function fitGrid(grid: Grid, rows: number, cols: number): string[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => grid[r]?.[c] ?? ZERO));
}

/** The draft of a valid worksheet (the file loadWorksheet accepted, and its model). */
export function draftOf(file: WorksheetFile, model: Model): Draft {
  const params: Record<string, Grid> = {};
  for (const [name, value] of Object.entries(file.params))
    params[name] = isMatrix(value) ? value.map(textsOf) : [textsOf(value)];
  const r = file.readout;
  return {
    title: file.title ?? '',
    cell: file.cell,
    activation: file.activation ?? 'tanh',
    H: model.H,
    I: model.I,
    // without a readout, a readout added is y = W_hy h with one output, as most sheets read out
    O: r?.W_hy ? r.W_hy.length : r ? model.H : 1,
    params,
    readout: r
      ? {
          W_hy: r.W_hy ? r.W_hy.map(textsOf) : null,
          b_y: r.b_y ? [textsOf(r.b_y)] : null,
          activation: r.activation ?? 'identity',
        }
      : null,
    inputs: file.inputs ? file.inputs.map(textsOf) : null,
    tokens: file.tokens ? [...file.tokens] : null,
    vocabulary: file.vocabulary ? Object.entries(file.vocabulary).map(([w, x]) => [w, [textsOf(x)]] as const) : null,
    h0: [file.h0 ? textsOf(file.h0) : (zeros(1, model.H)[0] ?? [])],
    c0: file.cell === 'lstm' ? [file.c0 ? textsOf(file.c0) : (zeros(1, model.H)[0] ?? [])] : null,
    targets: file.targets ? file.targets.map(textsOf) : null,
    loss: file.loss ? { kind: file.loss.kind, at: file.loss.at ?? 'all' } : null,
    decimals: file.precision?.decimals ?? 2,
    carry: file.precision?.carry ?? 'exact',
    labels: { ...file.labels },
  };
}

/** The number of steps: rows of inputs, or tokens. */
export function stepCount(d: Draft): number {
  return d.inputs ? d.inputs.length : (d.tokens?.length ?? 0);
}

/** The size of y (and of each target): O with W_hy, else H. */
export function outputSize(d: Draft): number {
  return d.readout && !d.readout.W_hy ? d.H : d.O;
}

/** The path of a grid's value in the file, as the validator names it. */
export function gridPath(d: Draft, ref: GridRef): string {
  switch (ref.kind) {
    case 'param':
      return `params.${ref.name}`;
    case 'W_hy':
    case 'b_y':
      return `readout.${ref.kind}`;
    case 'word':
      return `vocabulary[${quote(d.vocabulary?.[ref.index]?.[0] ?? '')}]`;
    default:
      return ref.kind;
  }
}

/** Whether the grid stands for a vector (one row, its cells named by one index). */
export function isVectorGrid(d: Draft, ref: GridRef): boolean {
  switch (ref.kind) {
    case 'param':
      return CELL_PARAMS[d.cell].biases.includes(ref.name);
    case 'b_y':
    case 'word':
    case 'h0':
    case 'c0':
      return true;
    default:
      return false;
  }
}

/** The path of one cell: `params.W_hh[1][0]`, `h0[1]`. */
export function cellPath(d: Draft, ref: GridRef, row: number, col: number): string {
  return isVectorGrid(d, ref) ? `${gridPath(d, ref)}[${col}]` : `${gridPath(d, ref)}[${row}][${col}]`;
}

/** A grid of the draft; null where the draft has none (an absent bias, no readout). */
export function gridOf(d: Draft, ref: GridRef): Grid | null {
  switch (ref.kind) {
    case 'param':
      return d.params[ref.name] ?? null;
    case 'W_hy':
      return d.readout?.W_hy ?? null;
    case 'b_y':
      return d.readout?.b_y ?? null;
    case 'inputs':
      return d.inputs;
    case 'word':
      return d.vocabulary?.[ref.index]?.[1] ?? null;
    case 'h0':
      return d.h0;
    case 'c0':
      return d.c0;
    case 'targets':
      return d.targets;
  }
}

/** The shape a grid has at the draft's sizes. */
export function gridShape(d: Draft, ref: GridRef): { rows: number; cols: number } {
  const spec = CELL_PARAMS[d.cell];
  switch (ref.kind) {
    case 'param':
      if (spec.input.includes(ref.name)) return { rows: d.H, cols: d.I };
      if (spec.hidden.includes(ref.name)) return { rows: d.H, cols: d.H };
      return { rows: 1, cols: d.H };
    case 'W_hy':
      return { rows: d.O, cols: d.H };
    case 'b_y':
      return { rows: 1, cols: d.O };
    case 'inputs':
      return { rows: stepCount(d), cols: d.I };
    case 'word':
      return { rows: 1, cols: d.I };
    case 'h0':
    case 'c0':
      return { rows: 1, cols: d.H };
    case 'targets':
      return { rows: d.loss?.at === 'last' ? 1 : stepCount(d), cols: outputSize(d) };
  }
}

/** The draft with one grid replaced (or, given null, taken out where it may be: a bias, b_y). */
export function withGrid(d: Draft, ref: GridRef, grid: Grid | null): Draft {
  switch (ref.kind) {
    case 'param': {
      const params = { ...d.params };
      if (grid === null) delete params[ref.name];
      else params[ref.name] = grid;
      return { ...d, params };
    }
    case 'W_hy':
      return d.readout ? { ...d, readout: { ...d.readout, W_hy: grid, ...(grid ? {} : { b_y: null }) } } : d;
    case 'b_y':
      return d.readout ? { ...d, readout: { ...d.readout, b_y: grid } } : d;
    case 'inputs':
      return { ...d, inputs: grid };
    case 'word':
      return d.vocabulary && grid
        ? { ...d, vocabulary: d.vocabulary.map((e, k) => (k === ref.index ? ([e[0], grid] as const) : e)) }
        : d;
    case 'h0':
      return grid ? { ...d, h0: grid } : d;
    case 'c0':
      return { ...d, c0: grid };
    case 'targets':
      return { ...d, targets: grid };
  }
}

/** Every grid the draft has, in the order the editor shows them. */
export function gridsOf(d: Draft): GridRef[] {
  const spec = CELL_PARAMS[d.cell];
  const refs: GridRef[] = [...spec.input, ...spec.hidden, ...spec.biases]
    .filter((name) => name in d.params)
    .map((name) => ({ kind: 'param', name }));
  if (d.readout?.W_hy) refs.push({ kind: 'W_hy' });
  if (d.readout?.b_y) refs.push({ kind: 'b_y' });
  if (d.inputs) refs.push({ kind: 'inputs' });
  d.vocabulary?.forEach((_, index) => refs.push({ kind: 'word', index }));
  refs.push({ kind: 'h0' });
  if (d.c0) refs.push({ kind: 'c0' });
  if (d.targets) refs.push({ kind: 'targets' });
  return refs;
}

/** The draft with every grid fitted to its shape at the draft's sizes (after a size changed). */
function fitted(d: Draft): Draft {
  return gridsOf(d).reduce((acc, ref) => {
    const { rows, cols } = gridShape(acc, ref);
    return withGrid(acc, ref, fitGrid(gridOf(acc, ref) ?? [], rows, cols));
  }, d);
}

/** The draft at other sizes: every matrix, bias, input, state and target resized at once, the numbers that fit kept. */
export function resizeDraft(d: Draft, sizes: { H?: number; I?: number; O?: number }): Draft {
  return fitted({ ...d, H: sizes.H ?? d.H, I: sizes.I ?? d.I, O: sizes.O ?? d.O });
}

/**
 * The draft as another cell kind: that kind's matrices at the current H and I (a name both kinds
 * have keeps its numbers; the rest are zeros), its biases given where the draft gave one of the
 * same name, c0 for an LSTM only, and labels only of names the kind has.
 */
export function switchCell(d: Draft, cell: CellKind): Draft {
  const spec = CELL_PARAMS[cell];
  const params: Record<string, Grid> = {};
  for (const name of [...spec.input, ...spec.hidden]) params[name] = d.params[name] ?? [];
  for (const name of spec.biases) {
    const given = d.params[name];
    if (given) params[name] = given;
  }
  const names = labelableNames(cell);
  const labels = Object.fromEntries(Object.entries(d.labels).filter(([name]) => names.includes(name)));
  return fitted({ ...d, cell, params, c0: cell === 'lstm' ? (d.c0 ?? zeros(1, d.H)) : null, labels });
}

/** The draft with T steps: rows of inputs or tokens added (zeros, or the last token again) or taken off the end; targets follow. */
export function setStepCount(d: Draft, T: number): Draft {
  const tokens = d.tokens;
  const fill = tokens?.[tokens.length - 1] ?? d.vocabulary?.[0]?.[0] ?? '';
  const next: Draft = {
    ...d,
    inputs: d.inputs ? fitGrid(d.inputs, T, d.I) : null,
    tokens: tokens ? Array.from({ length: T }, (_, t) => tokens[t] ?? fill) : null,
  };
  return fitted(next);
}

/** The steps as tokens: each distinct input vector becomes a word (A, B, …) of the vocabulary. */
export function inputsToTokens(d: Draft): Draft {
  if (!d.inputs) return d;
  const words = new Map<string, string>();
  const vocabulary: (readonly [string, Grid])[] = [];
  const tokens = d.inputs.map((row) => {
    const key = JSON.stringify(row);
    let word = words.get(key);
    if (word === undefined) {
      word = wordName(words.size);
      words.set(key, word);
      vocabulary.push([word, [[...row]]]);
    }
    return word;
  });
  return { ...d, inputs: null, tokens, vocabulary };
}

/** The steps as numbers: each token's vector (zeros for a word the vocabulary lacks). */
export function tokensToInputs(d: Draft): Draft {
  if (!d.tokens) return d;
  const vocabulary = new Map(d.vocabulary ?? []);
  const inputs = d.tokens.map((token) => fitGrid(vocabulary.get(token) ?? [], 1, d.I)[0] ?? []);
  return { ...d, inputs, tokens: null, vocabulary: null };
}

/**
 * A one-hot vocabulary of the distinct tokens, in the order they first appear (or one word, A,
 * with none); I becomes the number of words and every input-side matrix follows.
 */
export function oneHotVocabulary(d: Draft): Draft {
  const tokens = d.tokens && d.tokens.length > 0 ? d.tokens : ['A'];
  const words = [...new Set(tokens)];
  const vocabulary = words.map(
    (w, k) => [w, [words.map((_, j) => (j === k ? '1' : '0'))]] as const satisfies readonly [string, Grid],
  );
  return resizeDraft({ ...d, inputs: null, tokens: [...tokens], vocabulary }, { I: words.length });
}

/** A word for the k-th vocabulary entry made up by the editor: A … Z, then x27, x28 … */
export function wordName(k: number): string {
  return k < 26 ? String.fromCharCode(65 + k) : `x${k + 1}`;
}

/** The draft with a readout (y = W_hy h, identity, W_hy zeros O×H) or without one (and so without targets and loss). */
export function setReadout(d: Draft, on: boolean): Draft {
  if (!on) return { ...d, readout: null, targets: null, loss: null };
  if (d.readout) return d;
  return { ...d, readout: { W_hy: zeros(d.O, d.H), b_y: null, activation: 'identity' } };
}

/** The draft with targets (zeros, one per covered step) or without (and so without a loss). */
export function setTargets(d: Draft, on: boolean): Draft {
  if (!on) return { ...d, targets: null, loss: null };
  return d.targets ? d : fitted({ ...d, targets: [] });
}

/** The draft with a loss (targets added where there were none) or without one. */
export function setLoss(d: Draft, loss: { kind: LossKind; at: LossAt } | null): Draft {
  if (!loss) return { ...d, loss: null };
  return fitted({ ...d, loss, targets: d.targets ?? [] });
}

/** Every parameter (the cell's, the readout's) and h0, c0 set to 0. */
export function zeroDraft(d: Draft): Draft {
  return [...parameterGrids(d), { kind: 'h0' } as const, ...(d.c0 ? [{ kind: 'c0' } as const] : [])].reduce(
    (acc, ref) => withGrid(acc, ref, zeroGrid(gridOf(acc, ref) ?? [])),
    d,
  );
}

/** The grid with every cell 0. */
export function zeroGrid(grid: Grid): string[][] {
  return grid.map((row) => row.map(() => ZERO));
}

/** The parameter grids: the cell's matrices and given biases, then W_hy and b_y. */
export function parameterGrids(d: Draft): GridRef[] {
  return gridsOf(d).filter((ref) => ref.kind === 'param' || ref.kind === 'W_hy' || ref.kind === 'b_y');
}

/**
 * The file the draft stands for, every text read as a number (decimal comma accepted), with the
 * texts that are not numbers (written 0 in the file, so the rest can still be checked) and words
 * given twice.
 */
export function draftToFile(d: Draft): { file: WorksheetFile; textProblems: TextProblem[] } {
  const textProblems: TextProblem[] = [];
  const numbers = (ref: GridRef): number[][] =>
    (gridOf(d, ref) ?? []).map((row, r) =>
      row.map((text, c) => {
        const n = parseNumberText(text);
        if (n === null) textProblems.push({ path: cellPath(d, ref, r, c), text, why: 'not-a-number' });
        return n ?? 0;
      }),
    );
  const vector = (ref: GridRef): number[] => numbers(ref)[0] ?? [];
  const params: Record<string, number[][] | number[]> = {};
  for (const ref of gridsOf(d))
    if (ref.kind === 'param') params[ref.name] = isVectorGrid(d, ref) ? vector(ref) : numbers(ref);

  let vocabulary: Record<string, number[]> | undefined;
  if (d.vocabulary) {
    vocabulary = {};
    const seen = new Set<string>();
    d.vocabulary.forEach(([word], index) => {
      if (seen.has(word)) textProblems.push({ path: `vocabulary[${index}]`, text: word, why: 'duplicate-word' });
      seen.add(word);
      // defineProperty: a word such as __proto__ is an ordinary key, not the object's prototype
      Object.defineProperty(vocabulary, word, {
        value: vector({ kind: 'word', index }),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    });
  }
  const labels = Object.fromEntries(Object.entries(d.labels).filter(([, text]) => text !== ''));
  const readout = d.readout;
  const file: WorksheetFile = {
    format: WORKSHEET_FORMAT,
    version: 1,
    ...(d.title === '' ? {} : { title: d.title }),
    cell: d.cell,
    ...(d.cell === 'rnn' ? { activation: d.activation } : {}),
    params,
    ...(readout
      ? {
          readout: {
            ...(readout.W_hy ? { W_hy: numbers({ kind: 'W_hy' }) } : {}),
            ...(readout.W_hy && readout.b_y ? { b_y: vector({ kind: 'b_y' }) } : {}),
            activation: readout.activation,
          },
        }
      : {}),
    ...(d.inputs ? { inputs: numbers({ kind: 'inputs' }) } : {}),
    ...(d.tokens ? { tokens: [...d.tokens] } : {}),
    ...(vocabulary ? { vocabulary } : {}),
    h0: vector({ kind: 'h0' }),
    ...(d.c0 ? { c0: vector({ kind: 'c0' }) } : {}),
    ...(d.targets ? { targets: numbers({ kind: 'targets' }) } : {}),
    ...(d.loss ? { loss: { ...d.loss } } : {}),
    precision: { decimals: d.decimals, carry: d.carry },
    ...(Object.keys(labels).length > 0 ? { labels } : {}),
  };
  return { file, textProblems };
}

/** The draft checked: the file and its model, or every text that is not a number and every rule the file breaks. */
export function checkDraft(d: Draft): DraftCheck {
  const { file, textProblems } = draftToFile(d);
  const loaded = loadWorksheet(file);
  if (loaded.ok && textProblems.length === 0) return { ok: true, file, model: loaded.model };
  return { ok: false, textProblems, problems: loaded.ok ? [] : loaded.problems };
}
