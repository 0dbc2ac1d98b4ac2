// Runs a worksheet's model forward through every step and, when it has a loss, backward through
// time: every value the sheet writes, and dL/d every parameter, h0 and c0.

import { createKeep, type Keep } from './carry';
import { paramGradTerms, type Cell, type ParamGrads, type StepGrads, type StepValues } from './cell';
import { createGruCell } from './gru';
import { addInto, addMatMulTFast, stepsAsRows, VectorArena, zeroMatrix, type Matrix, type Vector } from './linalg';
import { createLstmCell } from './lstm';
import { readoutBackward, readoutForward, stepLoss, type ReadoutGrads, type ReadoutValues } from './readout';
import { createRnnCell } from './rnn';
import { CELL_PARAMS, lossSteps, targetAt, type Model } from '../format/worksheet';

export interface Forward {
  /** steps[t − 1] is step t */
  readonly steps: readonly StepValues[];
  /** readouts[t − 1]: y_t and what made it; null without a readout */
  readonly readouts: readonly (ReadoutValues | null)[];
  /** the loss at each step the loss covers (null elsewhere) */
  readonly stepLosses: readonly (number | null)[];
  /** Σ of the step losses (rounded once with rounded carry); null without a loss */
  readonly loss: number | null;
}

export interface Backward {
  /** steps[t − 1]: the gradients step t writes */
  readonly steps: readonly StepGrads[];
  /** readouts[t − 1]: the loss's gradient at y_t; null where the loss does not cover t */
  readonly readouts: readonly (ReadoutGrads | null)[];
  /** dL/d every parameter of the cell and readout, and h0 (and c0 for the lstm) */
  readonly grads: ParamGrads;
}

export function createCell(model: Model): Cell {
  switch (model.cell) {
    case 'rnn':
      return createRnnCell(model);
    case 'lstm':
      return createLstmCell(model);
    case 'gru':
      return createGruCell(model);
  }
}

export function keepFor(model: Model): Keep {
  return createKeep(model.carry, model.decimals);
}

/** Every step forward, the readout at each step, and the loss. */
export function runForward(model: Model, cell: Cell = createCell(model)): Forward {
  const keep = keepFor(model);
  const steps = cell.forward(model.xs, model.h0, model.cell === 'lstm' ? model.c0 : null, keep);
  const readouts: (ReadoutValues | null)[] = [];
  const stepLosses: (number | null)[] = [];
  steps.forEach((s, k) => {
    const r = model.readout ? readoutForward(model.readout, s.h, keep) : null;
    readouts.push(r);
    const target = targetAt(model, k + 1);
    stepLosses.push(r && target && model.loss ? stepLoss(model.loss.kind, r.y, target) : null);
  });
  const covered = stepLosses.filter((l): l is number => l !== null);
  const loss = model.loss ? keep(covered.reduce((a, b) => a + b, 0)) : null;
  return { steps, readouts, stepLosses, loss };
}

/** Backpropagation through time; null when the worksheet has no loss. */
export function runBackward(model: Model, fwd: Forward, cell: Cell = createCell(model)): Backward | null {
  if (!model.loss || !model.readout) return null;
  const keep = keepFor(model);
  const grads = createGradSinks(model);
  const covered = new Set(lossSteps(model));
  const H = model.H;
  const steps: StepGrads[] = new Array<StepGrads>(model.T);
  const readouts: (ReadoutGrads | null)[] = new Array<ReadoutGrads | null>(model.T).fill(null);
  const arena = new VectorArena();
  let dhFromNext: Vector = new Float64Array(H);
  let dcCarry: Vector | null = model.cell === 'lstm' ? new Float64Array(H) : null;
  const sinks = {
    W_hy: model.readout.W_hy ? (grads.get('W_hy') as Matrix) : null,
    b_y: model.readout.b_y ? (grads.get('b_y') as Vector) : null,
  };
  for (let t = model.T; t >= 1; t--) {
    const s = fwd.steps[t - 1] as StepValues;
    // dL/dh_t = (from y_t) + (from step t+1), written down as one number
    const dh = dhFromNext;
    const target = targetAt(model, t);
    const r = fwd.readouts[t - 1];
    if (covered.has(t) && target && r) {
      readouts[t - 1] = readoutBackward(model.readout, r, s.h, model.loss.kind, target, sinks, dh, keep);
    }
    for (let k = 0; k < H; k++) dh[k] = keep(dh[k] as number);
    const back = cell.backward(s, dh, dcCarry, keep, arena);
    steps[t - 1] = back.grads;
    dhFromNext = back.dhPrev;
    dcCarry = back.dcCarryPrev;
  }
  addInto(grads.get('h0') as Vector, dhFromNext);
  if (dcCarry) addInto(grads.get('c0') as Vector, dcCarry);
  sumParamGrads(model, fwd.steps, steps, grads);
  // every gradient is written down once, as the sum over the steps
  for (const g of grads.values()) {
    const data = g instanceof Float64Array ? g : g.data;
    for (let k = 0; k < data.length; k++) data[k] = keep(data[k] as number);
  }
  return { steps, readouts, grads };
}

// dW = Σ_t dpre_t v_tᵀ, db = Σ_t dpre_t
function sumParamGrads(
  model: Model,
  values: readonly StepValues[],
  steps: readonly StepGrads[],
  grads: ParamGrads,
): void {
  const T = values.length;
  // each set of step vectors is transposed once, whichever parameters use it
  const rows = new Map<string, Float64Array>();
  const asRows = (key: string, vs: () => Vector[], n: number) => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = stepsAsRows(vs(), n)));
    return r;
  };
  for (const term of paramGradTerms(model.cell)) {
    const g = grads.get(term.param) as Matrix | Vector;
    if (g instanceof Float64Array) {
      for (const sg of steps) addInto(g, sg.dPre[term.d] as Vector);
      continue;
    }
    const dT = asRows(`d:${term.d}`, () => steps.map((sg) => sg.dPre[term.d] as Vector), g.rows);
    const vT =
      term.v === 'x'
        ? asRows('x', () => values.map((s) => s.x), g.cols)
        : asRows('h', () => values.map((s) => s.hPrev), g.cols);
    // Σ_t d_t v_tᵀ = D Vᵀ, with D and V the step vectors as rows
    addMatMulTFast(g, dT, vT, T);
  }
}

/** Zeroed gradients for every parameter of the cell and readout, h0 and c0, in the contract's order. */
function createGradSinks(model: Model): ParamGrads {
  const { H, I } = model;
  const spec = CELL_PARAMS[model.cell];
  const grads: ParamGrads = new Map();
  for (const n of spec.input) grads.set(n, zeroMatrix(H, I));
  for (const n of spec.hidden) grads.set(n, zeroMatrix(H, H));
  for (const n of spec.biases) grads.set(n, new Float64Array(H));
  if (model.readout?.W_hy) {
    grads.set('W_hy', zeroMatrix(model.O, H));
    if (model.readout.b_y) grads.set('b_y', new Float64Array(model.O));
  }
  grads.set('h0', new Float64Array(H));
  if (model.cell === 'lstm') grads.set('c0', new Float64Array(H));
  return grads;
}
