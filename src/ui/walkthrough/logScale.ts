// The vertical axis of the gradient plot: whole decades from a floor to a top. A zero has no
// place on a log scale (log 0 = −∞), so it is drawn on the floor, one decade under the smallest
// value that is not zero, and the plot says so.
import { superscript } from '../common/quantityText';

export interface LogAxis {
  /** the floor is 10^low, the top 10^high */
  readonly low: number;
  readonly high: number;
  /** some value is 0 (drawn on the floor) */
  readonly zeros: boolean;
  /** some value is too large for a number (drawn at the top) */
  readonly overflow: boolean;
}

/** The decades that hold every value of every curve. */
export function logAxis(values: readonly number[]): LogAxis {
  const shown = values.filter((v) => v > 0 && Number.isFinite(v));
  const zeros = values.some((v) => v === 0);
  const overflow = values.some((v) => !Number.isFinite(v));
  if (shown.length === 0) return { low: 0, high: 1, zeros, overflow };
  let low = Math.floor(Math.log10(Math.min(...shown)));
  let high = Math.ceil(Math.log10(Math.max(...shown)));
  if (high === low) high = low + 1;
  if (zeros) low -= 1;
  return { low, high, zeros, overflow };
}

// position = (log₁₀ v − low) / (high − low), 0 on the floor and 1 at the top
export function logPosition(axis: LogAxis, v: number): number {
  if (!(v > 0)) return 0;
  if (!Number.isFinite(v)) return 1;
  return Math.min(1, Math.max(0, (Math.log10(v) - axis.low) / (axis.high - axis.low)));
}

/** The decades to label: every one, or every second, third … so that at most `most` are. */
export function labelledDecades(axis: LogAxis, most = 7): number[] {
  const every = Math.max(1, Math.ceil((axis.high - axis.low + 1) / most));
  const out: number[] = [];
  for (let k = axis.high; k >= axis.low; k -= every) out.push(k);
  return out.reverse();
}

/** 10^k as it is written: 10⁵, 10⁻³ (1 and 10 as themselves). */
export function decadeText(k: number): string {
  if (k === 0) return '1';
  if (k === 1) return '10';
  return `10${superscript(k)}`;
}
