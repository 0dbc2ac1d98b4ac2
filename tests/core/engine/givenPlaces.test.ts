// The givens are written as typed (4 as 4, 0.5 as 0.5); only worked-out values follow `decimals`.
import { describe, expect, it } from 'vitest';
import { GIVEN_EXTRA_PLACES, givenPlaces, isGiven, maxGivenPlaces } from '../../../src/core/engine/carry';
import { formatFixed } from '../../../src/core/engine/rounding';
import { createSheet, recordTex } from '../../../src/core/records/tex';
import { builtInFile, computeSheet } from '../../../src/store/sheet';
import { findBuiltIn } from '../../../src/worksheets';
import { mustLoad } from '../../helpers/load';

const asGiven = (v: number, decimals: number) => formatFixed(v, givenPlaces(v, decimals));

describe('a given as typed', () => {
  it('whole numbers stay whole on a 2-decimal sheet: the LSTM’s 4 as 4, −8 as −8, 0 as 0', () => {
    expect([4, -8, 0].map((v) => asGiven(v, 2))).toEqual(['4', '-8', '0']);
  });

  it('0.5 as 0.5 and 0.125 as 0.125, neither padded nor cut to the sheet’s places', () => {
    expect(asGiven(0.5, 2)).toBe('0.5');
    expect(asGiven(0.125, 1)).toBe('0.125');
  });

  it('binary noise is not a place: 0.1 + 0.2 is 0.3 as typed', () => {
    expect(asGiven(0.1 + 0.2, 2)).toBe('0.3');
  });

  it(`at most the sheet's decimals + ${GIVEN_EXTRA_PLACES}: a trained weight 0.123456789 as 0.123457 on 2 decimals`, () => {
    expect(asGiven(0.123456789, 2)).toBe('0.123457');
    expect(asGiven(1e-9, 2)).toBe('0.000000');
  });

  it('the givens are the inputs, h₀, c₀, the parameters and the targets; h and c later are not', () => {
    expect(['x', 'target', 'W_hh', 'b_ih', 'W_hy', 'b_y'].every((q) => isGiven(q, 1))).toBe(true);
    expect([isGiven('h', 0), isGiven('c', 0), isGiven('h', 1), isGiven('c', 2), isGiven('pre:i', 1)]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('the widest given, which sizes the sheet’s cells', () => {
  it('0 places on the LSTM of the slides (every weight whole), 3 once a weight is 0.125', () => {
    const file = builtInFile(findBuiltIn('lstm-2-decimals')!) as { params: Record<string, number[][]> };
    expect(maxGivenPlaces(mustLoad(file))).toBe(0);
    const changed = structuredClone(file);
    changed.params.W_hi![0]![0] = 0.125;
    expect(maxGivenPlaces(mustLoad(changed))).toBe(3);
  });
});

describe('the equations write the givens as typed too', () => {
  it('(W_ii x₁)[1] of the 2-decimal LSTM: 4 · 1 + 4 · 0, and its result at 2 decimals, 4.00', () => {
    const computed = computeSheet(builtInFile(findBuiltIn('lstm-2-decimals')!));
    if (!computed.ok) throw new Error('lstm-2-decimals');
    const sheet = createSheet(computed.sheet.model, computed.records);
    const tex = recordTex(sheet, computed.records.find('mv:W_ii', 1, 0)!);
    expect(tex.substituted).toBe('= 4 \\cdot 1 + 4 \\cdot 0');
    expect(tex.result).toBe('= 4.00');
  });
});
