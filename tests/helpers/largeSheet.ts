// A worksheet far larger than a by-hand one, but with numbers a test can still work by hand: whole
// weights from −2 to 2 and one-hot inputs, so that (W x_t)[i] is the entry of W's row i in the
// column x_t picks. Seeded (xorshift), so every run draws the same sheet.
import { CELL_PARAMS, type CellKind, type WorksheetFile } from '../../src/core/format/worksheet';

export function largeHandFriendlySheet(
  cell: CellKind,
  H: number,
  I: number,
  T: number,
  loss: 'squared_error' | 'cross_entropy' = 'squared_error',
): WorksheetFile {
  let s = 0x2545f491;
  const draw = (n: number) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
  const weight = () => draw(5) - 2;
  const matrix = (rows: number, cols: number) =>
    Array.from({ length: rows }, () => Array.from({ length: cols }, weight));
  const spec = CELL_PARAMS[cell];
  const params: WorksheetFile['params'] = {};
  for (const n of spec.input) params[n] = matrix(H, I);
  for (const n of spec.hidden) params[n] = matrix(H, H);
  const O = 4;
  const oneHot = (k: number, n: number) => Array.from({ length: n }, (_v, j) => (j === k ? 1 : 0));
  return {
    format: 'rnn-by-hand/worksheet',
    version: 1,
    title: `${cell.toUpperCase()} H=${H} I=${I} T=${T}`,
    cell,
    params,
    readout: { W_hy: matrix(O, H), activation: loss === 'cross_entropy' ? 'softmax' : 'identity' },
    inputs: Array.from({ length: T }, () => oneHot(draw(I), I)),
    targets: Array.from({ length: T }, () => (loss === 'cross_entropy' ? oneHot(draw(O), O) : matrix(1, O)[0]!)),
    loss: { kind: loss, at: 'all' },
    precision: { decimals: 2, carry: 'exact' },
  };
}
