import fc from 'fast-check';
import { describe, it } from 'vitest';
import { buildRecords, type Ref, type TraceRecord } from '../../../src/core/records/records';
import { createSheet, type Sheet } from '../../../src/core/records/tex';
import { computeTrace } from '../../../src/core/engine/trace';
import type { WorksheetFile } from '../../../src/core/format/worksheet';
import { mustLoad } from '../../helpers/load';
import { allShapes, worksheetArb } from '../../helpers/randomWorksheet';

// An evaluator of its own: each record's value, recomputed from the values it reads with the
// textbook formula of its op or rule. A read that points at the wrong value shows up here.
const sigmoid = (a: number) => 1 / (1 + Math.exp(-a));
const ln = (y: number) => Math.max(Math.log(y), -100);

function recompute(sheet: Sheet, r: TraceRecord): number {
  const { model } = sheet;
  const v = (ref: Ref, i = ref.i ?? 0, j = ref.j) => sheet.value(ref.q, ref.t ?? 0, i, j);
  const [a, b, c, d, e] = r.reads as [Ref, Ref, Ref, Ref, Ref];
  const lengthOf = (ref: Ref) =>
    ref.q === 'y' || ref.q === 'target' || ref.q === 'd:y' || ref.q === 'd:pre:y' ? model.O : model.H;
  const range = (n: number) => Array.from({ length: n }, (_, k) => k);
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  switch (r.op) {
    case 'matvec': {
      const cols = a.q === 'W_hy' ? model.readout!.W_hy!.cols : model.weights.get(a.q)!.cols;
      return sum(range(cols).map((j) => v(a, r.i, j) * v(b, j)));
    }
    case 'sum':
    case 'total':
      return sum(r.reads.map((x) => v(x)));
    case 'product':
      return v(a) * v(b);
    case 'complementProduct':
      return (1 - v(a)) * v(b);
    case 'activation': {
      const x = v(a);
      return r.fn === 'tanh' ? Math.tanh(x) : r.fn === 'sigmoid' ? sigmoid(x) : r.fn === 'relu' ? Math.max(0, x) : x;
    }
    case 'softmax': {
      const z = range(model.O).map((k) => v(a, k));
      const m = Math.max(...z);
      return Math.exp(z[r.i]! - m) / sum(z.map((x) => Math.exp(x - m)));
    }
    case 'loss': {
      const ks = range(model.O);
      const y = (k: number) => v(a, k);
      const t = (k: number) => v(b, k);
      if (r.fn === 'squared_error') return sum(ks.map((k) => (y(k) - t(k)) ** 2));
      if (r.fn === 'cross_entropy') return -sum(ks.map((k) => (t(k) === 0 ? 0 : t(k) * ln(y(k)))));
      return -sum(ks.map((k) => (t(k) === 0 ? 0 : t(k) * ln(y(k))) + (t(k) === 1 ? 0 : (1 - t(k)) * ln(1 - y(k)))));
    }
    case 'grad':
      break;
  }
  switch (r.rule) {
    case 'squared_error':
      return 2 * (v(a) - v(b));
    case 'softmax_cross_entropy':
    case 'sigmoid_binary_cross_entropy':
      return v(a) - v(b);
    case 'sigmoid':
      return v(a) * v(b) * (1 - v(b));
    case 'tanh':
      return v(a) * (1 - v(b) ** 2);
    case 'relu':
      return v(b) > 0 ? v(a) : 0;
    case 'product':
      return v(a) * v(b);
    case 'complement':
      return v(a) * (1 - v(b));
    case 'difference':
      return v(a) * (v(b) - v(c));
    case 'softmax': {
      const ks = range(model.O);
      return v(b, r.i) * (v(a, r.i) - sum(ks.map((k) => v(b, k) * v(a, k))));
    }
    case 'backprop_c':
      return r.t === 0 ? v(a) * v(b) : v(a) * v(b) * (1 - v(c) ** 2) + (d && e ? v(d) * v(e) : 0);
    case 'backprop_h': {
      let s = 0;
      for (let k = 0; k < r.reads.length; k++) {
        const x = r.reads[k]!;
        const y = r.reads[k + 1];
        if (x.j !== undefined && y) {
          s += sum(range(lengthOf(y)).map((m) => v(x, m, x.j) * v(y, m)));
          k++;
        } else if (y && x.q === 'd:h' && y.q === 'z') {
          s += v(x) * v(y);
          k++;
        } else s += v(x);
      }
      return s;
    }
    case 'sum_over_steps':
    case 'outer_sum_over_steps': {
      const steps = range(model.T).map((k) => k + 1);
      return sum(
        steps.map((t) => {
          const dv = sheet.value(a.q, t, r.i);
          if (Number.isNaN(dv)) return 0; // a step the loss does not cover
          return b ? dv * sheet.value(b.q, t - (b.lag ?? 0), r.j ?? 0) : dv;
        }),
      );
    }
  }
  throw new Error(`no evaluator for ${r.op}/${r.rule ?? ''}`);
}

describe('every record equals its own formula applied to the values it reads', () => {
  for (const carry of ['exact', 'rounded'] as const) {
    it.each(
      allShapes().map(
        (s) => [`${s.cell}/${s.activation}, ${s.readout}${s.withWhy ? ' with W_hy' : ''}, ${s.loss}`, s] as const,
      ),
    )(`${carry} carry: %s`, (_label, shape) => {
      const decimals = 2;
      // a rounded value may differ from the exact formula by half a unit of the last place
      const tolerance = carry === 'rounded' ? 0.5 * 10 ** -decimals + 1e-9 : 1e-9;
      fc.assert(
        fc.property(worksheetArb(shape), (file: WorksheetFile) => {
          const model = mustLoad({ ...file, precision: { decimals, carry } });
          const { forward, backward } = computeTrace(model);
          const records = buildRecords(model, forward, backward);
          const sheet = createSheet(model, records);
          records.forEach((r) => {
            const want = recompute(sheet, r);
            if (!(Math.abs(r.value - want) <= tolerance * (1 + Math.abs(want))))
              throw new Error(
                `${r.q}@${r.t}[${r.i}]${r.j === undefined ? '' : `[${r.j}]`} (${r.op}/${r.rule ?? r.fn ?? ''}): ${r.value}, but its reads give ${want}`,
              );
          });
        }),
        { numRuns: 4, seed: 42 },
      );
    });
  }
});
