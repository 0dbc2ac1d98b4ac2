// Kept worksheets and files in Chromium: a hostile file opened from the home page executes
// nothing and shows its text as text; it is still there after a reload and on the home page;
// exported, it re-imports as the very same worksheet; changing the numbers of one with practice
// answers asks first and can go to a new copy; a file dropped on the page opens, a broken
// or too large one is refused with its messages while the page stays as it was.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, type Harness } from './browser';
import { readFileSync } from 'node:fs';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const INJECTION = '</script><img src=x onerror=alert(1)>';
const tomYeh = JSON.parse(readFileSync(new URL('../../src/worksheets/rnn-by-hand.json', import.meta.url), 'utf8'));
// Tom Yeh's numbers under hostile names: W_hh = 0, so y_t = x_t = 3, 4, 5, 6 (see the store's test)
const hostile = {
  ...tomYeh,
  title: `${INJECTION} \u202Eevil`,
  params: {
    ...tomYeh.params,
    W_hh: [
      [0, 0],
      [0, 0],
    ],
  },
  labels: {
    W_hh: '\\href{javascript:alert(1)}{x}',
    W_ih: '\\def\\x{\\x\\x}\\x',
    W_hy: `\\htmlClass{x}{y}${'A'.repeat(100_000)}`,
  },
};

/** Fails the test on any dialog (an alert would be script the file ran). */
function noDialogs(page: Page, seen: string[]) {
  page.on('dialog', (d) => {
    seen.push(d.message());
    void d.dismiss();
  });
}

async function ys(page: Page): Promise<string[]> {
  await page.keyboard.press('End');
  return page.$$eval('.sheet .sheet-cell[data-q="y"]:not([data-j])', (els) =>
    [...new Set(els.map((el) => `${(el as HTMLElement).dataset.t}:${el.textContent}`))].map(
      (s) => s.split(':')[1] ?? '',
    ),
  );
}

/** Opens a file from the home page's file picker. */
async function chooseFile(page: Page, name: string, text: string) {
  await page.setInputFiles('input[type=file]', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** Drops files (name, text) on the page as a drag from the desktop would. */
async function drop(page: Page, files: { name: string; text?: string; bytes?: number }[]) {
  await page.evaluate(`(() => {
    const dt = new DataTransfer();
    for (const f of ${JSON.stringify(files)})
      dt.items.add(new File([f.text ?? new Uint8Array(f.bytes ?? 0)], f.name, { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop'])
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  })()`);
}

describe('a worksheet file, kept', () => {
  it('a hostile file opens with nothing executed, and its text shown as text', async () => {
    const { page, problems } = await openPage(h, '/#/');
    const dialogs: string[] = [];
    noDialogs(page, dialogs);
    await chooseFile(page, 'hostile.json', JSON.stringify(hostile));
    await page.waitForSelector('.sheet');
    expect(await ys(page)).toEqual(['3', '4', '5', '6']);
    await page.waitForSelector('.katex');
    expect(await page.locator('img, iframe, [onerror], a[href^="javascript"], .katex .x').count()).toBe(0);
    // the picker names it by its title, as text, without its right-to-left override
    const option = await page.locator('.picker option:checked').textContent();
    expect(option).toBe(`${INJECTION} evil`);
    const label = await page.locator('.katex').allTextContents();
    expect(label.join(' ')).toContain('\\href{javascript:alert(1)}{x}'.slice(0, 24));
    expect(label.join(' ').length).toBeLessThan(100_000);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);

    // a reload finds it where it was, and the home page lists it
    const address = page.url();
    expect(address).toMatch(/#\/my-[a-z0-9]+\//);
    await page.reload();
    await page.waitForSelector('.sheet');
    expect(await ys(page)).toEqual(['3', '4', '5', '6']);
    await page.goto(new URL('/#/', h.url).href);
    await page.waitForSelector('.kept-list li');
    expect(await page.locator('.kept-list li a').allTextContents()).toEqual([`${INJECTION} evil`]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('exported, it is the same file, and importing the export opens the same worksheet', async () => {
    const { page, problems } = await openPage(h, '/#/');
    await chooseFile(page, 'mine.json', JSON.stringify({ ...tomYeh, title: 'Mine' }));
    await page.waitForSelector('.sheet');
    const id = new URL(page.url()).hash.split('/')[1];
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Export .json')]);
    expect(download.suggestedFilename()).toBe('mine.json');
    const exported = readFileSync((await download.path()) as string, 'utf8');
    expect(JSON.parse(exported)).toEqual({ ...tomYeh, title: 'Mine' });
    await page.goto(new URL('/#/', h.url).href);
    await chooseFile(page, 'mine.json', exported);
    await page.waitForSelector('.sheet');
    expect(new URL(page.url()).hash.split('/')[1]).toBe(id);
    await page.goto(new URL('/#/', h.url).href);
    expect(await page.locator('.kept-list li').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('renamed, duplicated, deleted and brought back on the home page', async () => {
    const { page, problems } = await openPage(h, '/#/');
    await chooseFile(page, 'week3.json', JSON.stringify({ ...tomYeh, title: 'Week 3' }));
    await page.waitForSelector('.sheet');
    await page.goto(new URL('/#/', h.url).href);
    await page.click('button[aria-label="New name for Week 3"]');
    await page.fill('input[aria-label="New name for Week 3"]', 'Week 3, W_hh = 1');
    await page.keyboard.press('Enter');
    await page.click('button[aria-label="Duplicate Week 3, W_hh = 1"]');
    expect(await page.locator('.kept-list li a').allTextContents()).toEqual([
      'Week 3, W_hh = 1 (copy)',
      'Week 3, W_hh = 1',
    ]);
    await page.click('button[aria-label="Delete Week 3, W_hh = 1"]');
    expect(await page.locator('.kept-deleted').textContent()).toContain('Deleted “Week 3, W_hh = 1”.');
    // the focus, on the Delete button that went with it, is on the way back
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Undo');
    expect(await page.locator('.kept-list li a').allTextContents()).toEqual(['Week 3, W_hh = 1 (copy)']);
    await page.click('.kept-deleted button');
    expect((await page.locator('.kept-list li a').allTextContents()).sort()).toEqual([
      'Week 3, W_hh = 1',
      'Week 3, W_hh = 1 (copy)',
    ]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('changing the numbers of a kept worksheet with practice answers', () => {
  it('asks first; a new copy takes the edit, and the kept one keeps its numbers and answers across a reload', async () => {
    const { page, problems } = await openPage(h, '/#/');
    await chooseFile(page, 'week4.json', JSON.stringify({ ...tomYeh, title: 'Week 4' }));
    await page.waitForSelector('.sheet');
    const kept = new URL(page.url()).hash.split('/')[1];
    await page.click('.mode-tabs button:text-is("Practice")');
    // h₁ = ReLU(A x₁) with h₀ = 0: A = [[1], [2]], x₁ = 3, so h₁ = [3, 6]
    await page.fill('input.answer[data-slot="h@1[0]"]', '3');
    await page.keyboard.press('Enter');
    await page.click('button.editor-open');
    await page.fill('.editor [data-path="params.W_hh[0][1]"]', '5');
    const ask = page.locator('.editor-ask');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('This worksheet has 1 practice answer,');
    expect(new URL(page.url()).hash.split('/')[1]).toBe(kept);
    await page.click('text=Edit a new copy');
    await page.waitForFunction(`!location.hash.startsWith(${JSON.stringify(`#/${kept}/`)})`);
    expect(await page.inputValue('.editor [data-path="params.W_hh[0][1]"]')).toBe('5');

    await page.goto(new URL('/#/', h.url).href);
    await page.reload();
    await page.waitForSelector('.kept-list li');
    expect((await page.locator('.kept-list li a').allTextContents()).sort()).toEqual(['Week 4', 'Week 4 (edited)']);
    await page.click('.kept-list li a >> text="Week 4"');
    await page.waitForSelector('.sheet');
    await page.click('.mode-tabs button:text-is("Practice")');
    expect(await page.inputValue('input.answer[data-slot="h@1[0]"]')).toBe('3');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('a file dropped on the page', () => {
  it('opens; a broken one lists its problems and a too large one is refused unread, the page left as it was', async () => {
    const { page, problems } = await openPage(h, '/#/rnn-by-hand/3');
    await page.waitForSelector('.sheet');
    const broken = { ...tomYeh, params: { ...tomYeh.params, W_hh: [[1, 'x']] } };
    await drop(page, [{ name: 'broken.json', text: JSON.stringify(broken) }]);
    const alert = page.locator('.file-drop-problems [role=alert]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('broken.json is not a worksheet this app can open');
    expect(await alert.textContent()).toContain('params.W_hh: expected a 2×2 matrix, got 1×2');
    expect(new URL(page.url()).hash).toBe('#/rnn-by-hand/3');
    await page.click('.file-drop-problems button');

    await drop(page, [{ name: 'huge.json', bytes: 17 * 2 ** 20 }]);
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      'huge.json is 17 MiB; a worksheet file is at most 16 MiB, so it was not read.',
    );
    expect(new URL(page.url()).hash).toBe('#/rnn-by-hand/3');
    await page.click('.file-drop-problems button');

    await drop(page, [{ name: 'dropped.json', text: JSON.stringify({ ...tomYeh, title: 'Dropped' }) }]);
    await page.waitForFunction(`location.hash.startsWith('#/my-')`);
    expect(await page.locator('.picker option:checked').textContent()).toBe('Dropped');
    expect(problems).toEqual([]);
    await page.close();
  });
});
