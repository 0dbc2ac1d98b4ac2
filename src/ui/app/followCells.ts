// Keeping what a frame works on in view: the cell it writes and the cells it reads, and, where it
// fits, the whole time step they are in (a lecture hall follows the step, not one number).

/** A box on the screen: left and right, top and bottom, in pixels. */
export interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** The smallest box holding every one of boxes. */
export function unionBox(boxes: readonly Box[]): Box {
  return {
    left: Math.min(...boxes.map((b) => b.left)),
    right: Math.max(...boxes.map((b) => b.right)),
    top: Math.min(...boxes.map((b) => b.top)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
  };
}

/**
 * How far to scroll (positive: content moves towards the start) along one axis so that the span
 * [from, to] lies inside [start, end], by the least movement; a span too long for the view is
 * brought to its start.
 */
export function scrollToShow(from: number, to: number, start: number, end: number): number {
  if (to - from > end - start || from < start) return from - start;
  if (to > end) return to - end;
  return 0;
}

/**
 * The span across to keep in view, the first that fits the width of: the time step with every
 * cell read (some may be in the step before), the time step, the cells written and read, the
 * cells written and read in its step; none fitting, the caller centres the one written.
 */
export function spanAcross(
  current: Box,
  reads: { readonly own: readonly Box[]; readonly other: readonly Box[] },
  step: Box | null,
  width: number,
): Box | null {
  const candidates = [
    ...(step
      ? [
          [step, ...reads.own, ...reads.other],
          [step, ...reads.own],
        ]
      : []),
    [current, ...reads.own, ...reads.other],
    [current, ...reads.own],
  ].map((boxes) => unionBox([current, ...boxes]));
  return candidates.find((b) => b.right - b.left <= width) ?? null;
}

/** The span down to keep in view: the whole time step where it fits in height, else the cells at work. */
export function spanDown(working: Box, step: Box | null, height: number): Box | null {
  if (step) {
    const whole = unionBox([step, working]);
    if (whole.bottom - whole.top <= height) return whole;
  }
  return working.bottom - working.top <= height ? working : null;
}
