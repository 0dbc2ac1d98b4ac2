// Printing the LSTM of the slides as a handout, blank and as the key, on A4 and Letter: the app's
// own dialog drives the print (window.print is caught so that the test prints to PDF instead),
// and the PDFs are read back with poppler's pdftotext and pdfinfo.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_WORKSHEETS } from '../../src/worksheets';
import { openPage, startHarness, type Harness } from './browser';

const OUT = new URL('../../tmp/print/', import.meta.url);
const reference = JSON.parse(
  readFileSync(new URL('../fixtures/reference/seeds/lstm-2-decimals.json', import.meta.url), 'utf8'),
) as {
  expected: { steps: { h: number[]; c: number[]; gates: Record<string, number[]>; y: number[] }[]; loss: number };
};

/** As the sheet writes a number at 2 decimals, with a true minus sign. */
const at2 = (v: number) => v.toFixed(2).replace('-', '\u2212');

// every value the 2-decimal sheet works out, from PyTorch's trace: h, c, the four gates and y of each step
const computed = reference.expected.steps.flatMap((s) => [
  ...s.h,
  ...s.c,
  ...s.gates.i!,
  ...s.gates.f!,
  ...s.gates.g!,
  ...s.gates.o!,
  ...s.y,
]);
// those that never appear among the givens and labels (whole numbers, 0 and 1): a blank must have none
const telling = [...new Set(computed.map(at2))].filter((s) => !/^\u2212?\d\.00$/.test(s));

const PAGE_PT = { A4: [595, 842], Letter: [612, 792] } as const;
const PRINTABLE_PX = { A4: ((210 - 24) / 25.4) * 96, Letter: ((215.9 - 24) / 25.4) * 96 } as const;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await h?.close();
});

async function openLstm(id = 'lstm-2-decimals'): Promise<{ page: Page; problems: string[] }> {
  const opened = await openPage(h, `/#/${id}`);
  await opened.page.locator('.sheet-cell').first().waitFor();
  await opened.page.locator('.frame-panel .katex').first().waitFor();
  // the browser's print would open its own dialog: caught, so the PDF is made from the same state
  await opened.page.evaluate('window.print = () => { window.__printed = (window.__printed || 0) + 1; }');
  return opened;
}

async function chooseInDialog(page: Page, version: 'Blank handout' | 'Answer key', paper: 'A4' | 'Letter') {
  await page.getByRole('button', { name: 'Print…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Print a handout' });
  await dialog.getByRole('radio', { name: new RegExp(`^${version}`) }).check();
  await dialog.getByRole('radio', { name: new RegExp(`^${paper}`) }).check();
  await dialog.getByRole('button', { name: 'Print', exact: true }).click();
  // printed once the equations' fonts are in
  await page.waitForFunction('window.__printed === 1');
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function pdfPages(file: string): { size: [number, number]; pages: number } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  const pages = /Pages:\s+(\d+)/.exec(info);
  return { size: [Number(size?.[1]), Number(size?.[2])], pages: Number(pages?.[1]) };
}

describe('printing the LSTM worksheet as a handout', () => {
  it.each([
    ['Blank handout', 'A4'],
    ['Answer key', 'A4'],
    ['Blank handout', 'Letter'],
    ['Answer key', 'Letter'],
  ] as const)(
    '%s on %s: the page size asked, nothing cut at the right edge, the right numbers',
    async (version, paper) => {
      const { page, problems } = await openLstm();
      await chooseInDialog(page, version, paper);
      await page.emulateMedia({ media: 'print' });
      // laid out for print, every cell's right edge is inside the page's width between its margins
      const widths = (await page.evaluate(`(() => {
      const sheet = document.querySelector('.sheet').getBoundingClientRect();
      // from the page's left edge, not the sheet's: a margin of the page around the sheet counts too
      const cells = [...document.querySelectorAll('.sheet .sheet-cell, .sheet .step')].map((c) => c.getBoundingClientRect().right);
      return { sheet: sheet.width, rightmost: Math.max(...cells), chrome: [...document.querySelectorAll('.app-header, .frame-panel, .controls, .handout-tools, .mode-tabs')].filter((e) => e.getBoundingClientRect().height > 0).length };
    })()`)) as { sheet: number; rightmost: number; chrome: number };
      expect(widths.rightmost).toBeLessThanOrEqual(PRINTABLE_PX[paper] + 0.5);
      expect(widths.sheet).toBeLessThanOrEqual(PRINTABLE_PX[paper] + 0.5);
      expect(widths.chrome).toBe(0);

      const file = new URL(`lstm-${version === 'Answer key' ? 'key' : 'blank'}-${paper}.pdf`, OUT).pathname;
      await page.pdf({ path: file, format: paper, preferCSSPageSize: true });
      const { size, pages } = pdfPages(file);
      expect(size[0]).toBeCloseTo(PAGE_PT[paper][0], 0);
      expect(size[1]).toBeCloseTo(PAGE_PT[paper][1], 0);
      expect(pages).toBeGreaterThanOrEqual(1);

      const text = pdfText(file);
      expect(text).toContain('LSTM by hand (Guo & Boyd-Graber), first pass: 2 decimals');
      // the givens: the tokens, and W_hg's −8 and −4, W_io's 5 (written as typed or at the sheet's places)
      for (const given of ['A', 'B', '\u22128', '\u22124', '5']) expect(text).toContain(given);
      // the step numbers
      for (const t of [1, 2, 3]) expect(text).toMatch(new RegExp(`t\\s*=\\s*${t}\\b`));
      const found = telling.filter((v) => text.includes(v));
      if (version === 'Answer key') {
        // h₃ = [−0.72, 0.67], c₃ = [−0.93, 0.83], y₃ = [0.20, 0.80], L = 0.86 from PyTorch, and every other
        expect(found).toEqual(telling);
        expect(text).toContain(at2(reference.expected.loss));
        expect(text).toContain('Answer key');
      } else {
        expect(found).toEqual([]);
        expect(text).toContain('Name:');
      }
      // the last value of the widest row made it onto the page: the key shows y₃[2] = 0.80
      if (version === 'Answer key') expect(text).toContain(at2(reference.expected.steps[2]!.y[1]!));

      // after printing, the screen is as it was: the frame's numbers and no handout head
      await page.emulateMedia({ media: 'screen' });
      await page.evaluate("window.dispatchEvent(new Event('afterprint'))");
      expect(await page.evaluate('document.documentElement.dataset.print ?? null')).toBeNull();
      expect(await page.locator('.handout-head').count()).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it('every built-in worksheet, its key on A4, fits the page: no cell past the right margin', async () => {
    const over: string[] = [];
    for (const { id } of BUILT_IN_WORKSHEETS) {
      const { page, problems } = await openLstm(id);
      await chooseInDialog(page, 'Answer key', 'A4');
      await page.emulateMedia({ media: 'print' });
      const rightmost = (await page.evaluate(`(() => {
        return Math.max(...[...document.querySelectorAll('.sheet .sheet-cell, .sheet .step')].map((c) => c.getBoundingClientRect().right));
      })()`)) as number;
      if (!(rightmost <= PRINTABLE_PX.A4 + 0.5)) over.push(`${id}: ${rightmost}`);
      // for a person to look at
      await page.pdf({ path: new URL(`${id}-key-A4.pdf`, OUT).pathname, format: 'A4', preferCSSPageSize: true });
      expect(problems, id).toEqual([]);
      await page.close();
    }
    expect(over).toEqual([]);
  });

  it('the dialog: Escape closes it and the focus goes back to Print…; Tab stays inside', async () => {
    const { page } = await openLstm();
    await page.getByRole('button', { name: 'Print…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Print a handout' });
    await dialog.waitFor();
    expect(await page.evaluate('document.activeElement.closest("[role=dialog]") !== null')).toBe(true);
    for (let k = 0; k < 6; k++) await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.closest("[role=dialog]") !== null')).toBe(true);
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Print…');
    expect(await page.evaluate('window.__printed ?? 0')).toBe(0);
    await page.close();
  });
});
