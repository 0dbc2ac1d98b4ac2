// The records' figures: every built-in worksheet traced with its records.
import { computeTrace, traceJson } from '../src/core/engine/trace';
import { buildRecords } from '../src/core/records/records';
import { BUILT_IN_WORKSHEETS } from '../src/worksheets';
import { load, measure, type Figure } from './benchUtil';

export function recordBenchmarks(): Figure[] {
  const figures: Figure[] = [];
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
  return figures;
}
