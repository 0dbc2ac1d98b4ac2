import { describe, expect, it } from 'vitest';
import { displayNumber } from '../../../src/ui/common/displayNumber';

describe('displayNumber', () => {
  it('writes −0.85 with a true minus sign at 2 decimals', () =>
    expect(displayNumber(-0.8493745176020777, 2)).toBe('\u22120.85'));
  it('never writes −0', () => expect(displayNumber(-0.004, 2)).toBe('0.00'));
  it('writes integers without a point at 0 decimals', () => expect(displayNumber(-215, 0)).toBe('\u2212215'));
  it('writes a number past 10⁷ (a blown-up training run) as 3 figures and a power of ten', () => {
    expect(displayNumber(5483224714597700, 0)).toBe('5.48×10¹⁵');
    expect(displayNumber(-12345678, 2)).toBe('\u22121.23×10⁷');
    // the largest number of a by-hand sheet, ∂L/∂h₀ of "ciao", stays as written
    expect(displayNumber(-268750, 0)).toBe('\u2212268750');
  });
});
