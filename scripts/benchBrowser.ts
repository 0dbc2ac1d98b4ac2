// Browser benchmarks on the production build in Debian's Chromium: the size of the main JS,
// the first render of a worksheet from navigation, and the latency of a step (key press to
// updated DOM, through a MutationObserver in the page).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build, preview } from 'vite';
import { CELL_PARAMS, type WorksheetFile } from '../src/core/format/worksheet';
import { launchChromium } from './chromium';

export interface BrowserFigure {
  name: string;
  ms_median: number | null;
  ms_min?: number;
  runs?: number;
  kb_gzip?: number;
}

export async function browserBenchmarks(): Promise<BrowserFigure[]> {
  await build({ logLevel: 'silent' });
  const figures: BrowserFigure[] = [];
  const js = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
  const gzip = js.reduce((sum, f) => sum + gzipSync(readFileSync(join('dist/assets', f))).length, 0);
  figures.push({ name: 'main JS, gzip (KaTeX fonts aside)', ms_median: null, kb_gzip: Math.round(gzip / 102.4) / 10 });

  const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'silent' });
  const url = server.resolvedUrls?.local[0] as string;
  const browser = await launchChromium();
  try {
    figures.push(await firstRender(browser, url, 'lstm-2-decimals'));
    figures.push(
      await stepLatency(browser, url, 'step, largest built-in (LSTM by hand, 2 decimals)', (p) =>
        p.goto(`${url}#/lstm-2-decimals/1`),
      ),
    );
    figures.push(...(await practiceLatency(browser, url, 'lstm-2-decimals')));
    const file = join(mkdtempSync(join(tmpdir(), 'bench-')), 'lstm-8x16.json');
    writeFileSync(file, JSON.stringify(lstmWorksheet(8, 4, 16)));
    figures.push(
      await stepLatency(browser, url, 'step, LSTM H=8 T=16 (opened as a file)', async (p) => {
        await p.goto(`${url}#/`);
        await p.setInputFiles('input[type="file"]', file);
      }),
    );
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}

async function firstRender(browser: Browser, url: string, id: string): Promise<BrowserFigure> {
  const times: number[] = [];
  for (let k = 0; k < 7; k++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.addInitScript(() => {
      new MutationObserver((_m, observer) => {
        if (document.querySelector('.sheet-cell')) {
          (window as unknown as { firstCell: number }).firstCell = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${url}#/${id}/1`);
    await page.waitForFunction(() => (window as unknown as { firstCell?: number }).firstCell !== undefined);
    times.push(await page.evaluate(() => (window as unknown as { firstCell: number }).firstCell));
    await page.close();
  }
  return summary(`first render from navigation, ${id}`, times.slice(2)); // the first runs warm the server's cache
}

async function stepLatency(
  browser: Browser,
  _url: string,
  name: string,
  open: (p: Page) => Promise<unknown>,
): Promise<BrowserFigure> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await open(page);
  await page.locator('.sheet-cell').first().waitFor();
  const times = await page.evaluate(async (steps) => {
    const sheet = document.querySelector('.sheet') as Element;
    const out: number[] = [];
    for (let k = 0; k < steps; k++) {
      const updated = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(sheet, { subtree: true, childList: true, characterData: true, attributes: true });
        // a step that changes nothing (there is no next frame) must not hang the benchmark
        setTimeout(() => {
          observer.disconnect();
          resolve(NaN);
        }, 2000);
      });
      const t0 = performance.now();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      out.push((await updated) - t0);
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
    return out;
  }, 100);
  await page.close();
  const measured = times.filter((t) => !Number.isNaN(t));
  if (measured.length < times.length)
    throw new Error(`${name}: ${times.length - measured.length} steps changed nothing`);
  return summary(name, measured);
}

/**
 * Practice: a keystroke into an answer cell, and Enter checking it, each timed from the event to
 * React's commit (both are discrete events, so React renders before dispatchEvent returns).
 */
async function practiceLatency(browser: Browser, url: string, id: string): Promise<BrowserFigure[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${url}#/${id}/practice`);
  await page.locator('input.answer').first().waitFor();
  const { typing, checking } = await page.evaluate(async () => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const inputs = [...document.querySelectorAll<HTMLInputElement>('input.answer')].slice(0, 60);
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
  });
  await page.close();
  return [
    summary(`practice: a keystroke in an answer cell (${id})`, typing),
    summary(`practice: Enter checks an answer (${id})`, checking),
  ];
}

function summary(name: string, times: number[]): BrowserFigure {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { name, ms_median: round(median), ms_min: round(sorted[0] as number), runs: times.length };
}

/** A seeded LSTM of the given size (xorshift, so every run measures the same numbers). */
function lstmWorksheet(H: number, I: number, T: number): WorksheetFile {
  let s = 0x2545f491;
  const rand = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return Math.round(((s >>> 0) / 2 ** 32) * 40 - 20) / 10;
  };
  const mat = (r: number, c: number) => Array.from({ length: r }, () => Array.from({ length: c }, rand));
  const params: WorksheetFile['params'] = {};
  for (const n of CELL_PARAMS.lstm.input) params[n] = mat(H, I);
  for (const n of CELL_PARAMS.lstm.hidden) params[n] = mat(H, H);
  return {
    format: 'rnn-by-hand/worksheet',
    version: 1,
    title: `LSTM H=${H} T=${T}`,
    cell: 'lstm',
    params,
    readout: { activation: 'softmax' },
    inputs: mat(T, I),
    precision: { decimals: 2, carry: 'exact' },
  };
}
