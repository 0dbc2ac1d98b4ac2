// The Chinese page of every built-in worksheet: every frame's caption, in both passes and at both
// granularities, and the page itself in walkthrough and practice, hold no English word but the
// names, symbols and tokens the checker allows (tests/helpers/englishWords.ts).
import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorksheetFile } from '../../../src/core/format/worksheet';
import { builtInFile } from '../../../src/store/sheet';
import { createWorksheetStore, framesOf, selectSheet } from '../../../src/store/worksheetStore';
import { App } from '../../../src/ui/app/App';
import { en, switchCatalogue } from '../../../src/ui/messages/messages';
import zh from '../../../src/ui/messages/zh';
import { frameCaption } from '../../../src/ui/walkthrough/captions';
import { BUILT_IN_WORKSHEETS, type BuiltInWorksheet } from '../../../src/worksheets';
import { englishWords } from '../../helpers/englishWords';

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(() => switchCatalogue(en));

/** A worksheet's own tokens and words ("very good movie", "ciao"): its data, shown as it has them. */
function ownWords(w: BuiltInWorksheet): Set<string> {
  const file = builtInFile(w) as WorksheetFile;
  const tokens = [
    ...(file.tokens ?? []),
    ...Object.keys(file.vocabulary ?? {}),
    ...(w.variants ?? []).flatMap((v) => v.tokens),
  ];
  return new Set(tokens.flatMap((t) => t.match(/[A-Za-z]\w*/g) ?? []));
}

/**
 * The words a reader meets on the page: each text node (apart: a sheet's cells stand side by side)
 * and the names a screen reader gives, less the formulas (TeX) and what is marked as another
 * language (English offered by its own name in the language switch).
 */
function pageWords(root: HTMLElement): string {
  const page = root.cloneNode(true) as HTMLElement;
  for (const other of page.querySelectorAll('.katex, [lang]:not([lang^="zh"])')) other.remove();
  const texts: string[] = [];
  const walker = document.createTreeWalker(page, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) texts.push(walker.currentNode.textContent ?? '');
  const named = [...page.querySelectorAll('*')].flatMap((el) =>
    ['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? ''),
  );
  return [...texts, ...named].join('\n');
}

describe.each(BUILT_IN_WORKSHEETS.map((w) => [w.id, w] as const))('%s in Chinese', (_id, w) => {
  it('words every frame’s caption in Chinese, forward and backward, number by number and vector by vector', () => {
    switchCatalogue(zh);
    const store = createWorksheetStore(w.id, { language: 'zh' });
    const computed = selectSheet(store.getState());
    if (!computed.ok) throw new Error(`${w.id} does not compute`);
    const left: string[] = [];
    let captions = 0;
    for (const granularity of ['number', 'vector'] as const) {
      if (store.getState().granularity !== granularity) store.getState().setGranularity(granularity);
      for (const direction of ['forward', 'backward'] as const)
        for (const frame of framesOf(store.getState(), direction)) {
          const caption = frameCaption(computed.sheet, computed.records, frame);
          captions++;
          expect(caption).toMatch(/\p{Script=Han}/u);
          for (const word of englishWords(caption, ownWords(w)))
            left.push(`${direction} ${frame.last}: ${word} in ${caption}`);
        }
    }
    expect(captions).toBeGreaterThan(0);
    expect(left).toEqual([]);
  });

  it('shows its walkthrough and its practice page in Chinese', () => {
    const store = createWorksheetStore(w.id, { language: 'zh' });
    const { container } = render(<App store={store} />);
    const walkthrough = englishWords(pageWords(container), ownWords(w));
    act(() => store.getState().setMode('practice'));
    const practice = englishWords(pageWords(container), ownWords(w));
    expect({ walkthrough, practice }).toEqual({ walkthrough: [], practice: [] });
  });
});
