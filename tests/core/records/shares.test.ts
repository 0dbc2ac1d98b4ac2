import { describe, expect, it } from 'vitest';
import { outerProduct, weightShares } from '../../../src/core/records/shares';
import { roundHalfAwayFromZero } from '../../../src/core/engine/rounding';
import { computeSheet, builtInFile } from '../../../src/store/sheet';
import { BUILT_IN_WORKSHEETS, findBuiltIn } from '../../../src/worksheets';

function sheetOf(id: string) {
  const computed = computeSheet(builtInFile(findBuiltIn(id)!));
  if (!computed.ok) throw new Error(`${id} does not compute`);
  return computed.sheet;
}

describe("each step's share of a weight's gradient", () => {
  // "ciao" (SPEC §3): h = 1, −7, 44, −215 after h₀ = 0; ∂L/∂h_t = 53750, −10750, 2150, −430 for t = 1 … 4
  it('splits ∂L/∂W_h of "ciao" into ∂L/∂h_t · h_{t−1}, going back from t = 4', () => {
    const shares = weightShares(sheetOf('elman-ciao'), 'd:W_hh')!;
    expect(shares.steps.map((s) => s.t)).toEqual([4, 3, 2, 1]);
    expect(shares.steps.map((s) => [...s.share])).toEqual([[-430 * 44], [2150 * -7], [-10750 * 1], [53750 * 0]]);
    // −18920, −18920 − 15050, … ending at the gradient itself, −44720
    expect(shares.steps.map((s) => [...s.sum])).toEqual([[-18920], [-33970], [-44720], [-44720]]);
  });

  it('gives ∂L/∂W_y of "ciao" one share, from the one step the loss reads: 430 · (−215)', () => {
    const shares = weightShares(sheetOf('elman-ciao'), 'd:W_hy')!;
    expect(shares.steps).toHaveLength(1);
    expect(shares.steps[0]).toMatchObject({ t: 4 });
    expect([...shares.steps[0]!.sum]).toEqual([430 * -215]);
  });

  it('has none for a bias, whose gradient is a sum of vectors', () => {
    expect(weightShares(sheetOf('elman-ciao'), 'd:b_hh')).toBeNull();
  });

  // rounded carry writes the gradient rounded to the sheet's places: the sum of the carried numbers' shares, rounded
  it.each(BUILT_IN_WORKSHEETS.map((w) => w.id))('adds up to the trace’s gradient for every weight of %s', (id) => {
    const sheet = sheetOf(id);
    const { model } = sheet;
    const written = (v: number) => (model.carry === 'rounded' ? roundHalfAwayFromZero(v, model.decimals) : v);
    const weights = [...sheet.records.quantities].filter((q) => /^d:W_/.test(q));
    for (const q of weights) {
      const shares = weightShares(sheet, q)!;
      const last = shares.steps.at(-1)!;
      for (let i = 0; i < shares.rows; i++)
        for (let j = 0; j < shares.cols; j++) {
          const total = sheet.value(q, 0, i, j);
          expect(written(last.sum[i * shares.cols + j]!), `${q}[${i}][${j}]`).toBeCloseTo(total, 9);
        }
    }
  });

  it('writes a bᵀ row after row', () => {
    expect([...outerProduct(Float64Array.of(1, 2), Float64Array.of(3, 4, 5))]).toEqual([3, 4, 5, 6, 8, 10]);
  });
});
