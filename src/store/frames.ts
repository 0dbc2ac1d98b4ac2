// The walkthrough's frames: each shows one more thing on the sheet. "Every number" is one record
// a frame; "every vector" is all the records of one quantity at one step (a whole gate at once).
import type { Ref } from '../core/records/records';
import type { RecordTable } from '../core/records/recordTable';

export type Granularity = 'number' | 'vector';

/** Records first..last (inclusive) appear in this frame. */
export interface Frame {
  readonly first: number;
  readonly last: number;
}

/** The forward pass and the loss, or the backward pass from the loss's gradient to the parameters'. */
export type Direction = 'forward' | 'backward';

/** The frames of one direction of the walkthrough: its records, one or one quantity's at a time. */
export function buildFrames(records: RecordTable, granularity: Granularity, direction: Direction = 'forward'): Frame[] {
  const frames: Frame[] = [];
  for (let n = 0; n < records.length; n++) {
    if (records.phase(n) !== direction) continue;
    const prev = frames[frames.length - 1];
    if (
      granularity === 'vector' &&
      prev &&
      records.q(prev.last) === records.q(n) &&
      records.t(prev.last) === records.t(n)
    ) {
      frames[frames.length - 1] = { first: prev.first, last: n };
    } else frames.push({ first: n, last: n });
  }
  return frames;
}

/** The frame that shows record n. */
export function frameOfRecord(frames: readonly Frame[], n: number): number {
  let lo = 0;
  let hi = frames.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((frames[mid] as Frame).last < n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every single value a frame's records read, as expanded refs (a row ref becomes its entries). */
export function readsOfFrame(records: RecordTable, frame: Frame): Ref[] {
  const out: Ref[] = [];
  for (let n = frame.first; n <= frame.last; n++) out.push(...records.at(n).reads);
  return out;
}
