// Practice on the backward pass, and a quiz asking gradients, in Chromium. The numbers are worked
// by hand: "ciao" from SPEC §3, the quiz from the numbers its page shows.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, type Harness } from './browser';
import { givens } from './quizPage';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const focusedSlot = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.dataset.slot ?? null);
const statusOf = (page: Page, slot: string) =>
  page.locator(`.answer-cell:has(input[data-slot="${slot}"])`).getAttribute('data-status');

/** Types into the focused cell and presses Enter. */
async function typeHere(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

describe('backward practice in Chromium', () => {
  it('on “ciao” a student works ∂L/∂y, ∂L/∂h₄ and ∂L/∂h₃, and target − y is named', async () => {
    const { page, problems } = await openPage(h, '/#/elman-ciao/practice');
    await page.locator('input.answer').first().waitFor();
    await page.getByLabel('the backward pass (gradients)').check();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/elman-ciao/backward/practice');
    // ∂L/∂y₄, ∂L/∂h₄ … ∂L/∂h₀, and the gradients of W_x, W_h, W_y and of the two biases the engine
    // has (zero on this sheet, but their gradients are not): 11 cells, and no forward one
    await expect.poll(() => page.locator('input.answer').count()).toBe(11);
    expect(await page.locator('input.answer[data-slot="h@1[0]"]').count()).toBe(0);
    await expect.poll(() => focusedSlot(page)).toBe('d:y@4[0]');

    // y = 215, L = y²: ∂L/∂y = 2(215 − 0) = 430; 2(0 − 215) = −430 is target − y
    await typeHere(page, '-430');
    expect(await statusOf(page, 'd:y@4[0]')).toBe('wrong');
    expect(await page.locator('.cell-message').textContent()).toBe(
      'That is target − y: the derivative of (y − target)² is 2(y − target), output minus target.',
    );
    await typeHere(page, '430');
    expect(await statusOf(page, 'd:y@4[0]')).toBe('right');
    // ∂L/∂h₄ = W_y · 430 = −1 · 430
    expect(await focusedSlot(page)).toBe('d:h@4[0]');
    await typeHere(page, '\u2212430');
    expect(await statusOf(page, 'd:h@4[0]')).toBe('right');
    // ∂L/∂h₃ = W_h · ∂L/∂h₄ = −5 · −430
    expect(await focusedSlot(page)).toBe('d:h@3[0]');
    await typeHere(page, '2150');
    expect(await statusOf(page, 'd:h@3[0]')).toBe('right');
    expect(await page.locator('.progress-total').textContent()).toBe('3 of 11 cells done.');

    // a reload keeps the pass and the answers
    await page.reload();
    await page.locator('input.answer[data-slot="d:h@3[0]"]').waitFor();
    expect(await statusOf(page, 'd:h@3[0]')).toBe('right');
    expect(await page.locator('input.answer[data-slot="d:h@3[0]"]').inputValue()).toBe('2150');
    expect(problems).toEqual([]);
    await page.close();
  });
});

const QUIZ = '/#/quiz?cell=rnn&H=2&I=1&T=3&decimals=0&ask=gradients&matrix=W_hh&step=1&limit=0&seed=class7b';

/**
 * The quiz's RNN worked forward and back by hand: h_t = ReLU(a_t), a_t = W_ih x_t + W_hh h_{t−1},
 * y_t = W_hy h_t, L = Σ_t Σₖ y_t[k]². Back: ∂L/∂y_t = 2 y_t; ∂L/∂h_t = W_hyᵀ ∂L/∂y_t + W_hhᵀ ∂L/∂a_{t+1}
 * (the second term from t + 1 ≤ T only); ∂L/∂a_t = ∂L/∂h_t ⊙ [a_t > 0]; ∂L/∂h₀ = W_hhᵀ ∂L/∂a₁;
 * ∂L/∂W_hh[i][j] = Σ_t ∂L/∂a_t[i] h_{t−1}[j].
 * Whole numbers throughout, so rounding to 0 decimals changes nothing.
 */
function solve(g: Record<string, number>, H: number, T: number, O: number): Record<string, number> {
  const W = (name: string, i: number, j: number) => g[`${name}@0[${i}][${j}]`]!;
  const range = (n: number) => Array.from({ length: n }, (_v, k) => k);
  const hs: number[][] = [range(H).map(() => 0)];
  const as: number[][] = [[]];
  for (let t = 1; t <= T; t++) {
    const prev = hs[t - 1]!;
    const a = range(H).map(
      (i) => W('W_ih', i, 0) * g[`x@${t}[0]`]! + range(H).reduce((s, j) => s + W('W_hh', i, j) * prev[j]!, 0),
    );
    as.push(a);
    hs.push(a.map((v) => Math.max(0, v)));
  }
  const y = (t: number) => range(O).map((k) => range(H).reduce((s, j) => s + W('W_hy', k, j) * hs[t]![j]!, 0));
  // the loss's own share of ∂L/∂h_t, W_hyᵀ 2 y_t
  const fromLoss = (t: number) => range(H).map((i) => range(O).reduce((s, k) => s + W('W_hy', k, i) * 2 * y(t)[k]!, 0));
  const out: Record<string, number> = {};
  // what comes back from step t + 1, W_hhᵀ ∂L/∂a_{t+1}: nothing past T
  let fromNext = range(H).map(() => 0);
  const da: number[][] = [];
  for (let t = T; t >= 1; t--) {
    const dh = fromLoss(t).map((v, i) => v + fromNext[i]!);
    dh.forEach((v, i) => (out[`d:h@${t}[${i}]`] = v));
    const d = dh.map((v, i) => (as[t]![i]! > 0 ? v : 0));
    da[t] = d;
    fromNext = range(H).map((j) => range(H).reduce((s, i) => s + W('W_hh', i, j) * d[i]!, 0));
  }
  fromNext.forEach((v, i) => (out[`d:h@0[${i}]`] = v));
  for (const i of range(H))
    for (const j of range(H))
      out[`d:W_hh@0[${i}][${j}]`] = range(T).reduce((s, k) => s + da[k + 1]![i]! * hs[k]![j]!, 0);
  return out;
}

describe('a gradients quiz from a link in Chromium', () => {
  it('two browsers given the same link get the same gradients, and the same answers the same grades', async () => {
    const a = await openPage(h, QUIZ);
    const b = await openPage(h, QUIZ);
    for (const p of [a.page, b.page]) await p.locator('input.answer').first().waitFor();
    const g = await givens(a.page);
    expect(await givens(b.page)).toEqual(g);
    const asked = (p: Page) => p.$$eval('input.answer', (xs) => xs.map((x) => (x as HTMLInputElement).dataset.slot!));
    const slots = await asked(a.page);
    expect(await asked(b.page)).toEqual(slots);
    // ∂L/∂h_t for t = 3 … 0 (2 each) and the 4 entries of ∂L/∂W_hh
    expect([...slots].sort()).toEqual(
      [0, 1, 2, 3]
        .flatMap((t) => [`d:h@${t}[0]`, `d:h@${t}[1]`])
        .concat(['[0][0]', '[0][1]', '[1][0]', '[1][1]'].map((ij) => `d:W_hh@0${ij}`))
        .sort(),
    );
    const O = Object.keys(g).filter((k) => k.startsWith('W_hy@0[') && k.endsWith('[0]')).length;
    const right = solve(g, 2, 3, O);
    // all right but ∂L/∂h₃[1] (one off) and the last question (left empty)
    const answers = Object.fromEntries(
      slots.slice(0, -1).map((slot) => [slot, String(slot === 'd:h@3[1]' ? right[slot]! + 1 : right[slot]!)]),
    );
    for (const p of [a.page, b.page]) {
      for (const [slot, text] of Object.entries(answers)) {
        await p.locator(`input.answer[data-slot="${slot}"]`).fill(text);
        await p.locator(`input.answer[data-slot="${slot}"]`).press('Enter');
      }
      await p.getByRole('button', { name: 'Hand in' }).click();
      await p.getByRole('button', { name: 'Yes, hand it in' }).click();
    }
    const expected = `Score: ${slots.length - 2} of ${slots.length}`;
    expect(await a.page.locator('.quiz-score').textContent()).toBe(expected);
    expect(await b.page.locator('.quiz-score').textContent()).toBe(expected);
    const verdicts = (p: Page) =>
      p.$$eval('.answer-cell', (els) =>
        els.map(
          (el) => `${(el as HTMLElement).querySelector('input')?.dataset.slot}:${(el as HTMLElement).dataset.status}`,
        ),
      );
    expect(await verdicts(a.page)).toEqual(await verdicts(b.page));
    expect([...a.problems, ...b.problems]).toEqual([]);
    await a.page.close();
    await b.page.close();
  });
});
