import { describe, expect, it } from 'vitest';
import { swipeStep } from '../../../src/ui/app/useSwipe';

describe('a swipe', () => {
  it('to the left is the next frame and to the right the one before, once it is 50 px across', () => {
    expect(swipeStep(300, 100, 200, 110)).toBe(1);
    expect(swipeStep(100, 100, 200, 90)).toBe(-1);
    expect(swipeStep(300, 100, 260, 100)).toBe(0);
  });

  it('is no swipe where the finger went down as much as across: that is a scroll of the page', () => {
    // 100 across against 60 down: less than twice as far across
    expect(swipeStep(300, 100, 200, 160)).toBe(0);
    expect(swipeStep(300, 100, 200, 149)).toBe(1);
  });
});
