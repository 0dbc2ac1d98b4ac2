import { describe, expect, it } from 'vitest';
import { computeTrace } from '../../../src/core/engine/trace';
import { buildRecordTable, parseSlot, toRecordTable } from '../../../src/core/records/recordTable';
import { buildRecords, slotKey } from '../../../src/core/records/records';
import { builtInFile } from '../../../src/store/sheet';
import { BUILT_IN_WORKSHEETS } from '../../../src/worksheets';
import { mustLoad } from '../../helpers/load';
import { referenceCases } from '../../helpers/reference';

const sheets = [
  ...[...referenceCases('seeds'), ...referenceCases('random')].map((c) => ({
    name: c.name,
    file: c.worksheet as unknown,
  })),
  ...BUILT_IN_WORKSHEETS.map((w) => ({ name: `built-in ${w.id}`, file: builtInFile(w) })),
];

describe('the compact records hold exactly what the record objects do', () => {
  it.each(sheets)('every record of $name, field by field', { timeout: 30_000 }, ({ file }) => {
    const model = mustLoad(file);
    const { forward, backward } = computeTrace(model);
    const objects = buildRecords(model, forward, backward);
    const table = buildRecordTable(model, forward, backward);
    const every = <T>(f: (n: number) => T) => Array.from({ length: table.length }, (_v, n) => f(n));
    // toStrictEqual: no field added as undefined, none missing (j, fn, rule, a ref's t/i/j/lag)
    expect(every(table.at)).toStrictEqual(objects);
    const columns = every((n) => [
      table.phase(n),
      table.q(n),
      table.t(n),
      table.i(n),
      table.j(n),
      table.op(n),
      table.value(n),
    ]);
    expect(columns).toEqual(objects.map((r) => [r.phase, r.q, r.t, r.i, r.j, r.op, r.value]));
    expect(objects.map((r) => table.find(r.q, r.t, r.i, r.j))).toEqual(every((n) => n));
    expect(objects.map((r) => table.findSlot(slotKey(r.q, r.t, r.i, r.j)))).toEqual(every((n) => n));
    expect(table.quantities).toEqual(new Set(objects.map((r) => r.q)));
  });
});

describe('finding a slot', () => {
  const model = mustLoad(BUILT_IN_WORKSHEETS.find((w) => w.id === 'rnn-by-hand')!.file);
  const { forward, backward } = computeTrace(model);
  const table = toRecordTable(buildRecords(model, forward, backward));

  it("h₂ of Tom Yeh's sheet is the record that holds 1 and 17", () => {
    expect([0, 1].map((i) => table.value(table.find('h', 2, i)!))).toEqual([1, 17]);
  });

  it('finds nothing outside the sheet: another step, row, a column where there is none, a given', () => {
    expect(table.find('h', 5, 0)).toBeUndefined();
    expect(table.find('h', 2, 2)).toBeUndefined();
    expect(table.find('h', 2, 0, 0)).toBeUndefined();
    expect(table.find('h', 0, 0)).toBeUndefined(); // h₀ is given, not computed
    expect(table.find('W_hh', 0, 0, 0)).toBeUndefined();
    expect(table.find('nothing', 1, 0)).toBeUndefined();
    expect(table.findSlot('not a slot')).toBeUndefined();
  });

  it('reads a slot key back into its parts', () => {
    expect(parseSlot('mv:W_hh@3[1]')).toEqual({ q: 'mv:W_hh', t: 3, i: 1 });
    expect(parseSlot('d:W_hi@0[2][5]')).toEqual({ q: 'd:W_hi', t: 0, i: 2, j: 5 });
    expect(parseSlot('f*c@12[0]')).toEqual({ q: 'f*c', t: 12, i: 0 });
    expect(parseSlot('h@1')).toBeUndefined();
  });
});
