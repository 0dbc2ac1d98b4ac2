import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, startHarness, type Harness } from './browser';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The plotted |∂L/∂h_t|, t = 0 … T, as the SVG's points carry them. */
const plotted = (page: Page) =>
  page.$$eval('.gradient-plot [data-series="own"] circle', (els) =>
    els.map((e) => Number((e as SVGElement).dataset.value)),
  );

/** Going back in time (t falling), does the gradient grow? The sign of the plot's slope. */
const growsBack = (values: number[]) => (values[0] as number) > (values.at(-1) as number);

describe('the exploding-and-vanishing plot in Chromium', () => {
  it('on "ciao", W_h from −5 to 0.5 turns the slope over, and the sheet’s ∂L/∂h₀ follows', async () => {
    const { page, problems } = await openPage(h, '/#/elman-ciao/1');
    await page.getByText('Exploding and vanishing').click();
    const points = page.locator('.gradient-plot [data-series="own"] circle');
    await points.first().waitFor();
    // SPEC §3: |∂L/∂h_t| = 268750, 53750, 10750, 2150, 430 — ×5 a step back: it explodes
    expect(await plotted(page)).toEqual([268750, 53750, 10750, 2150, 430]);
    expect(growsBack(await plotted(page))).toBe(true);

    const slider = page.locator('.gradient-plot input[type="range"]').first();
    await slider.fill('0.5');
    // "ciao" at W_h = 0.5: h = 1, 0.5 − 2 = −1.5, −0.75 + 9 = 8.25, 4.125 + 5 = 9.125; y = −9.125;
    // ∂L/∂h₄ = 2y · W_y = 18.25, then ×0.5 a step back: 9.125, 4.5625, 2.28125, 1.140625
    await expect.poll(() => plotted(page)).toEqual([1.140625, 2.28125, 4.5625, 9.125, 18.25]);
    expect(growsBack(await plotted(page))).toBe(false);
    // the points sit lower going back now: y on the screen grows downwards
    const cy = await points.evaluateAll((els) => els.map((e) => Number(e.getAttribute('cy'))));
    expect(cy[0]).toBeGreaterThan(cy[4] as number);

    // the sheet, at the end of its backward pass, writes ∂L/∂h₀ = 1.140625 (shown at 0 decimals)
    await page.getByRole('radio', { name: 'backward (the gradients)' }).check();
    await page.keyboard.press('End');
    const dh0 = page.locator('.sheet-cell[data-q="d:h"][data-t="0"]');
    await expect.poll(() => dh0.getAttribute('title')).toBe('1.140625');
    expect((await dh0.textContent())?.trim()).toBe('1');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps a bad typed W_h with its message, and the sheet where it was', async () => {
    const { page, problems } = await openPage(h, '/#/elman-ciao/1');
    await page.getByText('Exploding and vanishing').click();
    const field = page.getByLabel('W_h, typed');
    await field.fill('abc');
    await expect.poll(() => page.locator('.gradient-plot [role="alert"]').textContent()).toContain('is not a number');
    expect(await field.inputValue()).toBe('abc');
    expect(await plotted(page)).toEqual([268750, 53750, 10750, 2150, 430]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
