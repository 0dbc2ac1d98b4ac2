// Benchmarks: median times of the trace of each built-in worksheet (with records), of
// forward + backward through time for large RNN, LSTM and GRU cells (no records, no TeX), and of
// training (benchTrain.ts); then
// the browser's (scripts/benchBrowser.ts: JS size, first render, step latency).
//   npm run bench                        a table
//   npm run --silent bench -- --json     the same figures as a JSON array
//   npm run bench -- --engine            the engine's figures alone (no build, no browser)
import type { BrowserFigure } from './benchBrowser';
import { engineBenchmarks } from './benchEngine';
import { recordBenchmarks } from './benchRecords';
import { trainBenchmarks } from './benchTrain';
import type { Figure } from './benchUtil';

// the engine first: see benchEngine.ts
const figures: Figure[] = [...(await engineBenchmarks(process.argv)), ...trainBenchmarks(), ...recordBenchmarks()];

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
