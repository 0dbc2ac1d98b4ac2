// Kept worksheets: kept under their own name, found again after a reload (a new store on the same
// storage), renamed, duplicated and deleted with an undo; what cannot be read is set aside, never dropped.
import { describe, expect, it } from 'vitest';
import { createLibrary, KEPT_FORMAT, type Library } from '../../src/store/library';
import { createPersistence } from '../../src/store/persist';
import { createWorksheetStore, selectSheet } from '../../src/store/worksheetStore';
import { BUILT_IN_WORKSHEETS } from '../../src/worksheets';
import { FakeStorage } from '../helpers/fakeStorage';

const tomYeh = BUILT_IN_WORKSHEETS.find((w) => w.id === 'rnn-by-hand')!.file as Record<string, unknown>;
// W_hh = 0: each y is its own step's input, 3, 4, 5, 6 (ReLU of B x = x, then C h)
const mine = {
  ...tomYeh,
  title: 'Mine',
  params: {
    ...(tomYeh.params as object),
    W_hh: [
      [0, 0],
      [0, 0],
    ],
  },
};

function storeOn(storage: Storage, library: Library = createLibrary(() => storage)) {
  return createWorksheetStore(null, { persistence: createPersistence(() => storage), library });
}

function ys(store: ReturnType<typeof storeOn>): number[] {
  const s = selectSheet(store.getState());
  if (!s.ok) throw new Error('no sheet');
  return [1, 2, 3, 4].map((t) => s.sheet.value('y', t, 0));
}

describe('keeping a worksheet', () => {
  it('a kept file opens again after a reload, with its own numbers', () => {
    const storage = new FakeStorage();
    const id = storeOn(storage).getState().keepAndOpen(mine, 'Mine');
    const reloaded = storeOn(storage);
    expect(reloaded.getState().kept.map((k) => k.name)).toEqual(['Mine']);
    expect(reloaded.getState().canOpen(id)).toBe(true);
    reloaded.getState().open(id);
    expect(reloaded.getState().worksheetId).toBe(id);
    expect(ys(reloaded)).toEqual([3, 4, 5, 6]);
  });

  it('the same file opened twice is kept once', () => {
    const store = storeOn(new FakeStorage());
    const a = store.getState().keepAndOpen(mine, 'Mine');
    const b = store.getState().keepAndOpen(structuredClone(mine), 'mine.json');
    expect(b).toBe(a);
    expect(store.getState().kept).toHaveLength(1);
  });

  it('rename keeps the file as it is (its progress is keyed by its content)', () => {
    const storage = new FakeStorage();
    const store = storeOn(storage);
    const id = store.getState().keepAndOpen(mine, 'Mine');
    store.getState().renameKept(id, '  Week 3:\n W_hh = 0  ');
    store.getState().renameKept(id, '   ');
    expect(
      storeOn(storage)
        .getState()
        .kept.map((k) => [k.name, (k.file as { title: string }).title]),
    ).toEqual([['Week 3: W_hh = 0', 'Mine']]);
  });

  it('duplicate makes a copy under a new id; delete takes one away until undone', () => {
    const storage = new FakeStorage();
    const store = storeOn(storage);
    const id = store.getState().keepAndOpen(mine, 'Mine');
    const copy = store.getState().duplicateKept(id);
    expect(copy).not.toBe(id);
    expect(
      store
        .getState()
        .kept.map((k) => k.name)
        .sort(),
    ).toEqual(['Mine', 'Mine (copy)']);
    store.getState().deleteKept(id);
    // the open worksheet was the one deleted: home
    expect(store.getState().worksheetId).toBeNull();
    expect(
      storeOn(storage)
        .getState()
        .kept.map((k) => k.name),
    ).toEqual(['Mine (copy)']);
    store.getState().undoDelete();
    expect(
      storeOn(storage)
        .getState()
        .kept.map((k) => k.name)
        .sort(),
    ).toEqual(['Mine', 'Mine (copy)']);
    expect(store.getState().lastDeleted).toBeNull();
  });

  it('an unreadable entry is set aside, its text untouched, and listed; a future one too', () => {
    const storage = new FakeStorage();
    storage.setItem('rnn-by-hand:worksheet:my-broken0000', '{"format": "rnn-by-hand/kept-work');
    const future = JSON.stringify({ format: KEPT_FORMAT, version: 99, data: {} });
    storage.setItem('rnn-by-hand:worksheet:my-future0000', future);
    const store = storeOn(storage);
    expect(store.getState().kept).toEqual([]);
    const aside = store.getState().keptSetAside;
    expect(aside.map((a) => [a.reason, a.text]).sort()).toEqual([
      ['future', future],
      ['unreadable', '{"format": "rnn-by-hand/kept-work'],
    ]);
    expect(storage.getItem('rnn-by-hand:worksheet:my-broken0000')).toBeNull();
    store.getState().discardKeptSetAside(aside[0]!.key);
    expect(store.getState().keptSetAside).toHaveLength(1);
  });

  it('an entry whose file is not an object (a string, a number, null) is set aside, not opened', () => {
    const storage = new FakeStorage();
    for (const [k, file] of ['"</script>"', '42', 'true', 'null'].entries())
      storage.setItem(
        `rnn-by-hand:worksheet:my-odd${k}`,
        `{"format": "${KEPT_FORMAT}", "version": 1, "data": {"id": "my-odd${k}", "name": "n", "file": ${file}, "savedAt": 1}}`,
      );
    const store = storeOn(storage);
    expect(store.getState().kept).toEqual([]);
    expect(store.getState().keptSetAside.map((a) => a.reason)).toEqual([
      'unreadable',
      'unreadable',
      'unreadable',
      'unreadable',
    ]);
    expect(store.getState().canOpen('my-odd0')).toBe(false);
  });

  it('a full storage keeps the worksheet in the page, and says so', () => {
    const storage = new FakeStorage(10);
    const store = storeOn(storage);
    const id = store.getState().keepAndOpen(mine, 'Mine');
    expect(store.getState().keptSaved).toBe(false);
    expect(store.getState().worksheetId).toBe(id);
    expect(ys(store)).toEqual([3, 4, 5, 6]);
  });

  it('an id that is neither built in nor kept cannot be opened', () => {
    const store = storeOn(new FakeStorage());
    expect(store.getState().canOpen('my-nothere000')).toBe(false);
    store.getState().open('my-nothere000');
    expect(store.getState().worksheetId).toBeNull();
  });
});
