import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/ui/messages/messages';
import { startHarness, type Harness } from './browser';

// Screenshots land here for a person to look at; they are not compared by pixel.
const SHOTS = new URL('./screenshots/', import.meta.url);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await h?.close();
});

/** A browser of its own: no storage, history or clipboard shared with another. */
async function freshPage(
  width = 1280,
  height = 720,
  clipboard = true,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await h.browser.newContext({ viewport: { width, height } });
  if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.url });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { context, page, errors };
}

/** Every cell of the sheet as it reads on screen, in page order. */
async function sheetTexts(page: Page): Promise<string[]> {
  return page.$$eval('.sheet .sheet-cell', (els) => els.map((el) => el.textContent ?? ''));
}

async function shareLinkOf(page: Page): Promise<string> {
  await page.getByRole('button', { name: messages.shareLinkButton }).click();
  const field = page.getByRole('textbox', { name: messages.shareLinkField });
  await page.waitForFunction(`document.querySelector('.share-panel-status')?.textContent !== ''`, undefined, {
    timeout: 10_000,
  });
  return field.inputValue();
}

async function counter(page: Page): Promise<string> {
  return (await page.locator('.controls .counter').textContent()) ?? '';
}

describe('share links in Chromium', () => {
  it('a link made on frame 20 of the LSTM opens in a fresh browser at frame 20 with the same numbers, and again on reload', async () => {
    const a = await freshPage();
    await a.page.goto(new URL('/#/lstm-2-decimals/20', h.url).href);
    await a.page.locator('[data-role="current"]').first().waitFor();
    const link = await shareLinkOf(a.page);
    expect(await a.page.locator('.share-panel-status').textContent()).toBe(messages.shareLinkCopied);
    expect(await a.page.evaluate('navigator.clipboard.readText()')).toBe(link);
    expect(link).toMatch(/#\/share\/1\.[A-Za-z0-9_-]+$/);
    const sent = await sheetTexts(a.page);
    const sentCounter = await counter(a.page);
    expect(sentCounter).toMatch(/^Frame 20 of \d+$/);
    await a.page.screenshot({ path: new URL('share-panel-1280x720.png', SHOTS).pathname });

    const b = await freshPage();
    await b.page.goto(link);
    await b.page.waitForFunction(`document.querySelector('.controls .counter')?.textContent?.startsWith('Frame 20 ')`);
    expect(await counter(b.page)).toBe(sentCounter);
    // the first rows are drawn first and the rest just after (Sheet.tsx): read the whole sheet
    await expect.poll(async () => (await sheetTexts(b.page)).length).toBe(sent.length);
    expect(await sheetTexts(b.page)).toEqual(sent);
    expect(sent.filter((t) => /\d/.test(t)).length).toBeGreaterThan(40);
    const payload = link.slice(link.indexOf('#/share/'));
    expect(await b.page.evaluate('location.hash')).toBe(`${payload}/20`);
    // a step on is written into the address; a reload shows that step
    await b.page.keyboard.press('ArrowRight');
    await b.page.waitForFunction(`location.hash.endsWith('/21')`);
    await b.page.reload();
    await b.page.waitForFunction(`document.querySelector('.controls .counter')?.textContent?.startsWith('Frame 21 ')`);
    expect(a.errors.concat(b.errors)).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  it('on a phone (390×844) the share panel fits the width; a refused clipboard says to select and copy', async () => {
    const { context, page, errors } = await freshPage(390, 844, false);
    await page.goto(new URL('/#/gru-by-hand/5', h.url).href);
    await page.locator('[data-role="current"]').first().waitFor();
    await shareLinkOf(page);
    const status = await page.locator('.share-panel-status').textContent();
    // headless Chromium may grant the clipboard to a page anyway; either way the page says what happened
    expect([messages.shareLinkCopied, messages.shareLinkSelectAndCopy]).toContain(status);
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator('.share-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: new URL('share-panel-390x844.png', SHOTS).pathname });
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([
    ['truncated', (p: string) => p.slice(0, Math.floor(p.length / 2))],
    ['future', (p: string) => `2${p.slice(1)}`],
  ] as const)(
    'a %s link shows its message on the home page, and keeps the link in the address',
    async (reason, breakIt) => {
      const a = await freshPage();
      await a.page.goto(new URL('/#/lstm-2-decimals/20', h.url).href);
      await a.page.locator('[data-role="current"]').first().waitFor();
      const link = await shareLinkOf(a.page);
      await a.context.close();
      const payload = link.slice(link.indexOf('#/share/') + '#/share/'.length);
      const broken = `${h.url}#/share/${breakIt(payload)}`;
      for (const [width, height] of [
        [1280, 720],
        [390, 844],
      ] as const) {
        const { context, page, errors } = await freshPage(width, height);
        await page.goto(broken);
        const notice = page.locator('.share-link-notice');
        await notice.waitFor();
        expect(await notice.getAttribute('data-reason')).toBe(reason);
        expect(await notice.textContent()).toContain(messages.shareLinkReasons[reason]);
        expect(await page.evaluate('location.href')).toBe(broken);
        expect(await page.locator('.worksheet-list li').count()).toBeGreaterThan(5);
        await page.screenshot({ path: new URL(`share-${reason}-${width}x${height}.png`, SHOTS).pathname });
        expect(errors).toEqual([]);
        await context.close();
      }
    },
  );

  it('a link to a worksheet that breaks the format lists every problem on the home page, by its field', async () => {
    const { encodeShareLink } = await import('../../src/core/format/shareLink');
    const { findBuiltIn } = await import('../../src/worksheets');
    const bad = structuredClone(findBuiltIn('gru-by-hand')?.file) as { params: Record<string, unknown>; h0?: unknown };
    bad.params.W_hr = [[1, 2, 3]];
    bad.h0 = ['0', 0];
    const { context, page, errors } = await freshPage();
    await page.goto(`${h.url}#/share/${await encodeShareLink(bad)}`);
    const notice = page.locator('.share-link-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('data-reason')).toBe('invalid');
    const items = await notice.locator('li').allTextContents();
    expect(items).toEqual(
      expect.arrayContaining([
        'params.W_hr: expected a 2×2 matrix, got 1×3',
        'h0[0]: expected a number, got the string "0"',
      ]),
    );
    await page.screenshot({ path: new URL('share-invalid-1280x720.png', SHOTS).pathname });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the Elman sheet with a word typed round-trips through its address into a fresh browser', async () => {
    const a = await freshPage();
    await a.page.goto(new URL('/#/elman-ciao/1', h.url).href);
    const word = a.page.getByRole('textbox', { name: /word/i });
    await word.fill('oca');
    await a.page.keyboard.press('Tab');
    await a.page.getByRole('button', { name: messages.next }).click();
    await a.page.getByRole('button', { name: messages.next }).click();
    await a.page.waitForFunction(`location.hash === '#/elman-ciao/3?input=oca'`);
    const sent = await sheetTexts(a.page);
    const b = await freshPage();
    await b.page.goto(new URL('/#/elman-ciao/3?input=oca', h.url).href);
    await b.page.locator('[data-role="current"]').first().waitFor();
    expect(await b.page.getByRole('textbox', { name: /word/i }).inputValue()).toBe('oca');
    expect(await counter(b.page)).toBe(await counter(a.page));
    expect(await sheetTexts(b.page)).toEqual(sent);
    expect(a.errors.concat(b.errors)).toEqual([]);
    await a.context.close();
    await b.context.close();
  });
});
