import { describe, expect, it } from 'vitest';
import { computeTrace } from '../../../src/core/engine/trace';
import {
  buildRecordTable,
  columnBuffers,
  recordTableColumns,
  recordTableFromColumns,
  withValue,
  type RecordTable,
  type RecordTableColumns,
} from '../../../src/core/records/recordTable';
import { builtInFile } from '../../../src/store/sheet';
import { findBuiltIn } from '../../../src/worksheets';
import { mustLoad } from '../../helpers/load';
import { referenceCase } from '../../helpers/reference';

const sheets = [
  { name: 'the built-in lstm-2-decimals', file: builtInFile(findBuiltIn('lstm-2-decimals')!) },
  { name: 'the built-in gru-by-hand', file: builtInFile(findBuiltIn('gru-by-hand')!) },
  ...['seeds/lstm-1-decimal-rounded.json', 'random/004-lstm-large.json', 'random/019-gru-large.json'].map((name) => ({
    name: `the reference case ${name}`,
    file: referenceCase(name).worksheet,
  })),
];

function table(file: unknown): RecordTable {
  const model = mustLoad(file);
  const { forward, backward } = computeTrace(model);
  return buildRecordTable(model, forward, backward);
}

/** Every field of every record, and every slot found again, as the app reads them. */
function everyField(t: RecordTable) {
  return Array.from({ length: t.length }, (_v, n) => ({
    record: t.at(n),
    columns: [t.phase(n), t.q(n), t.t(n), t.i(n), t.j(n), t.op(n), t.value(n), t.slot(n)],
    found: t.find(t.q(n), t.t(n), t.i(n), t.j(n)),
  }));
}

/** What a worker's postMessage does to the columns: a structured clone, the buffers transferred. */
function posted(columns: RecordTableColumns): RecordTableColumns {
  return structuredClone(columns, { transfer: columnBuffers(columns) });
}

describe('a record table taken apart into columns and made again', () => {
  it.each(sheets)('holds every record of $name, field by field', ({ file }) => {
    const original = table(file);
    const expected = everyField(original);
    const again = recordTableFromColumns(posted(recordTableColumns(original)));
    expect(again.length).toBe(original.length);
    // toStrictEqual: no field added as undefined or missing (j, fn, rule, a ref's t/i/j/lag)
    expect(everyField(again)).toStrictEqual(expected);
    expect(again.quantities).toEqual(original.quantities);
    expect(again.find('nothing', 1, 0)).toBeUndefined();
  });

  it('hands its buffers over uncopied: the sender keeps none of them', () => {
    const columns = recordTableColumns(table(sheets[0]!.file));
    const buffers = columnBuffers(columns);
    // eleven columns, each the only view of its own buffer
    expect(buffers).toHaveLength(11);
    const received = posted(columns);
    expect(buffers.every((b) => b.byteLength === 0)).toBe(true);
    expect(received.value.length).toBe(columns.length);
  });

  it('takes apart a table made otherwise (a value replaced) from its records', () => {
    const original = table(sheets[0]!.file);
    const changed = withValue(original, 3, 42);
    const again = recordTableFromColumns(recordTableColumns(changed));
    expect(again.value(3)).toBe(42);
    expect(everyField(again)).toStrictEqual(everyField(changed));
  });
});

describe('the progress of building the records', () => {
  it('is told after every step, forward then backward, rising to 1', () => {
    const model = mustLoad(referenceCase('random/004-lstm-large.json').worksheet);
    const { forward, backward } = computeTrace(model);
    const told: number[] = [];
    buildRecordTable(model, forward, backward, (fraction) => told.push(fraction));
    const steps = 2 * model.T;
    // one per step, and 1 once the parameters' gradients are written too
    expect(told).toEqual([...Array.from({ length: steps }, (_v, k) => (k + 1) / steps), 1]);
  });

  it('counts the forward steps alone where there is no backward pass', () => {
    const model = mustLoad(referenceCase('random/004-lstm-large.json').worksheet);
    const { forward } = computeTrace(model);
    const told: number[] = [];
    buildRecordTable(model, forward, null, (fraction) => told.push(fraction));
    expect(told.at(-2)).toBe(1);
    expect(told).toHaveLength(model.T + 1);
  });
});
