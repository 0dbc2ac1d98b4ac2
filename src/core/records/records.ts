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

/** The ops by code, as a RecordSink is handed them (an op's code is its index here). */
export const OPS: readonly Op[] = [
  'matvec',
  'sum',
  'activation',
  'softmax',
  'product',
  'complementProduct',
  'loss',
  'total',
  'grad',
];
const OP_CODE = new Map(OPS.map((op, k) => [op, k]));
/** The phases by code. */
export const PHASES: readonly Phase[] = ['forward', 'backward'];
/** An omitted t, i, j, fn or rule, as a RecordSink is handed it. */
export const NONE = -1;

/**
 * Where records are written, one number at a time and nothing allocated: names (quantities,
 * fns, rules) are interned as ids once per run of records, then each record's reads are handed
 * over one `ref` at a time, then the record itself. NONE stands for what a record omits.
 */
export interface RecordSink {
  /** the id of a name; the same name always has the same id */
  id(name: string): number;
  /** one read of the record that comes next (t, i, j: NONE where omitted; lag: 0 for none) */
  ref(q: number, t: number, i: number, j: number, lag: number): void;
  /** a record, reading the refs handed over since the previous record; phase and op by code */
  record(
    phase: number,
    q: number,
    t: number,
    i: number,
    j: number,
    op: number,
    fn: number,
    rule: number,
    value: number,
  ): void;
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
export function forEachRecord(
  model: Model,
  fwd: Forward,
  back: Backward | null,
  out: (record: TraceRecord) => void,
): void {
  emitRecords(model, fwd, back, objectSink(out));
}

/**
 * The records written into a sink (see RecordSink), in the order of buildRecords.
 * @param progress  told the fraction of the steps written (forward, then backward) after each
 *                  step, and 1 at the end: what a progress bar shows while a large file opens
 */
export function emitRecords(
  model: Model,
  fwd: Forward,
  back: Backward | null,
  sink: RecordSink,
  progress?: (fraction: number) => void,
): void {
  const steps = fwd.steps.length * (back ? 2 : 1);
  const stepDone = progress && steps > 0 ? (k: number) => progress(k / steps) : undefined;
  fwd.steps.forEach((s, k) => {
    forwardStepRecords(model, s, k + 1, sink);
    const r = fwd.readouts[k];
    if (r) readoutRecords(model, r, k + 1, sink);
    stepDone?.(k + 1);
  });
  if (model.loss) lossRecords(model, fwd, sink);
  if (back) backwardRecords(model, back, sink, stepDone && ((k) => stepDone(fwd.steps.length + k)));
  progress?.(1);
}

/** A sink that assembles each record as a TraceRecord object and hands it to `out`. */
function objectSink(out: (record: TraceRecord) => void): RecordSink {
  const names: string[] = [];
  const ids = new Map<string, number>();
  let reads: Ref[] = [];
  const nameOf = (k: number) => (k === NONE ? undefined : names[k]);
  return {
    id(name) {
      let k = ids.get(name);
      if (k === undefined) ids.set(name, (k = names.push(name) - 1));
      return k;
    },
    ref(q, t, i, j, lag) {
      reads.push(refObject(names[q] as string, t, i, j, lag));
    },
    record(phase, q, t, i, j, op, fn, rule, value) {
      out(recordObject(phase, names[q] as string, t, i, j, op, nameOf(fn), nameOf(rule), reads, value));
      reads = [];
    },
  };
}

/**
 * A Ref object with the omitted keys left out. Its keys come in the order the trace's JSON has
 * always had them: q, t, i, then lag before j ({ "q": "h", "lag": 1, "j": 0 }).
 */
export function refObject(q: string, t: number, i: number, j: number, lag: number): Ref {
  const r: { q: string; t?: number; i?: number; j?: number; lag?: number } = { q };
  if (t !== NONE) r.t = t;
  if (i !== NONE) r.i = i;
  if (lag !== 0) r.lag = lag;
  if (j !== NONE) r.j = j;
  return r;
}

/** A TraceRecord object (phase and op by code; j, fn and rule left out where NONE or undefined). */
export function recordObject(
  phase: number,
  q: string,
  t: number,
  i: number,
  j: number,
  op: number,
  fn: string | undefined,
  rule: string | undefined,
  reads: readonly Ref[],
  value: number,
): TraceRecord {
  type Built = {
    phase: Phase;
    q: string;
    t: number;
    i: number;
    j?: number;
    op: Op;
    fn?: string;
    rule?: string;
    reads: readonly Ref[];
    value: number;
  };
  const r = { phase: PHASES[phase] as Phase, q, t, i } as Built;
  if (j !== NONE) r.j = j;
  r.op = OPS[op] as Op;
  if (fn !== undefined) r.fn = fn;
  if (rule !== undefined) r.rule = rule;
  r.reads = reads;
  r.value = value;
  return r;
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

// In a Read, the record's own i or j: what changes from one record of a run to the next.
const I = -2;
const J = -3;

/**
 * One read of every record of a run, as a template: `at('f', t)` is f_t[i] for each record's i.
 * Reads are made once per run of records, not once per record.
 */
interface Read {
  readonly q: string;
  /** the step; NONE for every step */
  readonly t: number;
  /** an index, I or J (the record's own), or NONE for all of them */
  readonly i: number;
  readonly j: number;
  readonly lag: number;
}

const read = (q: string, t: number, i: number, j = NONE, lag = 0): Read => ({ q, t, i, j, lag });
/** element i of q_t */
const at = (q: string, t: number) => read(q, t, I);
/** all of q_t */
const all = (q: string, t: number) => read(q, t, NONE);
/** row i of a parameter matrix */
const row = (W: string) => read(W, 0, I);
/** column i of a parameter matrix (∂L/∂h_t[i] reads W[·][i]) */
const col = (W: string) => read(W, 0, NONE, I);

/** The records of one quantity at one step, all made the same way from the same reads. */
class Run {
  private readonly phase: number;
  private readonly q: number;
  private readonly op: number;
  private readonly fn: number;
  private readonly rule: number;
  private readonly ids: number[];

  constructor(
    private readonly sink: RecordSink,
    phase: Phase,
    q: string,
    private readonly t: number,
    op: Op,
    private readonly reads: readonly Read[],
    fn?: string,
    rule?: string,
  ) {
    this.phase = phase === 'forward' ? 0 : 1;
    this.q = sink.id(q);
    this.op = OP_CODE.get(op) as number;
    this.fn = fn === undefined ? NONE : sink.id(fn);
    this.rule = rule === undefined ? NONE : sink.id(rule);
    this.ids = reads.map((r) => sink.id(r.q));
  }

  /** record (i, j) of the run (j: NONE for a vector's) */
  write(i: number, j: number, value: number): void {
    const { sink, reads, ids } = this;
    for (let k = 0; k < reads.length; k++) {
      const r = reads[k] as Read;
      sink.ref(ids[k] as number, r.t, index(r.i, i, j), index(r.j, i, j), r.lag);
    }
    sink.record(this.phase, this.q, this.t, i, j, this.op, this.fn, this.rule, value);
  }
}

const index = (k: number, i: number, j: number) => (k === I ? i : k === J ? j : k);

/** One record per element of `values`, each reading `reads` at its own i. */
function elementwise(
  sink: RecordSink,
  phase: Phase,
  q: string,
  t: number,
  op: Op,
  values: Vector,
  reads: readonly Read[],
  fn?: string,
  rule?: string,
): void {
  const run = new Run(sink, phase, q, t, op, reads, fn, rule);
  for (let i = 0; i < values.length; i++) run.write(i, NONE, values[i] as number);
}

function forwardEach(
  sink: RecordSink,
  q: string,
  t: number,
  op: Op,
  values: Vector,
  reads: readonly Read[],
  fn?: string,
): void {
  elementwise(sink, 'forward', q, t, op, values, reads, fn);
}

function gradEach(sink: RecordSink, q: string, t: number, rule: string, values: Vector, reads: readonly Read[]): void {
  elementwise(sink, 'backward', q, t, 'grad', values, reads, undefined, rule);
}

// (W v)[i] = Σ_j W[i][j] v[j]; v is x_t for an input-side matrix, h_{t−1} for a hidden-side one
function matVecRecords(sink: RecordSink, W: string, fromInput: boolean, t: number, result: Vector): void {
  forwardEach(sink, `mv:${W}`, t, 'matvec', result, [row(W), fromInput ? all('x', t) : all('h', t - 1)]);
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
  sink: RecordSink,
): void {
  const [Wi, Wh, bi, bh] = [`W_${input}`, `W_${hidden}`, `b_${input}`, `b_${hidden}`];
  matVecRecords(sink, Wi, true, t, g.wx);
  matVecRecords(sink, Wh, false, t, g.wh);
  const sumName = fn === 'identity' ? gate : `pre:${gate}`;
  forwardEach(sink, sumName, t, 'sum', g.pre, [
    at(`mv:${Wi}`, t),
    ...(model.givenBiases.has(bi) ? [at(bi, 0)] : []),
    at(`mv:${Wh}`, t),
    ...(model.givenBiases.has(bh) ? [at(bh, 0)] : []),
  ]);
  if (fn !== 'identity') forwardEach(sink, gate, t, 'activation', g.out, [at(sumName, t)], fn);
}

function forwardStepRecords(model: Model, s: StepValues, t: number, sink: RecordSink): void {
  if (model.cell === 'rnn') {
    gateRecords(model, s.gates.h!, t, 'h', 'ih', 'hh', model.activation, sink);
    return;
  }
  if (model.cell === 'lstm') {
    for (const q of GATES.lstm)
      gateRecords(model, s.gates[q]!, t, q, `i${q}`, `h${q}`, q === 'g' ? 'tanh' : 'sigmoid', sink);
    const { fc, ig, tanhC } = s.lstm!;
    // c_t = f ⊙ c_{t−1} + i ⊙ g;  h_t = o ⊙ tanh(c_t)
    forwardEach(sink, 'f*c', t, 'product', fc, [at('f', t), at('c', t - 1)]);
    forwardEach(sink, 'i*g', t, 'product', ig, [at('i', t), at('g', t)]);
    forwardEach(sink, 'c', t, 'sum', s.c!, [at('f*c', t), at('i*g', t)]);
    forwardEach(sink, 'tanh(c)', t, 'activation', tanhC, [at('c', t)], 'tanh');
    forwardEach(sink, 'h', t, 'product', s.h, [at('o', t), at('tanh(c)', t)]);
    return;
  }
  for (const q of ['r', 'z'] as const) gateRecords(model, s.gates[q]!, t, q, `i${q}`, `h${q}`, 'sigmoid', sink);
  // n = tanh(W_in x + b_in + r ⊙ (W_hn h_{t−1} + b_hn));  h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
  const n = s.gates.n!;
  const { hn, rhn, zn, zh } = s.gru!;
  const inner = gruInnerName(model);
  matVecRecords(sink, 'W_in', true, t, n.wx);
  matVecRecords(sink, 'W_hn', false, t, n.wh);
  if (inner === 'hn') forwardEach(sink, 'hn', t, 'sum', hn, [at('mv:W_hn', t), at('b_hn', 0)]);
  forwardEach(sink, 'r*hn', t, 'product', rhn, [at('r', t), at(inner, t)]);
  forwardEach(sink, 'pre:n', t, 'sum', n.pre, [
    at('mv:W_in', t),
    ...(model.givenBiases.has('b_in') ? [at('b_in', 0)] : []),
    at('r*hn', t),
  ]);
  forwardEach(sink, 'n', t, 'activation', n.out, [at('pre:n', t)], 'tanh');
  forwardEach(sink, '(1-z)*n', t, 'complementProduct', zn, [at('z', t), at('n', t)]);
  forwardEach(sink, 'z*h', t, 'product', zh, [at('z', t), at('h', t - 1)]);
  forwardEach(sink, 'h', t, 'sum', s.h, [at('(1-z)*n', t), at('z*h', t)]);
}

function readoutRecords(model: Model, r: ReadoutValues, t: number, sink: RecordSink): void {
  const readout = model.readout!;
  const pre = readoutPreName(model);
  if (r.wy) {
    // without b_y the product is the whole pre-activation, and carries as one (rounded, with rounded carry)
    const mvName = readout.b_y ? 'mv:W_hy' : pre;
    forwardEach(sink, mvName, t, 'matvec', readout.b_y ? r.wy : r.pre, [row('W_hy'), all('h', t)]);
    if (readout.b_y) forwardEach(sink, pre, t, 'sum', r.pre, [at('mv:W_hy', t), at('b_y', 0)]);
    if (pre === 'y') return;
  }
  // y is always written, even where it equals h (a readout y = h with no W_hy)
  if (readout.activation === 'softmax') forwardEach(sink, 'y', t, 'softmax', r.y, [all(pre, t)]);
  else forwardEach(sink, 'y', t, 'activation', r.y, [at(pre, t)], readout.activation);
}

function lossRecords(model: Model, fwd: Forward, sink: RecordSink): void {
  const steps = lossSteps(model);
  for (const t of steps)
    new Run(sink, 'forward', 'loss', t, 'loss', [all('y', t), all('target', t)], model.loss!.kind).write(
      0,
      NONE,
      fwd.stepLosses[t - 1] as number,
    );
  const reads = steps.map((t) => read('loss', t, 0));
  new Run(sink, 'forward', 'L', 0, 'total', reads).write(0, NONE, fwd.loss as number);
}

/** @param stepDone  told how many steps are done, counting back from T */
function backwardRecords(model: Model, back: Backward, sink: RecordSink, stepDone?: (k: number) => void): void {
  for (let t = model.T; t >= 1; t--) {
    const g = back.steps[t - 1] as StepGrads;
    const rg = back.readouts[t - 1] ?? null;
    if (rg) readoutGradRecords(model, rg, t, sink);
    // ∂L/∂h_t: from y_t through W_hy, and from every gate of step t+1
    gradEach(sink, 'd:h', t, 'backprop_h', g.dh, dhReads(model, t, rg !== null));
    cellGradRecords(model, g, t, sink);
    stepDone?.(model.T - t + 1);
  }
  // h0, c0 and the parameters: each gradient summed over the steps
  gradEach(sink, 'd:h', 0, 'backprop_h', back.grads.get('h0') as Vector, dhReads(model, 0, false));
  if (model.cell === 'lstm')
    gradEach(sink, 'd:c', 0, 'backprop_c', back.grads.get('c0') as Vector, [at('d:c', 1), at('f', 1)]);
  const sources = paramGradSources(model);
  for (const [name, gradient] of back.grads) {
    const source = sources.get(name);
    if (!source) continue; // h0, c0: above
    // ∂L/∂b[i] = Σ_t ∂L/∂a_t[i];  ∂L/∂W[i][j] = Σ_t ∂L/∂a_t[i] v_t[j]
    const d = read(source.d, NONE, I);
    if (gradient instanceof Float64Array) gradEach(sink, `d:${name}`, 0, 'sum_over_steps', gradient, [d]);
    else paramMatrixGradRecords(sink, name, gradient, [d, source.v]);
  }
}

function paramMatrixGradRecords(sink: RecordSink, name: string, gradient: Matrix, reads: readonly Read[]): void {
  const run = new Run(sink, 'backward', `d:${name}`, 0, 'grad', reads, undefined, 'outer_sum_over_steps');
  for (let i = 0; i < gradient.rows; i++)
    for (let j = 0; j < gradient.cols; j++) run.write(i, j, matrixEntry(gradient, i, j));
}

// ∂L/∂y and ∂L/∂(pre-activation of ψ) at one step the loss covers
function readoutGradRecords(model: Model, rg: ReadoutGrads, t: number, sink: RecordSink): void {
  const act = model.readout!.activation;
  const kind = model.loss!.kind;
  const dPre = readoutGradName(model);
  if (rg.dy) gradEach(sink, 'd:y', t, 'squared_error', rg.dy, [at('y', t), at('target', t)]);
  if (kind === 'squared_error' && act === 'sigmoid')
    gradEach(sink, dPre, t, 'sigmoid', rg.dPre, [at('d:y', t), at('y', t)]);
  if (kind === 'squared_error' && act === 'softmax')
    gradEach(sink, dPre, t, 'softmax', rg.dPre, [all('d:y', t), all('y', t)]);
  if (kind !== 'squared_error') {
    const rule = kind === 'cross_entropy' ? 'softmax_cross_entropy' : 'sigmoid_binary_cross_entropy';
    gradEach(sink, dPre, t, rule, rg.dPre, [at('y', t), at('target', t)]);
  }
}

/** What ∂L/∂h_t[i] adds up, in pairs (a matrix column, the gradient it multiplies) or single values. */
function dhReads(model: Model, t: number, fromReadout: boolean): Read[] {
  const reads: Read[] = [];
  if (fromReadout) {
    const dPre = readoutGradName(model);
    if (model.readout!.W_hy) reads.push(col('W_hy'), all(dPre, t));
    else reads.push(at(dPre, t));
  }
  if (t === model.T) return reads;
  const next = t + 1;
  // the GRU's h_t also reaches h_{t+1} directly, through z_{t+1} ⊙ h_t
  if (model.cell === 'gru') reads.push(at('d:h', next), at('z', next));
  for (const term of paramGradTerms(model.cell)) {
    if (term.v === 'h') reads.push(col(term.param), all(dPreName(model, term.d), next));
  }
  return reads;
}

function cellGradRecords(model: Model, g: StepGrads, t: number, sink: RecordSink): void {
  if (model.cell === 'rnn') {
    const fn = model.activation;
    // ReLU's derivative needs the pre-activation; tanh's and σ's are written with the output
    const input = fn === 'relu' ? at('pre:h', t) : at('h', t);
    if (fn !== 'identity') gradEach(sink, 'd:pre:h', t, fn, g.dPre.h!, [at('d:h', t), input]);
    return;
  }
  const d = g.dGate;
  if (model.cell === 'lstm') {
    gradEach(sink, 'd:o', t, 'product', d.o!, [at('d:h', t), at('tanh(c)', t)]);
    gradEach(sink, 'd:c', t, 'backprop_c', g.dc!, [
      at('d:h', t),
      at('o', t),
      at('tanh(c)', t),
      ...(t < model.T ? [at('d:c', t + 1), at('f', t + 1)] : []),
    ]);
    gradEach(sink, 'd:i', t, 'product', d.i!, [at('d:c', t), at('g', t)]);
    gradEach(sink, 'd:f', t, 'product', d.f!, [at('d:c', t), at('c', t - 1)]);
    gradEach(sink, 'd:g', t, 'product', d.g!, [at('d:c', t), at('i', t)]);
    for (const q of GATES.lstm)
      gradEach(sink, `d:pre:${q}`, t, q === 'g' ? 'tanh' : 'sigmoid', g.dPre[q]!, [at(`d:${q}`, t), at(q, t)]);
    return;
  }
  // gru: h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}; n = tanh(pre_n); pre_n = W_in x + b_in + r ⊙ hn
  const inner = gruInnerName(model);
  gradEach(sink, 'd:n', t, 'complement', d.n!, [at('d:h', t), at('z', t)]);
  gradEach(sink, 'd:z', t, 'difference', d.z!, [at('d:h', t), at('h', t - 1), at('n', t)]);
  gradEach(sink, 'd:pre:n', t, 'tanh', g.dPre.n!, [at('d:n', t), at('n', t)]);
  gradEach(sink, 'd:r', t, 'product', d.r!, [at('d:pre:n', t), at(inner, t)]);
  gradEach(sink, `d:${inner}`, t, 'product', g.dPre.hn!, [at('d:pre:n', t), at('r', t)]);
  for (const q of ['r', 'z'] as const)
    gradEach(sink, `d:pre:${q}`, t, 'sigmoid', g.dPre[q]!, [at(`d:${q}`, t), at(q, t)]);
}

/**
 * For each parameter gradient: the per-step gradient (d) it sums, and the read (v) of the vector
 * a matrix pairs it with: x_t[j], or h_{t−1}[j], for every step.
 */
function paramGradSources(model: Model): Map<string, { d: string; v: Read }> {
  const sources = new Map<string, { d: string; v: Read }>();
  for (const term of paramGradTerms(model.cell)) {
    const v = term.v === 'x' ? read('x', NONE, NONE, J) : read('h', NONE, NONE, J, 1);
    sources.set(term.param, { d: dPreName(model, term.d), v });
  }
  sources.set('W_hy', { d: readoutGradName(model), v: read('h', NONE, NONE, J) });
  sources.set('b_y', { d: readoutGradName(model), v: read('h', NONE, NONE, J) });
  return sources;
}
