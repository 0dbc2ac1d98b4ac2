// The equations of one step, written for the generic step t (and the total loss), as a handout
// prints them above the sheet: read off the records of the first step that writes each quantity,
// so every cell kind, readout and loss gets its own without a case for any worksheet.
import type { Model } from '../format/worksheet';
import type { Ref } from './records';
import type { RecordTable } from './recordTable';
import { FN_TEX, quantityTex } from './tex';

/**
 * One TeX equation per quantity the forward pass writes, in the order they are worked out, e.g.
 * `i_{t} = \sigma\left(a^{(i)}_{t}\right)`. A quantity whose name already says how it is made
 * (W x_t, f_t ⊙ c_{t−1}, tanh(c_t)) gets none: it appears as a term of the sum it goes into.
 */
export function stepEquationsTex(model: Model, records: RecordTable): string[] {
  const seen = new Set<string>();
  const equations: string[] = [];
  for (let n = 0; n < records.length; n++) {
    if (records.phase(n) !== 'forward') break;
    const q = records.q(n);
    if (seen.has(q)) continue;
    seen.add(q);
    const tex = equationTex(model, records, n);
    if (tex !== null) equations.push(tex);
  }
  return equations;
}

/** The quantity's name says how it is made: the product W x, an elementwise product, tanh(c). */
function namesItsMaking(q: string): boolean {
  return q.startsWith('mv:') || q.includes('*') || q.includes('(');
}

function equationTex(model: Model, records: RecordTable, n: number): string | null {
  const r = records.at(n);
  if (namesItsMaking(r.q)) return null;
  const lhs = quantityTex(model, r.q, r.t === 0 ? 0 : undefined);
  const ref = (x: Ref) => genericTex(model, x, r.t);
  const [a, b] = r.reads as [Ref, Ref];
  switch (r.op) {
    case 'matvec':
      return `${lhs} = ${quantityTex(model, `mv:${a.q}`, undefined)}`;
    case 'sum':
      return `${lhs} = ${r.reads.map(ref).join(' + ')}`;
    case 'activation': {
      const f = FN_TEX[r.fn ?? 'identity'] ?? '';
      return f ? `${lhs} = ${f}\\left(${ref(a)}\\right)` : `${lhs} = ${ref(a)}`;
    }
    case 'softmax':
      return `${lhs} = \\operatorname{softmax}\\left(${ref(a)}\\right)`;
    case 'product':
      return `${lhs} = ${ref(a)} \\odot ${ref(b)}`;
    case 'complementProduct':
      return `${lhs} = (1 - ${ref(a)}) \\odot ${ref(b)}`;
    case 'loss':
      return lossEquationTex(model, lhs, r.fn);
    case 'total':
      return `${lhs} = \\sum_{t} ${quantityTex(model, 'loss', undefined)}`;
    case 'grad':
      return null;
  }
}

/** A value read at step t, named for the generic step: h at t − 1 is h_{t−1}, a parameter is itself. */
function genericTex(model: Model, ref: Ref, t: number): string {
  const isStepValue = ref.t !== undefined && !/^[Wb]_/.test(ref.q);
  const lag = isStepValue ? t - (ref.t as number) : 0;
  return quantityTex(model, ref.q, isStepValue ? undefined : 0, lag);
}

function lossEquationTex(model: Model, lhs: string, kind: string | undefined): string {
  const y = quantityTex(model, 'y', undefined);
  const target = quantityTex(model, 'target', undefined);
  if (kind === 'squared_error') return `${lhs} = \\sum_k (${y}[k] - ${target}[k])^2`;
  if (kind === 'cross_entropy') return `${lhs} = -\\sum_k ${target}[k] \\ln ${y}[k]`;
  return `${lhs} = -\\sum_k \\left(${target}[k] \\ln ${y}[k] + (1 - ${target}[k]) \\ln (1 - ${y}[k])\\right)`;
}
