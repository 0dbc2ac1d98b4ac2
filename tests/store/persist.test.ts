// Progress kept in localStorage: saved and read back, old versions migrated, anything that cannot
// be read moved aside (never dropped, never thrown), and storage that is missing, forbidden or
// full leaves the progress with the page.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { slotKey } from '../../src/core/records/records';
import {
  createPersistence,
  decodeProgress,
  EMPTY_PROGRESS,
  HINT_RUNGS,
  mergeProgress,
  PROGRESS_FORMAT,
  PROGRESS_VERSION,
  progressKey,
  sameSaved,
  watchOtherTabs,
  type CellEntry,
  type Progress,
} from '../../src/store/persist';
import { FakeStorage } from '../helpers/fakeStorage';

/** A storage the browser refuses to write to (as old Safari's private mode did). */
class RefusingStorage extends FakeStorage {
  override setItem(): void {
    throw new DOMException('the operation is insecure', 'SecurityError');
  }
}

const KEY = progressKey('rnn-by-hand:test');
const SLOT = slotKey('h', 2, 1);

const SOME_PROGRESS: Progress = {
  cells: {
    [slotKey('mv:W_ih', 1, 0)]: { text: '3', checked: true, hints: 0, revealed: false },
    [SLOT]: { text: '17', checked: true, hints: 2, revealed: false },
    [slotKey('h', 3, 0)]: { text: '0', checked: true, hints: HINT_RUNGS, revealed: true },
    [slotKey('y', 1, 0)]: { text: '−3', checked: false, hints: 1, revealed: false },
  },
  focus: SLOT,
  follow: true,
  resets: 1,
  quiz: { startedAt: 1_700_000_000_000, submitted: true, timeUp: false },
};

function envelope(version: number, data: unknown): string {
  return JSON.stringify({ format: PROGRESS_FORMAT, version, data });
}

describe('saving and reading progress', () => {
  it('reads back exactly what was saved, on the next page too', () => {
    const storage = new FakeStorage();
    const persistence = createPersistence(() => storage);
    expect(persistence.available).toBe(true);
    expect(persistence.save(KEY, SOME_PROGRESS)).toBe(true);

    const reloaded = createPersistence(() => storage);
    expect(reloaded.load(KEY)).toEqual({ kind: 'loaded', progress: SOME_PROGRESS, migratedFrom: null });
    // the stored text names its format and version, so a later app knows what it reads
    expect(JSON.parse(storage.getItem(KEY) ?? 'null')).toEqual({
      format: 'rnn-by-hand/progress',
      version: 3,
      data: SOME_PROGRESS,
    });
  });

  it('reads nothing saved as empty, and leaves only its own key behind (the probe is removed)', () => {
    const storage = new FakeStorage();
    const persistence = createPersistence(() => storage);
    expect(persistence.load(KEY)).toEqual({ kind: 'empty' });
    expect(persistence.setAsideFor(KEY)).toEqual([]);
    persistence.save(KEY, EMPTY_PROGRESS);
    expect(storage.keys()).toEqual([KEY]);
  });

  it('keeps one worksheet apart from another', () => {
    const storage = new FakeStorage();
    const persistence = createPersistence(() => storage);
    persistence.save(KEY, SOME_PROGRESS);
    expect(progressKey('elman-ciao:x')).not.toBe(KEY);
    expect(persistence.load(progressKey('elman-ciao:x'))).toEqual({ kind: 'empty' });
  });

  it('migrates version 1 (answers only, each checked when saved) to the current version', () => {
    const storage = new FakeStorage();
    storage.setItem(
      KEY,
      JSON.stringify({ format: 'rnn-by-hand/progress', version: 1, data: { answers: { slot: '3', blank: '' } } }),
    );
    const loaded = createPersistence(() => storage).load(KEY);
    expect(loaded).toEqual({
      kind: 'loaded',
      migratedFrom: 1,
      progress: {
        cells: {
          slot: { text: '3', checked: true, hints: 0, revealed: false },
          // nothing typed is nothing checked
          blank: { text: '', checked: false, hints: 0, revealed: false },
        },
        focus: null,
        follow: false,
        resets: 0,
        quiz: null,
      },
    });
  });

  it('migrates version 2 (no count of resets) to the current version, with none counted', () => {
    // what version 2 wrote: every field but resets
    const version2 = Object.fromEntries(Object.entries(SOME_PROGRESS).filter(([k]) => k !== 'resets'));
    expect(decodeProgress(envelope(2, version2))).toEqual({
      ok: true,
      progress: { ...SOME_PROGRESS, resets: 0 },
      migratedFrom: 2,
    });
  });

  it('decodes the current version as it is, with no migration', () => {
    expect(PROGRESS_VERSION).toBe(3);
    expect(decodeProgress(envelope(3, SOME_PROGRESS))).toEqual({
      ok: true,
      progress: SOME_PROGRESS,
      migratedFrom: null,
    });
  });
});

describe('saved data that cannot be read is set aside, never dropped and never thrown', () => {
  const valid = { cells: {}, focus: null, follow: false, quiz: null };
  const cell = { text: '3', checked: true, hints: 0, revealed: false };
  const cases: { name: string; text: string; reason: 'unreadable' | 'invalid' | 'future' }[] = [
    { name: 'text that is not JSON', text: '{"format": "rnn-by-hand/progress", vers', reason: 'unreadable' },
    { name: 'JSON of another format', text: JSON.stringify({ format: 'other-app/state', a: 1 }), reason: 'unreadable' },
    {
      name: 'a hint count past the last rung (7)',
      text: envelope(2, { ...valid, cells: { s: { ...cell, hints: 7 } } }),
      reason: 'invalid',
    },
    {
      name: 'a cell text that is not a string',
      text: envelope(2, { ...valid, cells: { s: { ...cell, text: 3 } } }),
      reason: 'invalid',
    },
    {
      name: 'a quiz without timeUp',
      text: envelope(2, { ...valid, quiz: { startedAt: 1_700_000_000_000, submitted: false } }),
      reason: 'invalid',
    },
    { name: 'a version from the future (99)', text: envelope(99, valid), reason: 'future' },
  ];

  for (const { name, text, reason } of cases) {
    it(`${name}: moved to a key of its own, byte for byte, reason '${reason}'`, () => {
      const storage = new FakeStorage();
      storage.setItem(KEY, text);
      const persistence = createPersistence(() => storage);

      const loaded = persistence.load(KEY);
      if (loaded.kind !== 'setAside') throw new Error(`expected a set-aside, got ${loaded.kind}`);
      const { setAside } = loaded;
      expect(setAside).toMatchObject({ from: KEY, reason, text });
      expect(setAside.key).not.toBe(KEY);
      // the original key is free for new progress; the copy is exactly what was found
      expect(storage.getItem(KEY)).toBeNull();
      expect(storage.getItem(setAside.key)).toBe(text);
      expect(storage.keys()).toEqual([setAside.key]);
      expect(persistence.setAsideFor(KEY)).toEqual([setAside]);

      // the next page opens empty and still lists it, read from storage
      const reloaded = createPersistence(() => storage);
      expect(reloaded.load(KEY)).toEqual({ kind: 'empty' });
      expect(reloaded.setAsideFor(KEY)).toEqual([setAside]);

      reloaded.remove(setAside.key);
      expect(storage.getItem(setAside.key)).toBeNull();
      expect(reloaded.setAsideFor(KEY)).toEqual([]);
    });
  }

  it('lists what was set aside for a key oldest first, and nothing of other keys', () => {
    const storage = new FakeStorage();
    const persistence = createPersistence(() => storage);
    const clock = vi.spyOn(Date, 'now');
    clock.mockReturnValue(2_000);
    storage.setItem(KEY, 'second');
    persistence.load(KEY);
    clock.mockReturnValue(1_000);
    storage.setItem(KEY, 'first');
    persistence.load(KEY);
    const other = progressKey('elman-ciao:x');
    storage.setItem(other, 'elsewhere');
    persistence.load(other);

    expect(persistence.setAsideFor(KEY).map((a) => a.text)).toEqual(['first', 'second']);
    expect(persistence.setAsideFor(other).map((a) => a.text)).toEqual(['elsewhere']);
  });

  it('starts afresh after a set-aside: the next save is read back', () => {
    const storage = new FakeStorage();
    storage.setItem(KEY, 'not json');
    const persistence = createPersistence(() => storage);
    persistence.load(KEY);
    persistence.save(KEY, SOME_PROGRESS);
    expect(createPersistence(() => storage).load(KEY)).toEqual({
      kind: 'loaded',
      progress: SOME_PROGRESS,
      migratedFrom: null,
    });
  });
});

describe('storage that is missing, forbidden or full leaves the progress with the page', () => {
  it('no storage at all: not available, progress kept for the page', () => {
    const persistence = createPersistence(() => null);
    expect(persistence.available).toBe(false);
    persistence.save(KEY, SOME_PROGRESS);
    expect(persistence.load(KEY)).toEqual({ kind: 'loaded', progress: SOME_PROGRESS, migratedFrom: null });
  });

  it('a storage getter that throws (SecurityError): not available, progress kept for the page', () => {
    const persistence = createPersistence(() => {
      throw new DOMException('access to localStorage is denied', 'SecurityError');
    });
    expect(persistence.available).toBe(false);
    expect(persistence.save(KEY, SOME_PROGRESS)).toBe(false);
    expect(persistence.load(KEY)).toEqual({ kind: 'loaded', progress: SOME_PROGRESS, migratedFrom: null });
  });

  it('a storage that refuses every write: what it holds is still read, and each save says it failed', () => {
    const storage = new RefusingStorage();
    const before = new FakeStorage();
    createPersistence(() => before).save(KEY, SOME_PROGRESS);
    storage.getItem = (key: string) => before.getItem(key);
    const persistence = createPersistence(() => storage);
    expect(persistence.available).toBe(true);
    expect(persistence.load(KEY)).toEqual({ kind: 'loaded', progress: SOME_PROGRESS, migratedFrom: null });
    const changed: Progress = { ...SOME_PROGRESS, focus: null };
    expect(persistence.save(KEY, changed)).toBe(false);
    // the page keeps what it could not write
    expect(persistence.load(KEY)).toEqual({ kind: 'loaded', progress: changed, migratedFrom: null });
  });

  it('a full storage: the save reports failure, and the page still reads the latest progress', () => {
    const small: Progress = { ...EMPTY_PROGRESS, focus: SLOT };
    // room for the small save and a probe beside it (18 characters), not for the larger save
    const storage = new FakeStorage(envelope(2, small).length + KEY.length + 30);
    const persistence = createPersistence(() => storage);
    expect(persistence.available).toBe(true);
    expect(persistence.save(KEY, small)).toBe(true);

    expect(persistence.save(KEY, SOME_PROGRESS)).toBe(false);
    expect(persistence.load(KEY)).toEqual({ kind: 'loaded', progress: SOME_PROGRESS, migratedFrom: null });
    // what the storage holds is the last write it took
    expect(createPersistence(() => storage).load(KEY)).toEqual({ kind: 'loaded', progress: small, migratedFrom: null });
  });
});

describe('two tabs on one storage: what the other tab saved is what is read', () => {
  const other: Progress = {
    ...EMPTY_PROGRESS,
    cells: { [SLOT]: { text: '17', checked: true, hints: 0, revealed: false } },
  };

  it("a write the storage took is read back from the storage, so another tab's later save is what is read", () => {
    const storage = new FakeStorage();
    const mine = createPersistence(() => storage);
    const theirs = createPersistence(() => storage);
    mine.save(KEY, SOME_PROGRESS);
    theirs.save(KEY, other);
    expect(mine.load(KEY)).toEqual({ kind: 'loaded', progress: other, migratedFrom: null });
  });

  it('reload reads past a write the storage refused, which load still gives back until then', () => {
    const storage = new FakeStorage();
    const mine = createPersistence(() => storage);
    const setItem = storage.setItem.bind(storage);
    storage.setItem = () => {
      throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
    };
    expect(mine.save(KEY, SOME_PROGRESS)).toBe(false);
    storage.setItem = setItem;
    createPersistence(() => storage).save(KEY, other);

    // this page's refused write comes first for load (the store has it in hand too) …
    expect(mine.load(KEY)).toEqual({ kind: 'loaded', progress: SOME_PROGRESS, migratedFrom: null });
    // … and reload reads what the other tab stored; the caller saves the merge of the two
    expect(mine.reload(KEY)).toEqual({ kind: 'loaded', progress: other, migratedFrom: null });
    expect(mine.load(KEY)).toEqual({ kind: 'loaded', progress: other, migratedFrom: null });
  });

  it('reload sets aside what another tab left unreadable, byte for byte, as load does', () => {
    const storage = new FakeStorage();
    const mine = createPersistence(() => storage);
    mine.save(KEY, SOME_PROGRESS);
    storage.setItem(KEY, 'garbage{');
    const loaded = mine.reload(KEY);
    if (loaded.kind !== 'setAside') throw new Error(`expected a set-aside, got ${loaded.kind}`);
    expect(loaded.setAside).toMatchObject({ from: KEY, reason: 'unreadable', text: 'garbage{' });
    expect(storage.getItem(loaded.setAside.key)).toBe('garbage{');
    expect(mine.setAsideFor(KEY)).toEqual([loaded.setAside]);
  });

  it('reload with no storage at all gives back what the page holds', () => {
    const persistence = createPersistence(() => null);
    persistence.save(KEY, SOME_PROGRESS);
    expect(persistence.reload(KEY)).toEqual({ kind: 'loaded', progress: SOME_PROGRESS, migratedFrom: null });
  });
});

describe("merging another tab's progress into this tab's", () => {
  const entry = (text: string, more: Partial<CellEntry> = {}): CellEntry => ({
    text,
    checked: true,
    hints: 0,
    revealed: false,
    ...more,
  });
  const progress = (cells: Record<string, CellEntry>, more: Partial<Progress> = {}): Progress => ({
    ...EMPTY_PROGRESS,
    cells,
    ...more,
  });

  it('keeps a slot only one side has; where both have it, the stored text wins (the later word), even a cleared one', () => {
    const mine = progress({ a: entry('3'), b: entry('5'), c: entry('1') });
    const stored = progress({ b: entry('6'), c: entry('', { checked: false }), d: entry('0', { checked: false }) });
    expect(mergeProgress(mine, stored).cells).toEqual({
      a: entry('3'),
      b: entry('6'),
      c: entry('', { checked: false }),
      d: entry('0', { checked: false }),
    });
  });

  it('keeps what only ever grows from either side: a shown answer, the more hint rungs, a check on the same text', () => {
    const shown = entry('0', { hints: HINT_RUNGS, revealed: true });
    const mine = progress({ a: shown, b: entry('', { checked: false, hints: 2 }), c: entry('7'), d: entry('2') });
    const stored = progress({
      a: entry('9', { checked: false }),
      b: entry('4', { checked: false, hints: 1 }),
      c: entry('7', { checked: false }),
      d: entry('8', { checked: false }),
    });
    expect(mergeProgress(mine, stored).cells).toEqual({
      a: shown,
      b: entry('4', { checked: false, hints: 2 }),
      c: entry('7'),
      // another text there: its check is the other tab's
      d: entry('8', { checked: false }),
    });
    expect(mergeProgress(stored, mine).cells.a).toEqual(shown);
  });

  it("keeps this tab's focus and takes the stored 'follow my numbers'", () => {
    const merged = mergeProgress(
      progress({}, { focus: 'a', follow: false }),
      progress({}, { focus: 'b', follow: true }),
    );
    expect(merged).toMatchObject({ focus: 'a', follow: true });
  });

  it('a quiz: the earliest start counts, handed in in either is handed in, by the time limit only if each hand-in says so', () => {
    const quiz = (startedAt: number, submitted: boolean, timeUp = false) =>
      progress({}, { quiz: { startedAt, submitted, timeUp } });
    expect(mergeProgress(quiz(2_000, false), quiz(1_000, false)).quiz).toEqual({
      startedAt: 1_000,
      submitted: false,
      timeUp: false,
    });
    expect(mergeProgress(quiz(1_000, false), quiz(2_000, true, true)).quiz).toEqual({
      startedAt: 1_000,
      submitted: true,
      timeUp: true,
    });
    expect(mergeProgress(quiz(1_000, true), quiz(1_000, false)).quiz).toEqual({
      startedAt: 1_000,
      submitted: true,
      timeUp: false,
    });
    // handed in by the student in one tab and by the clock in the other: the student's own
    expect(mergeProgress(quiz(1_000, true, true), quiz(1_000, true, false)).quiz?.timeUp).toBe(false);
    expect(mergeProgress(quiz(1_000, true, false), quiz(1_000, true, true)).quiz?.timeUp).toBe(false);
  });

  it('compares for saving without the focus, which each tab keeps for itself', () => {
    expect(sameSaved(progress({ a: entry('3') }, { focus: 'a' }), progress({ a: entry('3') }, { focus: 'b' }))).toBe(
      true,
    );
    expect(sameSaved(progress({ a: entry('3') }), progress({ a: entry('3', { hints: 1 }) }))).toBe(false);
    expect(sameSaved(progress({ a: entry('3') }), progress({ a: entry('3'), b: entry('') }))).toBe(false);
    expect(sameSaved(progress({}, { follow: true }), progress({}))).toBe(false);
  });

  // any two progresses of a sheet, as a tab may hold them
  const cellArb: fc.Arbitrary<CellEntry> = fc.oneof(
    fc.record({
      text: fc.constantFrom('', '3', '−3', '6', 'x'),
      checked: fc.boolean(),
      hints: fc.integer({ min: 0, max: HINT_RUNGS - 1 }),
      revealed: fc.constant(false),
    }),
    fc.constantFrom('0', '3').map((text) => ({ text, checked: true, hints: HINT_RUNGS, revealed: true })),
  );
  const progressArb: fc.Arbitrary<Progress> = fc.record({
    cells: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), cellArb),
    focus: fc.constantFrom(null, 'a', 'b'),
    follow: fc.boolean(),
    resets: fc.integer({ min: 0, max: 2 }),
    quiz: fc.option(
      fc
        .record({ startedAt: fc.integer({ min: 0, max: 3 }), submitted: fc.boolean(), timeUp: fc.boolean() })
        .map((q) => ({ ...q, timeUp: q.submitted && q.timeUp })),
    ),
  });

  it('loses no slot, no shown answer and no hint rung of either side (neither has reset since the other saw)', () => {
    fc.assert(
      fc.property(progressArb, progressArb, (mine, other) => {
        const stored = { ...other, resets: mine.resets };
        const merged = mergeProgress(mine, stored);
        expect(Object.keys(merged.cells).sort()).toEqual(
          [...new Set([...Object.keys(mine.cells), ...Object.keys(stored.cells)])].sort(),
        );
        for (const [slot, e] of Object.entries(merged.cells)) {
          const sides = [mine.cells[slot], stored.cells[slot]].filter((x): x is CellEntry => x !== undefined);
          expect(sides.map((x) => x.text)).toContain(e.text);
          expect(e.revealed).toBe(sides.some((x) => x.revealed));
          expect(e.hints).toBe(Math.max(...sides.map((x) => x.hints)));
        }
        expect(merged.focus).toBe(mine.focus);
        if (mine.quiz?.submitted || stored.quiz?.submitted) expect(merged.quiz?.submitted).toBe(true);
      }),
    );
  });

  it('takes the side with more resets whole, this tab’s focus aside: a sheet cleared in one tab is cleared in both', () => {
    fc.assert(
      fc.property(progressArb, progressArb, (mine, stored) => {
        fc.pre(mine.resets !== stored.resets);
        const later = mine.resets > stored.resets ? mine : stored;
        expect(mergeProgress(mine, stored)).toEqual({ ...later, focus: mine.focus });
      }),
    );
  });

  it('settles: the other tab, merging the result into what it stored, gets the result back and writes nothing', () => {
    fc.assert(
      fc.property(progressArb, progressArb, (mine, stored) => {
        const merged = mergeProgress(mine, stored);
        expect(sameSaved(mergeProgress(stored, merged), merged)).toBe(true);
        expect(sameSaved(mergeProgress(merged, merged), merged)).toBe(true);
      }),
    );
  });
});

describe('hearing of other tabs', () => {
  it('calls back with the progress key another tab changed, or null when it cleared the storage, until stopped', () => {
    const heard: (string | null)[] = [];
    const stop = watchOtherTabs(window, (key) => heard.push(key));
    window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: '{}' }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'some-other-app:setting', newValue: '1' }));
    window.dispatchEvent(new StorageEvent('storage', { key: null }));
    stop();
    window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: '{}' }));
    expect(heard).toEqual([KEY, null]);
  });
});
