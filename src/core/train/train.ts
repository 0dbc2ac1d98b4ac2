// Plain gradient descent on a worksheet, with the engine's own forward and backward passes (no
// second implementation of either): the loss is the contract's summed loss, the gradients are
// runBackward's, and every update is W ← W − η · ∂L/∂W. Only the parameters the worksheet gives
// are trained: a bias it leaves out has no box on the sheet and stays zero.
//
// On a rounded-carry sheet the gradients are the ones the sheet writes down (rounded as it goes,
// CONTRACT.md §1); the new parameters are givens, kept in full.

import { createCell, runBackward, runForward } from '../engine/engine';
import type { ParamGrads } from '../engine/cell';
import { matrixFromRows, matrixToRows, type Matrix, type Vector } from '../engine/linalg';
import { createRandom } from '../practice/random';
import { lossSteps, targetAt, type Model } from '../format/worksheet';

/** The trained parameters by their file names (W_hh, b_ih, W_hy, b_y …). */
export type Params = ReadonlyMap<string, Matrix | Vector>;

/** A parameter as the worksheet file writes it: a matrix as rows, or a vector. */
export type FileParam = number[][] | number[];

/** The parameters a training step changes: the cell's matrices, its given biases, and the readout's. */
export function trainableParams(model: Model): Params {
  const params = new Map<string, Matrix | Vector>(model.weights);
  for (const name of model.givenBiases) params.set(name, model.biases.get(name) as Vector);
  if (model.readout?.W_hy) params.set('W_hy', model.readout.W_hy);
  if (model.readout?.b_y) params.set('b_y', model.readout.b_y);
  return params;
}

/** The gradients of the model's loss, or null when it has none. */
export function lossAndGrads(model: Model): { loss: number; grads: ParamGrads } | null {
  const cell = createCell(model);
  const forward = runForward(model, cell);
  const backward = runBackward(model, forward, cell);
  if (!backward || forward.loss === null) return null;
  return { loss: forward.loss, grads: backward.grads };
}

// W' = W − η · ∂L/∂W, entry by entry
export function updatedParams(params: Params, grads: ParamGrads, eta: number): Params {
  const out = new Map<string, Matrix | Vector>();
  for (const [name, value] of params) {
    const grad = grads.get(name);
    if (!grad) throw new Error(`no gradient for ${name}`);
    out.set(name, descend(value, grad, eta));
  }
  return out;
}

function descend(value: Matrix | Vector, grad: Matrix | Vector, eta: number): Matrix | Vector {
  const data = dataOf(value);
  const g = dataOf(grad);
  const next = new Float64Array(data.length);
  for (let k = 0; k < data.length; k++) next[k] = (data[k] as number) - eta * (g[k] as number);
  return value instanceof Float64Array ? next : { rows: value.rows, cols: value.cols, data: next };
}

function dataOf(v: Matrix | Vector): Float64Array {
  return v instanceof Float64Array ? v : v.data;
}

/** The same model with some parameters replaced (the rest, the inputs and the precision, kept). */
export function withParams(model: Model, params: Params): Model {
  const weights = new Map(model.weights);
  const biases = new Map(model.biases);
  let readout = model.readout;
  for (const [name, value] of params) {
    if (name === 'W_hy' && readout && !(value instanceof Float64Array)) readout = { ...readout, W_hy: value };
    else if (name === 'b_y' && readout && value instanceof Float64Array) readout = { ...readout, b_y: value };
    else if (value instanceof Float64Array) biases.set(name, value);
    else weights.set(name, value);
  }
  return { ...model, weights, biases, readout };
}

/** The parameters as the file writes them, for the store's setParams and a saved worksheet. */
export function paramsAsFile(params: Params): Record<string, FileParam> {
  const out: Record<string, FileParam> = {};
  for (const [name, value] of params)
    out[name] = value instanceof Float64Array ? Array.from(value) : matrixToRows(value);
  return out;
}

/** Parameters from the file's rows and vectors (what comes back from a worker or the store). */
export function paramsFromFile(file: Readonly<Record<string, FileParam>>): Params {
  const out = new Map<string, Matrix | Vector>();
  for (const [name, value] of Object.entries(file)) {
    out.set(name, Array.isArray(value[0]) ? matrixFromRows(value as number[][]) : Float64Array.from(value as number[]));
  }
  return out;
}

export interface StepResult {
  /** the loss before the step */
  readonly loss: number;
  readonly grads: ParamGrads;
  readonly params: Params;
}

/** One step of gradient descent; null when the model has no loss. */
export function trainStep(model: Model, eta: number): StepResult | null {
  const lg = lossAndGrads(model);
  if (!lg) return null;
  return { loss: lg.loss, grads: lg.grads, params: updatedParams(trainableParams(model), lg.grads, eta) };
}

export interface TrainRun {
  /** the parameters after the last step */
  readonly params: Params;
  /** losses[k]: the loss after k steps (losses[0] before any), so steps + 1 of them */
  readonly losses: number[];
  /**
   * the run stopped early because a step would overflow a parameter (to ±∞ or NaN): a worksheet
   * cannot hold such a number, so params are the last finite ones and losses end with theirs
   */
  readonly diverged: boolean;
}

/**
 * `steps` steps of gradient descent from the model's parameters. Resumable: `from` continues a run
 * cut into slices (a worker reports progress between them; the main thread yields).
 */
export function trainSteps(model: Model, eta: number, steps: number, from?: TrainRun): TrainRun {
  if (from?.diverged) return from;
  let current = from ? withParams(model, from.params) : model;
  const losses = from ? from.losses.slice(0, -1) : [];
  let diverged = false;
  for (let k = 0; k < steps; k++) {
    const step = trainStep(current, eta);
    if (!step) throw new Error('the worksheet has no loss to train on');
    if (!allFinite(step.params)) {
      diverged = true;
      break;
    }
    losses.push(step.loss);
    current = withParams(current, step.params);
  }
  const last = lossAndGrads(current);
  losses.push(last ? last.loss : Number.NaN);
  return { params: trainableParams(current), losses, diverged };
}

/** Whether every entry is a finite number (what a worksheet file may hold). */
export function allFinite(params: Params): boolean {
  for (const v of params.values()) if (!dataOf(v).every(Number.isFinite)) return false;
  return true;
}

// w ~ U(−scale, scale), the same numbers for the same seed on every machine
/** Small random starting values for every trainable parameter, from a seed. */
export function randomParams(model: Model, seed: string, scale = 0.5): Params {
  const random = createRandom(seed);
  const out = new Map<string, Matrix | Vector>();
  for (const [name, value] of trainableParams(model)) {
    const data = dataOf(value).map(() => roundTo((2 * random.next() - 1) * scale, 2));
    out.set(name, value instanceof Float64Array ? data : { rows: value.rows, cols: value.cols, data });
  }
  return out;
}

// numbers a student can read off the sheet: two places
function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f + 0;
}

export interface Classification {
  /** per covered step: is argmax y_t the target's argmax? */
  readonly right: readonly { readonly t: number; readonly right: boolean }[];
}

/**
 * Whether argmax y_t picks the target's class at each step the loss covers; null where that is no
 * question (one output, or targets that are not one class: a squared error on a number).
 */
export function classification(model: Model): Classification | null {
  if (!model.readout || model.O < 2 || !model.loss || model.loss.kind === 'squared_error') return null;
  const forward = runForward(model);
  const right = lossSteps(model).map((t) => {
    const y = forward.readouts[t - 1]?.y;
    const target = targetAt(model, t);
    return { t, right: !!y && !!target && argmax(y) === argmax(target) };
  });
  return { right };
}

/** Index of the largest entry (the first of equals). */
export function argmax(v: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < v.length; k++) if ((v[k] as number) > (v[best] as number)) best = k;
  return best;
}
