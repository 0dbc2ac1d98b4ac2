// TeX for one record, built on demand (never for every record up front): the equation
// symbolically, with the numbers substituted, and the result, as the LSTM slides write them.

import { matrixColumns } from './evaluate';
import { matrixEntry } from '../engine/linalg';
import { gruInnerName, readoutGradName, readoutPreName, type Ref, type TraceRecord } from './records';
import { toRecordTable, type RecordTable } from './recordTable';
import { EXTRA_PLACES, formatWritten, givenPlaces, isGiven, placesInFull, writtenDecimals } from '../engine/carry';
import { formatFixed } from '../engine/rounding';
import { CELL_PARAMS, targetAt, type Model } from '../format/worksheet';

export interface RecordTex {
  /** e.g. i_{2}[1] = \sigma\left([W_{ii} x_{2} + W_{hi} h_{1}][1]\right) */
  readonly symbolic: string;
  /** e.g. = \sigma(4.00) */
  readonly substituted: string;
  /** e.g. = 0.98 */
  readonly result: string;
}

/** Finds any value on the sheet: a given from the model, or a computed value from the records. */
export interface Sheet {
  readonly model: Model;
  readonly records: RecordTable;
  value(q: string, t: number, i: number, j?: number): number;
}

export function createSheet(given: Model, records: RecordTable | readonly TraceRecord[]): Sheet {
  const table = isRecordArray(records) ? toRecordTable(records) : records;
  const model = given.carry === 'rounded' ? { ...given, writtenPlaces: widestPlaces(table, given.decimals) } : given;
  return {
    model,
    records: table,
    value(q, t, i, j) {
      const given = givenValue(model, q, t, i, j);
      if (given !== null) return given;
      const n = table.find(q, t, i, j);
      return n === undefined ? NaN : table.value(n);
    },
  };
}

/**
 * For each quantity, the most places any of its values needs written in full (placesInFull),
 * worked out when first asked for: a large sheet scans its records once for each such quantity.
 */
function widestPlaces(table: RecordTable, decimals: number): (q: string) => number {
  const widest = new Map<string, number>();
  return (q) => {
    let places = widest.get(q);
    if (places !== undefined) return places;
    places = decimals;
    for (let n = 0; n < table.length && places < decimals + EXTRA_PLACES; n++)
      if (table.q(n) === q) places = Math.max(places, placesInFull(table.value(n), decimals));
    widest.set(q, places);
    return places;
  };
}

function isRecordArray(records: RecordTable | readonly TraceRecord[]): records is readonly TraceRecord[] {
  return Array.isArray(records);
}

function givenValue(model: Model, q: string, t: number, i: number, j?: number): number | null {
  if (q === 'x') return model.xs[t - 1]?.[i] ?? null;
  if (q === 'h' && t === 0) return model.h0[i] ?? null;
  if (q === 'c' && t === 0) return model.c0[i] ?? null;
  if (q === 'target') return targetAt(model, t)?.[i] ?? null;
  const W = q === 'W_hy' ? model.readout?.W_hy : model.weights.get(q);
  if (W) return matrixEntry(W, i, j ?? 0);
  const b = q === 'b_y' ? model.readout?.b_y : model.biases.get(q);
  return b ? (b[i] ?? null) : null;
}

/** A parameter's name in TeX: its label where the worksheet gives one ("A", "W_ic"), else PyTorch's. */
export function paramTex(model: Model, name: string): string {
  return identifierTex(model.labels[name] ?? name);
}

/** "W_ic" → W_{ic}; anything else is set as plain text, so a label is never read as TeX. */
export function identifierTex(name: string): string {
  const m = /^([A-Za-z]+)(?:_([A-Za-z0-9]+))?$/.exec(name);
  if (m) return m[2] ? `${m[1]}_{${m[2]}}` : (m[1] as string);
  return `\\text{${name.replace(/[\\{}$&#^_%~]/g, (c) => `\\char${c.charCodeAt(0)}{}`)}}`;
}

/** The TeX of a whole quantity at step t (undefined: the generic step t), e.g. W_{hi} h_{1} for "mv:W_hi" at t = 2. */
export function quantityTex(model: Model, q: string, t: number | undefined, lag = 0): string {
  const at = (k: number) => (t === undefined ? (k === 0 ? '_{t}' : `_{t-${k}}`) : `_{${t - k}}`);
  const now = at(lag);
  const prev = at(lag + 1);
  if (q.startsWith('d:')) return gradientTex(model, q.slice(2), t, lag);
  if (q.startsWith('mv:')) {
    const W = q.slice(3);
    if (W === 'W_hy') return `${paramTex(model, W)}\\,h${now}`;
    const fromInput = CELL_PARAMS[model.cell].input.includes(W);
    return `${paramTex(model, W)}\\,${fromInput ? `x${now}` : `h${prev}`}`;
  }
  // a for the sum inside an activation: z is the GRU's update gate
  if (q === 'pre:h') return `a${now}`;
  if (q.startsWith('pre:')) return `a^{(${q.slice(4)})}${now}`;
  switch (q) {
    case 'f*c':
      return `f${now} \\odot c${prev}`;
    case 'i*g':
      return `i${now} \\odot g${now}`;
    case 'tanh(c)':
      return `\\tanh(c${now})`;
    case 'hn':
      return `(${paramTex(model, 'W_hn')}\\,h${prev} + ${paramTex(model, 'b_hn')})`;
    case 'r*hn': {
      const inner = quantityTex(model, gruInnerName(model), t, lag);
      return `r${now} \\odot ${inner.startsWith('(') ? inner : `(${inner})`}`;
    }
    case '(1-z)*n':
      return `(1 - z${now}) \\odot n${now}`;
    case 'z*h':
      return `z${now} \\odot h${prev}`;
    case 'target':
      return `y^{*}${now}`;
    case 'loss':
      return `L${now}`;
    case 'L':
      return 'L';
  }
  if (/^[a-z]$/.test(q)) return `${q}${now}`;
  return paramTex(model, q);
}

/** ∂L/∂(quantity); the readout's pre-activation is named as the sheet writes it. */
function gradientTex(model: Model, of: string, t: number | undefined, lag: number): string {
  let base = of;
  if (of === 'pre:y') base = readoutPreName(model);
  if (base === 'h' && of === 'pre:y') {
    // no W_hy: ψ acts on h itself; this is the step's own loss through y_t
    const sub = t === undefined ? 't' : String(t - lag);
    return `\\tfrac{\\partial L_{${sub}}}{\\partial h_{${sub}}}`;
  }
  return `\\tfrac{\\partial L}{\\partial ${quantityTex(model, base, t, lag)}}`;
}

/** One value: x_{2}[1], W_{ii}[1,2]; indices are 1-based, as on paper. */
export function refTex(model: Model, ref: Ref): string {
  const base = quantityTex(model, ref.q, isPerStep(ref.q) ? ref.t : undefined, ref.lag ?? 0);
  // a compound symbol (W x, f ⊙ c, tanh(c)) is bracketed before it is indexed; one in parentheses already is
  const compound = /\\,|\\odot|\\tanh|\+/.test(base) && !base.startsWith('\\tfrac') && !/^\(.*\)$/.test(base);
  const wrap = compound ? `[${base}]` : base;
  if (ref.q === 'loss' || ref.q === 'L') return wrap;
  if (ref.i !== undefined && ref.j !== undefined) return `${wrap}[${ref.i + 1},${ref.j + 1}]`;
  if (ref.i !== undefined) return `${wrap}[${ref.i + 1}]`;
  if (ref.j !== undefined) return `${wrap}[:,${ref.j + 1}]`;
  return wrap;
}

function isPerStep(q: string): boolean {
  const base = q.startsWith('d:') ? q.slice(2) : q;
  return !(/^[Wb]_/.test(base) || base === 'L');
}

/** Sums of more terms than this (never on a by-hand sheet) are written with their middle left out. */
export const MAX_WRITTEN_TERMS = 12;

// a product with a 64-wide matrix, or the loss of 256 steps, would otherwise fill the screen with terms
function plus(terms: readonly string[]): string {
  if (terms.length <= MAX_WRITTEN_TERMS) return terms.join(' + ');
  return [...terms.slice(0, 4), '\\cdots', ...terms.slice(-2)].join(' + ');
}

export const FN_TEX: Record<string, string> = {
  sigmoid: '\\sigma',
  tanh: '\\tanh',
  relu: '\\mathrm{ReLU}',
  identity: '',
};

/**
 * The three lines of the equation panel for record n.
 * @param carried  write the numbers substituted as carried: with exact carry, with up to
 *                 EXTRA_PLACES more places than shown, so a student can redo the arithmetic
 */
export function recordTex(sheet: Sheet, n: number, carried = false): RecordTex {
  const r = sheet.records.at(n);
  const { model } = sheet;
  const d = model.decimals;
  // a forward value is written as the sheet writes it (see writtenDecimals), a given as typed; a
  // gradient's reads at d
  const places = (v: number, ref: Ref | undefined) => {
    if (ref === undefined || r.phase !== 'forward') return d;
    if (isGiven(ref.q, ref.t)) return givenPlaces(v, d);
    return carried && model.carry === 'exact' ? placesInFull(v, d) : writtenDecimals(model, ref.q, v);
  };
  const num = (v: number, ref?: Ref) => formatFixed(v, places(v, ref));
  const par = (v: number, ref?: Ref) => (num(v, ref).startsWith('-') ? `(${num(v, ref)})` : num(v, ref));
  const val = (ref: Ref, i = ref.i ?? 0, j = ref.j) => sheet.value(ref.q, ref.t ?? 0, i, j);
  const lhs = refTex(model, { q: r.q, t: r.t, i: r.i, ...(r.j === undefined ? {} : { j: r.j }) });
  const result = `= ${r.phase === 'forward' ? formatWritten(model, r.q, r.value) : formatFixed(r.value, d)}`;
  const el = (ref: Ref, i = ref.i) => refTex(model, { ...ref, ...(i === undefined ? {} : { i }) });
  const [a, b] = r.reads as [Ref, Ref];

  switch (r.op) {
    case 'matvec': {
      const cols = matrixColumns(model, a.q);
      const terms = range(cols).map((j) => `${el({ q: a.q, t: 0, i: r.i, j })}\\,${el(b, j)}`);
      const nums = range(cols).map((j) => `${par(val(a, r.i, j), a)} \\cdot ${par(val(b, j), b)}`);
      return { symbolic: `${lhs} = ${plus(terms)}`, substituted: `= ${plus(nums)}`, result };
    }
    case 'sum':
    case 'total':
      return {
        symbolic: `${lhs} = ${plus(r.reads.map((x) => el(x)))}`,
        substituted: `= ${plus(r.reads.map((x) => par(val(x), x)))}`,
        result,
      };
    case 'activation': {
      const f = FN_TEX[r.fn ?? 'identity'] ?? '';
      return { symbolic: `${lhs} = ${f}\\left(${el(a)}\\right)`, substituted: `= ${f}(${num(val(a), a)})`, result };
    }
    case 'softmax': {
      const O = model.O;
      const e = (k: number) => `e^{${num(val(a, k), a)}}`;
      return {
        symbolic: `${lhs} = \\dfrac{e^{${el(a, r.i)}}}{\\sum_k e^{${el(a)}[k]}}`,
        substituted: `= \\dfrac{${e(r.i)}}{${plus(range(O).map(e))}}`,
        result,
      };
    }
    case 'product':
      return {
        symbolic: `${lhs} = ${el(a)} \\cdot ${el(b)}`,
        substituted: `= ${par(val(a), a)} \\cdot ${par(val(b), b)}`,
        result,
      };
    case 'complementProduct':
      return {
        symbolic: `${lhs} = (1 - ${el(a)}) \\cdot ${el(b)}`,
        substituted: `= (1 - ${par(val(a), a)}) \\cdot ${par(val(b), b)}`,
        result,
      };
    case 'loss':
      return lossTex(sheet, r, lhs, result, num, par);
    case 'grad':
      return gradTex(sheet, r, lhs, result, el, val, par);
  }
}

function lossTex(
  sheet: Sheet,
  r: TraceRecord,
  lhs: string,
  result: string,
  num: (v: number) => string,
  given: (v: number, ref: Ref) => string,
): RecordTex {
  const { model } = sheet;
  const ks = range(model.O);
  const y = (k: number) => sheet.value('y', r.t, k);
  const target: Ref = { q: 'target', t: r.t };
  const par = (v: number) => given(v, target);
  const tg = (k: number) => sheet.value('target', r.t, k);
  const Y = quantityTex(model, 'y', r.t);
  const T = quantityTex(model, 'target', r.t);
  if (r.fn === 'squared_error')
    return {
      symbolic: `${lhs} = \\sum_k (${Y}[k] - ${T}[k])^2`,
      substituted: `= ${plus(ks.map((k) => `(${num(y(k))} - ${par(tg(k))})^2`))}`,
      result,
    };
  if (r.fn === 'cross_entropy')
    return {
      symbolic: `${lhs} = -\\sum_k ${T}[k] \\ln ${Y}[k]`,
      substituted: `= -(${plus(ks.map((k) => `${par(tg(k))} \\ln ${num(y(k))}`))})`,
      result,
    };
  return {
    symbolic: `${lhs} = -\\sum_k \\left[${T}[k] \\ln ${Y}[k] + (1 - ${T}[k]) \\ln(1 - ${Y}[k])\\right]`,
    substituted: `= -(${plus(ks.map((k) => `${par(tg(k))} \\ln ${num(y(k))} + (1 - ${par(tg(k))}) \\ln(1 - ${num(y(k))})`))})`,
    result,
  };
}

function gradTex(
  sheet: Sheet,
  r: TraceRecord,
  lhs: string,
  result: string,
  el: (ref: Ref, i?: number) => string,
  val: (ref: Ref, i?: number, j?: number) => number,
  par: (v: number) => string,
): RecordTex {
  const { model } = sheet;
  const [a, b, c, d, e] = r.reads as Ref[] as [Ref, Ref, Ref, Ref, Ref];
  const line = (symbolic: string, substituted: string): RecordTex => ({
    symbolic: `${lhs} = ${symbolic}`,
    substituted: `= ${substituted}`,
    result,
  });
  switch (r.rule) {
    case 'squared_error':
      return line(`2(${el(a)} - ${el(b)})`, `2(${par(val(a))} - ${par(val(b))})`);
    case 'softmax_cross_entropy':
    case 'sigmoid_binary_cross_entropy':
      return line(`${el(a)} - ${el(b)}`, `${par(val(a))} - ${par(val(b))}`);
    case 'sigmoid':
      return line(`${el(a)} \\cdot ${el(b)}(1 - ${el(b)})`, `${par(val(a))} \\cdot ${par(val(b))}(1 - ${par(val(b))})`);
    case 'tanh':
      return line(`${el(a)} \\cdot (1 - ${el(b)}^2)`, `${par(val(a))} \\cdot (1 - ${par(val(b))}^2)`);
    case 'relu':
      return line(`${el(a)} \\cdot [${el(b)} > 0]`, `${par(val(a))} \\cdot [${par(val(b))} > 0]`);
    case 'identity':
      return line(el(a), par(val(a)));
    case 'softmax': {
      const ks = range(model.O);
      return line(
        `${el(b, r.i)}\\left(${el(a, r.i)} - \\sum_k ${el(b)}[k]\\,${el(a)}[k]\\right)`,
        `${par(val(b, r.i))}\\left(${par(val(a, r.i))} - (${ks.map((k) => `${par(val(b, k))} \\cdot ${par(val(a, k))}`).join(' + ')})\\right)`,
      );
    }
    case 'product':
      return line(`${el(a)} \\cdot ${el(b)}`, `${par(val(a))} \\cdot ${par(val(b))}`);
    case 'complement':
      return line(`${el(a)} \\cdot (1 - ${el(b)})`, `${par(val(a))} \\cdot (1 - ${par(val(b))})`);
    case 'difference':
      return line(`${el(a)} \\cdot (${el(b)} - ${el(c)})`, `${par(val(a))} \\cdot (${par(val(b))} - ${par(val(c))})`);
    case 'backprop_c': {
      if (r.t === 0) return line(`${el(a)} \\cdot ${el(b)}`, `${par(val(a))} \\cdot ${par(val(b))}`);
      const own = `${el(a)} \\cdot ${el(b)} \\cdot (1 - ${el(c)}^2)`;
      const ownNum = `${par(val(a))} \\cdot ${par(val(b))} \\cdot (1 - ${par(val(c))}^2)`;
      return d && e
        ? line(`${own} + ${el(d)} \\cdot ${el(e)}`, `${ownNum} + ${par(val(d))} \\cdot ${par(val(e))}`)
        : line(own, ownNum);
    }
    case 'backprop_h':
      return backpropHTex(sheet, r, line, el, val, par);
    case 'sum_over_steps':
    case 'outer_sum_over_steps':
      return sumOverStepsTex(sheet, r, line, par);
    default:
      return line(r.reads.map((x) => el(x)).join(', '), r.reads.map((x) => par(val(x))).join(', '));
  }
}

/** ∂L/∂h_t[i] = Σ over the pairs it reads: a column of a matrix against a gradient vector, or one value. */
function backpropHTex(
  sheet: Sheet,
  r: TraceRecord,
  line: (s: string, n: string) => RecordTex,
  el: (ref: Ref, i?: number) => string,
  val: (ref: Ref, i?: number, j?: number) => number,
  par: (v: number) => string,
): RecordTex {
  const sym: string[] = [];
  const nums: string[] = [];
  const reads = r.reads;
  for (let k = 0; k < reads.length; k++) {
    const ref = reads[k] as Ref;
    const next = reads[k + 1];
    if (ref.j !== undefined && next) {
      // (Wᵀ d)[i] = Σ_m W[m][i] d[m]
      const rows = range(next.i === undefined ? vectorLength(sheet.model, next.q) : 1);
      sym.push(`(${el({ q: ref.q })}^{\\top} ${el(next)})[${r.i + 1}]`);
      nums.push(rows.map((m) => `${par(val(ref, m, ref.j))} \\cdot ${par(val(next, m))}`).join(' + '));
      k++;
    } else if (next && ref.q === 'd:h' && next.q === 'z') {
      sym.push(`${el(ref)} \\cdot ${el(next)}`);
      nums.push(`${par(val(ref))} \\cdot ${par(val(next))}`);
      k++;
    } else {
      sym.push(el(ref));
      nums.push(par(val(ref)));
    }
  }
  return sym.length === 0 ? line('0', '0') : line(sym.join(' + '), nums.join(' + '));
}

function sumOverStepsTex(
  sheet: Sheet,
  r: TraceRecord,
  line: (s: string, n: string) => RecordTex,
  par: (v: number) => string,
): RecordTex {
  const { model } = sheet;
  const [d, v] = r.reads as [Ref, Ref | undefined];
  const steps = range(model.T)
    .map((k) => k + 1)
    .filter((t) => !Number.isNaN(sheet.value(d.q, t, r.i)));
  const lag = v?.lag ?? 0;
  const dSym = refTex(model, { q: d.q, i: r.i });
  const symbolic = v ? `\\sum_t ${dSym}\\,${refTex(model, { q: v.q, i: r.j ?? 0, lag })}` : `\\sum_t ${dSym}`;
  const nums = steps.map((t) =>
    v
      ? `${par(sheet.value(d.q, t, r.i))} \\cdot ${par(sheet.value(v.q, t - lag, r.j ?? 0))}`
      : par(sheet.value(d.q, t, r.i)),
  );
  return line(symbolic, nums.length ? nums.join(' + ') : '0');
}

/** The length of a gradient vector that ∂L/∂h reads: O for the readout's, H for the cell's. */
function vectorLength(model: Model, q: string): number {
  return q === readoutGradName(model) ? model.O : model.H;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, k) => k);
}
