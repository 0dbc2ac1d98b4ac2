// Saved progress that answers cells the sheet does not have (stored data gone wrong, or planted)
// is set aside whole, as found; the sheet's own answers come back, and only they are saved on.
import { describe, expect, it } from 'vitest';
import { slotKey } from '../../src/core/records/records';
import { createPersistence, PROGRESS_FORMAT } from '../../src/store/persist';
import { createWorksheetStore, storageKey } from '../../src/store/worksheetStore';
import { FakeStorage } from '../helpers/fakeStorage';

describe('answers for cells the sheet does not have', () => {
  it('50,000 of them are set aside, and h₁[0] typed on the sheet comes back', () => {
    const storage = new FakeStorage();
    const practise = () => {
      const store = createWorksheetStore('rnn-by-hand', { persistence: createPersistence(() => storage) });
      store.getState().setMode('practice');
      return store;
    };
    const key = storageKey(practise().getState());
    const entry = { text: '1', checked: true, hints: 0, revealed: false };
    const cells: Record<string, typeof entry> = { [slotKey('h', 1, 0)]: { ...entry, text: '3' } };
    for (let k = 0; k < 50_000; k++) cells[`junk:${k}`] = entry;
    const stored = JSON.stringify({
      format: PROGRESS_FORMAT,
      version: 3,
      data: { cells, focus: null, follow: false, resets: 0, quiz: null },
    });
    storage.setItem(key, stored);

    const store = practise();
    expect(Object.keys(store.getState().progress.cells)).toEqual([slotKey('h', 1, 0)]);
    expect(store.getState().progress.cells[slotKey('h', 1, 0)]?.text).toBe('3');
    expect(store.getState().setAside.map((a) => [a.reason, a.text === stored])).toEqual([['strays', true]]);
    // saved on without them: a reload reads one answer
    expect(Object.keys(practise().getState().progress.cells)).toEqual([slotKey('h', 1, 0)]);
  });
});
