// The app after one visit, with the network gone (a lecture hall's Wi-Fi): the service worker
// serves it whole, Tom Yeh's sheet steps and a quiz is taken and graded, KaTeX's fonts included.
import { readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, type Harness } from './browser';
import { givens, questions, solve, take } from './quizPage';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const QUIZ = '#/quiz?cell=rnn&H=2&I=1&T=2&decimals=0&ask=states&step=1&limit=0&seed=offline1';

/** h_t's numbers where they are made (the state is shown again above the next step: the first of each). */
async function state(page: Page, t: number): Promise<string[]> {
  const cells = await page.$$eval(`.sheet .sheet-cell[data-q="h"][data-t="${t}"]:not([data-j])`, (els) =>
    els.map((el) => [(el as HTMLElement).dataset.i!, el.textContent ?? ''] as const),
  );
  return [...new Map(cells.reverse()).entries()].sort(([a], [b]) => Number(a) - Number(b)).map(([, text]) => text);
}

/** The paths the service worker keeps, in every cache of the page's origin. */
async function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(`caches.keys().then(async (names) => {
    const paths = [];
    for (const name of names) for (const r of await (await caches.open(name)).keys()) paths.push(new URL(r.url).pathname);
    return paths;
  })`);
}

/** KaTeX's font faces by status: the sheet's equations use them once KaTeX is in. */
async function katexFonts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(`document.fonts.ready.then(() => {
    const count = {};
    for (const f of document.fonts) if (f.family.includes('KaTeX')) count[f.status] = (count[f.status] ?? 0) + 1;
    return count;
  })`);
}

describe('offline after the first visit', () => {
  it('reloads with no network, steps through Tom Yeh’s sheet and takes a quiz', async () => {
    const { page, problems } = await openPage(h, '/#/rnn-by-hand/1');
    await page.locator('.sheet-cell').first().waitFor();
    // installed (everything precached) and serving this page
    await page.evaluate('navigator.serviceWorker.ready.then(() => undefined)');
    await page.waitForFunction('navigator.serviceWorker.controller !== null');
    // every file of the build: the app's chunks and CSS, both workers, KaTeX's fonts
    const built = readdirSync(new URL('../../dist/assets', import.meta.url)).map((f) => `/assets/${f}`);
    expect(built.filter((f) => /\.worker-.*\.js$/.test(f))).toHaveLength(2);
    expect(built.filter((f) => f.endsWith('.woff2')).length).toBeGreaterThan(10);
    const cached = await cachedPaths(page);
    expect(built.filter((f) => !cached.includes(f))).toEqual([]);
    expect(cached).toContain('/index.html');

    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText ?? ''}`));
    await page.context().setOffline(true);
    await page.reload();
    await page.locator('.sheet-cell').first().waitFor();
    expect(await page.locator('.controls .counter').textContent()).toBe('Frame 1 of 36');
    expect(await state(page, 1)).toEqual(['', '']);

    // h₁ = ReLU(A h₀ + B x₁) with h₀ = 0 and x₁ = 3: [3, 6], as on the slide
    let presses = 0;
    while ((await state(page, 1)).includes('') && presses < 36) {
      await page.keyboard.press('ArrowRight');
      presses++;
    }
    expect(presses).toBeGreaterThan(1);
    expect(await state(page, 1)).toEqual(['3', '6']);
    expect(await page.locator('.controls .counter').textContent()).toBe(`Frame ${presses + 1} of 36`);
    await page.locator('.frame-panel .katex').first().waitFor();
    const fonts = await katexFonts(page);
    expect(fonts.loaded).toBeGreaterThan(0);
    expect(fonts.error).toBeUndefined();

    await page.evaluate(`location.hash = ${JSON.stringify(QUIZ)}`);
    await page.locator('input.answer').first().waitFor();
    const asked = await questions(page);
    const O = asked.filter((s) => s.startsWith('y@1[')).length;
    expect(asked).toHaveLength(2 * (2 + O));
    const right = solve(await givens(page), 2, 2, O);
    await take(page, Object.fromEntries(asked.map((slot) => [slot, String(right[slot])])));
    await page.getByRole('button', { name: 'Hand in' }).click();
    expect(await page.locator('.quiz-score').textContent()).toBe(`Score: ${asked.length} of ${asked.length}`);

    expect(failed).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
