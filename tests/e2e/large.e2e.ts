import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeHandFriendlySheet } from '../helpers/largeSheet';
import { openPage, startHarness, type Harness } from './browser';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

// an LSTM file far beyond a by-hand sheet: 64 steps of 16 hidden units (over 100,000 numbers)
const sheet = largeHandFriendlySheet('lstm', 16, 4, 64);
const W_ii = sheet.params.W_ii as number[][];
const x1 = sheet.inputs![0]!;
const k1 = x1.indexOf(1);
const number = (text: string | null) => Number((text ?? '').replace('−', '-'));
const shown = (page: Page, q: string, t: number, i: number) =>
  page.locator(`.sheet-cell[data-q="${q}"][data-t="${t}"][data-i="${i}"]`).first();

async function openLargeFile(page: Page): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), 'large-')), 'lstm-16x64.json');
  writeFileSync(file, JSON.stringify(sheet));
  await page.setInputFiles('input[type="file"]', file);
  await page.locator('.sheet .step .sheet-cell').first().waitFor();
}

describe('a file with H = 16 and T = 64, in Chromium', () => {
  it('opens, steps to its last frame and back, and a student fills three cells of it', async () => {
    const { page, problems } = await openPage(h, '/#/');
    await openLargeFile(page);
    // x₁ is one-hot at k1, so (W_ii x₁)[i] is W_ii[i][k1]: the first frame writes row 0
    expect(number(await shown(page, 'mv:W_ii', 1, 0).textContent())).toBe(W_ii[0]![k1]);
    // only the steps near the one being worked are drawn, each other step is a box of the same size
    // (counted once the boxes are measured and the steps in view have been found)
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.waitForTimeout(300);
    // (both counted at once: a transition may draw or let go a step between two reads)
    const [drawn, boxes] = await page.evaluate(() => [
      document.querySelectorAll('.sheet .step[data-step]:not(.not-drawn)').length,
      document.querySelectorAll('.sheet .step.not-drawn').length,
    ]);
    expect(drawn).toBeLessThanOrEqual(8);
    expect(boxes).toBe(64 - drawn!);

    await page.keyboard.press('End');
    // the last frame writes the total loss, and step 64 is drawn with its h filled in
    await expect.poll(() => page.locator('.sheet-cell[data-q="L"][data-role="current"]').count()).toBe(1);
    expect((await shown(page, 'h', 64, 15).textContent())?.trim()).not.toBe('');
    expect(await page.locator('.sheet .step[data-step="64"]:not(.not-drawn)').count()).toBe(1);
    // the inputs of the steps not drawn, the first ones among them, stand behind one ⋯ a run
    // (once the steps left behind have been found out of view)
    const inputs = () =>
      page.$$eval('.sheet .inputs > :not(.inputs-label)', (els) =>
        els.map((e) => (e.classList.contains('inputs-gap') ? '⋯' : 'x')).join(''),
      );
    await expect.poll(inputs).toMatch(/^⋯x+$/);
    await page.keyboard.press('Home');
    await expect
      .poll(() => page.locator('.sheet-cell[data-q="mv:W_ii"][data-t="1"][data-role="current"]').count())
      .toBe(1);
    // (the steps left behind are let go just after, in a transition)
    await expect.poll(() => page.locator('.sheet .step[data-step="64"].not-drawn').count()).toBe(1);

    await page.getByRole('button', { name: 'Practice' }).click();
    const input = (i: number) => page.locator(`input.answer[data-slot="mv:W_ii@1[${i}]"]`);
    await input(0).waitFor();
    for (const i of [0, 1, 2]) {
      await input(i).click();
      await page.keyboard.type(String(W_ii[i]![k1]));
      await page.keyboard.press('Enter');
      const status = page.locator(`.answer-cell:has(input[data-slot="mv:W_ii@1[${i}]"])`);
      await expect.poll(() => status.getAttribute('data-status')).toBe('right');
    }
    // a right answer moves on to the next cell to fill
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).dataset.slot)).toBe('mv:W_ii@1[3]');
    expect(problems).toEqual([]);
    await page.close();
  });
});

// an LSTM file of 256 steps of 64 hidden units (over half a million numbers), computed in a worker
const big = largeHandFriendlySheet('lstm', 64, 64, 256);
const bigW_ii = big.params.W_ii as number[][];
const bigK1 = big.inputs![0]!.indexOf(1);

// Counted in the page (a string: the test's own functions are transformed with helpers the page
// lacks): whether the bar appeared, its name and value, and how many animation frames and timer
// ticks ran while it was shown, which they cannot while the main thread is blocked.
const WATCH = `(() => {
  const w = window;
  w.watch = { bar: null, values: [], frames: 0, ticks: 0 };
  const shown = () => document.querySelector('.open-file progress');
  const frame = () => { if (shown()) w.watch.frames++; if (!document.querySelector('.sheet')) requestAnimationFrame(frame); };
  const tick = () => { if (shown()) w.watch.ticks++; if (!document.querySelector('.sheet')) setTimeout(tick, 10); };
  new MutationObserver(() => {
    const bar = shown();
    if (!bar) return;
    w.watch.bar ??= bar.labels[0]?.textContent ?? '';
    w.watch.values.push(Number(bar.value));
  }).observe(document, { childList: true, subtree: true, attributes: true });
  requestAnimationFrame(frame);
  tick();
})()`;

describe('a file with H = 64 and T = 256, in Chromium', () => {
  it('computes with a progress bar while the page keeps answering, then shows its first step', async () => {
    const { page, problems } = await openPage(h, '/#/');
    const file = join(mkdtempSync(join(tmpdir(), 'large-')), 'lstm-64x256.json');
    writeFileSync(file, JSON.stringify(big));
    await page.evaluate(WATCH);
    await page.setInputFiles('input[type="file"]', file);
    await page.locator('.sheet .step .sheet-cell').first().waitFor({ timeout: 60_000 });
    const watch = await page.evaluate(
      () => (window as unknown as { watch: { bar: string; values: number[]; frames: number; ticks: number } }).watch,
    );
    expect(watch.bar.trim()).toBe('Computing lstm-64x256.json…');
    expect(watch.values.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(Math.max(...watch.values)).toBeGreaterThan(0);
    expect(watch.frames).toBeGreaterThan(0);
    expect(watch.ticks).toBeGreaterThan(0);
    // x₁ is one-hot at k1, so (W_ii x₁)[0] is W_ii[0][k1]: the first frame writes it
    expect(number(await shown(page, 'mv:W_ii', 1, 0).textContent())).toBe(bigW_ii[0]![bigK1]);
    expect(await page.locator('.open-file progress').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lets a screen reader reach h₄₀ and every other number of a step not drawn, through a button out of sight', async () => {
    const { page, problems } = await openPage(h, '/#/');
    await openLargeFile(page);
    const step40 = page.locator('.sheet .step[data-step="40"]');
    await expect.poll(() => step40.getAttribute('class')).toContain('not-drawn');
    // its button is out of sight and out of the Tab order, named for the step (a screen reader reads it)
    const show = step40.getByRole('button', { name: 'Show the numbers of t = 40' });
    await show.focus();
    await page.keyboard.press('Enter');
    // the step is drawn and the focus is on it, so reading goes on with its numbers
    await expect.poll(() => step40.getAttribute('class')).toBe('step');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-step'))).toBe('40');
    expect(await step40.locator('.sheet-cell[data-q="h"][data-t="40"][data-i="15"]').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
