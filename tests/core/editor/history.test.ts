import { describe, expect, it } from 'vitest';
import {
  canRedo,
  canUndo,
  createHistory,
  HISTORY_LIMIT,
  historyPush,
  historyRedo,
  historyUndo,
} from '../../../src/core/editor/history';

describe('the editor’s history', () => {
  it('undoes edits back to the start and redoes them', () => {
    let h = createHistory(1);
    h = historyPush(h, 2);
    h = historyPush(h, 3);
    h = historyUndo(h);
    expect(h.present).toBe(2);
    h = historyUndo(h);
    expect(h.present).toBe(1);
    expect(canUndo(h)).toBe(false);
    expect(historyUndo(h)).toBe(h);
    h = historyRedo(historyRedo(h));
    expect(h.present).toBe(3);
    expect(canRedo(h)).toBe(false);
  });
  it('forgets what was undone once another edit is made', () => {
    const h = historyPush(historyUndo(historyPush(createHistory('a'), 'b')), 'c');
    expect(canRedo(h)).toBe(false);
    expect(historyUndo(h).present).toBe('a');
  });
  it('undoes the keystrokes typed into one cell together, but not those of another cell', () => {
    let h = createHistory('');
    h = historyPush(h, '1', 'W[0][0]');
    h = historyPush(h, '12', 'W[0][0]');
    h = historyPush(h, '12|3', 'W[0][1]');
    expect(historyUndo(h).present).toBe('12');
    expect(historyUndo(historyUndo(h)).present).toBe('');
  });
  it('after an undo, typing into the same cell again is an edit of its own', () => {
    let h = historyPush(historyPush(createHistory(''), '1', 'k'), '12', 'k');
    h = historyUndo(h);
    h = historyPush(h, '5', 'k');
    expect(historyUndo(h).present).toBe('');
    expect(h.past.length).toBe(1);
  });
  it('keeps at most HISTORY_LIMIT states back', () => {
    let h = createHistory(0);
    for (let k = 1; k <= HISTORY_LIMIT + 50; k++) h = historyPush(h, k);
    expect(h.past.length).toBe(HISTORY_LIMIT);
    expect(h.past[0]).toBe(50);
  });
});
