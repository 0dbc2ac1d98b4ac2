// The engine's figures: forward + backward through time for large RNN, LSTM and GRU cells (no
// records, no TeX), at H = I = 64, T = 256 and at H = I = 256, T = 64.
// With --torch (and /usr/bin/python3 able to import torch), PyTorch 1.13 computes the same thing
// (scripts/benchTorch.py) in the same run, and each cell and size gets torch's median and the
// ratio beside ours. The machine is shared and noisy, so the two are measured in alternating
// rounds of a few runs (torch's process stays up between them).
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { computeTrace } from '../src/core/engine/trace';
import type { CellKind, WorksheetFile } from '../src/core/format/worksheet';
import { largeWorksheet, load, measure, round, type Figure } from './benchUtil';

const PYTHON = '/usr/bin/python3';
const SIZES = [
  { H: 64, I: 64, T: 256 },
  { H: 256, I: 256, T: 64 },
] as const;
const CELLS: readonly CellKind[] = ['lstm', 'gru', 'rnn'];

interface Case {
  readonly name: string;
  readonly file: WorksheetFile;
  readonly run: () => void;
  /** the engine's loss, to check that torch computed the same thing */
  readonly loss: number;
}

export async function engineBenchmarks(argv: readonly string[] = process.argv): Promise<Figure[]> {
  // the large cells first: a process that has already run small sheets (other shapes, rounded carry)
  // has taught the JIT other types, and measures the hot loops slower than a fresh trace tool would
  const cases: Case[] = [];
  for (const { H, I, T } of SIZES) {
    for (const cell of CELLS) {
      const file = largeWorksheet(cell, H, I, T);
      const model = load(file);
      const loss = computeTrace(model).forward.loss as number;
      cases.push({ name: `${cell} H=${H} I=${I} T=${T} forward+backward`, file, run: () => computeTrace(model), loss });
    }
  }
  if (!argv.includes('--torch')) return cases.map((c) => measure(c.name, c.run, 30));
  if (!torchAvailable()) {
    console.error(`--torch: ${PYTHON} cannot import torch; the engine's figures alone`);
    return cases.map((c) => measure(c.name, c.run, 30));
  }
  const torch = new TorchProcess();
  try {
    const figures: Figure[] = [];
    for (const c of cases) figures.push(...(await sideBySide(c, torch)));
    return figures;
  } finally {
    torch.close();
  }
}

function torchAvailable(): boolean {
  return spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
}

const ROUNDS = 8;
const RUNS_PER_ROUND = 5;

/**
 * Ours and torch's in alternating rounds of a few runs each, so that both see the same load;
 * rows: our median over all runs, torch's, and the ratio of the two medians (its ms_min: the
 * ratio of the two fastest runs, the least disturbed by the machine's load).
 */
async function sideBySide(c: Case, torch: TorchProcess): Promise<Figure[]> {
  for (let k = 0; k < 3; k++) c.run(); // warm up the JIT
  const dir = mkdtempSync(join(tmpdir(), 'bench-torch-'));
  const path = join(dir, 'worksheet.json');
  writeFileSync(path, JSON.stringify(c.file));
  await torch.request(`load ${path}`);
  const ours: number[] = [];
  const theirs: number[] = [];
  let torchLoss = NaN;
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < RUNS_PER_ROUND; k++) {
      const t0 = performance.now();
      c.run();
      ours.push(performance.now() - t0);
    }
    const answer = (await torch.request(`run ${RUNS_PER_ROUND}`)) as { ms: number[]; loss: number };
    theirs.push(...answer.ms);
    torchLoss = answer.loss;
  }
  const [o, t] = [median(ours), median(theirs)];
  const [oMin, tMin] = [Math.min(...ours), Math.min(...theirs)];
  const lossDiff = Math.abs((torchLoss - c.loss) / c.loss);
  return [
    { name: c.name, ms_median: round(o), ms_min: round(oMin), runs: ours.length },
    { name: `torch ${c.name}`, ms_median: round(t), ms_min: round(tMin), runs: theirs.length },
    {
      name: `ratio ours/torch ${c.name} (ms_min: of the fastest runs; losses differ by ${lossDiff.toExponential(1)} relative)`,
      ms_median: round(o / t),
      ms_min: round(oMin / tMin),
      runs: ours.length,
    },
  ];
}

/** scripts/benchTorch.py, kept running: one request a line, one JSON answer a line. */
class TorchProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: AsyncIterator<string>;

  constructor() {
    this.child = spawn(PYTHON, [join(import.meta.dirname, 'benchTorch.py')], {
      env: { ...process.env, OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
    });
    this.child.stderr.pipe(process.stderr);
    this.lines = createInterface({ input: this.child.stdout })[Symbol.asyncIterator]();
  }

  async request(line: string): Promise<unknown> {
    this.child.stdin.write(`${line}\n`);
    const next = await this.lines.next();
    if (next.done) throw new Error(`benchTorch.py ended before answering ${line}`);
    const answer = JSON.parse(next.value) as { error?: string };
    if (answer.error) throw new Error(`benchTorch.py: ${answer.error}`);
    return answer;
  }

  close(): void {
    this.child.stdin.end();
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
