// On a phone (390×844, touch): the page is no wider than the screen, and a swipe across the
// caption and equation steps the walkthrough, while a swipe on the sheet scrolls it and steps nothing.
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

/** A one-finger swipe from (x0, y) to (x1, y), as the phone's touchscreen sends it. */
async function swipe(page: Page, x0: number, x1: number, y: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x0, y }] });
  for (let k = 1; k <= 5; k++)
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ x: x0 + ((x1 - x0) * k) / 5, y }],
    });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

const middle = async (page: Page, selector: string) => {
  const box = (await page.locator(selector).first().boundingBox())!;
  return box.y + box.height / 2;
};

describe('on a phone', () => {
  it('the page fits the width, and a swipe across the caption steps the frames; one on the sheet does not', async () => {
    const context = await h.browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(new URL('/#/rnn-by-hand/5', h.url).href);
    await page.locator('[data-role="current"]').first().waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

    const caption = await middle(page, '.frame-panel .caption');
    await swipe(page, 300, 80, caption);
    await page.waitForFunction(`location.hash === '#/rnn-by-hand/6'`);
    await swipe(page, 80, 300, caption);
    await page.waitForFunction(`location.hash === '#/rnn-by-hand/5'`);
    // a short drag, or one mostly down, is no swipe
    await swipe(page, 200, 170, caption);

    await swipe(page, 300, 80, await middle(page, '.sheet .step'));
    await page.waitForTimeout(300);
    expect(await page.evaluate('location.hash')).toBe('#/rnn-by-hand/5');
    await context.close();
  });
});
