// The per-operation trace records the app renders: one for every number a student writes down,
// forward and backward, each saying what it is, which values it reads, and its value.
// They are read off the engine's Forward/Backward values: no arithmetic is done twice here.
// The record shape is documented in docs/trace.md.

import { paramGradTerms, type ParamGradTerm, type StepGrads, type StepValues } from './cell';
import type { Backward, Forward } from './engine';
import type { GateValues } from './gate';
import { matrixEntry, type Matrix, type Vector } from './linalg';
import type { ReadoutValues } from './readout';
import { CELL_PARAMS, GATES, lossSteps, type Model } from './worksheet';

export type Phase = 'forward' | 'backward';

/**
 * How a record's value is made from what it reads:
 * - matvec: (W v)[i] = Σ_j W[i][j] v[j]; reads [row i of W, all of v]
 * - sum: the terms it reads, added
 * - activation: fn(the one value it reads)
 * - softmax: element i of softmax(the whole vector it reads)
 * - product: the two values it reads, multiplied
 * - complementProduct: (1 − a) · b for reads [a, b]
 * - loss: the loss of one step (rule = the loss kind); reads [y_t, target_t]
 * - total: the sum of the step losses
 * - grad: a backward rule (see `rule`)
 */
export type Op =
  'matvec' | 'sum' | 'activation' | 'softmax' | 'product' | 'complementProduct' | 'loss' | 'total' | 'grad';

/**
 * A value or a run of values on the sheet. `q` names the quantity (see docs/trace.md);
 * t is the step (0: h0, c0, parameters and other values that belong to no step); an omitted
 * t, i or j means "all of them" (a whole vector, a matrix row or column, or every step).
 */
export interface Ref {
  readonly q: string;
  readonly t?: number;
  readonly i?: number;
  readonly j?: number;
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
  /** the function of an activation: sigmoid, tanh, relu, identity; the loss kind of a loss */
  readonly fn?: string;
  /** the derivative rule of a grad record (see docs/trace.md) */
  readonly rule?: string;
  readonly reads: readonly Ref[];
  /** the value carried on: full precision with exact carry, the rounded value with rounded carry */
  readonly value: number;
}

export interface Records {
  readonly records: readonly TraceRecord[];
}

/** Every record, forward then (with a loss) backward, in the order a student works them. */
export function buildRecords(model: Model, fwd: Forward, back: Backward | null): Records {
  const out: TraceRecord[] = [];
  fwd.steps.forEach((s, k) => {
    const t = k + 1;
    forwardStepRecords(model, s, t, out);
    const r = fwd.readouts[k];
    if (r && model.readout) readoutRecords(model, r, t, out);
  });
  if (model.loss) lossRecords(model, fwd, out);
  if (back) backwardRecords(model, back, out);
  return { records: out };
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

type Out = TraceRecord[];

function each(v: Vector, f: (value: number, i: number) => void): void {
  for (let i = 0; i < v.length; i++) f(v[i] as number, i);
}

/** The records of one gate: W_i x, W_h h, the sum, the activation (or the sum itself for identity). */
function gateRecords(
  model: Model,
  g: GateValues,
  t: number,
  names: { out: string; Wi: string; Wh: string; bi: string; bh: string },
  fn: string,
  out: Out,
): void {
  matVecRecords(names.Wi, 'x', t, t, g.wx, out);
  matVecRecords(names.Wh, 'h', t - 1, t, g.wh, out);
  const sumName = fn === 'identity' ? names.out : `pre:${names.out}`;
  each(g.pre, (value, i) => {
    const reads: Ref[] = [{ q: `mv:${names.Wi}`, t, i }];
    if (model.givenBiases.has(names.bi)) reads.push({ q: names.bi, t: 0, i });
    reads.push({ q: `mv:${names.Wh}`, t, i });
    if (model.givenBiases.has(names.bh)) reads.push({ q: names.bh, t: 0, i });
    out.push({ phase: 'forward', q: sumName, t, i, op: 'sum', reads, value });
  });
  if (fn !== 'identity') {
    each(g.out, (value, i) =>
      out.push({ phase: 'forward', q: names.out, t, i, op: 'activation', fn, reads: [{ q: sumName, t, i }], value }),
    );
  }
}

// (W v)[i] = Σ_j W[i][j] v[j]
function matVecRecords(W: string, vector: string, vt: number, t: number, result: Vector, out: Out): void {
  each(result, (value, i) =>
    out.push({
      phase: 'forward',
      q: `mv:${W}`,
      t,
      i,
      op: 'matvec',
      reads: [
        { q: W, t: 0, i },
        { q: vector, t: vt },
      ],
      value,
    }),
  );
}

function forwardStepRecords(model: Model, s: StepValues, t: number, out: Out): void {
  if (model.cell === 'rnn') {
    const names = { out: 'h', Wi: 'W_ih', Wh: 'W_hh', bi: 'b_ih', bh: 'b_hh' };
    gateRecords(model, s.gates.h!, t, names, model.activation, out);
    return;
  }
  if (model.cell === 'lstm') {
    for (const q of GATES.lstm) {
      const names = { out: q, Wi: `W_i${q}`, Wh: `W_h${q}`, bi: `b_i${q}`, bh: `b_h${q}` };
      gateRecords(model, s.gates[q]!, t, names, q === 'g' ? 'tanh' : 'sigmoid', out);
    }
    const { fc, ig, tanhC } = s.lstm!;
    // c_t = f ⊙ c_{t−1} + i ⊙ g;  h_t = o ⊙ tanh(c_t)
    each(fc, (value, i) =>
      out.push(
        rec(
          'f*c',
          t,
          i,
          'product',
          [
            { q: 'f', t, i },
            { q: 'c', t: t - 1, i },
          ],
          value,
        ),
      ),
    );
    each(ig, (value, i) =>
      out.push(
        rec(
          'i*g',
          t,
          i,
          'product',
          [
            { q: 'i', t, i },
            { q: 'g', t, i },
          ],
          value,
        ),
      ),
    );
    each(s.c!, (value, i) =>
      out.push(
        rec(
          'c',
          t,
          i,
          'sum',
          [
            { q: 'f*c', t, i },
            { q: 'i*g', t, i },
          ],
          value,
        ),
      ),
    );
    each(tanhC, (value, i) =>
      out.push({ ...rec('tanh(c)', t, i, 'activation', [{ q: 'c', t, i }], value), fn: 'tanh' }),
    );
    each(s.h, (value, i) =>
      out.push(
        rec(
          'h',
          t,
          i,
          'product',
          [
            { q: 'o', t, i },
            { q: 'tanh(c)', t, i },
          ],
          value,
        ),
      ),
    );
    return;
  }
  for (const q of ['r', 'z'] as const) {
    const names = { out: q, Wi: `W_i${q}`, Wh: `W_h${q}`, bi: `b_i${q}`, bh: `b_h${q}` };
    gateRecords(model, s.gates[q]!, t, names, 'sigmoid', out);
  }
  // n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn));  h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
  const n = s.gates.n!;
  const { hn, rhn, zn, zh } = s.gru!;
  matVecRecords('W_in', 'x', t, t, n.wx, out);
  matVecRecords('W_hn', 'h', t - 1, t, n.wh, out);
  const hasBhn = model.givenBiases.has('b_hn');
  const hnName = hasBhn ? 'hn' : 'mv:W_hn';
  if (hasBhn)
    each(hn, (value, i) =>
      out.push(
        rec(
          'hn',
          t,
          i,
          'sum',
          [
            { q: 'mv:W_hn', t, i },
            { q: 'b_hn', t: 0, i },
          ],
          value,
        ),
      ),
    );
  each(rhn, (value, i) =>
    out.push(
      rec(
        'r*hn',
        t,
        i,
        'product',
        [
          { q: 'r', t, i },
          { q: hnName, t, i },
        ],
        value,
      ),
    ),
  );
  each(n.pre, (value, i) => {
    const reads: Ref[] = [{ q: 'mv:W_in', t, i }];
    if (model.givenBiases.has('b_in')) reads.push({ q: 'b_in', t: 0, i });
    reads.push({ q: 'r*hn', t, i });
    out.push(rec('pre:n', t, i, 'sum', reads, value));
  });
  each(n.out, (value, i) => out.push({ ...rec('n', t, i, 'activation', [{ q: 'pre:n', t, i }], value), fn: 'tanh' }));
  each(zn, (value, i) =>
    out.push(
      rec(
        '(1-z)*n',
        t,
        i,
        'complementProduct',
        [
          { q: 'z', t, i },
          { q: 'n', t, i },
        ],
        value,
      ),
    ),
  );
  each(zh, (value, i) =>
    out.push(
      rec(
        'z*h',
        t,
        i,
        'product',
        [
          { q: 'z', t, i },
          { q: 'h', t: t - 1, i },
        ],
        value,
      ),
    ),
  );
  each(s.h, (value, i) =>
    out.push(
      rec(
        'h',
        t,
        i,
        'sum',
        [
          { q: '(1-z)*n', t, i },
          { q: 'z*h', t, i },
        ],
        value,
      ),
    ),
  );
}

function rec(
  q: string,
  t: number,
  i: number,
  op: Op,
  reads: Ref[],
  value: number,
  phase: Phase = 'forward',
): TraceRecord {
  return { phase, q, t, i, op, reads, value };
}

/** The name of the readout's pre-activation: the sum when there is b_y, else W_hy h, else h itself. */
export function readoutPreName(model: Model): string {
  const r = model.readout;
  if (!r?.W_hy) return 'h';
  if (r.activation === 'identity') return 'y';
  return r.b_y ? 'pre:y' : 'mv:W_hy';
}

function readoutRecords(model: Model, r: ReadoutValues, t: number, out: Out): void {
  const readout = model.readout!;
  const identity = readout.activation === 'identity';
  if (r.wy) {
    const mvName = identity && !readout.b_y ? 'y' : 'mv:W_hy';
    // without b_y the product is the whole pre-activation, and carries as one (rounded, with rounded carry)
    const written = readout.b_y ? r.wy : r.pre;
    each(written, (value, i) =>
      out.push(
        rec(
          mvName,
          t,
          i,
          'matvec',
          [
            { q: 'W_hy', t: 0, i },
            { q: 'h', t },
          ],
          value,
        ),
      ),
    );
    if (readout.b_y) {
      const sumName = identity ? 'y' : 'pre:y';
      each(r.pre, (value, i) =>
        out.push(
          rec(
            sumName,
            t,
            i,
            'sum',
            [
              { q: 'mv:W_hy', t, i },
              { q: 'b_y', t: 0, i },
            ],
            value,
          ),
        ),
      );
    }
    if (identity) return;
  }
  const pre = readoutPreName(model);
  if (readout.activation === 'softmax')
    each(r.y, (value, i) => out.push(rec('y', t, i, 'softmax', [{ q: pre, t }], value)));
  else
    each(r.y, (value, i) =>
      out.push({ ...rec('y', t, i, 'activation', [{ q: pre, t, i }], value), fn: readout.activation }),
    );
}

function lossRecords(model: Model, fwd: Forward, out: Out): void {
  const kind = model.loss!.kind;
  const steps = lossSteps(model);
  for (const t of steps) {
    const value = fwd.stepLosses[t - 1] as number;
    out.push({
      ...rec(
        'loss',
        t,
        0,
        'loss',
        [
          { q: 'y', t },
          { q: 'target', t },
        ],
        value,
      ),
      fn: kind,
    });
  }
  out.push(
    rec(
      'L',
      0,
      0,
      'total',
      steps.map((t) => ({ q: 'loss', t, i: 0 })),
      fwd.loss as number,
    ),
  );
}

function grad(q: string, t: number, i: number, rule: string, reads: Ref[], value: number, j?: number): TraceRecord {
  return j === undefined
    ? { phase: 'backward', q, t, i, op: 'grad', rule, reads, value }
    : { phase: 'backward', q, t, i, j, op: 'grad', rule, reads, value };
}

/** The gradient quantity of a gate's pre-activation: the output's own when the activation is the identity. */
function dPreName(model: Model, gate: string): string {
  return model.cell === 'rnn' && model.activation === 'identity' ? 'd:h' : `d:pre:${gate}`;
}

function backwardRecords(model: Model, back: Backward, out: Out): void {
  const covered = new Set(lossSteps(model));
  const readout = model.readout!;
  const kind = model.loss!.kind;
  for (let t = model.T; t >= 1; t--) {
    const g = back.steps[t - 1] as StepGrads;
    const rg = back.readouts[t - 1];
    if (covered.has(t) && rg) {
      // ∂L/∂y and ∂L/∂(pre-activation of ψ)
      const dPreY = readout.activation === 'identity' ? 'd:y' : 'd:pre:y';
      if (rg.dy)
        each(rg.dy, (value, i) =>
          out.push(
            grad(
              'd:y',
              t,
              i,
              'squared_error',
              [
                { q: 'y', t, i },
                { q: 'target', t, i },
              ],
              value,
            ),
          ),
        );
      if (kind === 'squared_error' && readout.activation === 'sigmoid')
        each(rg.dPre, (value, i) =>
          out.push(
            grad(
              dPreY,
              t,
              i,
              'sigmoid',
              [
                { q: 'd:y', t, i },
                { q: 'y', t, i },
              ],
              value,
            ),
          ),
        );
      else if (kind === 'squared_error' && readout.activation === 'softmax')
        each(rg.dPre, (value, i) =>
          out.push(
            grad(
              dPreY,
              t,
              i,
              'softmax',
              [
                { q: 'd:y', t },
                { q: 'y', t },
              ],
              value,
            ),
          ),
        );
      else if (kind !== 'squared_error') {
        const rule = kind === 'cross_entropy' ? 'softmax_cross_entropy' : 'sigmoid_binary_cross_entropy';
        each(rg.dPre, (value, i) =>
          out.push(
            grad(
              dPreY,
              t,
              i,
              rule,
              [
                { q: 'y', t, i },
                { q: 'target', t, i },
              ],
              value,
            ),
          ),
        );
      }
    }
    // ∂L/∂h_t: from y_t through W_hy, and from every gate of step t+1
    each(g.dh, (value, i) =>
      out.push(grad('d:h', t, i, 'backprop_h', dhReads(model, t, i, covered.has(t) && !!rg), value)),
    );
    cellBackwardRecords(model, g, t, out);
  }
  // h0, c0 and the parameters: each gradient summed over the steps
  const h0 = back.grads.get('h0') as Vector;
  each(h0, (value, i) => out.push(grad('d:h', 0, i, 'backprop_h', dhReads(model, 0, i, false), value)));
  if (model.cell === 'lstm') {
    const c0 = back.grads.get('c0') as Vector;
    each(c0, (value, i) =>
      out.push(
        grad(
          'd:c',
          0,
          i,
          'backprop_c',
          [
            { q: 'd:c', t: 1, i },
            { q: 'f', t: 1, i },
          ],
          value,
        ),
      ),
    );
  }
  for (const [name, gradient] of back.grads) {
    if (name === 'h0' || name === 'c0') continue;
    const source = paramGradSource(model, name);
    if (gradient instanceof Float64Array) {
      each(gradient, (value, i) => out.push(grad(`d:${name}`, 0, i, 'sum_over_steps', [{ q: source.d, i }], value)));
    } else {
      const m = gradient as Matrix;
      for (let i = 0; i < m.rows; i++)
        for (let j = 0; j < m.cols; j++)
          out.push(
            grad(
              `d:${name}`,
              0,
              i,
              'outer_sum_over_steps',
              [
                { q: source.d, i },
                { q: source.v, j },
              ],
              matrixEntry(m, i, j),
              j,
            ),
          );
    }
  }
}

/** What ∂L/∂h_t[i] adds up: W_hyᵀ ∂L/∂pre_y at t, and every path into step t+1. */
function dhReads(model: Model, t: number, i: number, fromReadout: boolean): Ref[] {
  const reads: Ref[] = [];
  if (fromReadout) {
    const dPreY = model.readout!.activation === 'identity' ? 'd:y' : 'd:pre:y';
    reads.push(
      ...(model.readout!.W_hy
        ? [
            { q: 'W_hy', t: 0, j: i },
            { q: dPreY, t: t },
          ]
        : [{ q: dPreY, t: t, i }]),
    );
  }
  if (t === model.T) return reads;
  const next = t + 1;
  const spec = CELL_PARAMS[model.cell];
  if (model.cell === 'gru') {
    reads.push({ q: 'd:h', t: next, i }, { q: 'z', t: next, i });
    reads.push({ q: 'W_hn', t: 0, j: i }, { q: 'd:hn', t: next });
    for (const q of ['r', 'z']) reads.push({ q: `W_h${q}`, t: 0, j: i }, { q: `d:pre:${q}`, t: next });
    return reads;
  }
  const gates = model.cell === 'rnn' ? ['h'] : [...GATES.lstm];
  spec.hidden.forEach((W, k) => reads.push({ q: W, t: 0, j: i }, { q: dPreName(model, gates[k] as string), t: next }));
  return reads;
}

function cellBackwardRecords(model: Model, g: StepGrads, t: number, out: Out): void {
  if (model.cell === 'rnn') {
    if (model.activation !== 'identity')
      each(g.dPre.h!, (value, i) =>
        out.push({
          ...grad(
            'd:pre:h',
            t,
            i,
            model.activation,
            [
              { q: 'd:h', t, i },
              { q: 'pre:h', t, i },
            ],
            value,
          ),
          fn: model.activation,
        }),
      );
    return;
  }
  if (model.cell === 'lstm') {
    const d = g.dGate;
    each(d.o!, (value, i) =>
      out.push(
        grad(
          'd:o',
          t,
          i,
          'product',
          [
            { q: 'd:h', t, i },
            { q: 'tanh(c)', t, i },
          ],
          value,
        ),
      ),
    );
    each(g.dc!, (value, i) => {
      const reads: Ref[] = [
        { q: 'd:h', t, i },
        { q: 'o', t, i },
        { q: 'tanh(c)', t, i },
      ];
      if (t < model.T) reads.push({ q: 'd:c', t: t + 1, i }, { q: 'f', t: t + 1, i });
      out.push(grad('d:c', t, i, 'backprop_c', reads, value));
    });
    each(d.i!, (value, i) =>
      out.push(
        grad(
          'd:i',
          t,
          i,
          'product',
          [
            { q: 'd:c', t, i },
            { q: 'g', t, i },
          ],
          value,
        ),
      ),
    );
    each(d.f!, (value, i) =>
      out.push(
        grad(
          'd:f',
          t,
          i,
          'product',
          [
            { q: 'd:c', t, i },
            { q: 'c', t: t - 1, i },
          ],
          value,
        ),
      ),
    );
    each(d.g!, (value, i) =>
      out.push(
        grad(
          'd:g',
          t,
          i,
          'product',
          [
            { q: 'd:c', t, i },
            { q: 'i', t, i },
          ],
          value,
        ),
      ),
    );
    for (const q of GATES.lstm) {
      const fn = q === 'g' ? 'tanh' : 'sigmoid';
      each(g.dPre[q]!, (value, i) =>
        out.push({
          ...grad(
            `d:pre:${q}`,
            t,
            i,
            fn,
            [
              { q: `d:${q}`, t, i },
              { q, t, i },
            ],
            value,
          ),
          fn,
        }),
      );
    }
    return;
  }
  // gru: h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}; n = tanh(pre_n); pre_n = W_in x + b_in + r ⊙ hn
  const d = g.dGate;
  const hnName = model.givenBiases.has('b_hn') ? 'hn' : 'mv:W_hn';
  each(d.n!, (value, i) =>
    out.push(
      grad(
        'd:n',
        t,
        i,
        'complement',
        [
          { q: 'd:h', t, i },
          { q: 'z', t, i },
        ],
        value,
      ),
    ),
  );
  each(d.z!, (value, i) =>
    out.push(
      grad(
        'd:z',
        t,
        i,
        'difference',
        [
          { q: 'd:h', t, i },
          { q: 'h', t: t - 1, i },
          { q: 'n', t, i },
        ],
        value,
      ),
    ),
  );
  each(g.dPre.n!, (value, i) =>
    out.push({
      ...grad(
        'd:pre:n',
        t,
        i,
        'tanh',
        [
          { q: 'd:n', t, i },
          { q: 'n', t, i },
        ],
        value,
      ),
      fn: 'tanh',
    }),
  );
  each(d.r!, (value, i) =>
    out.push(
      grad(
        'd:r',
        t,
        i,
        'product',
        [
          { q: 'd:pre:n', t, i },
          { q: hnName, t, i },
        ],
        value,
      ),
    ),
  );
  each(g.dPre.hn!, (value, i) =>
    out.push(
      grad(
        'd:hn',
        t,
        i,
        'product',
        [
          { q: 'd:pre:n', t, i },
          { q: 'r', t, i },
        ],
        value,
      ),
    ),
  );
  for (const q of ['r', 'z'] as const) {
    each(g.dPre[q]!, (value, i) =>
      out.push({
        ...grad(
          `d:pre:${q}`,
          t,
          i,
          'sigmoid',
          [
            { q: `d:${q}`, t, i },
            { q, t, i },
          ],
          value,
        ),
        fn: 'sigmoid',
      }),
    );
  }
}

/** Which per-step gradient (d) and which vector (v) a parameter's gradient sums over the steps. */
function paramGradSource(model: Model, name: string): { d: string; v: string } {
  if (name === 'W_hy' || name === 'b_y')
    return { d: model.readout?.activation === 'identity' ? 'd:y' : 'd:pre:y', v: 'h' };
  const term = paramGradTerms(model.cell).find((t) => t.param === name) as ParamGradTerm;
  return { d: term.d === 'hn' ? 'd:hn' : dPreName(model, term.d), v: term.v ?? 'h' };
}
