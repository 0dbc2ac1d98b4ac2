// The practice slice through the vanilla store, two tabs at once: answers, hints, the cursor and
// "follow my numbers", reset and undo, and storage that refuses or holds what cannot be read.
import { describe, expect, it, vi } from 'vitest';
import { slotKey } from '../../../src/core/records/records';
import { HINT_RUNGS } from '../../../src/store/persist';
import { storageKey } from '../../../src/store/worksheetStore';
import { FakeStorage } from '../../helpers/fakeStorage';
import { Ah, answer, Bx, checked, hears, status, tab, texts } from './tabs';

describe('two tabs on the same worksheet', () => {
  it('a save in one tab never drops answers typed in the other, even one made before it heard of them', () => {
    const storage = new FakeStorage();
    const a = tab(storage);
    const b = tab(storage);
    answer(a, Bx(1, 0), '3');
    answer(a, Bx(1, 1), '6');
    // B saves its whole progress before it hears of A's two answers: storage holds B's one
    answer(b, Ah(1, 0), '0');
    hears(a);
    hears(b);

    const all = { [Bx(1, 0)]: '3', [Bx(1, 1)]: '6', [Ah(1, 0)]: '0' };
    expect(texts(a)).toEqual(all);
    expect(texts(b)).toEqual(all);
    // a third tab, opened now, reads all three from storage
    expect(texts(tab(storage))).toEqual(all);
    expect(status(b, Bx(1, 1))).toBe('right');
  });

  it('a reset in one tab clears the sheet in the other too, and its undo brings the answers back in both', () => {
    const storage = new FakeStorage();
    const a = tab(storage);
    const b = tab(storage);
    answer(a, Bx(1, 0), '3');
    hears(b);
    answer(b, Bx(1, 1), '6');
    hears(a);
    a.getState().resetProgress();
    hears(b);
    expect(texts(b)).toEqual({});
    // B's answers do not come back from B: a third tab finds the sheet cleared
    expect(texts(tab(storage))).toEqual({});
    a.getState().undoReset();
    hears(b);
    expect(texts(b)).toEqual({ [Bx(1, 0)]: '3', [Bx(1, 1)]: '6' });
  });

  it('a tab that hears of each save types on top of it, and the two stop writing once they agree', () => {
    const storage = new FakeStorage();
    const a = tab(storage);
    const b = tab(storage);
    answer(a, Bx(1, 0), '3');
    hears(b);
    answer(b, Bx(1, 1), '6');
    hears(a);
    expect(texts(a)).toEqual({ [Bx(1, 0)]: '3', [Bx(1, 1)]: '6' });

    // an answer changed in one tab is changed in the other: the other tab's is the later word
    answer(b, Bx(1, 0), '4');
    hears(a);
    expect(a.getState().progress.cells[Bx(1, 0)]).toEqual(checked('4'));

    const writes = vi.spyOn(storage, 'setItem');
    hears(a);
    hears(b);
    expect(writes).not.toHaveBeenCalled();
  });

  it('keeps shown answers and hint rungs of either tab, whichever saved last', () => {
    const storage = new FakeStorage();
    const a = tab(storage);
    const b = tab(storage);
    for (let k = 0; k < HINT_RUNGS; k++) a.getState().nextHint(Bx(1, 0)); // shown: 3
    a.getState().nextHint(Ah(1, 0));
    a.getState().nextHint(Ah(1, 0));
    // B had not heard: it types into both cells, and saves last
    answer(b, Bx(1, 0), '5');
    answer(b, Ah(1, 0), '0');
    hears(a);
    hears(b);

    for (const store of [a, b, tab(storage)]) {
      expect(store.getState().progress.cells[Bx(1, 0)]).toEqual(checked('3', { hints: HINT_RUNGS, revealed: true }));
      expect(status(store, Bx(1, 0))).toBe('revealed');
      expect(store.getState().progress.cells[Ah(1, 0)]).toEqual(checked('0', { hints: 2 }));
    }
  });

  it("keeps each tab's own cursor, and takes 'follow my numbers' switched in the other", () => {
    const storage = new FakeStorage();
    const a = tab(storage);
    const b = tab(storage);
    a.getState().focusCell(Bx(1, 0));
    b.getState().focusCell(Ah(1, 1));
    b.getState().setFollow(true);
    hears(a);
    hears(b);
    expect(a.getState().progress).toMatchObject({ focus: Bx(1, 0), follow: true });
    expect(b.getState().progress).toMatchObject({ focus: Ah(1, 1), follow: true });
    // the cursors differ, yet neither tab writes again for it
    const writes = vi.spyOn(storage, 'setItem');
    hears(a);
    hears(b);
    expect(writes).not.toHaveBeenCalled();
  });

  it("sets aside what another tab left unreadable, with its notice in both tabs, and keeps this tab's answers", () => {
    const storage = new FakeStorage();
    const a = tab(storage);
    const b = tab(storage);
    answer(a, Bx(1, 0), '3');
    hears(b);
    const key = storageKey(a.getState());
    storage.setItem(key, 'garbage{');
    hears(a);

    expect(a.getState().setAside).toHaveLength(1);
    expect(a.getState().setAside[0]).toMatchObject({ from: key, reason: 'unreadable', text: 'garbage{' });
    expect(storage.getItem(a.getState().setAside[0]!.key)).toBe('garbage{');
    expect(texts(a)).toEqual({ [Bx(1, 0)]: '3' });
    // saved again at once
    expect(texts(tab(storage))).toEqual({ [Bx(1, 0)]: '3' });
    hears(b);
    expect(texts(b)).toEqual({ [Bx(1, 0)]: '3' });
    expect(b.getState().setAside).toEqual(a.getState().setAside);
  });

  it('does not answer a newer app in another tab: its data is set aside once, and nothing is written back', () => {
    const storage = new FakeStorage();
    const a = tab(storage);
    answer(a, Bx(1, 0), '3');
    const key = storageKey(a.getState());
    const newer = JSON.stringify({ format: 'rnn-by-hand/progress', version: 99, data: {} });
    storage.setItem(key, newer);
    const writes = vi.spyOn(storage, 'setItem');
    hears(a);
    expect(a.getState().setAside).toHaveLength(1);
    expect(a.getState().setAside[0]).toMatchObject({ reason: 'future', text: newer });
    // the one write is the copy set aside; the progress key is not answered
    expect(writes.mock.calls.map(([k]) => k)).toEqual([a.getState().setAside[0]!.key]);
    expect(texts(a)).toEqual({ [Bx(1, 0)]: '3' });
  });

  it('a change to another worksheet is not taken in, and a tab in the walkthrough reads the latest on returning', () => {
    const storage = new FakeStorage();
    const a = tab(storage);
    answer(a, Bx(1, 0), '3');
    const elsewhere = tab(storage, 'elman-ciao');
    answer(elsewhere, slotKey('mv:W_ih', 1, 0), '1');
    const before = a.getState().progress;
    const writes = vi.spyOn(storage, 'setItem');
    a.getState().progressChangedElsewhere(storageKey(elsewhere.getState()));
    expect(a.getState().progress).toBe(before);
    expect(writes).not.toHaveBeenCalled();
    writes.mockRestore();

    a.getState().setMode('walkthrough');
    const b = tab(storage);
    answer(b, Bx(1, 1), '6');
    const inWalkthrough = vi.spyOn(storage, 'setItem');
    hears(a);
    expect(inWalkthrough).not.toHaveBeenCalled();
    // back to practice: B's answer is there, not a copy of A's own last save
    a.getState().setMode('practice');
    expect(texts(a)).toEqual({ [Bx(1, 0)]: '3', [Bx(1, 1)]: '6' });
  });

  it('a save the storage refused is kept, and merged with what the other tab saved since', () => {
    const storage = new FakeStorage();
    const a = tab(storage);
    const b = tab(storage);
    const setItem = storage.setItem.bind(storage);
    storage.setItem = () => {
      throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
    };
    answer(a, Bx(1, 0), '3');
    expect(a.getState().saving).toBe('failed');
    storage.setItem = setItem;
    answer(b, Bx(1, 1), '6');
    hears(a);

    expect(texts(a)).toEqual({ [Bx(1, 0)]: '3', [Bx(1, 1)]: '6' });
    expect(a.getState().saving).toBe('saved');
    expect(texts(tab(storage))).toEqual({ [Bx(1, 0)]: '3', [Bx(1, 1)]: '6' });
  });
});
