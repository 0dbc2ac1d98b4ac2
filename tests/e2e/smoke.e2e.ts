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
  it("shows Tom Yeh's RNN by hand with y = 3, 16, 28, 40", async () => {
    const { page, problems } = await openPage(h);
    await page.locator('tr[data-q="y"] td.value').first().waitFor();
    const ys = await page.locator('tr[data-q="y"] td.value').allTextContents();
    expect(ys).toEqual(['3', '16', '28', '40']);
    // the equations are typeset by KaTeX, not shown as raw TeX
    expect(await page.locator('tr[data-q="y"] .katex').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('switches to the 1-decimal LSTM and shows h₃ = [−0.8, 0.7]', async () => {
    const { page, problems } = await openPage(h);
    await page.getByLabel('Worksheet').selectOption('lstm-1-decimal-rounded');
    const h3 = page.locator('tr[data-q="h"][data-t="3"] td.value');
    await h3.first().waitFor();
    expect(await h3.allTextContents()).toEqual(['\u22120.8', '0.7']);
    expect(problems).toEqual([]);
    await page.close();
  });
});
