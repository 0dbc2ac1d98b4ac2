// Tom Yeh's sheet from a Chinese class link: its captions as the Chinese catalogue words them,
// the language kept across a reload, and English chosen back kept in its turn.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorksheetStore, framesOf, selectSheet } from '../../src/store/worksheetStore';
import { en, switchCatalogue, type Messages } from '../../src/ui/messages/messages';
import zh from '../../src/ui/messages/zh';
import { frameCaption } from '../../src/ui/walkthrough/captions';
import { openPage, startHarness, type Harness } from './browser';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Every forward frame's caption of Tom Yeh's sheet, as the catalogue words it. */
function captions(catalogue: Messages): string[] {
  const store = createWorksheetStore('rnn-by-hand');
  const computed = selectSheet(store.getState());
  if (!computed.ok) throw new Error('rnn-by-hand does not compute');
  switchCatalogue(catalogue);
  try {
    return framesOf(store.getState(), 'forward').map(
      (frame, k) => `[${k + 1}] ${frameCaption(computed.sheet, computed.records, frame)}`,
    );
  } finally {
    switchCatalogue(en);
  }
}

async function caption(page: Page): Promise<string> {
  return ((await page.locator('.frame-panel .caption').textContent()) ?? '').trim();
}

describe('a link with lang=zh in Chromium', () => {
  it('shows Tom Yeh’s sheet in Chinese, keeps it so across a reload, and English once chosen', async () => {
    const wanted = captions(zh);
    const { page, problems } = await openPage(h, '/#/rnn-by-hand/1?lang=zh');
    await page.locator('.sheet-cell').first().waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-Hans');
    expect(await page.title()).toBe('手算 RNN（Tom Yeh） · 手算 RNN');
    expect(await page.locator('.controls .counter').textContent()).toBe(`第 1 帧，共 ${wanted.length} 帧`);
    // the address shows the place alone; the language is the student's choice from now on
    expect(await page.evaluate('window.location.hash')).toBe('#/rnn-by-hand/1');

    const seen = [await caption(page)];
    for (let k = 1; k < wanted.length; k++) {
      await page.keyboard.press('ArrowRight');
      // the caption may be drawn a commit after the counter: wait for its own frame number
      await page.waitForFunction(
        `document.querySelector('.frame-panel .caption')?.textContent.trim().startsWith('[${k + 1}]')`,
      );
      seen.push(await caption(page));
    }
    expect(seen).toEqual(wanted);
    expect(seen[wanted.length - 1]).toMatch(/得到 y₄ = 40。$/);

    await page.reload();
    await page.locator('.sheet-cell').first().waitFor();
    expect(await caption(page)).toBe(wanted[wanted.length - 1]);

    await page.getByRole('button', { name: 'English' }).click();
    const english = captions(en);
    expect(await caption(page)).toBe(english[english.length - 1]);
    await page.reload();
    await page.locator('.sheet-cell').first().waitFor();
    expect(await caption(page)).toBe(english[english.length - 1]);
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    expect(await page.getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('false');
    expect(problems).toEqual([]);
    await page.close();
  });
});
