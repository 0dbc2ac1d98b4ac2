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

  it('shows what each step adds to ∂L/∂W_h of "ciao", and the sum going back, once its frame is reached', async () => {
    const { page, problems } = await openPage(h, '/#/elman-ciao/backward/7');
    const cells = (q: string) =>
      page.$$eval(`.sheet-cell[data-q="${q}"]`, (els) =>
        els.map((e) => [Number((e as HTMLElement).dataset.t), e.textContent, (e as HTMLElement).dataset.role ?? '']),
      );
    // frame 7 works out ∂L/∂W_x: W_h's shares are still to come
    await page.locator('.sheet-cell[data-q="share:d:W_ih"][data-role="read"]').first().waitFor();
    expect((await cells('share:d:W_hh')).map(([, text]) => text)).toEqual(['', '', '', '']);

    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/#\/elman-ciao\/backward\/8$/);
    // ∂L/∂h_t · h_{t−1} with ∂L/∂h_t = −430, 2150, −10750, 53750 and h_{t−1} = 44, −7, 1, 0 (h₀) for t = 4 … 1
    await expect
      .poll(async () => (await cells('share:d:W_hh')).map(([t, text, role]) => [t, number(text as string), role]))
      .toEqual([
        [1, 53750 * 0, 'read'],
        [2, -10750 * 1, 'read'],
        [3, 2150 * -7, 'read'],
        [4, -430 * 44, 'read'],
      ]);
    // added up from t = 4 down: −18920 − 15050 = −33970, − 10750 = −44720, + 0: the gradient itself
    expect((await cells('sum:d:W_hh')).map(([t, text]) => [t, number(text as string)])).toEqual([
      [1, -44720],
      [2, -44720],
      [3, -33970],
    ]);
    expect(number(await page.locator('.sheet-cell[data-q="d:W_hh"]').textContent())).toBe(-44720);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('follows a link to a backward frame of another worksheet from the open page, and one Back returns home', async () => {
    const { page, problems } = await openPage(h, '/#/');
    await page.locator('.home').first().waitFor();
    // a link followed in the page: Chromium fires popstate and hashchange for it
    await page.evaluate(`location.hash = '#/elman-ciao/backward/11'`);
    await page.waitForFunction(() =>
      document.querySelector('.controls .counter')?.textContent?.startsWith('Frame 11 of 11'),
    );
    await page.waitForTimeout(100);
    expect(await page.evaluate('location.hash')).toBe('#/elman-ciao/backward/11');
    expect(await page.getByRole('radio', { name: 'backward (the gradients)' }).isChecked()).toBe(true);
    await page.goBack();
    await page.locator('.home').first().waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('gives every gradient answer cell of "ciao" room for ∂L/∂h₀ = −268750 and ∂L/∂W_x = 92450 as typed', async () => {
    const { page, problems } = await openPage(h, '/#/elman-ciao/backward/practice');
    for (const [slot, text] of [
      ['d:h@0[0]', '-268750'],
      ['d:W_ih@0[0][0]', '92450'],
      ['d:b_ih@0[0]', '44720'],
    ] as const) {
      const input = page.locator(`input.answer[data-slot="${slot}"]`);
      await input.fill(text);
      // the whole number shows: nothing scrolled out of the box
      expect(await input.evaluate((e) => e.scrollWidth <= e.clientWidth), slot).toBe(true);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
