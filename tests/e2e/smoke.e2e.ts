import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, type Harness } from './browser';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the production build in Chromium', () => {
  it("opens Tom Yeh's RNN by hand from the home page, and at the last frame y = 3, 16, 28, 40", async () => {
    const { page, problems } = await openPage(h);
    await page.getByRole('link', { name: 'Open RNN by hand (Tom Yeh)' }).click();
    await page.locator('.sheet-cell').first().waitFor();
    await page.keyboard.press('End');
    const ys = await page.locator('.step .sheet-cell[data-q="y"]').allTextContents();
    expect(ys).toEqual(['3', '16', '28', '40']);
    // the equations are typeset by KaTeX, not shown as raw TeX
    expect(await page.locator('.frame-panel .katex').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
