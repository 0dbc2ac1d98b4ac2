import { describe, expect, it } from 'vitest';
import { scrollToShow, spanAcross, spanDown, unionBox } from '../../../src/ui/app/followCells';
import { presentationScale } from '../../../src/ui/app/presentationFit';

const box = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });

describe('the presentation’s type for the screen', () => {
  // Tom Yeh's step, 664 px wide at 20 px type, with 40 px of margins, a 185 px panel and 60 px of work
  const tomYeh = { stepWidth: 664, margins: 40, panelHeight: 185, workingHeight: 60 };

  it('fills the width with the step where the panel stays within a third of the height', () => {
    // 1024×768: across 0.98·1024 / 704 = 1.425; the panel's third 256 / 185 = 1.384; the work 691 / 245 = 2.8
    expect(presentationScale({ viewportWidth: 1024, viewportHeight: 768, ...tomYeh }, 0)).toBeCloseTo(1.384, 3);
    // 1920×1080: across 1881.6 / 704 = 2.673; the panel 360 / 185 = 1.946
    expect(presentationScale({ viewportWidth: 1920, viewportHeight: 1080, ...tomYeh }, 0)).toBeCloseTo(1.946, 3);
    // a wide screen and a narrow step: the width sets it, 0.98·1920 / 1000 = 1.882
    const wide = { stepWidth: 960, margins: 40, panelHeight: 100, workingHeight: 60 };
    expect(presentationScale({ viewportWidth: 1920, viewportHeight: 1080, ...wide }, 0)).toBeCloseTo(1.882, 3);
  });

  it('is held back where one frame’s work would not fit below the panel, and + and − are a tenth each', () => {
    // an LSTM step: its tallest work 400 px under a 185 px panel, 0.9·720 / 585 = 1.108
    const lstm = {
      viewportWidth: 1280,
      viewportHeight: 720,
      stepWidth: 960,
      margins: 40,
      panelHeight: 185,
      workingHeight: 400,
    };
    expect(presentationScale(lstm, 0)).toBeCloseTo(1.108, 3);
    expect(presentationScale(lstm, 2)).toBeCloseTo(1.108 * 1.21, 2);
    expect(presentationScale(lstm, -1)).toBeCloseTo(1.108 / 1.1, 2);
  });
});

describe('keeping the cells at work in view', () => {
  it('scrolls by the least that brings a span into the view, and a too long one to its start', () => {
    expect(scrollToShow(100, 200, 0, 500)).toBe(0);
    expect(scrollToShow(450, 600, 0, 500)).toBe(100);
    expect(scrollToShow(-80, 20, 0, 500)).toBe(-80);
    expect(scrollToShow(-80, 900, 0, 500)).toBe(-80);
  });

  it('keeps the whole step across where it fits, else what is written and read', () => {
    const current = box(600, 300, 680, 330);
    const reads = { own: [box(440, 270, 600, 300)], other: [] };
    expect(spanAcross(current, reads, box(400, 100, 1300, 800), 1000)).toEqual(box(400, 100, 1300, 800));
    expect(spanAcross(current, reads, box(0, 100, 1300, 800), 1000)).toEqual(box(440, 270, 680, 330));
    // c₁ read from the step before, too far to show with f₂ ⊙ c₁'s step: the step alone
    const across = { own: reads.own, other: [box(-500, 300, -420, 330)] };
    expect(spanAcross(current, across, box(400, 100, 1300, 800), 1000)).toEqual(box(400, 100, 1300, 800));
    expect(spanAcross(current, { own: [box(0, 0, 90, 30)], other: [] }, null, 500)).toBeNull();
  });

  it('keeps the whole step down where it fits below the panel, else the cells at work', () => {
    const working = unionBox([box(0, 500, 10, 530), box(0, 900, 10, 930)]);
    expect(spanDown(working, box(0, 400, 10, 950), 600)).toEqual(box(0, 400, 10, 950));
    expect(spanDown(working, box(0, 100, 10, 1300), 600)).toEqual(box(0, 500, 10, 930));
    expect(spanDown(working, null, 300)).toBeNull();
  });
});
