// Widths written out by hand from KaTeX's advance widths (in em, before KaTeX's 1.21 scale):
// letters 0.55 unless listed, digits 0.5, a script at 0.7, "=" 0.78 with 2 × 0.2778 around it,
// "+" 0.78 with 2 × 0.2222 around it.
import { describe, expect, it } from 'vitest';
import { texWidthEm } from '../../../src/ui/common/texWidth';

describe('texWidthEm, the stand-in width of a formula before KaTeX is in', () => {
  it('draws x_1 as an x and a script-sized 1', () => {
    expect(texWidthEm('x_1')).toBeCloseTo(1.21 * (0.55 + 0.7 * 0.5), 6);
  });

  it('counts a relation and a binary operator with their spacing: h_t = W x + b', () => {
    const h = 0.55 + 0.7 * 0.36; // h, then the script t
    const equals = 0.78 + 2 * 0.2778;
    const plus = 0.78 + 2 * 0.2222;
    expect(texWidthEm('h_t = W x + b')).toBeCloseTo(1.21 * (h + equals + 1.05 + 0.55 + plus + 0.43), 6);
  });

  it('stacks a subscript and a superscript: the wider counts, not both', () => {
    expect(texWidthEm('W_{hh}^\\top')).toBeCloseTo(1.21 * (1.05 + 0.7 * Math.max(0.55 + 0.55, 0.78)), 6);
  });

  it('takes the wider of numerator and denominator in a fraction', () => {
    expect(texWidthEm('\\frac{a}{bc}')).toBeCloseTo(1.21 * (Math.max(0.55, 0.43 + 0.43) + 0.24), 6);
  });

  it('takes the widest row of a matrix, between its two brackets', () => {
    const rows = Math.max(0.5 + 1 + 0.5, 0.5 + 1 + 0.5 + 0.5);
    expect(texWidthEm('\\begin{bmatrix}1 & 2 \\\\ 3 & 45\\end{bmatrix}')).toBeCloseTo(1.21 * (rows + 2 * 0.5), 6);
  });

  it('reads a character given by its code (\\char92{}) as one character, and ends on a bare \\char', () => {
    expect(texWidthEm('\\text{a\\char92{}b}')).toBeCloseTo(1.21 * (0.55 + 0.5 + 0.43), 6);
    expect(texWidthEm('x\\char')).toBeCloseTo(1.21 * (0.55 + 0.5), 6);
  });

  it('measures TeX cut short or odd without throwing: a trailing backslash counts for nothing', () => {
    expect(texWidthEm('x\\')).toBeCloseTo(1.21 * 0.55, 6);
    for (const tex of ['x_\\', '\\text{\\', 'a\\\nb', '{', '}', '^', '\\frac{a}'])
      expect(Number.isFinite(texWidthEm(tex)), tex).toBe(true);
  });
});
