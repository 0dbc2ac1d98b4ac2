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

/** What of the frame shown is on screen: the step's share of the width, the pinned panel's of the height, and any cell at work cut off. */
const FIT = `(() => {
  const cur = document.querySelector('.sheet [data-role="current"]');
  const step = cur.closest('.step').getBoundingClientRect();
  const pinned = document.querySelector('.pinned').getBoundingClientRect();
  const own = cur.closest('.step');
  const cells = [cur, ...document.querySelectorAll('.sheet [data-role="read"]')].filter((e) => e.closest('.step') === own).map((e) => e.getBoundingClientRect());
  const hidden = cells.filter((r) => r.left < -1 || r.right > innerWidth + 1 || r.top < pinned.bottom - 1 || r.bottom > innerHeight + 1).length;
  return { across: step.width / innerWidth, stepLeft: step.left, stepRight: step.right, panel: pinned.height / innerHeight,
    font: parseFloat(getComputedStyle(document.documentElement).fontSize), hidden };
})()`;

interface Fit {
  across: number;
  stepLeft: number;
  stepRight: number;
  panel: number;
  font: number;
  hidden: number;
}

describe('presentation fits the screen', () => {
  it.each([
    [1024, 768],
    [1280, 720],
    [1920, 1080],
  ] as const)(
    'at %i×%i the type grows to fit the step being worked, and every cell at work in its step is in view in every frame',
    async (width, height) => {
      const context = await h.browser.newContext({ viewport: { width, height } });
      for (const id of ['rnn-by-hand', 'lstm-2-decimals']) {
        const page = await context.newPage();
        await page.goto(new URL(`/#/${id}/1`, h.url).href);
        await page.locator('[data-role="current"]').first().waitFor();
        await page.keyboard.press('p');
        await page.waitForFunction(() => document.documentElement.classList.contains('presenting'));
        await page.evaluate('document.fonts.ready');
        const frames = Number((await page.locator('.controls').textContent())?.match(/of (\d+)/)?.[1]);
        expect(frames).toBeGreaterThan(30);
        const cut: number[] = [];
        let fit: Fit | null = null;
        for (let frame = 1; frame <= frames; frame++) {
          if (frame > 1) await page.keyboard.press('ArrowRight');
          await page.waitForFunction(`location.hash.startsWith('#/${id}/${frame}')`);
          // the follow runs in the frame after the step is drawn
          await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
          fit = (await page.evaluate(FIT)) as Fit;
          if (fit.hidden > 0) cut.push(frame);
        }
        expect(cut).toEqual([]);
        // the last frame's step is whole across
        expect(fit!.stepLeft).toBeGreaterThanOrEqual(0);
        expect(fit!.stepRight).toBeLessThanOrEqual(width);
        // Tom Yeh's short steps fill the width, unless the pinned panel has reached its third of the
        // height; the LSTM's tall ones are held back so that f₁ and f₁ ⊙ c₀ are on screen together
        if (id === 'rnn-by-hand') expect(fit!.across > 0.9 || fit!.panel > 0.3).toBe(true);
        // the type grows with the screen (it was 20 px at every size)
        if (width === 1920) expect(fit!.font).toBeGreaterThan(22);

        // + and − make the room's type larger and smaller, by about a tenth a press
        const font = async () =>
          Number.parseFloat(String(await page.evaluate('document.documentElement.style.fontSize')));
        const fitted = fit!.font;
        await page.keyboard.press('+');
        await page.waitForFunction(`parseFloat(document.documentElement.style.fontSize) !== ${fitted}`);
        const larger = await font();
        await page.click('button[title="Smaller type for this room (−)"]');
        await page.click('button[title="Smaller type for this room (−)"]');
        await page.waitForFunction(`parseFloat(document.documentElement.style.fontSize) < ${larger / 1.15}`);
        // 1.1² = 1.21 between one step up and one step down
        expect(larger / (await font())).toBeCloseTo(1.21, 1);
        await page.keyboard.press('Escape');
        // out of presentation the page has its own type again
        expect(await page.evaluate('document.documentElement.style.fontSize')).toBe('');
        await page.close();
      }
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
