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

  it('announces each frame’s caption once: one polite, atomic live region, changed once a step, never re-added', async () => {
    window.history.replaceState(null, '', '/');
    const store = createWorksheetStore('rnn-by-hand');
    render(<App store={store} />);
    await act(() => new Promise((r) => setTimeout(r, 20)));
    const region = document.querySelector('.frame-panel .caption')!;
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveAttribute('aria-atomic', 'true');
    expect(document.querySelectorAll('[aria-live="polite"], [aria-live="assertive"]')).toHaveLength(1);
    const heard: string[][] = [];
    for (let k = 0; k < 3; k++) {
      const texts = new Set<string>();
      const observer = new MutationObserver(() => texts.add(region.textContent ?? ''));
      observer.observe(region, { childList: true, subtree: true, characterData: true });
      act(() => store.getState().next());
      await act(() => new Promise((r) => setTimeout(r, 20)));
      observer.disconnect();
      heard.push([...texts]);
    }
    expect(document.querySelector('.frame-panel .caption')).toBe(region);
    // each step: one text, the frame's own ([2], [3], [4]: frames counted from 1)
    expect(heard.map((texts) => texts.length)).toEqual([1, 1, 1]);
    expect(heard.map((texts) => texts[0]!.slice(0, 3))).toEqual(['[2]', '[3]', '[4]']);
  });
});
