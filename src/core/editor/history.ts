// Undo and redo over editor states, as plain data: the states before, the one shown, the ones undone.

export interface History<S> {
  readonly past: readonly S[];
  readonly present: S;
  readonly future: readonly S[];
  /** what the last edit was (a cell being typed into): a further edit of the same joins it */
  readonly lastKey: string | null;
}

/** How many edits back undo reaches; older states are let go. */
export const HISTORY_LIMIT = 200;

export function createHistory<S>(present: S): History<S> {
  return { past: [], present, future: [], lastKey: null };
}

/**
 * The history after an edit to `next`. Redo is no longer possible. Edits with the same key one
 * after the other (the keystrokes typed into one cell) are undone together; a null key never joins.
 */
export function historyPush<S>(h: History<S>, next: S, key: string | null = null): History<S> {
  if (key !== null && key === h.lastKey) return { ...h, present: next, future: [] };
  const past = [...h.past, h.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], lastKey: key };
}

export function historyUndo<S>(h: History<S>): History<S> {
  const previous = h.past[h.past.length - 1];
  if (previous === undefined) return h;
  return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future], lastKey: null };
}

export function historyRedo<S>(h: History<S>): History<S> {
  const next = h.future[0];
  if (next === undefined) return h;
  return { past: [...h.past, h.present], present: next, future: h.future.slice(1), lastKey: null };
}

export const canUndo = <S>(h: History<S>): boolean => h.past.length > 0;
export const canRedo = <S>(h: History<S>): boolean => h.future.length > 0;
