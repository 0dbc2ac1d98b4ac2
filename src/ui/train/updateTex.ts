// The update of one parameter as the app writes equations: symbolically, with the numbers, and
// solved (W ← W − η ∂L/∂W).
import type { Matrix, Vector } from '../../core/engine/linalg';
import { paramTex } from '../../core/records/tex';
import type { Model } from '../../core/format/worksheet';
import { superscript } from '../common/quantityText';

/** Entries up to which a parameter's update is written out in full. */
export const MAX_WRITTEN_ENTRIES = 36;

export interface UpdateTex {
  readonly symbolic: string;
  readonly numbers: string;
  readonly result: string;
}

// W ← W − η ∂L/∂W ; = [W] − η · [∂L/∂W] ; = [W']
export function updateTex(
  model: Model,
  name: string,
  before: Matrix | Vector,
  grad: Matrix | Vector,
  after: Matrix | Vector,
  eta: number,
): UpdateTex {
  const w = paramTex(model, name);
  return {
    symbolic: `${w} \\leftarrow ${w} - \\eta \\, \\frac{\\partial L}{\\partial ${w}}`,
    numbers: `= ${arrayTex(before)} - ${numberTex(eta)} \\cdot ${arrayTex(grad)}`,
    result: `= ${arrayTex(after)}`,
  };
}

export function entries(v: Matrix | Vector): number {
  return v instanceof Float64Array ? v.length : v.data.length;
}

/** A matrix as a bracketed grid; a vector (a bias) as a column, as the sheet draws it. */
function arrayTex(v: Matrix | Vector): string {
  const rows: number[][] = [];
  if (v instanceof Float64Array) for (const x of v) rows.push([x]);
  else for (let k = 0; k < v.rows; k++) rows.push(Array.from(v.data.subarray(k * v.cols, (k + 1) * v.cols)));
  return `\\begin{bmatrix}${rows.map((r) => r.map(numberTex).join(' & ')).join(' \\\\ ')}\\end{bmatrix}`;
}

/** The same as plain text (rows split by semicolons), for a screen reader: KaTeX writes HTML only. */
export function arrayText(v: Matrix | Vector): string {
  const rows: number[][] = [];
  if (v instanceof Float64Array) for (const x of v) rows.push([x]);
  else for (let k = 0; k < v.rows; k++) rows.push(Array.from(v.data.subarray(k * v.cols, (k + 1) * v.cols)));
  return `[${rows.map((r) => r.map(numberText).join(', ')).join('; ')}]`;
}

/** Up to 6 significant digits; very large or small ones as a power of ten. */
export function numberTex(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '\\infty' : x < 0 ? '-\\infty' : '\\text{NaN}';
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e6 || a < 1e-4)) {
    const [m, e] = x.toExponential(4).split('e') as [string, string];
    return `${trimZeros(m)} \\times 10^{${Number(e)}}`;
  }
  return String(Number(x.toPrecision(6)));
}

/** The same as plain text, with a true minus sign, for captions. */
export function numberText(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? '∞' : '−∞';
  const a = Math.abs(x);
  const s =
    a !== 0 && (a >= 1e6 || a < 1e-4)
      ? (() => {
          const [m, e] = x.toExponential(4).split('e') as [string, string];
          return `${trimZeros(m)} × 10${superscript(Number(e))}`;
        })()
      : String(Number(x.toPrecision(6)));
  return s.replace(/-/g, '\u2212');
}

function trimZeros(m: string): string {
  return m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
}
