import { describe, expect, it } from 'vitest';
import { createWorksheetStore, selectSheet } from '../../src/store/worksheetStore';

describe('the worksheet store', () => {
  it('opens a built-in worksheet at its first record and derives its trace', () => {
    const store = createWorksheetStore('rnn-by-hand');
    const sheet = selectSheet(store.getState());
    expect(store.getState().position).toBe(0);
    expect(sheet.ok && sheet.records.filter((r) => r.q === 'y').map((r) => r.value)).toEqual([3, 16, 28, 40]);
  });

  it('computes the trace once per worksheet, not once per read', () => {
    const store = createWorksheetStore('lstm-2-decimals');
    expect(selectSheet(store.getState())).toBe(selectSheet(store.getState()));
  });

  it('steps forward and back within the records', () => {
    const store = createWorksheetStore('rnn-by-hand');
    store.getState().previous();
    expect(store.getState().position).toBe(0);
    store.getState().next();
    store.getState().next();
    expect(store.getState().position).toBe(2);
    store.getState().goTo(10_000);
    expect(store.getState().position).toBe(35);
  });

  it('opening another worksheet starts it from the top; an unknown id changes nothing', () => {
    const store = createWorksheetStore('rnn-by-hand');
    store.getState().goTo(5);
    store.getState().open('elman-ciao');
    expect(store.getState()).toMatchObject({ worksheetId: 'elman-ciao', position: 0 });
    store.getState().open('no-such-sheet');
    expect(store.getState().worksheetId).toBe('elman-ciao');
  });
});
