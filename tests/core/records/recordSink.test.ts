import { describe, expect, it } from 'vitest';
import { computeTrace } from '../../../src/core/engine/trace';
import { createRecordTableBuilder } from '../../../src/core/records/recordTable';
import { buildRecords, emitRecords, type RecordSink } from '../../../src/core/records/records';
import { mustLoad } from '../../helpers/load';
import { referenceCase } from '../../helpers/reference';

const model = mustLoad(referenceCase('seeds/lstm-2-decimals.json').worksheet);
const { forward, backward } = computeTrace(model);
const records = buildRecords(model, forward, backward);

describe('the records as JSON (what `trace --records` prints)', () => {
  const json = (q: string) => JSON.stringify(records.find((r) => r.q === q));

  it('keep their keys in the order they always had, the omitted ones left out', () => {
    expect(json('f')).toBe(
      '{"phase":"forward","q":"f","t":1,"i":0,"op":"activation","fn":"sigmoid","reads":[{"q":"pre:f","t":1,"i":0}],"value":0.11920292202211755}',
    );
    expect(json('mv:W_hi')).toContain('"op":"matvec","reads":[{"q":"W_hi","t":0,"i":0},{"q":"h","t":0}]');
    expect(json('L')).toContain('"op":"total","reads":[{"q":"loss","t":1,"i":0},');
  });

  it('write a parameter gradient with j after i, and lag before j in its h_{t−1} read', () => {
    expect(json('d:W_hi')).toMatch(
      /^\{"phase":"backward","q":"d:W_hi","t":0,"i":0,"j":0,"op":"grad","rule":"outer_sum_over_steps","reads":\[\{"q":"d:pre:i","i":0\},\{"q":"h","lag":1,"j":0\}\],"value":/,
    );
  });
});

describe('a record sink', () => {
  it('is handed each record after its reads, as the objects have them', () => {
    const names: string[] = [];
    const seen: string[] = [];
    let reads = 0;
    const sink: RecordSink = {
      id: (name) => (names.includes(name) ? names.indexOf(name) : names.push(name) - 1),
      ref: () => reads++,
      record: (_phase, q, t, i) => {
        seen.push(`${names[q]}@${t}[${i}]/${reads}`);
        reads = 0;
      },
    };
    emitRecords(model, forward, backward, sink);
    expect(seen).toEqual(records.map((r) => `${r.q}@${r.t}[${r.i}]/${r.reads.length}`));
  });

  it('builds the same table written into as pushed record by record', () => {
    const written = createRecordTableBuilder();
    emitRecords(model, forward, backward, written);
    const pushed = createRecordTableBuilder();
    for (const r of records) pushed.push(r);
    expect(written.finish().slice()).toStrictEqual(pushed.finish().slice());
  });
});
