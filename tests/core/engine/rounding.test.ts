import { describe, expect, it } from 'vitest';
import { formatFixed, roundHalfAwayFromZero } from '../../../src/core/engine/rounding';

describe('roundHalfAwayFromZero rounds as on paper', () => {
  it.each([
    [0.125, 2, 0.13],
    [2.675, 2, 2.68], // 2.67499999999999982236431605997495353221893310546875 in binary
    [-0.05, 1, -0.1],
    [3.4364999999999997, 3, 3.437], // 3.4365 computed in float64
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [1.5, 0, 2],
    [2.5, 0, 3],
    [0.7478959635608425, 1, 0.7],
    [-0.8493745176020777, 2, -0.85],
    [99.995, 2, 100],
    [5e-7, 6, 0.000001],
    [4.9e-7, 6, 0],
    [123456.785, 2, 123456.79],
    [1e21, 2, 1e21],
  ])('%p at %i decimals is %p', (x, d, want) => {
    expect(roundHalfAwayFromZero(x, d)).toBe(want);
  });

  it('never gives −0', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.04, 1), 0)).toBe(true);
    expect(Object.is(roundHalfAwayFromZero(-0, 2), 0)).toBe(true);
  });

  it('leaves non-finite values alone', () => {
    expect(roundHalfAwayFromZero(Infinity, 2)).toBe(Infinity);
    expect(roundHalfAwayFromZero(NaN, 2)).toBeNaN();
  });

  it('agrees with exact decimal rounding on every 3-decimal value from −2 to 2, at 2 decimals', () => {
    for (let k = -2000; k <= 2000; k++) {
      // k/1000 exactly, then rounded to hundredths half away from zero, in integer arithmetic
      const units = Math.sign(k) * Math.floor((Math.abs(k) + 5) / 10);
      expect(roundHalfAwayFromZero(k / 1000, 2)).toBe(units / 100 || 0);
    }
  });
});

describe("formatFixed writes the value with exactly the worksheet's places", () => {
  it.each([
    [0.7478959635608425, 2, '0.75'],
    [-0.004, 2, '0.00'],
    [-0.05, 1, '-0.1'],
    [3, 0, '3'],
    [0, 2, '0.00'],
  ])('%p at %i decimals is "%s"', (x, d, want) => expect(formatFixed(x, d)).toBe(want));
});
