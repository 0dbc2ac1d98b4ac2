// Benchmarks: median times of the trace of each built-in worksheet (with records), and of
// forward + backward through time for large RNN, LSTM and GRU cells (no records, no TeX); then
// the browser's (scripts/benchBrowser.ts: JS size, first render, step latency).
//   npm run bench                        a table
//   npm run --silent bench -- --json     the same figures as a JSON array
//   npm run bench -- --engine            the engine's figures alone (no build, no browser)
import { buildRecords } from '../src/core/records/records';
import { computeTrace, traceJson } from '../src/core/engine/trace';
import { loadWorksheet } from '../src/core/format/validate';
import type { CellKind, WorksheetFile } from '../src/core/format/worksheet';
import { CELL_PARAMS } from '../src/core/format/worksheet';
import { BUILT_IN_WORKSHEETS } from '../src/worksheets';
import type { BrowserFigure } from './benchBrowser';

interface Figure {
  name: string;
  ms_median: number;
  ms_min: number;
  runs: number;
}

function measure(name: string, fn: () => void, minRuns: number, minMs = 1500): Figure {
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

const round = (x: number) => Math.round(x * 1000) / 1000;

/** A seeded pseudo-random worksheet of the given size (xorshift, so every run measures the same numbers). */
function largeWorksheet(cell: CellKind, H: number, I: number, T: number): WorksheetFile {
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

function load(file: unknown) {
  const r = loadWorksheet(file);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return r.model;
}

const figures: Figure[] = [];
// the large cells first: a process that has already run small sheets (other shapes, rounded carry)
// has taught the JIT other types, and measures the hot loops slower than a fresh trace tool would
for (const cell of ['lstm', 'gru', 'rnn'] as const) {
  const model = load(largeWorksheet(cell, 64, 64, 256));
  figures.push(measure(`${cell} H=64 I=64 T=256 forward+backward`, () => computeTrace(model), 30));
}
for (const w of BUILT_IN_WORKSHEETS) {
  figures.push(
    measure(
      `trace with records: ${w.id}`,
      () => {
        const model = load(w.file);
        const { forward, backward } = computeTrace(model);
        traceJson(model, forward, backward);
        buildRecords(model, forward, backward);
      },
      200,
    ),
  );
}

// the browser's figures too, unless asked for the engine's alone; imported only now, because
// loading Vite and Playwright starts work in the background that slows the engine's figures
const all: (Figure | BrowserFigure)[] = [...figures];
if (!process.argv.includes('--engine')) all.push(...(await (await import('./benchBrowser')).browserBenchmarks()));

if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(all)}\n`);
else {
  console.log('median ms   min ms   runs   benchmark');
  for (const f of all) {
    if (f.ms_median === null) console.log(`${`${'kb_gzip' in f ? f.kb_gzip : '?'} KB`.padStart(24)}   ${f.name}`);
    else
      console.log(
        `${f.ms_median.toFixed(3).padStart(9)} ${(f.ms_min ?? 0).toFixed(3).padStart(8)} ${String(f.runs ?? '').padStart(6)}   ${f.name}`,
      );
  }
}
