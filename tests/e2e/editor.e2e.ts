// The editor in Chromium: Tom Yeh's RNN made into a 3-unit GRU, a matrix entry broken and fixed,
// the sheet beside the editor following, undo and redo from the keyboard, and the layout on a
// laptop and a phone.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, type Harness } from './browser';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const SCREENSHOTS = process.env.EDITOR_SCREENSHOTS ?? '/tmp';

/** The numbers of quantity q at step t on the sheet, read once the walkthrough is at its last frame. */
async function shown(page: Page, q: string, t: number): Promise<number[]> {
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  await page.keyboard.press('End');
  const texts = await page.$$eval(`.sheet .sheet-cell[data-q="${q}"][data-t="${t}"]:not([data-j])`, (els) =>
    els.map((el) => [(el as HTMLElement).dataset.i, el.textContent ?? ''] as const),
  );
  const byIndex = new Map<string, number>();
  for (const [i, text] of texts) if (i !== undefined && !byIndex.has(i)) byIndex.set(i, Number(text.replace('−', '-')));
  return [...byIndex.values()];
}

/** The select of the editor's field whose label starts with the text. */
const field = (page: Page, label: string) =>
  page
    .locator('.editor label.editor-field', { hasText: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) })
    .locator('select');

const cell = (page: Page, path: string) => page.locator(`.editor [data-path="${path}"]`);

/** σ(x) = 1 / (1 + e^−x), at 2 decimals as the sheet writes it. */
const sigmoid2 = (x: number) => Math.round(100 / (1 + Math.exp(-x))) / 100;

describe('the worksheet editor in Chromium', () => {
  it('builds a 3-unit GRU, shows a broken entry’s message at its cell, follows the fix, undoes and redoes', async () => {
    const { page, problems } = await openPage(h, '/#/rnn-by-hand');
    await page.locator('.sheet-cell').first().waitFor();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = page.locator('.editor');
    await editor.waitFor();

    await field(page, 'Cell').selectOption('gru');
    await field(page, 'H (hidden)').selectOption('3');
    await field(page, 'Decimals').selectOption('2');
    await editor.getByRole('button', { name: 'Zero all' }).click();
    await cell(page, 'h0[0]').fill('2');
    await cell(page, 'h0[1]').fill('4');
    await cell(page, 'h0[2]').fill('-2');
    await expect.poll(() => editor.locator('[role="status"]').first().textContent()).toContain('follows');

    // every weight and bias 0: r = z = σ(0) = 0.5, n = tanh(0) = 0, h₁ = (1 − z) n + z h₀ = 0.5 h₀
    expect(await shown(page, 'r', 1)).toEqual([0.5, 0.5, 0.5]);
    expect(await shown(page, 'h', 1)).toEqual([1, 2, -1]);
    expect(await shown(page, 'h', 2)).toEqual([0.5, 1, -0.5]);

    const entry = cell(page, 'params.W_hr[1][0]');
    await entry.fill('1..2');
    expect(await entry.inputValue()).toBe('1..2');
    expect(await entry.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await entry.getAttribute('aria-describedby')) ?? '';
    const message = page.locator(`[id="${describedBy.split(' ')[0]}"]`);
    expect(await message.isVisible()).toBe(true);
    expect(await message.textContent()).toBe('params.W_hr[1][0]: “1..2” is not a number; type one such as 0.5 or −1');
    expect(await page.locator('.editor-problems').textContent()).toContain('params.W_hr[1][0]');
    expect(await page.locator('.editor-last-valid').isVisible()).toBe(true);
    // the sheet still shows the last valid worksheet
    expect(await shown(page, 'r', 1)).toEqual([0.5, 0.5, 0.5]);
    expect(await entry.inputValue()).toBe('1..2');

    await entry.fill('1');
    await page.locator('.editor-last-valid').waitFor({ state: 'detached' });
    expect(await entry.getAttribute('aria-invalid')).toBeNull();
    // r₁[1] = σ(W_hr[1][0] h₀[0]) = σ(1 · 2) = 0.88; r only scales W_hn h = 0, so h₁ stays 0.5 h₀
    expect(await shown(page, 'r', 1)).toEqual([0.5, sigmoid2(2), 0.5]);
    expect(sigmoid2(2)).toBe(0.88);
    expect(await shown(page, 'h', 1)).toEqual([1, 2, -1]);

    // the two fills of the same cell are one edit: undo goes back to the 0 before it
    await entry.focus();
    await page.keyboard.press('Control+z');
    expect(await entry.inputValue()).toBe('0');
    expect(await shown(page, 'r', 1)).toEqual([0.5, 0.5, 0.5]);
    await entry.focus();
    await page.keyboard.press('Control+Shift+z');
    expect(await entry.inputValue()).toBe('1');
    expect(await shown(page, 'r', 1)).toEqual([0.5, 0.88, 0.5]);
    await entry.focus();
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+y');
    expect(await entry.inputValue()).toBe('1');
    // and further back: h0, the zeroing, the decimals, H = 3 and the cell kind, to Tom Yeh's own sheet
    for (let k = 0; k < 8; k++) await page.keyboard.press('Control+z');
    expect(await field(page, 'Cell').inputValue()).toBe('rnn');
    expect(await shown(page, 'y', 4)).toEqual([40]);
    expect(problems).toEqual([]);
    await page.close();
  });

  for (const [width, height] of [
    [1280, 720],
    [390, 844],
  ] as const)
    it(`lays out the editor beside or over the sheet at ${width}×${height}, with no page wider than the screen`, async () => {
      const { page, problems } = await openPage(h, '/#/gru-by-hand');
      await page.setViewportSize({ width, height });
      await page.locator('.sheet-cell').first().waitFor();
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      await page.locator('.editor').waitFor();
      await cell(page, 'params.W_hr[1][0]').fill('abc');
      await page.locator('.editor-last-valid').waitFor();
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: `${SCREENSHOTS}/editor-${width}.png` });
      const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
      expect(overflow).toBeLessThanOrEqual(0);
      // the sheet and the editor are both on screen
      const sheetBox = await page.locator('.sheet').first().boundingBox();
      const editorBox = await page.locator('.editor-panel').boundingBox();
      expect(sheetBox && editorBox).toBeTruthy();
      expect(editorBox!.y + 20).toBeLessThan(height);
      expect(problems).toEqual([]);
      await page.close();
    });
});
