// Quantities in plain text for captions and screen readers ("B x₁", "h₂", "(A h₁)[2]"), with
// the worksheet's labels and 1-based indices, as on paper.
import { gruInnerName } from '../../core/records/records';
import { CELL_PARAMS, type Model } from '../../core/format/worksheet';
import { vectorLength } from '../../store/view';
import { messages } from '../messages/messages';

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';

export function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)] as string);
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A whole number as an exponent: ⁵, ⁻¹². */
export function superscript(n: number): string {
  return (n < 0 ? '⁻' : '') + String(Math.abs(n)).replace(/\d/g, (d) => SUPERSCRIPTS[Number(d)] as string);
}

export function paramText(model: Model, name: string): string {
  return model.labels[name] ?? name;
}

/** A whole quantity at step t. */
export function quantityText(model: Model, q: string, t: number): string {
  // a gradient: ∂L/∂ of what it is the gradient of (a parameter's has no step)
  if (q.startsWith('d:')) {
    const of = q.slice(2);
    const param = model.weights.has(of) || of.startsWith('b_') || of === 'W_hy';
    return `∂L/∂${param ? paramText(model, of) : quantityText(model, of, t)}`;
  }
  const now = subscript(t);
  const prev = subscript(t - 1);
  if (q.startsWith('mv:')) {
    const W = q.slice(3);
    if (W === 'W_hy') return `${paramText(model, W)} h${now}`;
    return CELL_PARAMS[model.cell].input.includes(W)
      ? `${paramText(model, W)} x${now}`
      : `${paramText(model, W)} h${prev}`;
  }
  if (q === 'pre:h') return `a${now}`;
  if (q.startsWith('pre:')) return `a${now}(${q.slice(4)})`;
  switch (q) {
    case 'f*c':
      return `f${now} ⊙ c${prev}`;
    case 'i*g':
      return `i${now} ⊙ g${now}`;
    case 'tanh(c)':
      return `tanh(c${now})`;
    case 'hn':
      return `${paramText(model, 'W_hn')} h${prev} + ${paramText(model, 'b_hn')}`;
    case 'r*hn':
      return `r${now} ⊙ (${quantityText(model, gruInnerName(model), t)})`;
    case '(1-z)*n':
      return `(1 − z${now}) ⊙ n${now}`;
    case 'z*h':
      return `z${now} ⊙ h${prev}`;
    case 'target':
      return `y*${now}`;
    case 'loss':
      return `L${now}`;
    case 'L':
      return 'L';
  }
  if (/^[a-z]$/.test(q)) return `${q}${now}`;
  return paramText(model, q);
}

/**
 * One number of a quantity, as h₂[1] or (A h₁)[2], or of a parameter's gradient, as ∂L/∂A[1, 2];
 * a quantity of one number keeps its bare name.
 */
export function cellText(model: Model, q: string, t: number, i: number, j?: number): string {
  const whole = quantityText(model, q, t);
  if (j !== undefined) {
    const W = q.slice(2);
    const size = W === 'W_hy' ? model.readout?.W_hy : model.weights.get(W);
    return size && size.rows * size.cols === 1 ? whole : `${whole}[${i + 1}, ${j + 1}]`;
  }
  if (vectorLength(model, q) === 1) return whole;
  return whole.includes(' ') ? `(${whole})[${i + 1}]` : `${whole}[${i + 1}]`;
}

/**
 * Where one number of the sheet is, in words, for a screen reader: "h₂, row 1", "A, row 1,
 * column 2"; a quantity of one number keeps its bare name, as it does on paper.
 */
export function cellPlace(model: Model, q: string, t: number, i: number, j?: number): string {
  const whole = quantityText(model, q, t);
  if (j !== undefined) {
    const W = q.startsWith('d:') ? q.slice(2) : q;
    const size = W === 'W_hy' ? model.readout?.W_hy : model.weights.get(W);
    return size && size.rows * size.cols === 1 ? whole : messages.cellAtRowColumn(whole, i + 1, j + 1);
  }
  return vectorLength(model, q) === 1 ? whole : messages.cellAtRow(whole, i + 1);
}
