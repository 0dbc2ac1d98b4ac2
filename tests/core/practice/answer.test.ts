import { describe, expect, it } from 'vitest';
import { isWithinTolerance, parseAnswer, tolerance } from '../../../src/core/practice/answer';

describe('a typed answer is read the way people write numbers', () => {
  it.each([
    ['-0.5', -0.5],
    ['\u22120.5', -0.5], // Unicode minus, as the sheet itself prints it
    ['.5', 0.5],
    ['-.5', -0.5],
    ['0,5', 0.5], // decimal comma
    ['+3', 3],
    ['  17 ', 17],
    ['- 2', -2],
    ['3.', 3],
    ['0', 0],
    ['-0', -0],
    ['\u20131.25', -1.25], // an en dash typed for a minus
  ])('%j is %d', (text, value) => {
    expect(parseAnswer(text)).toEqual({ ok: true, value });
  });

  it.each(['', '   '])('%j is empty, not wrong', (text) => {
    expect(parseAnswer(text)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each(['abc', '1e3', '1,000.5', '1.2.3', '--1', '+-1', '0x10', 'Infinity', 'NaN', '1/2', '3 4', '.', ',', '5%'])(
    '%j is refused as not a number',
    (text) => {
      expect(parseAnswer(text)).toEqual({ ok: false, reason: 'notANumber' });
    },
  );
});

describe('an answer is right within half a unit of the last decimal place', () => {
  it('half a unit is 0.5, 0.05 and 0.005 at 0, 1 and 2 decimals', () => {
    expect([0, 1, 2].map(tolerance)).toEqual([0.5, 0.05, 0.005]);
  });

  it('0.75 is right for a carried 0.7499 at 2 decimals, and 0.8 for 0.7499 at 1 decimal', () => {
    expect(isWithinTolerance(0.75, 0.7499, 2)).toBe(true);
    expect(isWithinTolerance(0.8, 0.7499, 1)).toBe(false); // 0.0501 away
    expect(isWithinTolerance(0.7, 0.7499, 1)).toBe(true);
    expect(isWithinTolerance(0.8, 0.76, 1)).toBe(true);
  });

  it('exactly half a unit away counts on both sides; a hair beyond does not', () => {
    expect(isWithinTolerance(1.05, 1, 1)).toBe(true);
    expect(isWithinTolerance(0.95, 1, 1)).toBe(true);
    expect(isWithinTolerance(1.0501, 1, 1)).toBe(false);
    expect(isWithinTolerance(0.9499, 1, 1)).toBe(false);
    expect(isWithinTolerance(-0.745, -0.74, 2)).toBe(true);
    expect(isWithinTolerance(-0.7451, -0.74, 2)).toBe(false);
    expect(isWithinTolerance(17.5, 17, 0)).toBe(true);
    expect(isWithinTolerance(17.51, 17, 0)).toBe(false);
  });
});
