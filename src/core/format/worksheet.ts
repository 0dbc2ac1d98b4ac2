// The worksheet file of CONTRACT.md §1 as types, the parameters each cell kind has, and the
// normalised model (typed arrays, defaults filled in) that the engine computes on.

import type { ReadoutActivation, RnnActivation } from '../engine/activations';
import type { Matrix, Vector } from '../engine/linalg';

export const WORKSHEET_FORMAT = 'rnn-by-hand/worksheet';
export const WORKSHEET_VERSIONS = [1] as const;

export type CellKind = 'rnn' | 'lstm' | 'gru';
export type LossKind = 'squared_error' | 'cross_entropy' | 'binary_cross_entropy';
export type LossAt = 'all' | 'last';
export type Carry = 'exact' | 'rounded';

/** The file as written (CONTRACT.md §1). */
export interface WorksheetFile {
  format: typeof WORKSHEET_FORMAT;
  version: 1;
  title?: string;
  cell: CellKind;
  activation?: RnnActivation;
  params: Record<string, number[][] | number[]>;
  readout?: { W_hy?: number[][]; b_y?: number[]; activation?: ReadoutActivation };
  inputs?: number[][];
  tokens?: string[];
  vocabulary?: Record<string, number[]>;
  h0?: number[];
  c0?: number[];
  targets?: number[][];
  loss?: { kind: LossKind; at?: LossAt };
  precision?: { decimals?: number; carry?: Carry };
  labels?: Record<string, string>;
}

/** The gates of each cell kind, in the order the slides work them. */
export const GATES = {
  rnn: [] as const,
  lstm: ['i', 'f', 'g', 'o'] as const,
  gru: ['r', 'z', 'n'] as const,
} as const;

export type LstmGate = (typeof GATES.lstm)[number];

/** Parameter names of each cell kind, PyTorch's: input-side matrices (H×I), hidden-side (H×H), biases (H). */
export const CELL_PARAMS: Record<CellKind, { input: string[]; hidden: string[]; biases: string[] }> = {
  rnn: { input: ['W_ih'], hidden: ['W_hh'], biases: ['b_ih', 'b_hh'] },
  lstm: {
    input: ['W_ii', 'W_if', 'W_ig', 'W_io'],
    hidden: ['W_hi', 'W_hf', 'W_hg', 'W_ho'],
    biases: ['b_ii', 'b_if', 'b_ig', 'b_io', 'b_hi', 'b_hf', 'b_hg', 'b_ho'],
  },
  gru: {
    input: ['W_ir', 'W_iz', 'W_in'],
    hidden: ['W_hr', 'W_hz', 'W_hn'],
    biases: ['b_ir', 'b_iz', 'b_in', 'b_hr', 'b_hz', 'b_hn'],
  },
};

/** Every name `labels` may rename for a cell kind: any of its parameters and the readout's, given or not. */
export function labelableNames(cell: CellKind): string[] {
  const p = CELL_PARAMS[cell];
  return [...p.input, ...p.hidden, ...p.biases, 'W_hy', 'b_y'];
}

/** The worksheet ready to compute: shapes known, defaults filled in, numbers in typed arrays. */
export interface Model {
  /** as shown (shownText): at most SHOWN_TITLE_CHARS characters, no control characters */
  readonly title: string;
  readonly cell: CellKind;
  /** rnn only; 'tanh' by default */
  readonly activation: RnnActivation;
  readonly H: number;
  readonly I: number;
  /** output size: rows of W_hy, or H when the readout has no W_hy; 0 without a readout */
  readonly O: number;
  readonly T: number;
  /** every matrix of the cell, by PyTorch name */
  readonly weights: ReadonlyMap<string, Matrix>;
  /** every bias of the cell, zeros where the file gives none */
  readonly biases: ReadonlyMap<string, Vector>;
  /** the biases the file gives (the sheet shows only those) */
  readonly givenBiases: ReadonlySet<string>;
  readonly readout: Readout | null;
  readonly xs: readonly Vector[];
  readonly tokens: readonly string[] | null;
  readonly h0: Vector;
  /** lstm only; zeros otherwise */
  readonly c0: Vector;
  readonly targets: readonly Vector[] | null;
  readonly loss: { readonly kind: LossKind; readonly at: LossAt } | null;
  readonly decimals: number;
  readonly carry: Carry;
  /** display names, as shown (shownText): at most SHOWN_LABEL_CHARS characters each */
  readonly labels: Readonly<Record<string, string>>;
  /**
   * With rounded carry, the places a quantity carried unrounded is written with, the same for all
   * its values so that its column lines up; set by createSheet, which knows the values
   */
  readonly writtenPlaces?: (q: string) => number;
}

export interface Readout {
  /** null: y_t = ψ(h_t) */
  readonly W_hy: Matrix | null;
  readonly b_y: Vector | null;
  readonly activation: ReadoutActivation;
}

/** The steps the loss covers, 1-based. */
export function lossSteps(model: Model): number[] {
  if (!model.loss) return [];
  if (model.loss.at === 'last') return [model.T];
  return Array.from({ length: model.T }, (_, k) => k + 1);
}

/** The target for step t (1-based), or null where the loss does not cover t. */
export function targetAt(model: Model, t: number): Vector | null {
  if (!model.targets || !model.loss) return null;
  if (model.loss.at === 'last') return t === model.T ? (model.targets[0] ?? null) : null;
  return model.targets[t - 1] ?? null;
}

/**
 * The same worksheet carried the other way (rounded ↔ exact): what a student gets who rounds
 * where the sheet carries exactly, or the reverse. Every other field is the file's own.
 */
export function otherCarryFile(file: object): object {
  const f = file as { precision?: { decimals?: number; carry?: string } };
  const carry: Carry = f.precision?.carry === 'rounded' ? 'exact' : 'rounded';
  return { ...file, precision: { ...f.precision, carry } };
}
