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

const number = (text: string | null) => Number((text ?? '').trim().replace('−', '-'));
const cell = (page: Page, q: string, t: number) => page.locator(`.sheet-cell[data-q="${q}"][data-t="${t}"]`).first();
const updates = (page: Page) => page.$$eval('.train-update .sr-only', (els) => els.map((e) => e.textContent));

async function toLastForwardFrame(page: Page) {
  await page.locator('.sheet').waitFor();
  await page.keyboard.press('End');
  await expect.poll(() => page.locator('.sheet-cell[data-q="L"][data-role="current"]').count()).toBe(1);
}

describe('a training step in Chromium', () => {
  it('takes one step on "ciao" at η = 0.001: the new W_h, W_x, W_y in the sheet and the new loss', async () => {
    const { page, problems } = await openPage(h, '/#/elman-ciao/1');
    await page.getByLabel('Learning rate η').fill('0.001');
    await page.getByRole('button', { name: 'Take one step' }).click();
    // By hand (SPEC §3): W_x = 1, W_h = −5, W_y = −1; c, i, a, o give x = 1, −2, 9, 5.
    // h₁ = 1, h₂ = −5·1 − 2 = −7, h₃ = −5·(−7) + 9 = 44, h₄ = −5·44 + 5 = −215; y = −1·(−215) = 215.
    // L = (y − 0)² = 46225, ∂L/∂y = 2y = 430, ∂L/∂h₄ = W_y · 430 = −430,
    // ∂L/∂h_t = W_h ∂L/∂h_{t+1}: ∂L/∂h₃ = 2150, ∂L/∂h₂ = −10750, ∂L/∂h₁ = 53750.
    // ∂L/∂W_h = Σ_t ∂L/∂h_t h_{t−1} = 53750·0 − 10750·1 + 2150·(−7) − 430·44 = −10750 − 15050 − 18920 = −44720
    // ∂L/∂W_x = Σ_t ∂L/∂h_t x_t = 53750·1 − 10750·(−2) + 2150·9 − 430·5 = 53750 + 21500 + 19350 − 2150 = 92450
    // ∂L/∂W_y = ∂L/∂y · h₄ = 430 · (−215) = −92450
    // W_x' = 1 − 0.001 · 92450 = −91.45; W_h' = −5 + 0.001 · 44720 = 39.72; W_y' = −1 + 0.001 · 92450 = 91.45
    await expect
      .poll(() => updates(page))
      .toEqual([
        'W_x ← [1] − 0.001 · [92450] = [−91.45]',
        'W_h ← [−5] − 0.001 · [−44720] = [39.72]',
        'W_y ← [−1] − 0.001 · [−92450] = [91.45]',
      ]);
    // The forward pass again with the new numbers:
    // h₁ = −91.45; h₂ = 39.72 · (−91.45) − 91.45 · (−2) = −3632.394 + 182.9 = −3449.494;
    // h₃ = 39.72 · (−3449.494) − 91.45 · 9 = −137013.90168 − 823.05 = −137836.95168;
    // h₄ = 39.72 · (−137836.95168) − 91.45 · 5 = −5474883.7207296 − 457.25 = −5475340.9707296;
    // y = 91.45 · h₄ = −500719931.77322192; L = y² = 2.50720450074980… × 10¹⁷: a step that far overshoots
    const h4 = 39.72 * (39.72 * (39.72 * -91.45 + 182.9) - 823.05) - 457.25;
    expect(h4).toBeCloseTo(-5475340.9707296, 6);
    expect((91.45 * h4) ** 2 / 1e17).toBeCloseTo(2.5072045007498, 10);
    await expect
      .poll(() => page.locator('.train-loss').textContent())
      .toBe('The loss went from 46225 to 2.5072 × 10¹⁷.');
    // the sheet is the worksheet with the new numbers: givens written as they are (39.72), the
    // values computed from them at the sheet's 0 decimals
    expect(number(await cell(page, 'W_hh', 0).textContent())).toBe(39.72);
    expect(number(await cell(page, 'W_ih', 0).textContent())).toBe(-91.45);
    expect(number(await cell(page, 'W_hy', 0).textContent())).toBe(91.45);
    await toLastForwardFrame(page);
    expect(number(await cell(page, 'h', 1).textContent())).toBe(-91); // −91.45
    expect(number(await cell(page, 'h', 2).textContent())).toBe(-3449); // −3449.494

    // and back to the slide's numbers
    await page.getByRole('button', { name: 'Back to the original numbers' }).click();
    await expect.poll(async () => number(await cell(page, 'W_hh', 0).textContent())).toBe(-5);
    expect(number(await cell(page, 'h', 2).textContent())).toBe(-7);
    expect(await page.locator('.train-loss').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says what is wrong with a learning rate or a number of steps, keeps the text and does nothing', async () => {
    const { page, problems } = await openPage(h, '/#/elman-ciao/1');
    const eta = page.getByLabel('Learning rate η');
    await eta.fill('abc');
    await page.getByRole('button', { name: 'Take one step' }).click();
    await expect.poll(() => page.locator('#train-eta-problem').textContent()).toContain('“abc” is not a number');
    expect(await eta.inputValue()).toBe('abc');
    expect(number(await cell(page, 'W_hh', 0).textContent())).toBe(-5);
    await eta.fill('0.001');
    await page.getByLabel('Steps N').fill('10001');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => page.locator('#train-steps-problem').textContent()).toContain('at most 10000');
    expect(await page.locator('.train-run').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('trains the LSTM from seeded random weights to the slides’ A, A, B classification', async () => {
    const { page, problems } = await openPage(h, '/#/lstm-2-decimals/1');
    await page.getByRole('button', { name: 'Start from small random weights (seed 1)' }).click();
    await expect.poll(() => page.locator('.train-class').textContent()).toContain('wrong');
    await page.getByLabel('Steps N').fill('2000');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect
      .poll(() => page.locator('.train-class').textContent(), { timeout: 30_000 })
      .toBe('argmax y_t is right at all 3 steps: the network classifies the sequence as its targets say.');
    expect(await page.locator('.loss-curve path.curve').count()).toBe(1);
    expect(await page.locator('.train-loss').textContent()).toMatch(/^After 2,000 steps the loss went from /);
    // kept as a worksheet of its own, with the trained numbers
    const W_ii = await cell(page, 'W_ii', 0).textContent();
    await page.getByRole('button', { name: 'Keep as a new worksheet' }).click();
    await expect.poll(() => page.locator('.picker select option:checked').textContent()).toMatch(/\(trained\)$/);
    expect(await cell(page, 'W_ii', 0).textContent()).toBe(W_ii);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a long run’s progress without blocking the page, and cancels it', async () => {
    const { page, problems } = await openPage(h, '/#/');
    const sheet = largeHandFriendlySheet('lstm', 16, 4, 64, 'cross_entropy');
    const file = join(mkdtempSync(join(tmpdir(), 'train-')), 'lstm-16x64.json');
    writeFileSync(file, JSON.stringify(sheet));
    await page.setInputFiles('input[type="file"]', file);
    await page.locator('.sheet .step .sheet-cell').first().waitFor();
    const before = await cell(page, 'W_ii', 0).textContent();
    await page.getByLabel('Learning rate η').fill('0.01');
    await page.getByLabel('Steps N').fill('10000');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const progress = page.locator('.train-progress progress');
    await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 30_000 }).toBeGreaterThan(0);
    // the page answers while the worker trains: a task queued now runs within a frame or two
    const delay = await page.evaluate(
      () =>
        new Promise<number>((r) => {
          const t0 = performance.now();
          setTimeout(() => r(performance.now() - t0));
        }),
    );
    expect(delay).toBeLessThan(100);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => page.locator('.train-run [role="status"]').textContent())
      .toMatch(/^Training stopped after \d+ steps/);
    expect(await progress.count()).toBe(0);
    // a cancelled run leaves the sheet as it was
    expect(await cell(page, 'W_ii', 0).textContent()).toBe(before);
    expect(problems).toEqual([]);
    await page.close();
  });
});
