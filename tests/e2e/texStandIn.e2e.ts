// Until KaTeX is in, each formula is an empty box of the width texWidth.ts estimates: the sheet
// must not jump when the formulas come. Checked on every formula of the largest built-in sheet and
// of the frame panel's equation, by holding KaTeX's chunk back and measuring before and after.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './browser';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const SHEET_WIDTHS = `[...document.querySelectorAll('.block-head > span, .inputs-label > span')]
  .map((e) => e.getBoundingClientRect().width)`;
const EQUATION_WIDTHS = `[...document.querySelectorAll('.frame-panel .equation > span')].map((e) => e.getBoundingClientRect().width)`;
/** Frames whose equations are of every kind: a product's row, sums, σ, tanh, ⊙, the readout, softmax, the loss. */
const FRAMES = [1, 9, 17, 41, 57, 65, 121, 129, 136];

/** The width of every formula on the sheet, then of each frame's equations. */
async function widths(page: Page): Promise<number[]> {
  const all = (await page.evaluate(SHEET_WIDTHS)) as number[];
  for (const f of FRAMES) {
    await page.evaluate(`location.hash = '#/lstm-2-decimals/${f}'`);
    await page.getByText(`[${f}]`, { exact: true }).waitFor();
    all.push(...((await page.evaluate(EQUATION_WIDTHS)) as number[]));
  }
  return all;
}

describe('the stand-in for a formula before KaTeX is in', () => {
  it('is within a quarter of the width KaTeX draws, for every formula of the LSTM by hand', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 720 } });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/katex-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(new URL('#/lstm-2-decimals/1', h.url).href);
    await page.locator('.tex-stand-in').first().waitFor({ state: 'attached' });
    // every step drawn (the ones after the first come just after the first paint)
    await page.locator('.step[data-step="3"] .block-head').first().waitFor({ state: 'attached' });
    const top = `document.querySelector('.step[data-step="1"] .sheet-cell').getBoundingClientRect().top - document.querySelector('.sheet').getBoundingClientRect().top`;
    const cellBefore = (await page.evaluate(top)) as number;
    const before = await widths(page);
    expect(await page.locator('.katex').count()).toBe(0);
    release();
    await page.locator('.frame-panel .katex').first().waitFor();
    await page.evaluate('document.fonts.ready');
    const after = await widths(page);
    // nor does the sheet's first number move down or up when the heads above it are typeset
    expect(Math.abs(((await page.evaluate(top)) as number) - cellBefore)).toBeLessThan(4);
    expect(after.length).toBe(before.length);
    expect(before.length).toBeGreaterThan(30);
    const off = before
      .map((w, k) => ({ k, standIn: Math.round(w), katex: Math.round(after[k] as number) }))
      .filter(({ standIn, katex }) => Math.abs(standIn - katex) > 0.25 * katex);
    expect(off).toEqual([]);
    await page.close();
  });
});
