// What the current frame shows: which records are visible, which cells are being written, and
// which cells they read (a matrix row, a vector, single values), as slot keys the sheet's cells
// look themselves up in. Derived from the records and the frame, memoised.
import { slotKey, type Ref } from '../core/records/records';
import type { Model } from '../core/format/worksheet';
import type { Frame } from './frames';
import type { RecordTable } from '../core/records/recordTable';

export interface FrameView {
  /** the step the frame works on (0 for the total loss, ∂L/∂h₀ and the parameters' gradients) */
  readonly step: number;
  /**
   * the step whose panel lights the parameters the frame reads: its own, or for ∂L/∂h₀ (and c₀),
   * which comes back through step 1's use of W_hh, step 1
   */
  readonly panel: number;
  /** the quantity the frame writes, and how */
  readonly q: string;
  readonly op: string;
  /** records up to this index are on the sheet */
  readonly lastVisible: number;
  /** the slots the frame writes */
  readonly current: ReadonlySet<string>;
  /** the slots the frame's records read */
  readonly reads: ReadonlySet<string>;
  /**
   * every quantity and step (blockKey) with a slot in `current` or `reads`: a block of the sheet
   * none of whose quantities is here has nothing lit, and need not look at its cells
   */
  readonly touched: ReadonlySet<string>;
}

/** The key of a quantity at a step (a parameter's step is 0), as FrameView.touched holds them. */
export function blockKey(q: string, t: number): string {
  return `${q}@${t}`;
}

export const EMPTY_VIEW: FrameView = {
  step: 0,
  panel: 0,
  q: '',
  op: '',
  lastVisible: -1,
  current: new Set(),
  reads: new Set(),
  touched: new Set(),
};

/** @param withReads  false for a view that lights only what is written (practice before its second hint) */
export function frameView(model: Model, records: RecordTable, frame: Frame, withReads = true): FrameView {
  const current = new Set<string>();
  const reads = new Set<string>();
  const touched = new Set<string>();
  for (let n = frame.first; n <= frame.last; n++) {
    const r = records.at(n);
    current.add(slotKey(r.q, r.t, r.i, r.j));
    touched.add(blockKey(r.q, r.t));
    for (const ref of withReads ? r.reads : []) {
      const keys = expandRef(model, ref);
      for (const key of keys) reads.add(key);
      if (keys.length > 0) touched.add(blockKey(ref.q, isMatrix(model, ref.q) ? 0 : (ref.t as number)));
    }
  }
  const last = records.at(frame.last);
  const panel = last.t === 0 ? 1 : last.t;
  return { step: last.t, panel, q: last.q, op: last.op, lastVisible: frame.last, current, reads, touched };
}

/** The slot keys of every single value a ref names: a whole vector, a matrix row or column, or one value. */
export function expandRef(model: Model, ref: Ref): string[] {
  if (ref.t === undefined) return []; // every step at once: the backward pass's sums
  const matrix = matrixOf(model, ref.q);
  if (matrix) {
    const rows = ref.i === undefined ? range(matrix.rows) : [ref.i];
    const cols = ref.j === undefined ? range(matrix.cols) : [ref.j];
    return rows.flatMap((i) => cols.map((j) => slotKey(ref.q, 0, i, j)));
  }
  const elements = ref.i === undefined ? range(vectorLength(model, ref.q)) : [ref.i];
  return elements.map((i) => slotKey(ref.q, ref.t as number, i));
}

function matrixOf(model: Model, q: string) {
  return q === 'W_hy' ? model.readout?.W_hy : model.weights.get(q);
}

function isMatrix(model: Model, q: string): boolean {
  return matrixOf(model, q) !== undefined;
}

/** How many elements a vector quantity has. */
export function vectorLength(model: Model, q: string): number {
  if (q === 'x') return model.I;
  if (q === 'loss' || q === 'L') return 1;
  if (q === 'y' || q === 'target' || q === 'pre:y' || q === 'mv:W_hy' || q === 'b_y') return model.O;
  return model.H;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, k) => k);
}
