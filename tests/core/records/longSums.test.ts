import { describe, expect, it } from 'vitest';
import { computeTrace } from '../../../src/core/engine/trace';
import { buildRecordTable } from '../../../src/core/records/recordTable';
import { createSheet, MAX_WRITTEN_TERMS, recordTex } from '../../../src/core/records/tex';
import { BUILT_IN_WORKSHEETS } from '../../../src/worksheets';
import { largeHandFriendlySheet } from '../../helpers/largeSheet';
import { mustLoad } from '../../helpers/load';

// givens are written as typed: these weights and inputs are whole numbers
const paren = (v: number) => (v < 0 ? `(${String(v)})` : String(v));

function sheetOf(file: unknown) {
  const model = mustLoad(file);
  const { forward, backward } = computeTrace(model);
  return createSheet(model, buildRecordTable(model, forward, backward));
}

describe('a long sum is written with its middle left out', () => {
  const sheet = sheetOf(largeHandFriendlySheet('lstm', 16, 16, 20));
  const W = largeHandFriendlySheet('lstm', 16, 16, 20).params.W_ii as number[][];

  it('(W_ii x₁)[1] of a 16-wide matrix: the first four and last two of its 16 products, around ⋯', () => {
    const tex = recordTex(sheet, sheet.records.find('mv:W_ii', 1, 0)!);
    expect(tex.symbolic.split(' + ')).toHaveLength(7);
    expect(tex.symbolic).toContain('+ \\cdots +');
    // with the numbers: W_ii[0][j] · x₁[j] for j = 0..3 and 14, 15, x₁ one-hot
    const x1 = largeHandFriendlySheet('lstm', 16, 16, 20).inputs![0]!;
    const terms = tex.substituted.replace(/^= /, '').split(' + ');
    expect(terms).toHaveLength(7);
    expect(terms[1]).toBe(`${paren(W[0]![1]!)} \\cdot ${String(x1[1]!)}`);
  });

  it('the total loss of 20 steps: L₁ … L₄, ⋯, L₁₉, L₂₀', () => {
    const tex = recordTex(sheet, sheet.records.find('L', 0, 0)!);
    expect(tex.symbolic).toMatch(/L_\{1\} \+ L_\{2\} \+ L_\{3\} \+ L_\{4\} \+ \\cdots \+ L_\{19\} \+ L_\{20\}$/);
  });

  it('never on a built-in worksheet: no sum there has more than MAX_WRITTEN_TERMS terms', () => {
    for (const w of BUILT_IN_WORKSHEETS) {
      const s = sheetOf(w.file);
      for (let n = 0; n < s.records.length; n++)
        if (s.records.phase(n) === 'forward') expect(recordTex(s, n).symbolic).not.toContain('\\cdots');
    }
    expect(MAX_WRITTEN_TERMS).toBeGreaterThanOrEqual(8);
  });
});
