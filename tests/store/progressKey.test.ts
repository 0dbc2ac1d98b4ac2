// An opened file's progress is kept under a SHA-256 of its content, so no two files share it, and
// what was kept under the 32-bit hash of earlier versions is carried over, not lost.
import { describe, expect, it } from 'vitest';
import { slotKey } from '../../src/core/records/records';
import { createPersistence, legacyContentHash, progressKey, PROGRESS_FORMAT } from '../../src/store/persist';
import { createWorksheetStore, OPENED_FILE, storageKey } from '../../src/store/worksheetStore';
import { BUILT_IN_WORKSHEETS } from '../../src/worksheets';
import { FakeStorage } from '../helpers/fakeStorage';

const tomYeh = BUILT_IN_WORKSHEETS.find((w) => w.id === 'rnn-by-hand')!.file as object;
// two titles found by search whose files FNV-1a (32 bits) hashes alike: the test below checks it
const copyA = { ...tomYeh, title: 'Copy 70h1omtra' };
const copyB = { ...tomYeh, title: 'Copy y9un9q1tpq' };
const h1 = slotKey('h', 1, 0);

function practising(file: object, storage: Storage) {
  const store = createWorksheetStore(null, { persistence: createPersistence(() => storage) });
  store.getState().openFile(file);
  store.getState().setMode('practice');
  return store;
}

describe('the progress key of an opened file', () => {
  it('two files the old 32-bit hash could not tell apart keep their own answers', () => {
    expect(legacyContentHash(copyA)).toBe(legacyContentHash(copyB));
    const storage = new FakeStorage();
    const a = practising(copyA, storage);
    a.getState().typeAnswer(h1, '1');
    const b = practising(copyB, storage);
    expect(storageKey(b.getState())).not.toBe(storageKey(a.getState()));
    expect(b.getState().progress.cells[h1]).toBeUndefined();
    expect(practising(copyA, storage).getState().progress.cells[h1]?.text).toBe('1');
  });

  it('answers kept under the old key come back, and move to the new one', () => {
    const storage = new FakeStorage();
    const old = progressKey(`${OPENED_FILE}:${legacyContentHash(copyA)}`);
    const cells = { [h1]: { text: '3', checked: true, hints: 0, revealed: false } };
    const data = { cells, focus: null, follow: false, resets: 0, quiz: null };
    storage.setItem(old, JSON.stringify({ format: PROGRESS_FORMAT, version: 3, data }));
    const store = practising(copyA, storage);
    expect(store.getState().progress.cells[h1]?.text).toBe('3');
    expect(storage.getItem(old)).toBeNull();
    expect(storage.getItem(storageKey(store.getState()))).toContain('"text":"3"');
  });
});
