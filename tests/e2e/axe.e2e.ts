// axe-core in Chromium finds no WCAG 2.2 A/AA violation on any page a student or a lecturer
// opens: home and its new-quiz form, every built-in worksheet in walkthrough and in practice, a
// quiz before and after hand-in, presentation mode, in the light theme and the dark one.
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_WORKSHEETS } from '../../src/worksheets';
import { startHarness, type Harness } from './browser';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

/** a test opens up to two whole sheets and runs axe over their thousands of cells: on a busy machine, over a minute */
const PAGE_PAIR_MS = 150_000;

const QUIZ = '/#/quiz?cell=lstm&H=2&I=1&T=2&decimals=1&ask=states&step=1&limit=0&seed=axe1';

let h: Harness;
const contexts = new Map<Theme, BrowserContext>();
beforeAll(async () => {
  h = await startHarness();
  // the theme of a first visit follows the browser's colour scheme
  for (const theme of THEMES)
    contexts.set(theme, await h.browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: theme }));
}, 120_000);
afterAll(async () => {
  for (const c of contexts.values()) await c.close();
  await h?.close();
});

/**
 * Every step of the sheet drawn, and the number of its cells the same over two frames: the sheet
 * draws its first rows first and the rest after a paint (Sheet.tsx).
 */
const SHEET_SETTLED = `new Promise((resolve) => {
  const count = () => document.querySelectorAll('.sheet .sheet-cell').length;
  const steps = () => [...document.querySelectorAll('.sheet .step[data-step]')];
  const whole = () => steps().length > 0 && steps().every((s) => s.classList.contains('not-drawn') || s.querySelector('.sheet-row'));
  let last = -1;
  const look = () => {
    const now = count();
    if (whole() && now === last) resolve(true);
    else { last = now; requestAnimationFrame(() => setTimeout(look, 50)); }
  };
  look();
})`;

async function open(theme: Theme, hash: string): Promise<{ page: Page; errors: string[] }> {
  const page = await contexts.get(theme)!.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL(hash, h.url).href);
  await page.waitForFunction(`document.documentElement.dataset.theme === '${theme}'`);
  return { page, errors };
}

async function sheetSettled(page: Page): Promise<void> {
  await page.locator('.sheet .sheet-cell').first().waitFor();
  await page.evaluate(SHEET_SETTLED);
  await page.evaluate('document.fonts.ready');
}

/** axe's violations, one line each: the rule, how many nodes, the first few targets. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? '?'}) ×${v.nodes.length}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

async function expectClean(page: Page, errors: string[]): Promise<void> {
  expect.soft(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}

/** A worksheet's walkthrough at a frame, then its practice with every answer cell drawn: both clean. */
async function expectCleanSheets(theme: Theme, walkthrough: string, practising: string): Promise<void> {
  const walk = await open(theme, walkthrough);
  await sheetSettled(walk.page);
  await expectClean(walk.page, walk.errors);
  const practice = await open(theme, practising);
  await practice.page.locator('input.answer').first().waitFor();
  await sheetSettled(practice.page);
  await expectClean(practice.page, practice.errors);
}

describe.each(THEMES)('axe finds no WCAG 2.2 AA violation, in the %s theme', (theme) => {
  it(
    'on the home page, and on its new-quiz form with a seed it refuses',
    async () => {
      const { page, errors } = await open(theme, '/#/');
      await page.locator('.new-quiz form').waitFor();
      expect.soft(await violations(page)).toEqual([]);
      await page.getByLabel('Seed (empty: a new one)').fill('Bad Seed!');
      await page.locator('.new-quiz .field-problem').waitFor();
      await expectClean(page, errors);
    },
    PAGE_PAIR_MS,
  );

  it.each(BUILT_IN_WORKSHEETS.map((w) => w.id))(
    'on %s, in walkthrough and in practice',
    // a frame a few steps in: the cell being written and those it reads are lit
    (id) => expectCleanSheets(theme, `/#/${id}/4`, `/#/${id}/practice`),
    PAGE_PAIR_MS,
  );

  it(
    'on the backward pass, in walkthrough and in practice',
    () => expectCleanSheets(theme, '/#/elman-ciao/backward/6', '/#/elman-ciao/backward/practice'),
    PAGE_PAIR_MS,
  );

  it(
    'on a quiz, before hand-in (one answer wrong) and after it',
    async () => {
      const { page, errors } = await open(theme, QUIZ);
      await page.locator('input.answer').first().waitFor();
      await sheetSettled(page);
      const first = page.locator('input.answer').first();
      await first.fill('abc');
      await first.press('Enter');
      await page.locator('.cell-message').waitFor();
      expect.soft(await violations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Hand in' }).click();
      await page.getByRole('button', { name: 'Yes, hand it in' }).click();
      await page.locator('.quiz-score').waitFor();
      await sheetSettled(page);
      await expectClean(page, errors);
    },
    PAGE_PAIR_MS,
  );

  it(
    'in presentation mode',
    async () => {
      const { page, errors } = await open(theme, '/#/lstm-2-decimals/60');
      await sheetSettled(page);
      await page.keyboard.press('p');
      await page.waitForFunction(`document.documentElement.classList.contains('presenting')`);
      await page.waitForTimeout(100);
      await expectClean(page, errors);
    },
    PAGE_PAIR_MS,
  );
});
