// How a cell of the sheet looks in the current frame: shown or still empty, and being written,
// read, or neither. A block of the sheet (a vector, a product's matrix with its vector and result)
// asks the store once for all of its cells, with a signature that changes only when one of them
// does: a step of a large sheet then wakes a few blocks, not one subscription per number.
import { blockKey, type FrameView } from '../../store/view';
import { selectView, type WorksheetState } from '../../store/worksheetStore';
import { useWorksheet, useWorksheetStore } from '../common/storeContext';
import type { HandoutVersion } from '../print/printLayout';
import { usePrintVersion } from '../print/printState';

export type Role = 'current' | 'read' | 'none';

/** Whether a cell is being written, is read by what is being written, or neither. */
export function roleIn(view: FrameView, key: string, panel?: number, copyFor?: string): Role {
  // a product reads its vector from the copy above its matrix; the matrix's own cells (which
  // carry their panel) light up in that panel; a vector's own column lights up for other reads
  const inPlace = copyFor !== undefined ? copyFor === view.q : panel !== undefined || view.op !== 'matvec';
  const read = view.reads.has(key) && inPlace && (panel === undefined || panel === view.panel);
  return view.current.has(key) ? 'current' : read ? 'read' : 'none';
}

/** The role of a cell in the state's current view (for a cell that asks the store itself). */
export function cellRole(s: WorksheetState, key: string, panel?: number, copyFor?: string): Role {
  return roleIn(selectView(s), key, panel, copyFor);
}

/** One quantity of a block at one step, with the range of the records that write its numbers. */
export interface Part {
  readonly q: string;
  /** the step (0 for a parameter) */
  readonly t: number;
  /** the first and last record writing it; first > last for a given */
  readonly first: number;
  readonly last: number;
  /** for a parameter drawn in every step's panel: that step */
  readonly panel?: number | undefined;
}

export interface BlockLook {
  /** practice or a quiz: the numbers worked out are the student's cells, which look themselves up */
  readonly practising: boolean;
  readonly view: FrameView;
  /** a handout being printed: every number (the key) or only the givens (blank), none lit */
  readonly printing: HandoutVersion | null;
}

/** The look of a block's cells, re-read only when one of its parts changes. */
export function useBlockLook(parts: readonly Part[]): BlockLook {
  const store = useWorksheetStore();
  useWorksheet((s) => lookSignature(s, parts));
  const printing = usePrintVersion();
  // the signature above re-renders this block whenever what it reads here changes
  const s = store.getState();
  return { practising: s.mode !== 'walkthrough' && printing === null, view: selectView(s), printing };
}

/**
 * What the parts' cells show, as a string that stays the same from one frame to the next unless
 * one of them changes: for each part, whether its records are all hidden, all shown or which are
 * (only while a frame inside its range is current), and the view itself while it lights the part.
 */
export function lookSignature(s: WorksheetState, parts: readonly Part[]): string {
  const view = selectView(s);
  let signature = s.mode === 'walkthrough' ? 'w' : 'p';
  for (const p of parts) {
    if (s.mode === 'walkthrough' && p.first <= p.last)
      signature += view.lastVisible < p.first ? '<' : view.lastVisible >= p.last ? '>' : String(view.lastVisible);
    if (view.touched.has(blockKey(p.q, p.t)) && (p.panel === undefined || p.panel === view.panel))
      signature += `*${viewId(view)}`;
    signature += ',';
  }
  return signature;
}

const viewIds = new WeakMap<FrameView, number>();
let lastViewId = 0;
function viewId(view: FrameView): number {
  let id = viewIds.get(view);
  if (id === undefined) viewIds.set(view, (id = ++lastViewId));
  return id;
}

/** Where a product block's cell sits in its grid, and which part of the block it belongs to. */
export interface Placement {
  readonly part?: 'matrix' | 'above' | 'result' | undefined;
  readonly row?: number | undefined;
  readonly col?: number | undefined;
}

/** The class and grid position of a placed cell (none for a cell of a vector). */
export function placement(p: Placement): { className: string; style: React.CSSProperties | undefined } {
  if (p.part === undefined) return { className: '', style: undefined };
  return { className: ` ${p.part}`, style: { gridRow: String(p.row), gridColumn: String(p.col) } };
}
