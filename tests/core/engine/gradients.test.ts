import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runBackward, runForward } from '../../../src/core/engine/engine';
import type { Matrix } from '../../../src/core/engine/linalg';
import type { WorksheetFile } from '../../../src/core/format/worksheet';
import { mustLoad } from '../../helpers/load';
import { allShapes, worksheetArb, type WorksheetShape } from '../../helpers/randomWorksheet';

const EPS = 1e-6;

function lossOf(file: WorksheetFile): number {
  return runForward(mustLoad(file)).loss as number;
}

interface Slot {
  /** the gradient's name in the trace */
  name: string;
  /** where the number sits in the file */
  path: (number | string)[];
  /** its index in the gradient: [k] or [k, j] */
  index: number[];
}

/** Every number the gradient covers: the parameters, the readout's, h0 and c0. */
function parameterSlots(file: WorksheetFile): Slot[] {
  const slots: Slot[] = [];
  const walk = (name: string, value: unknown, path: (number | string)[], index: number[] = []) => {
    if (Array.isArray(value)) value.forEach((v, k) => walk(name, v, [...path, k], [...index, k]));
    else slots.push({ name, path, index });
  };
  for (const [n, v] of Object.entries(file.params)) walk(n, v, ['params', n]);
  if (file.readout?.W_hy) walk('W_hy', file.readout.W_hy, ['readout', 'W_hy']);
  if (file.readout?.b_y) walk('b_y', file.readout.b_y, ['readout', 'b_y']);
  walk('h0', file.h0, ['h0']);
  if (file.c0) walk('c0', file.c0, ['c0']);
  return slots;
}

function nudge(file: WorksheetFile, path: (number | string)[], delta: number): WorksheetFile {
  const copy = structuredClone(file) as unknown as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  node[last] = (node[last] as number) + delta;
  return copy as unknown as WorksheetFile;
}

/** A ReLU pre-activation this close to 0 makes a finite difference meaningless (a kink). */
function nearReluKink(file: WorksheetFile): boolean {
  if (file.cell !== 'rnn' || file.activation !== 'relu') return false;
  const fwd = runForward(mustLoad(file));
  return fwd.steps.some((s) => Array.from(s.gates.h!.pre).some((a) => Math.abs(a) < 1e-3));
}

describe('backpropagation through time agrees with central finite differences', () => {
  const shapes = allShapes();
  it.each(
    shapes.map(
      (s) =>
        [
          `${s.cell}${s.cell === 'rnn' ? `/${s.activation}` : ''}, ${s.readout}${s.withWhy ? ' with W_hy' : ''}, ${s.loss}, at ${s.at}`,
          s,
        ] as const,
    ),
  )('%s', (_label, shape: WorksheetShape) => {
    fc.assert(
      fc.property(worksheetArb(shape), (file) => {
        fc.pre(!nearReluKink(file));
        const model = mustLoad(file);
        const back = runBackward(model, runForward(model));
        expect(back).not.toBeNull();
        for (const { name, path, index } of parameterSlots(file)) {
          const numeric = (lossOf(nudge(file, path, EPS)) - lossOf(nudge(file, path, -EPS))) / (2 * EPS);
          const g = back!.grads.get(name)!;
          const [k = 0, j = 0] = index;
          const analytic = g instanceof Float64Array ? g[k]! : (g as Matrix).data[k * (g as Matrix).cols + j]!;
          if (Math.abs(analytic - numeric) > 1e-5 + 1e-4 * Math.abs(numeric))
            throw new Error(`${path.join('.')}: backprop ${analytic}, finite difference ${numeric}`);
        }
      }),
      { numRuns: 8, seed: 20261122 },
    );
  });
});
