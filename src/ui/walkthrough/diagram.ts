// The unrolled picture of a worksheet's network, worked out from its model alone: a column per
// step with its input (fed, or zeros after a one-to-many's first step), its state, and its
// output (used by the loss, computed but unused, or absent), and the token its input is looked up
// for; a chained worksheet (a decoder) is drawn after the one it continues.
import type { Model } from '../../core/format/worksheet';
import { lossSteps } from '../../core/format/worksheet';

export interface DiagramColumn {
  readonly part: 'encoder' | 'decoder' | null;
  readonly t: number;
  readonly input: 'fed' | 'zero';
  readonly output: 'used' | 'unused' | 'none';
  /** a step of the open worksheet (one can jump to it), not of the one it continues */
  readonly own: boolean;
  /** the token x_t is looked up for, on a worksheet with a vocabulary */
  readonly token: string | null;
}

export function diagramColumns(model: Model, before: Model | null): DiagramColumn[] {
  const columns = (m: Model, part: DiagramColumn['part'], own: boolean): DiagramColumn[] => {
    const covered = new Set(lossSteps(m));
    return m.xs.map((x, k) => ({
      part,
      t: k + 1,
      input: x.some((v) => v !== 0) ? 'fed' : 'zero',
      output: !m.readout ? 'none' : !m.loss || covered.has(k + 1) ? 'used' : 'unused',
      own,
      token: m.tokens?.[k] ?? null,
    }));
  };
  if (!before) return columns(model, null, true);
  return [...columns(before, 'encoder', false), ...columns(model, 'decoder', true)];
}
