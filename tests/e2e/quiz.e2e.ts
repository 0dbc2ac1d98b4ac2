import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatQuizQuery, generateQuiz } from '../../src/core/practice/quiz';
import { openPage, startHarness, type Harness } from './browser';
import { givens, questions, solve, take } from './quizPage';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const QUIZ = '/#/quiz?cell=rnn&H=2&I=1&T=3&decimals=0&ask=states&step=1&limit=0&seed=class7b';

describe('a quiz from a link in Chromium', () => {
  it('two browsers given the same link get the same quiz, and the same answers get the same grades', async () => {
    const a = await openPage(h, QUIZ);
    const b = await openPage(h, QUIZ);
    for (const p of [a.page, b.page]) await p.locator('input.answer').first().waitFor();
    const [gA, gB] = [await givens(a.page), await givens(b.page)];
    expect(gA).toEqual(gB);
    const asked = await questions(a.page);
    expect(await questions(b.page)).toEqual(asked);
    // every h and y of T = 3 steps: 3 · (H + O) cells
    const O = asked.filter((s) => s.startsWith('y@1[')).length;
    expect(asked).toHaveLength(3 * (2 + O));

    const right = solve(gA, 2, 3, O);
    // all right but the first question (its sign flipped) and the last (left empty)
    const answers: Record<string, string> = {};
    asked.slice(0, -1).forEach((slot, k) => (answers[slot] = String(k === 0 ? -right[slot]! - 1 : right[slot]!)));
    for (const p of [a.page, b.page]) {
      await take(p, answers);
      // nothing is graded before handing in
      expect(await p.locator('.answer-cell[data-status="right"], .answer-cell[data-status="wrong"]').count()).toBe(0);
      expect(await p.locator('.hint-button').count()).toBe(0);
      await p.getByRole('button', { name: 'Hand in' }).click();
      // one question is still blank: handing in asks first
      expect(await p.locator('.hand-in-confirm p').textContent()).toBe(
        '1 question is not answered (or not a number). Hand the quiz in anyway?',
      );
      await p.getByRole('button', { name: 'Yes, hand it in' }).click();
    }
    const expected = `Score: ${asked.length - 2} of ${asked.length}`;
    expect(await a.page.locator('.quiz-score').textContent()).toBe(expected);
    expect(await b.page.locator('.quiz-score').textContent()).toBe(expected);
    const verdicts = (p: Page) =>
      p.$$eval('.answer-cell', (els) => els.map((el) => (el as HTMLElement).dataset.status));
    expect(await verdicts(a.page)).toEqual(await verdicts(b.page));
    // each question has its worked solution: the caption and the equation of its frame
    expect(await a.page.locator('.solutions li').count()).toBe(asked.length);
    expect(await a.page.locator('.solutions li.wrong').count()).toBe(2);
    expect(await a.page.locator('.solutions li .katex').count()).toBeGreaterThan(asked.length);
    expect([...a.problems, ...b.problems]).toEqual([]);
    await a.page.close();
    await b.page.close();
  });

  it('a quiz in progress survives a reload, and “Try a new one” gives other numbers with the same settings', async () => {
    const { page, problems } = await openPage(h, QUIZ);
    await page.locator('input.answer').first().waitFor();
    const asked = await questions(page);
    await take(page, { [asked[0]!]: '7' });
    await page.reload();
    await page.locator('input.answer').first().waitFor();
    expect(await page.locator(`input.answer[data-slot="${asked[0]}"]`).inputValue()).toBe('7');
    const before = await givens(page);
    await page.getByRole('button', { name: 'Try a new one' }).click();
    await page.waitForFunction(() => !location.hash.includes('seed=class7b'));
    expect(page.url()).toContain('cell=rnn&H=2&I=1&T=3&decimals=0&ask=states');
    await page.locator('input.answer').first().waitFor();
    expect(await givens(page)).not.toEqual(before);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the New quiz form on the home page opens a quiz link; a broken link lists what is wrong', async () => {
    const { page, problems } = await openPage(h, '/#/');
    await page.getByLabel('Cell').selectOption('lstm');
    await page.getByLabel('Seed (empty: a new one)').fill('Bad Seed!');
    expect(await page.getByRole('button', { name: 'Start the quiz' }).isDisabled()).toBe(true);
    await page.getByLabel('Seed (empty: a new one)').fill('lecture3');
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await page.locator('input.answer').first().waitFor();
    expect(page.url()).toContain('cell=lstm');
    expect(page.url()).toContain('seed=lecture3');

    await page.goto(new URL('/#/quiz?cell=rnn&H=9&seed=ok', h.url).href);
    await page.locator('.problem-list').waitFor();
    expect(await page.locator('.problem-list li').allTextContents()).toEqual([
      'H: “9” is not a whole number from 1 to 3',
    ]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an LSTM quiz with biases shows them, and after hand-in the sheet’s own sums add up: c = f ⊙ c₀ + i ⊙ g', async () => {
    const settings = { cell: 'lstm', H: 2, I: 2, T: 2, decimals: 1, ask: 'states', step: 1, limit: 0 } as const;
    // the first of these seeds whose sheet has biases (about half do)
    const seed = Array.from({ length: 50 }, (_v, k) => `bias${k}`).find(
      (k) => generateQuiz(settings, k).params.b_ii !== undefined,
    )!;
    const file = generateQuiz(settings, seed);
    const { page, problems } = await openPage(h, `/#/quiz?${formatQuizQuery(settings, seed)}`);
    await page.locator('input.answer').first().waitFor();
    const g = await givens(page);
    for (const b of ['b_ii', 'b_if', 'b_ig', 'b_io'])
      (file.params[b] as number[]).forEach((v, i) => expect(g[`${b}@0[${i}]`], `${b}[${i}]`).toBe(v));

    // something that is not a number keeps the student in the cell, with its message
    const first = (await questions(page))[0]!;
    await page.locator(`input.answer[data-slot="${first}"]`).fill('abc');
    await page.locator(`input.answer[data-slot="${first}"]`).press('Enter');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).dataset.slot)).toBe(first);
    expect(await page.locator('.cell-message').textContent()).toContain('“abc” is not a number');
    expect(await page.locator('.quiz-status').textContent()).toContain('0 of');

    await page.getByRole('button', { name: 'Hand in' }).click();
    await page.getByRole('button', { name: 'Yes, hand it in' }).click();
    await page.getByLabel('the right answers (✗ marks the ones you missed)').check();
    /** a number of step t, row i, as the handed-in sheet writes it (an answer cell shows the right answer now) */
    const shown = async (q: string, t: number, i: number) => {
      const sel = `.sheet [data-q="${q}"][data-t="${t}"][data-i="${i}"]:not(.copy)`;
      const input = page.locator(`${sel} input`);
      const text =
        (await input.count()) > 0 ? await input.inputValue() : ((await page.locator(sel).first().textContent()) ?? '');
      return Number(text.replace('\u2212', '-'));
    };
    // 1 decimal, half away from zero, as on paper
    const round1 = (x: number) => (Math.sign(x) * Math.round(Math.abs(x) * 10 + 1e-9)) / 10;
    for (const t of [1, 2])
      for (const i of [0, 1]) {
        const [fc, ig, c] = [await shown('f*c', t, i), await shown('i*g', t, i), await shown('c', t, i)];
        // written in full, the two products add up to c
        expect(round1(fc + ig), `c${t}[${i}] = ${fc} + ${ig}`).toBe(c);
      }
    expect(problems).toEqual([]);
    await page.close();
  });
});
