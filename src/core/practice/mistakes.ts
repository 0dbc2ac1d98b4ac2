// Common slips a student makes on a worksheet, recognised from the wrong number alone: each is
// a value the slip would have produced, and a typed answer that matches it (within half a unit)
// is named. The first match in the order below wins, so the most specific slip is reported.
import { isWithinTolerance } from './answer';
import { writtenDecimals } from '../engine/carry';
import { roundHalfAwayFromZero } from '../engine/rounding';
import {
  backpropHTerms,
  evaluateRecord,
  matrixColumns,
  rowTimesVector,
  type GradTerm,
  type Lookup,
} from '../records/evaluate';
import type { Ref, TraceRecord } from '../records/records';
import type { Model } from '../format/worksheet';

export type Mistake =
  /** the answer follows from the student's own earlier answers, where they differ from the sheet's */
  | {
      readonly kind: 'fromOwnAnswers';
      /** the cells read whose own value is not the sheet's, in the order read */
      readonly cells: readonly Cell[];
      /** every one of them is right, only rounded where the sheet keeps more places */
      readonly rounded: boolean;
    }
  /** right at the sheet's decimals, where the sheet keeps this value in full (with `places` places) */
  | { readonly kind: 'keptInFull'; readonly places: number }
  /** the sheet's own value, where "follow my numbers" checks against the student's */
  | { readonly kind: 'sheetValueWhileFollowing' }
  /** a sum with one of its terms left out (a bias, often) */
  | { readonly kind: 'missingTerm'; readonly cell: Cell }
  /** the value inside the activation, not after it */
  | { readonly kind: 'beforeActivation'; readonly fn: string }
  /** another row of the matrix times the vector (which may also be a column: the matrix transposed) */
  | { readonly kind: 'wrongRow'; readonly row: number; readonly alsoTransposed: boolean }
  /** column i instead of row i: the matrix taken transposed */
  | { readonly kind: 'transposed' }
  /** the right size with the wrong sign, or one term of a sum with its sign flipped */
  | { readonly kind: 'signSlip' }
  /** rounded earlier values where the sheet carries them exactly */
  | { readonly kind: 'roundedInsteadOfExact' }
  /** carried exact values where the sheet rounds what it writes down */
  | { readonly kind: 'exactInsteadOfRounded' }
  /** h = o ⊙ tanh(c) worked as o ⊙ c, or c itself: tanh forgotten */
  | { readonly kind: 'tanhForgotten'; readonly alone: boolean }
  /** ∂L/∂h_t without what comes back from step t+1 */
  | { readonly kind: 'recurrentLeftOut' }
  /** the gradient passed through an activation as it came, its derivative left out */
  | { readonly kind: 'derivativeLeftOut'; readonly fn: string }
  /** the derivative written with the value inside the activation (1 − a² for 1 − h²) */
  | { readonly kind: 'derivativeAtInput'; readonly fn: string }
  /** the activation itself where its derivative belongs (σ for σ′) */
  | { readonly kind: 'derivativeAsFunction'; readonly fn: string }
  /** W δ where Wᵀ δ belongs */
  | { readonly kind: 'notTransposed' }
  /** target − y where y − target belongs */
  | { readonly kind: 'targetMinusOutput' };

/** One value on the sheet: quantity, step, row. */
export interface Cell {
  readonly q: string;
  readonly t: number;
  readonly i: number;
}

export interface MistakeContext {
  readonly model: Model;
  /** the values the answer is checked against (the worksheet's, or the student's own) */
  readonly value: Lookup;
  /** the same slot's value had the worksheet carried the other way (rounded ↔ exact) */
  readonly otherCarry?: number | undefined;
  /** the student's own value of a cell where they have written one, else undefined */
  readonly own?: ((q: string, t: number, i: number) => number | undefined) | undefined;
  /** with "follow my numbers" on: the sheet's own value of the cell (`expected` is then the student's) */
  readonly sheetValue?: number | undefined;
}

/** The slip that explains `answer` for record `r`, whose right value is `expected`; null if none does. */
export function recogniseMistake(
  r: TraceRecord,
  answer: number,
  expected: number,
  ctx: MistakeContext,
): Mistake | null {
  const { model, value } = ctx;
  // the places the sheet writes this value with (more than its decimals where it is kept in full)
  const places = writtenDecimals(model, r.q, expected);
  const near = (candidate: number) =>
    Number.isFinite(candidate) &&
    isWithinTolerance(answer, candidate, places) &&
    !isWithinTolerance(answer, expected, places);
  const [a, b] = r.reads as [Ref, Ref];
  const at = (ref: Ref, i = ref.i ?? 0) => value(ref.q, ref.t ?? 0, i, ref.j);

  // the value itself, rounded to the sheet's decimals (0.70 for 0.7008), where it is kept in full
  if (places > model.decimals && isWithinTolerance(answer, roundHalfAwayFromZero(expected, model.decimals), places))
    return { kind: 'keptInFull', places };
  if (ctx.sheetValue !== undefined && near(ctx.sheetValue)) return { kind: 'sheetValueWhileFollowing' };
  const fromOwn = ctx.own ? fromOwnAnswers(r, ctx.own, ctx) : null;
  if (fromOwn && near(fromOwn.implied)) return fromOwn.mistake;
  if ((r.op === 'activation' || r.op === 'softmax') && r.fn !== 'identity' && near(at(a, r.i)))
    return { kind: 'beforeActivation', fn: r.op === 'softmax' ? 'softmax' : (r.fn ?? 'identity') };
  const forgotten = r.op === 'product' && b?.q === 'tanh(c)' ? tanhForgotten(r, near, value) : null;
  if (forgotten) return forgotten;
  // the backward slips come before the sign slip: 2(ŷ − y) is −∂L/∂y, and is named for what it is
  const backward = r.op === 'grad' ? backwardSlip(model, r, near, value) : null;
  if (backward) return backward;
  // the answer with its sign flipped is the likelier slip than another row that happens to give it
  if (near(-expected)) return { kind: 'signSlip' };
  // σ(−a) for σ(a): the sum inside taken with the wrong sign
  if (
    r.op === 'activation' &&
    r.fn !== 'identity' &&
    r.fn !== 'relu' &&
    near(evaluateRecord(model, r, negated(value, a)))
  )
    return { kind: 'signSlip' };
  if (r.op === 'matvec') {
    const rows = a.q === 'W_hy' ? model.O : model.H;
    // Wᵀ's row i is W's column i; only a square matrix can be taken either way
    const columnTimesVector = () => Array.from({ length: rows }, (_v, k) => value(a.q, 0, k, r.i) * at(b, k));
    const transposed = matrixColumns(model, a.q) === rows && near(columnTimesVector().reduce((s, x) => s + x, 0));
    for (let k = 0; k < rows; k++)
      if (k !== r.i && near(rowTimesVector(model, a.q, k, (j) => at(b, j), value)))
        return { kind: 'wrongRow', row: k, alsoTransposed: transposed };
    if (transposed) return { kind: 'transposed' };
  }
  if (r.op === 'sum' || r.op === 'matvec') {
    const terms =
      r.op === 'sum'
        ? r.reads.map((ref) => at(ref))
        : Array.from({ length: matrixColumns(model, a.q) }, (_v, j) => value(a.q, 0, r.i, j) * at(b, j));
    if (terms.some((term) => near(expected - 2 * term))) return { kind: 'signSlip' };
  }
  if (r.rule === 'backprop_h' && backpropHTerms(model, r, value).some((term) => near(expected - 2 * term.value)))
    return { kind: 'signSlip' };
  if (r.op === 'sum') {
    const left = r.reads.find((ref) => near(expected - at(ref)));
    if (left) return { kind: 'missingTerm', cell: { q: left.q, t: left.t ?? 0, i: left.i ?? 0 } };
  }
  // only where the student's own earlier numbers do not already explain the answer (or clear it)
  if (ctx.otherCarry !== undefined && !fromOwn && near(ctx.otherCarry))
    return { kind: model.carry === 'exact' ? 'roundedInsteadOfExact' : 'exactInsteadOfRounded' };
  return null;
}

/**
 * Record r worked from the student's own values: what it gives, and the cells it read where
 * those differ from the sheet's; null when the student's values are all the sheet's.
 */
function fromOwnAnswers(
  r: TraceRecord,
  own: NonNullable<MistakeContext['own']>,
  ctx: MistakeContext,
): { implied: number; mistake: Mistake } | null {
  const cells: Cell[] = [];
  let rounded = true;
  const implied = evaluateRecord(ctx.model, r, (q, t, i, j) => {
    const sheet = ctx.value(q, t, i, j);
    const mine = j === undefined ? own(q, t, i) : undefined;
    if (mine === undefined || mine === sheet) return sheet;
    if (!cells.some((c) => c.q === q && c.t === t && c.i === i)) cells.push({ q, t, i });
    if (!isWithinTolerance(mine, sheet, ctx.model.decimals)) rounded = false;
    return mine;
  });
  return cells.length === 0 ? null : { implied, mistake: { kind: 'fromOwnAnswers', cells, rounded } };
}

type Near = (candidate: number) => boolean;

/** h_t = o_t ⊙ tanh(c_t) typed as o_t ⊙ c_t, or as c_t alone. */
function tanhForgotten(r: TraceRecord, near: Near, value: Lookup): Mistake | null {
  const o = value('o', r.t, r.i);
  const c = value('c', r.t, r.i);
  if (near(o * c)) return { kind: 'tanhForgotten', alone: false };
  if (near(c)) return { kind: 'tanhForgotten', alone: true };
  return null;
}

/** The common slips of backpropagation through time, by the rule of the record. */
function backwardSlip(model: Model, r: TraceRecord, near: Near, value: Lookup): Mistake | null {
  const at = (ref: Ref | undefined, i = ref?.i ?? 0) => (ref ? value(ref.q, ref.t ?? 0, i, ref.j) : NaN);
  const [a, b, c, d, e] = r.reads as [Ref, Ref, Ref | undefined, Ref | undefined, Ref | undefined];
  switch (r.rule) {
    case 'squared_error':
      return near(2 * (at(b) - at(a))) ? { kind: 'targetMinusOutput' } : null;
    case 'softmax_cross_entropy':
    case 'sigmoid_binary_cross_entropy':
      return near(at(b) - at(a)) ? { kind: 'targetMinusOutput' } : null;
    case 'backprop_h':
      return backpropHSlip(backpropHTerms(model, r, value), near);
    case 'sigmoid':
    case 'tanh':
    case 'relu': {
      const fn = r.rule;
      // the value inside the activation: pre:G beside d:pre:G (NaN where the sheet names it otherwise)
      const input = fn === 'relu' ? at(b) : value(r.q.slice(2), r.t, r.i);
      return derivativeSlip(fn, at(a), fn === 'relu' ? NaN : at(b), input, near);
    }
    case 'backprop_c': {
      if (r.t === 0) return null;
      // ∂L/∂h ⊙ o ⊙ tanh′(c) + ∂L/∂c_{t+1} ⊙ f_{t+1}: the slips are in tanh′(c)
      const through = at(a) * at(b);
      const rest = d && e ? at(d) * at(e) : 0;
      const shifted: Near = (candidate) => near(through * candidate + rest);
      return derivativeSlip('tanh', 1, at(c), value('c', r.t, r.i), shifted);
    }
    default:
      return null;
  }
}

/**
 * The slips in g · f′ for an activation f with output `out` and input `input`: f′ left out (g
 * alone), f′ taken at the input (g · (1 − a²), g · a(1 − a)), or f itself for f′ (g · out).
 */
function derivativeSlip(fn: string, g: number, out: number, input: number, near: Near): Mistake | null {
  if (near(g)) return { kind: 'derivativeLeftOut', fn };
  const atInput = fn === 'tanh' ? 1 - input ** 2 : fn === 'sigmoid' ? input * (1 - input) : NaN;
  if (near(g * atInput)) return { kind: 'derivativeAtInput', fn };
  if (fn !== 'relu' && near(g * out)) return { kind: 'derivativeAsFunction', fn };
  return null;
}

/** ∂L/∂h_t with the part from step t+1 left out, or with W δ where Wᵀ δ belongs. */
function backpropHSlip(terms: readonly GradTerm[], near: Near): Mistake | null {
  if (terms.some((term) => term.recurrent)) {
    const own = terms.filter((term) => !term.recurrent).reduce((s, term) => s + term.value, 0);
    if (near(own)) return { kind: 'recurrentLeftOut' };
  }
  const total = terms.reduce((s, term) => s + term.value, 0);
  // every product with a square W taken untransposed, or any one of them
  const untransposed = terms.reduce((s, term) => s + (term.untransposed ?? term.value), 0);
  const one = terms.some((term) => term.untransposed !== undefined && near(total - term.value + term.untransposed));
  return near(untransposed) || one ? { kind: 'notTransposed' } : null;
}

/** The lookup with one value (the ref read) negated. */
function negated(value: Lookup, ref: Ref): Lookup {
  return (q, t, i, j) => {
    const v = value(q, t, i, j);
    return q === ref.q && t === (ref.t ?? 0) && (ref.i === undefined || i === ref.i) ? -v : v;
  };
}
