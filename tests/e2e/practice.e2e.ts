import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBuiltIn } from '../../src/worksheets';
import { handSheet } from '../helpers/handSheet';
import { referenceCase } from '../helpers/reference';
import { openPage, startHarness, type Harness } from './browser';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const focusedSlot = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.dataset.slot ?? null);
const cell = (page: Page, slot: string) => page.locator(`input.answer[data-slot="${slot}"]`);
const statusOf = (page: Page, slot: string) =>
  page.locator(`.answer-cell:has(input[data-slot="${slot}"])`).getAttribute('data-status');

async function answer(page: Page, slot: string, text: string): Promise<void> {
  await cell(page, slot).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

describe('practice in Chromium', () => {
  it.each([
    ['rnn-by-hand', 'seeds/rnn-by-hand.json', 36],
    ['lstm-2-decimals', 'seeds/lstm-2-decimals.json', 136],
  ])(
    'a student fills the whole %s sheet by typing, each cell in turn, and every one is right',
    async (id, reference, cells) => {
      const ref = referenceCase(reference);
      // the built-in sheet is the reference's worksheet
      expect((findBuiltIn(id)!.file as { params: unknown }).params).toEqual(ref.worksheet.params);
      const hand = handSheet(ref.worksheet, ref.expected.steps as never);
      const decimals = (ref.worksheet.precision as { decimals: number }).decimals;
      const { page, problems } = await openPage(h, `/#/${id}/practice`);
      await page.locator('input.answer').first().waitFor();
      // the steps after the first are drawn just after the first paint
      await expect.poll(() => page.locator('input.answer').count()).toBe(cells);
      // the next cell to fill is focused, and Enter on a right answer moves to the next one
      for (let k = 0; k < cells; k++) {
        const slot = await focusedSlot(page);
        expect(slot).not.toBeNull();
        await page.keyboard.type(hand.value(slot!).toFixed(decimals));
        await page.keyboard.press('Enter');
        expect(await statusOf(page, slot!)).toBe('right');
      }
      expect(await page.locator('.progress-total').textContent()).toBe('Every cell is done.');
      expect(await page.locator('.answer-cell[data-status="right"]').count()).toBe(cells);
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it('on Tom Yeh’s sheet a wrong row, a value before ReLU and a word are each named, and the hint ladder ends in the answer', async () => {
    const { page, problems } = await openPage(h, '/#/rnn-by-hand/practice');
    await page.locator('input.answer').first().waitFor();
    // (A h₁)[1] = 1·3 + (−1)·6 = −3; 9 is A's second row: 1·3 + 1·6
    await answer(page, 'mv:W_hh@2[0]', '9');
    expect(await statusOf(page, 'mv:W_hh@2[0]')).toBe('wrong');
    expect(await page.locator('.cell-message').textContent()).toBe(
      'That is row 2 of the matrix times the vector, which is also column 1: the matrix read transposed. This cell takes row 1.',
    );
    // a right answer in any of the forms people type: the Unicode minus here
    await answer(page, 'mv:W_hh@2[0]', '\u22123');
    expect(await statusOf(page, 'mv:W_hh@2[0]')).toBe('right');
    // h₃[1] = ReLU(5 − 16) = ReLU(−11) = 0
    await answer(page, 'h@3[0]', '-11');
    expect(await page.locator('.cell-message').textContent()).toBe('That is the value inside ReLU: apply ReLU to it.');
    await answer(page, 'h@3[0]', 'zero');
    expect(await statusOf(page, 'h@3[0]')).toBe('invalid');
    expect(await page.locator('.cell-message').textContent()).toContain('“zero” is not a number');
    expect(await cell(page, 'h@3[0]').inputValue()).toBe('zero');

    // the ladder: the equation, then its operands outlined, then the numbers, then the answer
    await page.getByRole('button', { name: 'Hint 1 of 4' }).click();
    expect(await page.locator('.hint-rungs li').count()).toBe(1);
    expect(await page.locator('.hint-rungs .katex').first().textContent()).toContain('ReLU');
    await page.getByRole('button', { name: 'Hint 2 of 4' }).click();
    expect(await page.locator('.sheet [data-role="read"][data-q="pre:h"][data-t="3"]').count()).toBe(1);
    await page.getByRole('button', { name: 'Hint 3 of 4' }).click();
    expect(await page.locator('.hint-rungs li').nth(2).textContent()).toContain('−11');
    await page.getByRole('button', { name: 'Show the answer' }).click();
    expect(await cell(page, 'h@3[0]').inputValue()).toBe('0');
    expect(await statusOf(page, 'h@3[0]')).toBe('revealed');
    expect(await page.locator('.progress-total').textContent()).toBe('2 of 36 cells done (1 revealed).');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a reload mid-way loses nothing: answers (checked or only typed), hints, the place and “follow my numbers”', async () => {
    const { page, problems } = await openPage(h, '/#/rnn-by-hand/practice');
    await page.locator('input.answer').first().waitFor();
    await answer(page, 'mv:W_ih@1[0]', '3');
    await answer(page, 'mv:W_ih@1[1]', '5');
    await page.getByRole('button', { name: 'Hint 1 of 4' }).click();
    await page.getByLabel('Follow my numbers').check();
    await cell(page, 'h@1[1]').click();
    await page.keyboard.type('6');
    const before = await page.$$eval('input.answer', (xs) =>
      xs.map((x) => [(x as HTMLInputElement).dataset.slot, (x as HTMLInputElement).value]),
    );
    await page.reload();
    // the first rows are drawn first and the rest just after (Sheet.tsx): wait for the whole sheet
    await page.waitForFunction(`document.querySelectorAll('input.answer').length === ${before.length}`);
    const after = await page.$$eval('input.answer', (xs) =>
      xs.map((x) => [(x as HTMLInputElement).dataset.slot, (x as HTMLInputElement).value]),
    );
    expect(after).toEqual(before);
    expect(await statusOf(page, 'mv:W_ih@1[0]')).toBe('right');
    expect(await statusOf(page, 'mv:W_ih@1[1]')).toBe('wrong');
    expect(await focusedSlot(page)).toBe('h@1[1]');
    expect(await page.getByLabel('Follow my numbers').isChecked()).toBe(true);
    await cell(page, 'mv:W_ih@1[1]').click();
    expect(await page.locator('.hint-rungs li').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reset asks first, clears the sheet, and undo brings every answer back', async () => {
    const { page, problems } = await openPage(h, '/#/rnn-by-hand/practice');
    await page.locator('input.answer').first().waitFor();
    await answer(page, 'mv:W_ih@1[0]', '3');
    await page.getByRole('button', { name: 'Reset this worksheet' }).click();
    await page.getByRole('button', { name: 'Keep them' }).click();
    expect(await cell(page, 'mv:W_ih@1[0]').inputValue()).toBe('3');
    await page.getByRole('button', { name: 'Reset this worksheet' }).click();
    await page.getByRole('button', { name: 'Yes, clear them' }).click();
    expect(await cell(page, 'mv:W_ih@1[0]').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await cell(page, 'mv:W_ih@1[0]').inputValue()).toBe('3');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('two tabs on one sheet keep in step: what is typed in either is in both, and in a tab opened after', async () => {
    const ctx = await h.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const problems: string[] = [];
    const open = async () => {
      const page = await ctx.newPage();
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      await page.goto(new URL('/#/rnn-by-hand/practice', h.url).href);
      await page.locator('input.answer').first().waitFor();
      return page;
    };
    const a = await open();
    const b = await open();
    await answer(a, 'mv:W_ih@1[0]', '3');
    await answer(a, 'mv:W_ih@1[1]', '6');
    await expect.poll(() => cell(b, 'mv:W_ih@1[1]').inputValue()).toBe('6');
    await answer(b, 'mv:W_hh@1[0]', '0');
    await expect.poll(() => cell(a, 'mv:W_hh@1[0]').inputValue()).toBe('0');
    // B's save held A's two answers: a third tab finds all three
    const c = await open();
    for (const [slot, text] of [
      ['mv:W_ih@1[0]', '3'],
      ['mv:W_ih@1[1]', '6'],
      ['mv:W_hh@1[0]', '0'],
    ] as const) {
      expect(await cell(c, slot).inputValue()).toBe(text);
      expect(await statusOf(c, slot)).toBe('right');
    }
    expect(await statusOf(a, 'mv:W_ih@1[0]')).toBe('right');
    expect(problems).toEqual([]);
    await ctx.close();
  });
});

describe('working from one’s own numbers, in Chromium', () => {
  it('a wrong h₃[1] copied above A is struck through, and (A h₃)[1] worked from it is named as following from it', async () => {
    const { page, problems } = await openPage(h, '/#/rnn-by-hand/practice');
    await page.locator('input.answer').first().waitFor();
    // h₃[1] = ReLU(5 − 16) = 0; −11 is the value before ReLU
    await answer(page, 'h@3[0]', '-11');
    const copy = page.locator('.sheet-cell.copy[data-q="h"][data-t="3"][data-i="0"][data-copy-for="mv:W_hh"]');
    expect(await copy.textContent()).toBe('\u221211');
    expect(await copy.getAttribute('class')).toContain('copy-wrong');
    // with h₃ = [−11, 28]: (A h₃)[1] = 1·(−11) + (−1)·28 = −39, where the sheet's is 1·0 − 28 = −28
    await answer(page, 'mv:W_hh@4[0]', '-39');
    expect(await page.locator('.cell-message').textContent()).toBe(
      'That follows from your h₃[1], which is not right yet. Put it right first, or tick “Follow my numbers” to be checked against your own numbers.',
    );
    // “Follow my numbers” checks it against the student's own h₃: right
    await page.getByLabel('Follow my numbers').check();
    expect(await statusOf(page, 'mv:W_hh@4[0]')).toBe('right');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the message beside a cell stays inside the window, lets a click through to the cell under it, and goes when the cell is left', async () => {
    const { page, problems } = await openPage(h, '/#/rnn-by-hand/practice');
    await page.locator('input.answer').first().waitFor();
    // y₄ = C h₄ = −1·1 + 1·41 = 40 sits at the sheet's right edge: −40 is a sign slip
    await answer(page, 'y@4[0]', '-40');
    const message = page.locator('.cell-message');
    expect(await message.textContent()).toBe('Nearly: a sign slipped somewhere.');
    const box = (await message.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    // h₃[1] = −11 (before ReLU), then a click on h₃[2] just below it, under the message
    await answer(page, 'h@3[0]', '-11');
    await cell(page, 'h@3[1]').click();
    expect(await focusedSlot(page)).toBe('h@3[1]');
    expect(await message.count()).toBe(0);
    // the cell left behind keeps what it said, on hover
    expect(await page.locator('.answer-cell:has(input[data-slot="h@3[0]"])').getAttribute('title')).toBe(
      'That is the value inside ReLU: apply ReLU to it.',
    );
    // “?” in a cell asks for the next hint, and types nothing
    await cell(page, 'h@3[0]').click();
    await page.keyboard.press('?');
    expect(await page.locator('.hint-rungs li').count()).toBe(1);
    expect(await cell(page, 'h@3[0]').inputValue()).toBe('-11');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the pinned panel, in Chromium', () => {
  it.each([
    ['lstm-2-decimals', 1280, 720],
    ['gru-by-hand', 800, 600],
  ])(
    'on %s at %i×%i, Tab through every cell: the cell is never under the panel or off the window',
    async (id, width, height) => {
      const page = await h.browser.newPage({ viewport: { width, height } });
      await page.goto(new URL(`/#/${id}/practice`, h.url).href);
      await page.locator('input.answer').first().waitFor();
      const count = await page.locator('input.answer').count();
      const hidden: string[] = [];
      for (let k = 0; k < count; k++) {
        // a hint on every seventh cell grows the panel under the student's eyes
        if (k % 7 === 3) await page.keyboard.press('?');
        await page.waitForTimeout(30);
        const where = await page.evaluate(() => {
          const input = document.activeElement as HTMLInputElement;
          const cell = input.getBoundingClientRect();
          const panel = document.querySelector('.pinned-panel')!.getBoundingClientRect();
          return { slot: input.dataset.slot, top: cell.top, bottom: cell.bottom, under: panel.bottom, h: innerHeight };
        });
        if (where.top < where.under || where.bottom > where.h) hidden.push(`${where.slot} ${JSON.stringify(where)}`);
        await page.keyboard.press('Tab');
      }
      expect(hidden).toEqual([]);
      await page.close();
    },
  );
});

describe('saved progress that cannot be read, in Chromium', () => {
  it.each([
    ['not JSON at all', 'garbage{', 'could not be read'],
    ['a newer version', '{"format":"rnn-by-hand/progress","version":99,"data":{}}', 'newer version'],
  ])('%s is set aside with a notice and a download, and the sheet still works', async (_what, text, notice) => {
    const { page, problems } = await openPage(h, '/#/rnn-by-hand/practice');
    await page.locator('input.answer').first().waitFor();
    await answer(page, 'mv:W_ih@1[0]', '3');
    // corrupt it by hand, as a student (or an extension) might
    const key = await page.evaluate((bad) => {
      const k = Object.keys(localStorage).find((name) => name.startsWith('rnn-by-hand:progress:rnn-by-hand:'))!;
      localStorage.setItem(k, bad);
      return k;
    }, text);
    await page.reload();
    await page.locator('input.answer').first().waitFor();
    await expect.poll(() => page.locator('.set-aside').textContent()).toContain(notice);
    const download = page.getByRole('link', { name: 'Download it' });
    expect(decodeURIComponent((await download.getAttribute('href'))!.split(',').slice(1).join(','))).toBe(text);
    // kept aside under a key of its own; the sheet starts empty and takes answers again
    const stored = await page.evaluate(() => Object.entries(localStorage));
    expect(stored.filter(([k, v]) => k.startsWith('rnn-by-hand:set-aside:') && v === text)).toHaveLength(1);
    expect(await cell(page, 'mv:W_ih@1[0]').inputValue()).toBe('');
    await answer(page, 'mv:W_ih@1[0]', '3');
    expect(await statusOf(page, 'mv:W_ih@1[0]')).toBe('right');
    expect(await page.evaluate((k) => localStorage.getItem(k), key)).toContain('"text":"3"');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('without storage (a browser that forbids it) the sheet works and says progress will not be kept', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('storage is disabled', 'SecurityError');
        },
      });
    });
    await page.goto(new URL('/#/rnn-by-hand/practice', h.url).href);
    await page.locator('input.answer').first().waitFor();
    expect(await page.locator('.notice').first().textContent()).toContain('does not let the app keep data');
    await answer(page, 'mv:W_ih@1[0]', '3');
    expect(await statusOf(page, 'mv:W_ih@1[0]')).toBe('right');
    expect(problems).toEqual([]);
    await page.close();
  });
});
