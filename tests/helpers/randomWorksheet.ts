// fast-check arbitraries of valid worksheet files, for gradient checks and property tests.
import fc from 'fast-check';
import { CELL_PARAMS, type CellKind, type LossKind, type WorksheetFile } from '../../src/core/format/worksheet';

export interface WorksheetShape {
  cell: CellKind;
  activation: 'tanh' | 'relu' | 'sigmoid' | 'identity';
  readout: 'identity' | 'softmax' | 'sigmoid';
  withWhy: boolean;
  loss: LossKind | null;
  at: 'all' | 'last';
}

/** Every cell kind, RNN activation, readout and loss the contract allows, as shapes to test. */
export function allShapes(): WorksheetShape[] {
  const shapes: WorksheetShape[] = [];
  const readoutLosses: [WorksheetShape['readout'], LossKind][] = [
    ['identity', 'squared_error'],
    ['sigmoid', 'squared_error'],
    ['softmax', 'squared_error'],
    ['softmax', 'cross_entropy'],
    ['sigmoid', 'binary_cross_entropy'],
  ];
  for (const cell of ['rnn', 'lstm', 'gru'] as const)
    for (const activation of cell === 'rnn' ? (['tanh', 'relu', 'sigmoid', 'identity'] as const) : (['tanh'] as const))
      for (const [readout, loss] of readoutLosses)
        for (const withWhy of [true, false])
          shapes.push({ cell, activation, readout, withWhy, loss, at: withWhy ? 'all' : 'last' });
  return shapes;
}

const num = (range: number) => fc.double({ min: -range, max: range, noNaN: true, noDefaultInfinity: true });
const vec = (n: number, range: number) => fc.array(num(range), { minLength: n, maxLength: n });
const mat = (r: number, c: number, range: number) => fc.array(vec(c, range), { minLength: r, maxLength: r });

/** Target vectors that suit the loss: a distribution for cross-entropy, [0, 1] for binary cross-entropy. */
function targetVec(n: number, loss: LossKind | null): fc.Arbitrary<number[]> {
  if (loss === 'cross_entropy')
    return fc.integer({ min: 0, max: n - 1 }).map((k) => Array.from({ length: n }, (_, j) => (j === k ? 1 : 0)));
  if (loss === 'binary_cross_entropy') return vec(n, 1).map((v) => v.map((x) => Math.abs(x)));
  return vec(n, 1);
}

export interface Sizes {
  maxH: number;
  maxI: number;
  maxT: number;
  /** weights lie in [−range, range] */
  range: number;
}

export function worksheetArb(
  shape: WorksheetShape,
  sizes: Sizes = { maxH: 3, maxI: 3, maxT: 4, range: 1.5 },
): fc.Arbitrary<WorksheetFile> {
  return fc
    .record({
      H: fc.integer({ min: 1, max: sizes.maxH }),
      I: fc.integer({ min: 1, max: sizes.maxI }),
      O: fc.integer({ min: 1, max: 3 }),
      T: fc.integer({ min: 1, max: sizes.maxT }),
      biases: fc.boolean(),
    })
    .chain(({ H, I, O: O0, T, biases }) => {
      const O = shape.withWhy ? O0 : H;
      const spec = CELL_PARAMS[shape.cell];
      const params: Record<string, fc.Arbitrary<number[][] | number[]>> = {};
      for (const n of spec.input) params[n] = mat(H, I, sizes.range);
      for (const n of spec.hidden) params[n] = mat(H, H, sizes.range);
      if (biases) for (const n of spec.biases) params[n] = vec(H, sizes.range);
      const targetCount = shape.loss ? (shape.at === 'last' ? 1 : T) : 0;
      return fc.record({
        params: fc.record(params),
        W_hy: mat(O, H, sizes.range),
        b_y: vec(O, sizes.range),
        inputs: fc.array(vec(I, 2), { minLength: T, maxLength: T }),
        h0: vec(H, 1),
        c0: vec(H, 1),
        targets: fc.array(targetVec(O, shape.loss), { minLength: targetCount, maxLength: targetCount }),
      });
    })
    .map((g) => {
      const file: WorksheetFile = {
        format: 'rnn-by-hand/worksheet',
        version: 1,
        cell: shape.cell,
        params: g.params,
        inputs: g.inputs,
        h0: g.h0,
        readout: shape.withWhy
          ? { W_hy: g.W_hy, b_y: g.b_y, activation: shape.readout }
          : { activation: shape.readout },
      };
      if (shape.cell === 'rnn') file.activation = shape.activation;
      if (shape.cell === 'lstm') file.c0 = g.c0;
      if (shape.loss) {
        file.targets = g.targets;
        file.loss = { kind: shape.loss, at: shape.at };
      }
      return file;
    });
}
