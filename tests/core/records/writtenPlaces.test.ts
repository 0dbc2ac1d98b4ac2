// With rounded carry a value kept in full is written with as many places as it needs (up to two
// more than the sheet's); every value of one quantity with the same places, so a column lines up.
import { describe, expect, it } from 'vitest';
import { formatWritten } from '../../../src/core/engine/carry';
import { builtInFile, computeSheet } from '../../../src/store/sheet';
import { findBuiltIn } from '../../../src/worksheets';

function written(id: string, q: string): string[] {
  const computed = computeSheet(builtInFile(findBuiltIn(id)!));
  if (!computed.ok) throw new Error(id);
  const { records, sheet } = computed;
  const out: string[] = [];
  for (let n = 0; n < records.length; n++)
    if (records.q(n) === q && records.phase(n) === 'forward') out.push(formatWritten(sheet.model, q, records.value(n)));
  return out;
}

describe('the places a value kept in full is written with, on the 1-decimal LSTM', () => {
  it('tanh(c): 0.000 under 0.664, not 0.0 (tanh(0.8) = 0.66404, tanh(0) = 0)', () => {
    expect(written('lstm-1-decimal-rounded', 'tanh(c)').slice(0, 2)).toEqual(['0.664', '0.000']);
  });

  it('f ⊙ c: 0.9 · −0.8 = −0.72 and 1.0 · 1.0 = 1 written alike, as −0.72 and 1.00', () => {
    const fc = written('lstm-1-decimal-rounded', 'f*c');
    expect(fc.slice(4)).toEqual(['-0.72', '1.00']);
    // and every f ⊙ c with those two places: 0.1 · 0.8 = 0.08 needs them too
    expect(new Set(fc.map((v) => v.split('.')[1]?.length))).toEqual(new Set([2]));
  });

  it('a value the sheet rounds keeps the sheet’s one place: h = 0.7, 0.0, …', () => {
    expect(written('lstm-1-decimal-rounded', 'h').slice(0, 2)).toEqual(['0.7', '0.0']);
  });
});
