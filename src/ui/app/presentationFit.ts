// Presentation type that fits the room's screen: the time step being worked fills the width,
// while the pinned caption and equation take at most a third of the height and what any one frame
// works on fits below them.

/** What the fit is worked out from, measured at the presentation's base type size. */
export interface FitMeasure {
  readonly viewportWidth: number;
  readonly viewportHeight: number;
  /** the widest time step on the sheet */
  readonly stepWidth: number;
  /** the page's own margins beside the sheet (they grow with the type too) */
  readonly margins: number;
  /** the pinned panel (caption, equation, controls) */
  readonly panelHeight: number;
  /** the tallest stretch of a step that one frame works on (what it writes and reads) */
  readonly workingHeight: number;
}

// k·(stepWidth + margins) ≤ 0.98·viewportWidth, k·panelHeight ≤ viewportHeight / 3 and
// k·(panelHeight + workingHeight) ≤ 0.9·viewportHeight; times 1.1 per size step
export function presentationScale(m: FitMeasure, size: number): number {
  // a little short of the full width: rounding of the scaled type must not push the step past it
  const across = (0.98 * m.viewportWidth) / Math.max(1, m.stepWidth + m.margins);
  const down = m.viewportHeight / 3 / Math.max(1, m.panelHeight);
  // a caption may wrap onto another line as the type grows: the slack is for that
  const working = (0.9 * m.viewportHeight) / Math.max(1, m.panelHeight + m.workingHeight);
  const fit = Math.min(across, down, working) * 1.1 ** size;
  return Math.min(4, Math.max(0.6, fit));
}
