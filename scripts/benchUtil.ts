// What the benchmarks share: a median timer, and seeded worksheets of any size.
import { loadWorksheet } from '../src/core/format/validate';
import type { CellKind, WorksheetFile } from '../src/core/format/worksheet';
import { CELL_PARAMS } from '../src/core/format/worksheet';

export interface Figure {
  name: string;
  ms_median: number;
  ms_min: number;
  runs: number;
}

export function measure(name: string, fn: () => void, minRuns: number, minMs = 1500): Figure {
  for (let k = 0; k < 3; k++) fn(); // warm up the JIT
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
    if (times.length >= 2000) break;
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const median = times.length % 2 ? (times[mid] as number) : ((times[mid - 1] as number) + (times[mid] as number)) / 2;
  return { name, ms_median: round(median), ms_min: round(times[0] as number), runs: times.length };
}

export const round = (x: number) => Math.round(x * 1000) / 1000;

/** A seeded pseudo-random worksheet of the given size (xorshift, so every run measures the same numbers). */
export function largeWorksheet(cell: CellKind, H: number, I: number, T: number): WorksheetFile {
  let s = 0x9e3779b9;
  const rand = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) / 2 ** 32) * 2 - 1;
  };
  const scale = 1 / Math.sqrt(H);
  const mat = (r: number, c: number) =>
    Array.from({ length: r }, () => Array.from({ length: c }, () => rand() * scale));
  const spec = CELL_PARAMS[cell];
  const params: WorksheetFile['params'] = {};
  for (const n of spec.input) params[n] = mat(H, I);
  for (const n of spec.hidden) params[n] = mat(H, H);
  for (const n of spec.biases) params[n] = Array.from({ length: H }, () => rand() * scale);
  return {
    format: 'rnn-by-hand/worksheet',
    version: 1,
    cell,
    params,
    readout: { W_hy: mat(4, H), activation: 'identity' },
    inputs: mat(T, I),
    targets: mat(T, 4),
    loss: { kind: 'squared_error', at: 'all' },
  };
}

export function load(file: unknown) {
  const r = loadWorksheet(file);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return r.model;
}
