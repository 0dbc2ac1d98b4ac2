// Common slips a student makes on a worksheet, recognised from the wrong number alone: each is
// a value the slip would have produced, and a typed answer that matches it (within half a unit)
// is named. The first match in the order below wins, so the most specific slip is reported.
import { isWithinTolerance } from './answer';
import { writtenDecimals } from '../engine/carry';
import { roundHalfAwayFromZero } from '../engine/rounding';
import { evaluateRecord, matrixColumns, rowTimesVector, type Lookup } from '../records/evaluate';
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
  | { readonly kind: 'exactInsteadOfRounded' };

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

/** The lookup with one value (the ref read) negated. */
function negated(value: Lookup, ref: Ref): Lookup {
  return (q, t, i, j) => {
    const v = value(q, t, i, j);
    return q === ref.q && t === (ref.t ?? 0) && (ref.i === undefined || i === ref.i) ? -v : v;
  };
}
