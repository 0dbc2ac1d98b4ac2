// The records' figures: every built-in worksheet traced with its records, and how building the
// records grows with the size of an LSTM (time per record and memory kept), compact table against
// one object per record.
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { computeTrace, traceJson } from '../src/core/engine/trace';
import { buildRecordTable } from '../src/core/records/recordTable';
import { buildRecords } from '../src/core/records/records';
import { BUILT_IN_WORKSHEETS } from '../src/worksheets';
import { largeWorksheet, load, measure, round, type Figure } from './benchUtil';

export interface RecordFigure extends Figure {
  records: number;
  us_per_record: number;
  mb_kept: number;
}

export function recordBenchmarks(): (Figure | RecordFigure)[] {
  const figures: (Figure | RecordFigure)[] = [];
  for (const w of BUILT_IN_WORKSHEETS) {
    figures.push(
      measure(
        `trace with records: ${w.id}`,
        () => {
          const model = load(w.file);
          const { forward, backward } = computeTrace(model);
          traceJson(model, forward, backward);
          buildRecordTable(model, forward, backward);
        },
        200,
      ),
    );
  }
  figures.push(...recordGrowth());
  return figures;
}

/**
 * LSTM H ∈ {2, 8, 32}, T ∈ {4, 64, 256}: records built (the engine's trace is computed once,
 * outside the timing), then a row with the compact table's µs a record at H=32, T=256 over H=2, T=4.
 */
export function recordGrowth(): (Figure | RecordFigure)[] {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const figures: RecordFigure[] = [];
  for (const H of [2, 8, 32])
    for (const T of [4, 64, 256]) {
      const model = load(largeWorksheet('lstm', H, H, T));
      const { forward, backward } = computeTrace(model);
      const kinds = [
        ['compact table', () => buildRecordTable(model, forward, backward)],
        ['objects', () => buildRecords(model, forward, backward)],
      ] as const;
      for (const [kind, build] of kinds) {
        const count = build().length;
        const runs = Math.max(3, Math.min(200, Math.round(2e6 / count)));
        const time = measure('', build, runs, 600);
        const mb = keptMegabytes(gc, build);
        const us = round((time.ms_median * 1000) / count);
        figures.push({
          ...time,
          name: `records, ${kind}: lstm H=${H} T=${T} (${count} records, ${us} µs a record, ${mb} MB kept)`,
          records: count,
          us_per_record: us,
          mb_kept: mb,
        });
      }
    }
  const compact = (H: number, T: number) =>
    figures.find((f) => f.name.startsWith(`records, compact table: lstm H=${H} T=${T} `)) as RecordFigure;
  const [small, large] = [compact(2, 4), compact(32, 256)];
  const ratio = round(large.us_per_record / small.us_per_record);
  return [
    ...figures,
    {
      name: `records, compact table: µs a record at H=32 T=256 over H=2 T=4 = ${ratio} (${large.us_per_record} / ${small.us_per_record})`,
      ms_median: ratio,
      ms_min: ratio,
      runs: Math.min(small.runs, large.runs),
    },
  ];
}

/** The memory what `build` returns keeps alive: JS heap and typed arrays, after a full collection. */
function keptMegabytes(gc: () => void, build: () => unknown): number {
  const used = () => {
    gc();
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = used();
  const kept = build();
  const after = used();
  if (kept === null) throw new Error('unreachable: keeps `kept` alive until measured');
  return round((after - before) / 2 ** 20);
}
