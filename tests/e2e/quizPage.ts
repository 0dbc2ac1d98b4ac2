// Reading and answering a quiz in the page, as a student would: the numbers it gives, the cells it
// asks for, the answers worked out by hand from those numbers, and typing them in.
import type { Page } from 'playwright-core';

/** The numbers the quiz gives (parameters and inputs), as the page shows them, by their data attributes. */
export async function givens(page: Page): Promise<Record<string, number>> {
  const entries = await page.$$eval('.sheet .sheet-cell:not(.answer-cell):not(.not-asked)', (els) =>
    els.map((el) => {
      const d = (el as HTMLElement).dataset;
      return [`${d.q}@${d.t}[${d.i}]${d.j === undefined ? '' : `[${d.j}]`}`, el.textContent ?? ''] as const;
    }),
  );
  return Object.fromEntries(
    entries.filter(([, text]) => text !== '').map(([k, text]) => [k, Number(text.replace('\u2212', '-'))]),
  );
}

export async function questions(page: Page): Promise<string[]> {
  return page.$$eval('input.answer', (xs) => xs.map((x) => (x as HTMLInputElement).dataset.slot!));
}

/**
 * The RNN quiz worked by hand from the numbers on the page: h_t = ReLU(W_ih x_t + W_hh h_{t−1}),
 * h₀ = 0 (the quiz's RNN has no biases), y_t = W_hy h_t.
 */
export function solve(g: Record<string, number>, H: number, T: number, O: number): Record<string, number> {
  const out: Record<string, number> = {};
  let h = Array.from({ length: H }, () => 0);
  for (let t = 1; t <= T; t++) {
    const x = g[`x@${t}[0]`]!;
    h = h.map((_v, i) =>
      Math.max(0, g[`W_ih@0[${i}][0]`]! * x + h.reduce((s, hj, j) => s + g[`W_hh@0[${i}][${j}]`]! * hj, 0)),
    );
    h.forEach((v, i) => (out[`h@${t}[${i}]`] = v));
    for (let k = 0; k < O; k++) out[`y@${t}[${k}]`] = h.reduce((s, hj, j) => s + g[`W_hy@0[${k}][${j}]`]! * hj, 0);
  }
  return out;
}

export async function take(page: Page, answers: Record<string, string>): Promise<void> {
  for (const [slot, text] of Object.entries(answers)) {
    await page.locator(`input.answer[data-slot="${slot}"]`).fill(text);
    await page.locator(`input.answer[data-slot="${slot}"]`).press('Enter');
  }
}
