// Where each number of a step goes on the sheet, worked out from the records alone (no cell kind
// is named here): a matrix–vector product is a block with the vector above the matrix's columns
// and the result beside its rows; every other quantity is a column vector; a new row starts
// where a new pair of products starts, and where a cell's own state update follows its gates.
// A given vector a sum adds (a bias) stands where the sum reads it: W x + b + W h puts b between
// the two products, as the equation writes it.
import type { TraceRecord } from '../../core/records/records';
import type { RecordTable } from '../../core/records/recordTable';

export type Block =
  | {
      readonly kind: 'product';
      readonly q: string;
      readonly W: string;
      readonly vector: { readonly q: string; readonly t: number };
    }
  | { readonly kind: 'vector'; readonly q: string; readonly length: number }
  /** a given vector read by a sum (a bias), drawn in every step's panel */
  | { readonly kind: 'given'; readonly q: string; readonly length: number };

export interface StepLayout {
  readonly t: number;
  readonly rows: readonly (readonly Block[])[];
}

/** The blocks of every step of the forward pass, in the order their numbers are worked out. */
export function layoutSteps(records: RecordTable): StepLayout[] {
  const steps = new Map<number, { q: string; op: string; first: TraceRecord; length: number }[]>();
  const written = records.quantities;
  for (let n = 0; n < records.length; n++) {
    const t = records.t(n);
    if (records.phase(n) !== 'forward' || t === 0) continue;
    let list = steps.get(t);
    if (!list) steps.set(t, (list = []));
    const last = list[list.length - 1];
    const [q, i] = [records.q(n), records.i(n)];
    if (last && last.q === q) last.length = Math.max(last.length, i + 1);
    else list.push({ q, op: records.op(n), first: records.at(n), length: i + 1 });
  }
  return [...steps.entries()].map(([t, quantities]) => {
    const rows: Block[][] = [];
    let prevOp: string | null = null;
    for (const { q, op, first, length } of quantities) {
      const startsProducts = op === 'matvec' && prevOp !== null && prevOp !== 'matvec';
      const inGateRow = rows[rows.length - 1]?.some((b) => b.kind === 'product') ?? false;
      const startsUpdate = inGateRow && prevOp === 'activation' && (op === 'product' || op === 'complementProduct');
      if (rows.length === 0 || startsProducts || startsUpdate || op === 'loss') rows.push([]);
      // the target stands beside the loss that compares y with it
      if (op === 'loss') {
        const y = quantities.find((x) => x.q === 'y');
        rows[rows.length - 1]!.push({ kind: 'vector', q: 'target', length: y?.length ?? 1 });
      }
      if (op === 'sum') insertGivens(rows[rows.length - 1]!, first, written, length);
      const [W, v] = first.reads;
      const block: Block =
        op === 'matvec' && W && v
          ? { kind: 'product', q, W: W.q, vector: { q: v.q, t: v.t ?? t } }
          : { kind: 'vector', q, length };
      rows[rows.length - 1]!.push(block);
      prevOp = op;
    }
    return { t, rows };
  });
}

/** Puts each given vector the sum reads right after the block of the term read before it (else at the row's end). */
function insertGivens(row: Block[], sum: TraceRecord, written: ReadonlySet<string>, length: number): void {
  sum.reads.forEach((ref, k) => {
    if (written.has(ref.q) || ref.q === 'x') return;
    const before = k > 0 ? row.findIndex((b) => b.q === sum.reads[k - 1]!.q) : -1;
    const block: Block = { kind: 'given', q: ref.q, length };
    if (before >= 0) row.splice(before + 1, 0, block);
    else row.push(block);
  });
}

/** A gradient on the sheet: a column vector, or a parameter's gradient as a grid of its shape. */
export type GradientBlock =
  | { readonly kind: 'vector'; readonly q: string; readonly length: number }
  | { readonly kind: 'matrix'; readonly q: string; readonly rows: number; readonly cols: number };

export interface GradientLayout {
  /** each step's gradients (∂L/∂y_t, ∂L/∂h_t, a gate's …), in the order the backward pass works them */
  readonly steps: ReadonlyMap<number, readonly GradientBlock[]>;
  /** what belongs to no step: ∂L/∂h₀ (and c₀), and every parameter's gradient */
  readonly totals: readonly GradientBlock[];
}

/** Where the backward pass's numbers go: a band under each step's own, and a section of totals. */
export function layoutGradients(records: RecordTable): GradientLayout {
  const byStep = new Map<number, Map<string, { rows: number; cols: number; matrix: boolean }>>();
  for (let n = 0; n < records.length; n++) {
    if (records.phase(n) !== 'backward') continue;
    const t = records.t(n);
    let blocks = byStep.get(t);
    if (!blocks) byStep.set(t, (blocks = new Map()));
    const j = records.j(n);
    const q = records.q(n);
    const b = blocks.get(q) ?? { rows: 0, cols: 0, matrix: j !== undefined };
    blocks.set(q, { ...b, rows: Math.max(b.rows, records.i(n) + 1), cols: Math.max(b.cols, (j ?? 0) + 1) });
  }
  const asBlocks = (blocks: Map<string, { rows: number; cols: number; matrix: boolean }> | undefined) =>
    [...(blocks ?? new Map()).entries()].map(([q, b]): GradientBlock =>
      b.matrix ? { kind: 'matrix', q, rows: b.rows, cols: b.cols } : { kind: 'vector', q, length: b.rows },
    );
  const steps = new Map<number, readonly GradientBlock[]>();
  for (const t of byStep.keys()) if (t > 0) steps.set(t, asBlocks(byStep.get(t)));
  return { steps, totals: asBlocks(byStep.get(0)) };
}
