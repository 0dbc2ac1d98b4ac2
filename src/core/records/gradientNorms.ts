// What the exploding-and-vanishing plot draws and moves: ‖∂L/∂h_t‖ over t from the values the
// sheet writes (so a rounded sheet's are its carried values), the closed form where the model is
// a scalar linear recurrence, and the parameter changes its sliders make (recurrent matrices
// scaled, the forget gate's bias shifted), always from the parameters as opened.
import { CELL_PARAMS, type CellKind } from '../format/worksheet';
import type { Sheet } from './tex';

/** A worksheet file's parameters, by their file names. */
export type FileParams = Readonly<Record<string, readonly (readonly number[])[] | readonly number[]>>;

// ‖∂L/∂h_t‖ = √(Σ_i (∂L/∂h_t[i])²), for t = 0 … T
export function hiddenGradientNorms(sheet: Sheet): number[] | null {
  const { model } = sheet;
  if (!model.loss || !model.readout) return null;
  return Array.from({ length: model.T + 1 }, (_v, t) => {
    const values = Array.from({ length: model.H }, (_w, i) => sheet.value('d:h', t, i));
    return Math.hypot(...values);
  });
}

/** The numbers of ∂L/∂h_t = 2(y_T − y*) · W_y · W_h^(T−t), for a model of that shape. */
export interface ScalarClosedForm {
  readonly y: number;
  readonly target: number;
  readonly W_y: number;
  readonly W_h: number;
  readonly T: number;
}

/**
 * The closed form's numbers when the model's shape allows it: one hidden unit, h_t = W_h h_{t−1}
 * + W_x x_t (identity), y = W_y h_T (identity readout) and a squared error at the last step
 * only; null otherwise. Decided from the model, never from which worksheet it is.
 */
export function scalarClosedForm(sheet: Sheet): ScalarClosedForm | null {
  const { model } = sheet;
  const { readout, loss } = model;
  const fits =
    model.cell === 'rnn' &&
    model.activation === 'identity' &&
    model.H === 1 &&
    model.O === 1 &&
    readout?.activation === 'identity' &&
    readout.W_hy !== null &&
    loss?.kind === 'squared_error' &&
    (loss.at === 'last' || model.T === 1);
  if (!fits) return null;
  return {
    y: sheet.value('y', model.T, 0),
    target: sheet.value('target', model.T, 0),
    W_y: sheet.value('W_hy', 0, 0, 0),
    W_h: sheet.value('W_hh', 0, 0, 0),
    T: model.T,
  };
}

// ∂L/∂h_t = 2(y_T − y*) · W_y · W_h^(T−t)
export function closedFormGradient(f: ScalarClosedForm, t: number): number {
  return 2 * (f.y - f.target) * f.W_y * f.W_h ** (f.T - t);
}

/** The hidden-to-hidden matrices of a cell kind (W_hh; W_hi, W_hf, W_hg, W_ho; W_hr, W_hz, W_hn). */
export function recurrentMatrices(cell: CellKind): readonly string[] {
  return CELL_PARAMS[cell].hidden;
}

// W ← s · W, for every hidden-to-hidden matrix the parameters give
export function scaleRecurrence(original: FileParams, cell: CellKind, factor: number): Record<string, number[][]> {
  const changes: Record<string, number[][]> = {};
  for (const name of recurrentMatrices(cell)) {
    const W = original[name];
    if (W && isMatrix(W)) changes[name] = W.map((row) => row.map((w) => factor * w));
  }
  return changes;
}

/**
 * The factor the recurrent matrices stand at against the parameters as opened: current / original
 * at the first entry the original does not have at 0 (1 when every entry is 0).
 */
export function recurrenceScale(current: FileParams, original: FileParams, cell: CellKind): number {
  for (const name of recurrentMatrices(cell)) {
    const W0 = original[name];
    const W = current[name];
    if (!W0 || !W || !isMatrix(W0) || !isMatrix(W)) continue;
    for (let r = 0; r < W0.length; r++) {
      const row = W0[r] as readonly number[];
      for (let c = 0; c < row.length; c++) {
        const w0 = row[c] as number;
        if (w0 !== 0) return (W[r]?.[c] ?? w0) / w0;
      }
    }
  }
  return 1;
}

/** The forget gate's bias to shift: b_if if the file gives it, else b_hf, else b_if (then added). */
export function forgetBiasName(original: FileParams): 'b_if' | 'b_hf' {
  if (original.b_if) return 'b_if';
  return original.b_hf ? 'b_hf' : 'b_if';
}

// b_f ← b_f + δ (every unit), from the bias as opened (0 where the file gives none)
export function shiftForgetBias(original: FileParams, H: number, shift: number): Record<string, number[]> {
  const name = forgetBiasName(original);
  const b = biasOf(original, name, H);
  return { [name]: b.map((v) => v + shift) };
}

/** How far the forget gate's bias stands from the bias as opened (at its first unit). */
export function forgetBiasShift(current: FileParams, original: FileParams, H: number): number {
  const name = forgetBiasName(original);
  return (biasOf(current, name, H)[0] ?? 0) - (biasOf(original, name, H)[0] ?? 0);
}

function biasOf(params: FileParams, name: string, H: number): number[] {
  const b = params[name];
  if (b && !isMatrix(b)) return [...b];
  return new Array<number>(H).fill(0);
}

function isMatrix(v: FileParams[string]): v is readonly (readonly number[])[] {
  return Array.isArray(v[0]);
}

/** What puts the parameters back as opened: each as it was, and null for one added since (to take out). */
export function resetChanges(current: FileParams, original: FileParams): Record<string, FileParams[string] | null> {
  const changes: Record<string, FileParams[string] | null> = { ...original };
  for (const name of Object.keys(current)) if (!(name in original)) changes[name] = null;
  return changes;
}
