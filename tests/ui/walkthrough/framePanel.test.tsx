import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createWorksheetStore, selectFrames } from '../../../src/store/worksheetStore';
import { App } from '../../../src/ui/app/App';

describe('the frame panel', () => {
  it('stays on the page when the granularity changes at a late frame (its words are drawn just after the sheet)', async () => {
    window.history.replaceState(null, '', '/');
    const store = createWorksheetStore('rnn-by-hand');
    render(<App store={store} />);
    act(() => store.getState().goTo(selectFrames(store.getState()).length - 3));
    const changes: string[] = [];
    const note = (records: MutationRecord[]) => {
      for (const r of records) {
        for (const n of r.removedNodes)
          if (n instanceof HTMLElement && n.matches('.frame-panel')) changes.push('removed');
        for (const n of r.addedNodes) if (n instanceof HTMLElement && n.matches('.frame-panel')) changes.push('added');
      }
    };
    const observer = new MutationObserver(note);
    observer.observe(document.body, { childList: true, subtree: true });
    act(() => store.getState().setGranularity('vector'));
    await act(() => new Promise((r) => setTimeout(r, 20)));
    note(observer.takeRecords());
    observer.disconnect();
    expect(changes).toEqual([]);
    // and it says the frame the store is at: [k] counts frames from 1
    expect(document.querySelector('.frame-panel .frame-number')?.textContent).toBe(`[${store.getState().frame + 1}]`);
  });
});
