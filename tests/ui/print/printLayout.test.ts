// How much a handout scales the sheet to fit the page, and the page it asks for.
import { describe, expect, it } from 'vitest';
import { MIN_READABLE_ZOOM, pageCss, printableWidthPx, printZoom } from '../../../src/ui/print/printLayout';

describe('the printable width', () => {
  it('A4 is 210 mm less two 12 mm margins, 186 mm = 703 px at 96 px an inch; Letter 191.9 mm = 725 px', () => {
    expect(printableWidthPx('A4')).toBeCloseTo((186 / 25.4) * 96, 6);
    expect(printableWidthPx('A4')).toBeCloseTo(703.0, 0);
    expect(printableWidthPx('Letter')).toBeCloseTo(725.3, 0);
  });

  it('the @page rule names the paper, which a class cannot switch', () => {
    expect(pageCss('A4')).toBe('@page { size: A4 portrait; margin: 12mm; }');
    expect(pageCss('Letter')).toBe('@page { size: letter portrait; margin: 12mm; }');
  });
});

describe('the zoom of the sheet on paper', () => {
  it('a sheet that fits is printed at its own size, never enlarged', () => {
    expect(printZoom(500, 300, 703)).toBe(1);
  });

  it('a sheet a little too wide is shrunk to the width: 800 px on 703 px at 0.87875', () => {
    expect(printZoom(800, 300, 703)).toBeCloseTo(703 / 800, 10);
    expect(800 * printZoom(800, 300, 703)).toBeCloseTo(703, 6);
  });

  it('a very wide sheet stops at the readable floor and wraps its rows instead', () => {
    expect(printZoom(2400, 400, 703)).toBe(MIN_READABLE_ZOOM);
  });

  it('but the widest block always fits, below the floor if it must: a 1400 px block on 703 px at 0.502', () => {
    const zoom = printZoom(2400, 1400, 703);
    expect(zoom).toBeCloseTo(703 / 1400, 10);
    expect(1400 * zoom).toBeLessThanOrEqual(703 + 1e-9);
  });

  it('nothing measured (no sheet drawn) leaves the page as it is', () => {
    expect(printZoom(0, 0, 703)).toBe(1);
    expect(printZoom(Number.NaN, 0, 703)).toBe(1);
  });
});
