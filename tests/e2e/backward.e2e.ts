import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, type Harness } from './browser';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const number = (text: string | null) => Number((text ?? '').trim().replace('−', '-'));

describe('the backward pass in Chromium', () => {
  it('steps back through "ciao" to ∂L/∂h₀ = −268750, in the URL; Back returns to where End was pressed', async () => {
    const { page, problems } = await openPage(h, '/#/elman-ciao/1');
    await page.getByRole('radio', { name: 'backward (the gradients)' }).check();
    // its first frame: ∂L/∂y₄ = 2 (y₄ − target) = 2 · 215 = 430 (SPEC, section 3)
    const current = page.locator('.sheet [data-role="current"]').first();
    await expect.poll(() => current.getAttribute('data-q')).toBe('d:y');
    expect(number(await current.textContent())).toBe(430);
    await page.waitForURL(/#\/elman-ciao\/backward\/1$/);
    // no gradient has reached an h yet
    expect(await page.$$eval('.unrolled text.gradient', (els) => els.map((e) => e.textContent))).toEqual([
      '',
      '',
      '',
      '',
      '',
    ]);

    await page.keyboard.press('End');
    // ∂L/∂h₀ = (−5)⁴ · (−1) · 430 = −268750: W_h⁴ is why it explodes
    const dh0 = page.locator('.sheet-cell[data-q="d:h"][data-t="0"]');
    expect(number(await dh0.textContent())).toBe(-268750);
    // and the unrolled graph shows the gradient that reached each h_t, growing ×(−5) a step back
    const graph = await page.$$eval('.unrolled text.gradient', (els) =>
      els.map((e) => [(e as SVGElement).dataset.t, e.textContent]),
    );
    expect(graph.map(([t, text]) => [Number(t), number(text ?? '')])).toEqual([
      [0, -268750],
      [1, 53750],
      [2, -10750],
      [3, 2150],
      [4, -430],
    ]);
    // the last frame is ∂L/∂W_y = Σ_t ∂L/∂y_t h_t = 430 · (−215) = −92450 (only y₄ has a loss)
    await expect.poll(() => current.getAttribute('data-q')).toBe('d:W_hy');
    expect(number(await current.textContent())).toBe(-92450);
    await expect.poll(() => page.locator('.frame-panel .caption').textContent()).toContain('∂L/∂W_y');
    await page.waitForURL(/#\/elman-ciao\/backward\/11$/);

    await page.goBack();
    await page.waitForFunction(() =>
      document.querySelector('.controls .counter')?.textContent?.startsWith('Frame 1 of 11'),
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens at the backward frame a link names', async () => {
    const { page, problems } = await openPage(h, '/#/elman-ciao/backward/6');
    // frame 6 writes ∂L/∂h₀ (after ∂L/∂y₄ and ∂L/∂h₄ … ∂L/∂h₁)
    const current = page.locator('.sheet [data-role="current"]').first();
    await expect.poll(() => current.getAttribute('data-q')).toBe('d:h');
    expect(await current.getAttribute('data-t')).toBe('0');
    expect(await page.getByRole('radio', { name: 'backward (the gradients)' }).isChecked()).toBe(true);
    // the graph marks h₀, the node the frame works on
    expect(await page.locator('.unrolled .column.h0.current').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });
});
