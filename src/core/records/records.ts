// The per-operation trace records the app renders: one for every number a student writes down,
// forward and backward, each saying what it is, which values it reads, and its value.
// They are read off the engine's Forward/Backward values: no arithmetic is done twice here.
// The record shape is documented in docs/trace.md.

import { paramGradTerms, type StepGrads, type StepValues } from '../engine/cell';
import type { Backward, Forward } from '../engine/engine';
import type { GateValues } from '../engine/gate';
import { matrixEntry, type Matrix, type Vector } from '../engine/linalg';
import type { ReadoutGrads, ReadoutValues } from '../engine/readout';
import { GATES, lossSteps, type Model } from '../format/worksheet';

export type Phase = 'forward' | 'backward';

/**
 * How a record's value is made from what it reads:
 * - matvec: (W v)[i] = Σ_j W[i][j] v[j]; reads [row i of W, all of v]
 * - sum: the terms it reads, added
 * - activation: fn(the one value it reads)
 * - softmax: element i of softmax(the whole vector it reads)
 * - product: the two values it reads, multiplied
 * - complementProduct: (1 − a) · b for reads [a, b]
 * - loss: the loss of one step (fn = the loss kind); reads [y_t, target_t]
 * - total: the sum of the step losses
 * - grad: a backward rule (see `rule`)
 */
export type Op =
  'matvec' | 'sum' | 'activation' | 'softmax' | 'product' | 'complementProduct' | 'loss' | 'total' | 'grad';

/**
 * A value or a run of values on the sheet. `q` names the quantity (see docs/trace.md); t is the
 * step (0: h0, c0, parameters and other values that belong to no step). An omitted i or j means
 * all of them (a whole vector, or a matrix row or column); an omitted t means every step, and
 * then `lag` = 1 means the value one step earlier (h_{t−1} for every step t).
 */
export interface Ref {
  readonly q: string;
  readonly t?: number;
  readonly i?: number;
  readonly j?: number;
  readonly lag?: number;
}

/** Records read by index: an array of them, or the compact RecordTable (see recordTable.ts). */
export interface RecordList {
  readonly length: number;
  at(n: number): TraceRecord | undefined;
}

export interface TraceRecord {
  readonly phase: Phase;
  /** the quantity written, e.g. "pre:i" (the sum inside σ), "i", "mv:W_hi" (W_hi h_{t−1}), "d:c" (∂L/∂c) */
  readonly q: string;
  readonly t: number;
  /** element (row), 0-based */
  readonly i: number;
  /** column, for matrix-valued quantities (parameter gradients) */
  readonly j?: number;
  readonly op: Op;
  /** the function of an activation (sigmoid, tanh, relu, identity); the loss kind of a loss */
  readonly fn?: string;
  /** the derivative rule of a grad record (see docs/trace.md) */
  readonly rule?: string;
  readonly reads: readonly Ref[];
  /** the value carried on: full precision with exact carry, the rounded value with rounded carry */
  readonly value: number;
}

/** Every record, forward then (with a loss) backward, in the order a student works them. */
export function buildRecords(model: Model, fwd: Forward, back: Backward | null): TraceRecord[] {
  const records: TraceRecord[] = [];
  forEachRecord(model, fwd, back, (r) => records.push(r));
  return records;
}

/**
 * The same records, handed to `out` one at a time: a worksheet at the contract's limits has
 * tens of millions of them, more than fit in memory at once.
 */
export function forEachRecord(model: Model, fwd: Forward, back: Backward | null, out: Out): void {
  fwd.steps.forEach((s, k) => {
    forwardStepRecords(model, s, k + 1, out);
    const r = fwd.readouts[k];
    if (r) readoutRecords(model, r, k + 1, out);
  });
  if (model.loss) lossRecords(model, fwd, out);
  if (back) backwardRecords(model, back, out);
}

/** The key of a single value's place, for looking records up: "q@t[i]" or "q@t[i][j]". */
export function slotKey(q: string, t: number, i: number, j?: number): string {
  return j === undefined ? `${q}@${t}[${i}]` : `${q}@${t}[${i}][${j}]`;
}

/** The records by slotKey, for finding what a cell of the sheet holds. */
export function indexRecords(records: readonly TraceRecord[]): Map<string, number> {
  const index = new Map<string, number>();
  records.forEach((r, n) => index.set(slotKey(r.q, r.t, r.i, r.j), n));
  return index;
}

/** The readout's pre-activation on the sheet: the sum with b_y, else W_hy h, else h itself; y for the identity. */
export function readoutPreName(model: Model): string {
  const r = model.readout;
  if (!r?.W_hy) return 'h';
  if (r.activation === 'identity') return 'y';
  return r.b_y ? 'pre:y' : 'mv:W_hy';
}

/** The gradient of the readout's pre-activation: ∂L/∂y itself when ψ is the identity. */
export function readoutGradName(model: Model): string {
  return model.readout?.activation === 'identity' ? 'd:y' : 'd:pre:y';
}

/** The GRU's W_hn h_{t−1} + b_hn on the sheet: its own sum when the file gives b_hn, else the product. */
export function gruInnerName(model: Model): string {
  return model.givenBiases.has('b_hn') ? 'hn' : 'mv:W_hn';
}

/** The gradient quantity of a StepGrads.dPre key (a gate, or the GRU's hn). */
function dPreName(model: Model, key: string): string {
  if (key === 'hn') return `d:${gruInnerName(model)}`;
  if (model.cell === 'rnn' && model.activation === 'identity') return 'd:h';
  return `d:pre:${key}`;
}

type Out = (record: TraceRecord) => void;

/** One record per element of `values`, each reading what `reads(i)` says. */
function elementwise(
  out: Out,
  phase: Phase,
  q: string,
  t: number,
  op: Op,
  values: Vector,
  reads: (i: number) => Ref[],
  extra: { fn?: string; rule?: string } = {},
): void {
  for (let i = 0; i < values.length; i++)
    out({ phase, q, t, i, op, ...extra, reads: reads(i), value: values[i] as number });
}

function forwardEach(
  out: Out,
  q: string,
  t: number,
  op: Op,
  values: Vector,
  reads: (i: number) => Ref[],
  fn?: string,
): void {
  elementwise(out, 'forward', q, t, op, values, reads, fn === undefined ? {} : { fn });
}

function gradEach(out: Out, q: string, t: number, rule: string, values: Vector, reads: (i: number) => Ref[]): void {
  elementwise(out, 'backward', q, t, 'grad', values, reads, { rule });
}

// (W v)[i] = Σ_j W[i][j] v[j]; v is x_t for an input-side matrix, h_{t−1} for a hidden-side one
function matVecRecords(out: Out, W: string, fromInput: boolean, t: number, result: Vector): void {
  const v: Ref = fromInput ? { q: 'x', t } : { q: 'h', t: t - 1 };
  forwardEach(out, `mv:${W}`, t, 'matvec', result, (i) => [{ q: W, t: 0, i }, v]);
}

/** One gate: W_i x, W_h h, the sum, and the activation (with the identity, the sum is the output). */
function gateRecords(
  model: Model,
  g: GateValues,
  t: number,
  gate: string,
  input: string,
  hidden: string,
  fn: string,
  out: Out,
): void {
  const [Wi, Wh, bi, bh] = [`W_${input}`, `W_${hidden}`, `b_${input}`, `b_${hidden}`];
  matVecRecords(out, Wi, true, t, g.wx);
  matVecRecords(out, Wh, false, t, g.wh);
  const sumName = fn === 'identity' ? gate : `pre:${gate}`;
  forwardEach(out, sumName, t, 'sum', g.pre, (i) => [
    { q: `mv:${Wi}`, t, i },
    ...(model.givenBiases.has(bi) ? [{ q: bi, t: 0, i }] : []),
    { q: `mv:${Wh}`, t, i },
    ...(model.givenBiases.has(bh) ? [{ q: bh, t: 0, i }] : []),
  ]);
  if (fn !== 'identity') forwardEach(out, gate, t, 'activation', g.out, (i) => [{ q: sumName, t, i }], fn);
}

function forwardStepRecords(model: Model, s: StepValues, t: number, out: Out): void {
  if (model.cell === 'rnn') {
    gateRecords(model, s.gates.h!, t, 'h', 'ih', 'hh', model.activation, out);
    return;
  }
  if (model.cell === 'lstm') {
    for (const q of GATES.lstm)
      gateRecords(model, s.gates[q]!, t, q, `i${q}`, `h${q}`, q === 'g' ? 'tanh' : 'sigmoid', out);
    const { fc, ig, tanhC } = s.lstm!;
    // c_t = f ⊙ c_{t−1} + i ⊙ g;  h_t = o ⊙ tanh(c_t)
    forwardEach(out, 'f*c', t, 'product', fc, (i) => [
      { q: 'f', t, i },
      { q: 'c', t: t - 1, i },
    ]);
    forwardEach(out, 'i*g', t, 'product', ig, (i) => [
      { q: 'i', t, i },
      { q: 'g', t, i },
    ]);
    forwardEach(out, 'c', t, 'sum', s.c!, (i) => [
      { q: 'f*c', t, i },
      { q: 'i*g', t, i },
    ]);
    forwardEach(out, 'tanh(c)', t, 'activation', tanhC, (i) => [{ q: 'c', t, i }], 'tanh');
    forwardEach(out, 'h', t, 'product', s.h, (i) => [
      { q: 'o', t, i },
      { q: 'tanh(c)', t, i },
    ]);
    return;
  }
  for (const q of ['r', 'z'] as const) gateRecords(model, s.gates[q]!, t, q, `i${q}`, `h${q}`, 'sigmoid', out);
  // n = tanh(W_in x + b_in + r ⊙ (W_hn h_{t−1} + b_hn));  h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
  const n = s.gates.n!;
  const { hn, rhn, zn, zh } = s.gru!;
  const inner = gruInnerName(model);
  matVecRecords(out, 'W_in', true, t, n.wx);
  matVecRecords(out, 'W_hn', false, t, n.wh);
  if (inner === 'hn')
    forwardEach(out, 'hn', t, 'sum', hn, (i) => [
      { q: 'mv:W_hn', t, i },
      { q: 'b_hn', t: 0, i },
    ]);
  forwardEach(out, 'r*hn', t, 'product', rhn, (i) => [
    { q: 'r', t, i },
    { q: inner, t, i },
  ]);
  forwardEach(out, 'pre:n', t, 'sum', n.pre, (i) => [
    { q: 'mv:W_in', t, i },
    ...(model.givenBiases.has('b_in') ? [{ q: 'b_in', t: 0, i }] : []),
    { q: 'r*hn', t, i },
  ]);
  forwardEach(out, 'n', t, 'activation', n.out, (i) => [{ q: 'pre:n', t, i }], 'tanh');
  forwardEach(out, '(1-z)*n', t, 'complementProduct', zn, (i) => [
    { q: 'z', t, i },
    { q: 'n', t, i },
  ]);
  forwardEach(out, 'z*h', t, 'product', zh, (i) => [
    { q: 'z', t, i },
    { q: 'h', t: t - 1, i },
  ]);
  forwardEach(out, 'h', t, 'sum', s.h, (i) => [
    { q: '(1-z)*n', t, i },
    { q: 'z*h', t, i },
  ]);
}

function readoutRecords(model: Model, r: ReadoutValues, t: number, out: Out): void {
  const readout = model.readout!;
  const pre = readoutPreName(model);
  if (r.wy) {
    // without b_y the product is the whole pre-activation, and carries as one (rounded, with rounded carry)
    const mvName = readout.b_y ? 'mv:W_hy' : pre;
    forwardEach(out, mvName, t, 'matvec', readout.b_y ? r.wy : r.pre, (i) => [
      { q: 'W_hy', t: 0, i },
      { q: 'h', t },
    ]);
    if (readout.b_y)
      forwardEach(out, pre, t, 'sum', r.pre, (i) => [
        { q: 'mv:W_hy', t, i },
        { q: 'b_y', t: 0, i },
      ]);
    if (pre === 'y') return;
  }
  // y is always written, even where it equals h (a readout y = h with no W_hy)
  if (readout.activation === 'softmax') forwardEach(out, 'y', t, 'softmax', r.y, () => [{ q: pre, t }]);
  else forwardEach(out, 'y', t, 'activation', r.y, (i) => [{ q: pre, t, i }], readout.activation);
}

function lossRecords(model: Model, fwd: Forward, out: Out): void {
  const steps = lossSteps(model);
  for (const t of steps) {
    const value = fwd.stepLosses[t - 1] as number;
    out({
      phase: 'forward',
      q: 'loss',
      t,
      i: 0,
      op: 'loss',
      fn: model.loss!.kind,
      reads: [
        { q: 'y', t },
        { q: 'target', t },
      ],
      value,
    });
  }
  const reads = steps.map((t) => ({ q: 'loss', t, i: 0 }));
  out({ phase: 'forward', q: 'L', t: 0, i: 0, op: 'total', reads, value: fwd.loss as number });
}

function backwardRecords(model: Model, back: Backward, out: Out): void {
  for (let t = model.T; t >= 1; t--) {
    const g = back.steps[t - 1] as StepGrads;
    const rg = back.readouts[t - 1] ?? null;
    if (rg) readoutGradRecords(model, rg, t, out);
    // ∂L/∂h_t: from y_t through W_hy, and from every gate of step t+1
    gradEach(out, 'd:h', t, 'backprop_h', g.dh, (i) => dhReads(model, t, i, rg !== null));
    cellGradRecords(model, g, t, out);
  }
  // h0, c0 and the parameters: each gradient summed over the steps
  gradEach(out, 'd:h', 0, 'backprop_h', back.grads.get('h0') as Vector, (i) => dhReads(model, 0, i, false));
  if (model.cell === 'lstm')
    gradEach(out, 'd:c', 0, 'backprop_c', back.grads.get('c0') as Vector, (i) => [
      { q: 'd:c', t: 1, i },
      { q: 'f', t: 1, i },
    ]);
  const sources = paramGradSources(model);
  for (const [name, gradient] of back.grads) {
    const source = sources.get(name);
    if (!source) continue; // h0, c0: above
    if (gradient instanceof Float64Array)
      gradEach(out, `d:${name}`, 0, 'sum_over_steps', gradient, (i) => [{ q: source.d, i }]);
    else paramMatrixGradRecords(out, name, gradient, source);
  }
}

function paramMatrixGradRecords(out: Out, name: string, gradient: Matrix, source: { d: string; v: Ref }): void {
  for (let i = 0; i < gradient.rows; i++)
    for (let j = 0; j < gradient.cols; j++)
      out({
        phase: 'backward',
        q: `d:${name}`,
        t: 0,
        i,
        j,
        op: 'grad',
        rule: 'outer_sum_over_steps',
        reads: [
          { q: source.d, i },
          { ...source.v, j },
        ],
        value: matrixEntry(gradient, i, j),
      });
}

// ∂L/∂y and ∂L/∂(pre-activation of ψ) at one step the loss covers
function readoutGradRecords(model: Model, rg: ReadoutGrads, t: number, out: Out): void {
  const act = model.readout!.activation;
  const kind = model.loss!.kind;
  const dPre = readoutGradName(model);
  if (rg.dy)
    gradEach(out, 'd:y', t, 'squared_error', rg.dy, (i) => [
      { q: 'y', t, i },
      { q: 'target', t, i },
    ]);
  if (kind === 'squared_error' && act === 'sigmoid')
    gradEach(out, dPre, t, 'sigmoid', rg.dPre, (i) => [
      { q: 'd:y', t, i },
      { q: 'y', t, i },
    ]);
  if (kind === 'squared_error' && act === 'softmax')
    gradEach(out, dPre, t, 'softmax', rg.dPre, () => [
      { q: 'd:y', t },
      { q: 'y', t },
    ]);
  if (kind !== 'squared_error') {
    const rule = kind === 'cross_entropy' ? 'softmax_cross_entropy' : 'sigmoid_binary_cross_entropy';
    gradEach(out, dPre, t, rule, rg.dPre, (i) => [
      { q: 'y', t, i },
      { q: 'target', t, i },
    ]);
  }
}

/** What ∂L/∂h_t[i] adds up, in pairs (a matrix column, the gradient it multiplies) or single values. */
function dhReads(model: Model, t: number, i: number, fromReadout: boolean): Ref[] {
  const reads: Ref[] = [];
  if (fromReadout) {
    const dPre = readoutGradName(model);
    reads.push(
      ...(model.readout!.W_hy
        ? [
            { q: 'W_hy', t: 0, j: i },
            { q: dPre, t },
          ]
        : [{ q: dPre, t, i }]),
    );
  }
  if (t === model.T) return reads;
  const next = t + 1;
  // the GRU's h_t also reaches h_{t+1} directly, through z_{t+1} ⊙ h_t
  if (model.cell === 'gru') reads.push({ q: 'd:h', t: next, i }, { q: 'z', t: next, i });
  for (const term of paramGradTerms(model.cell)) {
    if (term.v === 'h') reads.push({ q: term.param, t: 0, j: i }, { q: dPreName(model, term.d), t: next });
  }
  return reads;
}

function cellGradRecords(model: Model, g: StepGrads, t: number, out: Out): void {
  if (model.cell === 'rnn') {
    const fn = model.activation;
    // ReLU's derivative needs the pre-activation; tanh's and σ's are written with the output
    const at = (i: number): Ref => (fn === 'relu' ? { q: 'pre:h', t, i } : { q: 'h', t, i });
    if (fn !== 'identity') gradEach(out, 'd:pre:h', t, fn, g.dPre.h!, (i) => [{ q: 'd:h', t, i }, at(i)]);
    return;
  }
  const d = g.dGate;
  if (model.cell === 'lstm') {
    gradEach(out, 'd:o', t, 'product', d.o!, (i) => [
      { q: 'd:h', t, i },
      { q: 'tanh(c)', t, i },
    ]);
    gradEach(out, 'd:c', t, 'backprop_c', g.dc!, (i) => [
      { q: 'd:h', t, i },
      { q: 'o', t, i },
      { q: 'tanh(c)', t, i },
      ...(t < model.T
        ? [
            { q: 'd:c', t: t + 1, i },
            { q: 'f', t: t + 1, i },
          ]
        : []),
    ]);
    gradEach(out, 'd:i', t, 'product', d.i!, (i) => [
      { q: 'd:c', t, i },
      { q: 'g', t, i },
    ]);
    gradEach(out, 'd:f', t, 'product', d.f!, (i) => [
      { q: 'd:c', t, i },
      { q: 'c', t: t - 1, i },
    ]);
    gradEach(out, 'd:g', t, 'product', d.g!, (i) => [
      { q: 'd:c', t, i },
      { q: 'i', t, i },
    ]);
    for (const q of GATES.lstm)
      gradEach(out, `d:pre:${q}`, t, q === 'g' ? 'tanh' : 'sigmoid', g.dPre[q]!, (i) => [
        { q: `d:${q}`, t, i },
        { q, t, i },
      ]);
    return;
  }
  // gru: h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}; n = tanh(pre_n); pre_n = W_in x + b_in + r ⊙ hn
  const inner = gruInnerName(model);
  gradEach(out, 'd:n', t, 'complement', d.n!, (i) => [
    { q: 'd:h', t, i },
    { q: 'z', t, i },
  ]);
  gradEach(out, 'd:z', t, 'difference', d.z!, (i) => [
    { q: 'd:h', t, i },
    { q: 'h', t: t - 1, i },
    { q: 'n', t, i },
  ]);
  gradEach(out, 'd:pre:n', t, 'tanh', g.dPre.n!, (i) => [
    { q: 'd:n', t, i },
    { q: 'n', t, i },
  ]);
  gradEach(out, 'd:r', t, 'product', d.r!, (i) => [
    { q: 'd:pre:n', t, i },
    { q: inner, t, i },
  ]);
  gradEach(out, `d:${inner}`, t, 'product', g.dPre.hn!, (i) => [
    { q: 'd:pre:n', t, i },
    { q: 'r', t, i },
  ]);
  for (const q of ['r', 'z'] as const)
    gradEach(out, `d:pre:${q}`, t, 'sigmoid', g.dPre[q]!, (i) => [
      { q: `d:${q}`, t, i },
      { q, t, i },
    ]);
}

/** For each parameter gradient: the per-step gradient (d) it sums, and the vector (v) a matrix pairs it with. */
function paramGradSources(model: Model): Map<string, { d: string; v: Ref }> {
  const sources = new Map<string, { d: string; v: Ref }>();
  for (const term of paramGradTerms(model.cell)) {
    sources.set(term.param, { d: dPreName(model, term.d), v: term.v === 'x' ? { q: 'x' } : { q: 'h', lag: 1 } });
  }
  sources.set('W_hy', { d: readoutGradName(model), v: { q: 'h' } });
  sources.set('b_y', { d: readoutGradName(model), v: { q: 'h' } });
  return sources;
}
