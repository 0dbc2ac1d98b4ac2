import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, type Harness } from './browser';

// Screenshots land here for a person to look at; they are not compared by pixel.
const SHOTS = new URL('./screenshots/', import.meta.url);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await h?.close();
});

describe('presentation mode', () => {
  it.each([
    [1280, 720, 'light'],
    [1280, 720, 'dark'],
    [1920, 1080, 'light'],
  ] as const)(
    'at %i×%i in the %s theme: P hides the chrome, the equation is large and the active cells are in view',
    async (width, height, theme) => {
      const context = await h.browser.newContext({ viewport: { width, height }, colorScheme: theme });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(new URL('/#/lstm-2-decimals/60', h.url).href);
      await page.locator('[data-role="current"]').first().waitFor();
      await page.keyboard.press('p');
      await page.waitForFunction(() => document.documentElement.classList.contains('presenting'));
      for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(100);
      expect(await page.locator('.app-header h1').isVisible()).toBe(false);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      const fontPx = await page.$eval('.frame-panel .equation .katex', (el) =>
        parseFloat(getComputedStyle(el).fontSize),
      );
      expect(fontPx).toBeGreaterThanOrEqual(24);
      // the cell being written and every cell it reads in this step are on screen, unscrolled by hand
      const boxes = await page.$$eval('[data-role="current"], .step [data-role="read"]', (els) =>
        els.map((el) => el.getBoundingClientRect()).map((r) => [r.left, r.top, r.right, r.bottom]),
      );
      expect(boxes.length).toBeGreaterThan(1);
      for (const [left, top, right, bottom] of boxes) {
        expect(left).toBeGreaterThanOrEqual(0);
        expect(top).toBeGreaterThanOrEqual(0);
        expect(right).toBeLessThanOrEqual(width);
        expect(bottom).toBeLessThanOrEqual(height);
      }
      await page.screenshot({ path: new URL(`presenting-${width}x${height}-${theme}.png`, SHOTS).pathname });
      await page.keyboard.press('Escape');
      expect(await page.locator('.app-header h1').isVisible()).toBe(true);
      await page.screenshot({ path: new URL(`walkthrough-${width}x${height}-${theme}.png`, SHOTS).pathname });
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});

describe('the keys in a lecture', () => {
  it('→ and ← on the focused worksheet picker step the sheet and leave the worksheet as it is; ↓ still chooses one', async () => {
    const { page, problems } = await openPage(h, '/#/rnn-by-hand/3');
    await page.waitForSelector('.sheet');
    await page.focus('.picker select');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(`location.hash === '#/rnn-by-hand/4'`);
    expect(await page.inputValue('.picker select')).toBe('rnn-by-hand');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(`location.hash === '#/lstm-2-decimals/1'`);
    expect(problems).toEqual([]);
    await page.close();
  });
});
