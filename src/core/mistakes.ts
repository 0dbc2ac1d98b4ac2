// Common slips a student makes on a worksheet, recognised from the wrong number alone: each is
// a value the slip would have produced, and a typed answer that matches it (within half a unit)
// is named. The first match in the order below wins, so the most specific slip is reported.
import { isWithinTolerance } from './answer';
import { matrixColumns, rowTimesVector, type Lookup } from './evaluate';
import type { Ref, TraceRecord } from './records';
import type { Model } from './worksheet';

export type Mistake =
  /** the value inside the activation, not after it */
  | { readonly kind: 'beforeActivation' }
  /** another row of the matrix times the vector */
  | { readonly kind: 'wrongRow'; readonly row: number }
  /** column i instead of row i: the matrix taken transposed */
  | { readonly kind: 'transposed' }
  /** the right size with the wrong sign, or one term of a sum with its sign flipped */
  | { readonly kind: 'signSlip' }
  /** rounded earlier values where the sheet carries them exactly */
  | { readonly kind: 'roundedInsteadOfExact' }
  /** carried exact values where the sheet rounds what it writes down */
  | { readonly kind: 'exactInsteadOfRounded' };

export interface MistakeContext {
  readonly model: Model;
  /** the values the answer is checked against (the worksheet's, or the student's own) */
  readonly value: Lookup;
  /** the same slot's value had the worksheet carried the other way (rounded ↔ exact) */
  readonly otherCarry?: number | undefined;
}

/** The slip that explains `answer` for record `r`, whose right value is `expected`; null if none does. */
export function recogniseMistake(
  r: TraceRecord,
  answer: number,
  expected: number,
  ctx: MistakeContext,
): Mistake | null {
  const { model, value } = ctx;
  const d = model.decimals;
  const near = (candidate: number) =>
    Number.isFinite(candidate) && isWithinTolerance(answer, candidate, d) && !isWithinTolerance(answer, expected, d);
  const [a, b] = r.reads as [Ref, Ref];
  const at = (ref: Ref, i = ref.i ?? 0) => value(ref.q, ref.t ?? 0, i, ref.j);

  if ((r.op === 'activation' || r.op === 'softmax') && r.fn !== 'identity' && near(at(a, r.i)))
    return { kind: 'beforeActivation' };
  if (r.op === 'matvec') {
    const rows = a.q === 'W_hy' ? model.O : model.H;
    for (let k = 0; k < rows; k++)
      if (k !== r.i && near(rowTimesVector(model, a.q, k, (j) => at(b, j), value))) return { kind: 'wrongRow', row: k };
    // Wᵀ's row i is W's column i; only a square matrix can be taken either way
    if (matrixColumns(model, a.q) === rows) {
      const column = Array.from({ length: rows }, (_v, k) => value(a.q, 0, k, r.i));
      if (near(column.reduce((s, w, k) => s + w * at(b, k), 0))) return { kind: 'transposed' };
    }
  }
  if (near(-expected)) return { kind: 'signSlip' };
  if (r.op === 'sum' || r.op === 'matvec') {
    const terms =
      r.op === 'sum'
        ? r.reads.map((ref) => at(ref))
        : Array.from({ length: matrixColumns(model, a.q) }, (_v, j) => value(a.q, 0, r.i, j) * at(b, j));
    if (terms.some((term) => near(expected - 2 * term))) return { kind: 'signSlip' };
  }
  if (ctx.otherCarry !== undefined && near(ctx.otherCarry))
    return { kind: model.carry === 'exact' ? 'roundedInsteadOfExact' : 'exactInsteadOfRounded' };
  return null;
}
