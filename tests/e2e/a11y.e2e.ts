// What axe's WCAG rules do not look at, checked in Chromium: the outline of headings and the
// strip of steps (axe's best-practice rules), the equations as MathML, a focus ring in each
// theme, a keyboard that always gets out of the sheet, and the theme kept across a reload.
import { AxeBuilder } from '@axe-core/playwright';
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

async function fresh(colorScheme: 'light' | 'dark' = 'light') {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

const theme = (page: Page) => page.evaluate('document.documentElement.dataset.theme');

describe('beyond axe’s WCAG rules', () => {
  it.each(['/#/rnn-by-hand/4', '/#/rnn-by-hand/practice', '/#/'])(
    'on %s the headings go down one level at a time and a scrolling region takes the focus',
    async (hash) => {
      const { context, page, errors } = await fresh();
      await page.goto(new URL(hash, h.url).href);
      await page
        .locator(hash === '/#/' ? '.new-quiz' : '.sheet .step .sheet-row')
        .first()
        .waitFor();
      const result = await new AxeBuilder({ page })
        .withRules(['heading-order', 'scrollable-region-focusable'])
        .analyze();
      expect(result.violations.map((v) => `${v.id} ×${v.nodes.length}`)).toEqual([]);
      expect(result.incomplete.map((v) => `${v.id} ×${v.nodes.length}`)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it('each equation of the frame is there as MathML too, kept out of sight', async () => {
    const { context, page, errors } = await fresh();
    await page.goto(new URL('/#/lstm-2-decimals/10', h.url).href);
    await page.locator('.frame-panel .katex').first().waitFor();
    const math = await page.$$eval('.frame-panel .equation', (eqs) =>
      eqs.map((eq) => {
        const m = eq.querySelector('math');
        const box = eq.querySelector('.katex-mathml')!.getBoundingClientRect();
        return { hasMath: m !== null, mathmlSize: Math.max(box.width, box.height) };
      }),
    );
    expect(math.length).toBeGreaterThan(0);
    for (const eq of math) {
      expect(eq.hasMath).toBe(true);
      expect(eq.mathmlSize).toBeLessThanOrEqual(1);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each(['light', 'dark'] as const)(
    'in the %s theme the focused button has a ring of 2 px or more',
    async (scheme) => {
      const { context, page } = await fresh(scheme);
      await page.goto(new URL('/#/rnn-by-hand/4', h.url).href);
      await page.locator('.sheet .sheet-cell').first().waitFor();
      await page.locator('.mode-tabs button').first().focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const ring = (await page.evaluate(
        `(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()`,
      )) as [string, number];
      expect(ring[0]).toBe('solid');
      expect(ring[1]).toBeGreaterThanOrEqual(2);
      await context.close();
    },
  );

  it('Tab from the first answer cell leaves the sheet in the end: nothing holds the focus', async () => {
    const { context, page, errors } = await fresh();
    await page.goto(new URL('/#/rnn-by-hand/practice', h.url).href);
    await page.waitForFunction(`document.querySelectorAll('input.answer').length === 36`);
    await page.locator('input.answer').first().focus();
    let left = false;
    for (let k = 0; k < 60 && !left; k++) {
      await page.keyboard.press('Tab');
      left = (await page.evaluate(`!document.activeElement?.closest('.sheet')`)) as boolean;
    }
    expect(left).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a first visit follows the system’s scheme; the theme picked is kept across a reload', async () => {
    const { context, page, errors } = await fresh('dark');
    await page.goto(new URL('/#/', h.url).href);
    await page.waitForFunction(`document.documentElement.dataset.theme === 'dark'`);
    await page.getByRole('button', { name: 'Light theme' }).click();
    expect(await theme(page)).toBe('light');
    await page.reload();
    await page.getByRole('button', { name: 'Dark theme' }).waitFor();
    expect(await theme(page)).toBe('light');
    expect(errors).toEqual([]);
    await context.close();
  });
});
