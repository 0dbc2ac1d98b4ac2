// Files far larger than a by-hand sheet, as a user opens them: an LSTM with H = 16, T = 64 and one
// with H = 64, T = 256 (whole weights, one-hot inputs). For each: the time from choosing the file
// to its first step on screen, how long the page's main thread was blocked on the way, and the
// time of a step (key press to the sheet's DOM updated, and to its frame painted), median of many;
// then practice there: opening it, and a keystroke and an Enter in its answer cells.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { largeHandFriendlySheet } from '../tests/helpers/largeSheet';
import type { BrowserFigure } from './benchBrowser';

const SIZES = [
  { H: 16, I: 4, T: 64 },
  { H: 64, I: 64, T: 256 },
] as const;

export async function largeFileBenchmarks(browser: Browser, url: string): Promise<BrowserFigure[]> {
  const figures: BrowserFigure[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'bench-large-'));
  for (const { H, I, T } of SIZES) {
    const file = join(dir, `lstm-${H}x${T}.json`);
    writeFileSync(file, JSON.stringify(largeHandFriendlySheet('lstm', H, I, T)));
    const opens: number[] = [];
    const blocked: number[] = [];
    let steps: number[] = [];
    let frames: number[] = [];
    let practice: number[] = [];
    let typing: number[] = [];
    let checking: number[] = [];
    for (let k = 0; k < 3; k++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const opened = await openFile(page, url, file);
      opens.push(opened.ms);
      blocked.push(opened.longestTask);
      if (k === 0) {
        steps = (await stepTimes(page, 60)).filter((t) => !Number.isNaN(t));
        frames = await frameTimes(page, 40);
        const t0 = Date.now();
        await page.getByRole('button', { name: 'Practice' }).click();
        await page.locator('input.answer').first().waitFor({ timeout: 120_000 });
        practice = [Date.now() - t0];
        ({ typing, checking } = await answerTimes(page, 30));
      }
      await page.close();
    }
    const name = `LSTM H=${H} I=${I} T=${T} file`;
    figures.push(median(`${name}: chosen to first step on screen`, opens));
    figures.push(median(`${name}: longest main-thread task while opening`, blocked));
    figures.push(median(`${name}: one step, key press to sheet updated`, steps));
    figures.push(median(`${name}: one step, key press to its frame painted`, frames));
    figures.push(median(`${name}: Practice clicked to the first answer cell`, practice));
    figures.push(median(`${name}: practice, a keystroke in an answer cell`, typing));
    figures.push(median(`${name}: practice, Enter checks an answer`, checking));
  }
  return figures;
}

async function openFile(page: Page, url: string, file: string): Promise<{ ms: number; longestTask: number }> {
  await page.goto(`${url}#/`);
  await page.evaluate(() => {
    const w = window as unknown as { chosen?: number; shown?: number; longest?: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest ?? 0, e.duration);
    }).observe({ type: 'longtask' });
    document.addEventListener('change', () => (w.chosen = performance.now()), { capture: true });
    new MutationObserver((_m, observer) => {
      if (!document.querySelector('.sheet .step .sheet-cell')) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => (w.shown = performance.now())));
    }).observe(document, { childList: true, subtree: true });
  });
  await page.setInputFiles('input[type="file"]', file);
  await page.waitForFunction(() => (window as unknown as { shown?: number }).shown !== undefined, null, {
    timeout: 120_000,
  });
  return page.evaluate(() => {
    const w = window as unknown as { chosen: number; shown: number; longest: number };
    return { ms: w.shown - w.chosen, longestTask: w.longest };
  });
}

/** Steps forward `count` times with →: each, key press to the sheet's DOM updated (NaN for a step that changed nothing). */
export async function stepTimes(page: Page, count: number): Promise<number[]> {
  return page.evaluate(async (count) => {
    const sheet = document.querySelector('.sheet') as Element;
    const out: number[] = [];
    for (let k = 0; k < count; k++) {
      const updated = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(sheet, { subtree: true, childList: true, characterData: true, attributes: true });
        setTimeout(() => {
          observer.disconnect();
          resolve(NaN);
        }, 5000);
      });
      const t0 = performance.now();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      out.push((await updated) - t0);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    }
    return out;
  }, count);
}

/**
 * Practice: a keystroke into each of the first `count` answer cells, and Enter checking it, each
 * timed from the event to React's commit (both are discrete events, so React renders before
 * dispatchEvent returns).
 */
export async function answerTimes(page: Page, count: number): Promise<{ typing: number[]; checking: number[] }> {
  return page.evaluate(async (count) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const inputs = [...document.querySelectorAll<HTMLInputElement>('input.answer')].slice(0, count);
    const typing: number[] = [];
    const checking: number[] = [];
    for (const input of inputs) {
      input.focus();
      let t0 = performance.now();
      setValue.call(input, '0.5');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      typing.push(performance.now() - t0);
      t0 = performance.now();
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      checking.push(performance.now() - t0);
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
    return { typing, checking };
  }, count);
}

/**
 * Steps forward `count` times with →: each, key press to the end of the next frame (the page's
 * style, layout and paint too, which a key press to the DOM leaves out). A message posted from the
 * frame's animation callback arrives after that frame is painted.
 */
export async function frameTimes(page: Page, count: number): Promise<number[]> {
  return page.evaluate(async (count) => {
    const out: number[] = [];
    const w = window as unknown as { channel?: MessageChannel };
    for (let k = 0; k < count; k++) {
      const t0 = performance.now();
      const painted = new Promise<number>((resolve) =>
        requestAnimationFrame(() => {
          // kept on the window: a channel nothing refers to may be collected before its message arrives
          const channel = (w.channel = new MessageChannel());
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(null);
        }),
      );
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      out.push((await painted) - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
    return out;
  }, count);
}

function median(name: string, times: readonly number[]): BrowserFigure {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const m = sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  const round = (x: number) => Math.round(x * 10) / 10;
  return { name, ms_median: round(m), ms_min: round(sorted[0] ?? NaN), runs: sorted.length };
}
