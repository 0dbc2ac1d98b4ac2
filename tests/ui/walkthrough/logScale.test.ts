import { describe, expect, it } from 'vitest';
import { decadeText, labelledDecades, logAxis, logPosition } from '../../../src/ui/walkthrough/logScale';

describe('the log axis of the gradient plot', () => {
  it('spans whole decades around the values: 430 … 268750 is 10² to 10⁶', () => {
    const axis = logAxis([268750, 53750, 10750, 2150, 430]);
    expect(axis).toEqual({ low: 2, high: 6, zeros: false, overflow: false });
    // log₁₀ 1000 = 3: a quarter of the way up from 10² to 10⁶
    expect(logPosition(axis, 1000)).toBeCloseTo(0.25, 12);
  });

  it('puts a zero on the floor, a decade under the smallest value that is not 0', () => {
    const axis = logAxis([0, 2, 2, 0.5]);
    // 0.5 is in the decade from 10⁻¹; one more down for the zeros
    expect(axis).toMatchObject({ low: -2, high: 1, zeros: true });
    expect(logPosition(axis, 0)).toBe(0);
    expect(logPosition(axis, 0.5)).toBeGreaterThan(0);
  });

  it('draws all-zero gradients on the floor of a decade, never NaN', () => {
    const axis = logAxis([0, 0, 0]);
    expect(axis).toMatchObject({ low: 0, high: 1, zeros: true });
    expect(logPosition(axis, 0)).toBe(0);
  });

  it('puts an overflow at the top', () => {
    const axis = logAxis([1, Infinity]);
    expect(axis.overflow).toBe(true);
    expect(logPosition(axis, Infinity)).toBe(1);
  });

  it('labels at most 7 decades, the top one always', () => {
    expect(labelledDecades({ low: 2, high: 6, zeros: false, overflow: false })).toEqual([2, 3, 4, 5, 6]);
    const many = labelledDecades({ low: -20, high: 5, zeros: false, overflow: false });
    expect(many.length).toBeLessThanOrEqual(7);
    expect(many.at(-1)).toBe(5);
  });

  it('writes 10^k with superscripts', () => {
    expect([decadeText(0), decadeText(1), decadeText(5), decadeText(-3)]).toEqual(['1', '10', '10⁵', '10⁻³']);
  });
});
