// A slider drag on the gradient plot, for every built-in worksheet with a loss: the time from the
// range input's input event to the next frame painted, with the sheet recomputed and the sheet,
// the unrolled graph and the plot drawn again. Measured at the backward pass's last frame, where
// every number of the sheet and every gradient of the graph is on screen (the most to redraw).
//   npx tsx scripts/benchSlider.ts      this part alone (builds, then serves dist/)
// and a part of npm run bench (benchBrowser.ts).
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build, preview } from 'vite';
import type { WorksheetFile } from '../src/core/format/worksheet';
import { BUILT_IN_WORKSHEETS } from '../src/worksheets';
import type { BrowserFigure } from './benchBrowser';
import { launchChromium } from './chromium';

/** Drag steps measured per worksheet, after a few to warm up. */
const RUNS = 60;
const WARM_UP = 5;

export async function sliderDragBenchmarks(browser: Browser, url: string): Promise<BrowserFigure[]> {
  const figures: BrowserFigure[] = [];
  for (const w of BUILT_IN_WORKSHEETS) {
    if (!(w.file as WorksheetFile).loss) continue;
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${url}#/${w.id}/backward/1`);
    await page.locator('.sheet-cell').first().waitFor();
    await page.keyboard.press('End');
    await page.locator('.gradient-plot summary').click();
    await page.locator('.gradient-plot input[type="range"]').first().waitFor();
    const { times, unchanged } = await dragTimes(page, RUNS + WARM_UP);
    await page.close();
    if (unchanged > 0) throw new Error(`${w.id}: ${unchanged} drag steps changed nothing on the page`);
    figures.push(median(`slider drag: recompute and redraw of sheet, graph and plot (${w.id})`, times.slice(WARM_UP)));
  }
  return figures;
}

/**
 * Moves the plot's first slider n times across its range, as a drag does: each time, the input
 * event a drag fires at the start of a frame, to that frame painted (a message posted then arrives
 * after the paint). What the page shows is compared before and after, outside the timing.
 */
async function dragTimes(page: Page, n: number): Promise<{ times: number[]; unchanged: number }> {
  // no named functions in here: tsx's transform would wrap them in a helper the page lacks
  return page.evaluate(async (count) => {
    const input = document.querySelector<HTMLInputElement>('.gradient-plot input[type="range"]');
    if (!input) throw new Error('no slider');
    // React keeps its own copy of the value: set it through the element's own setter, as a drag does
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set as (v: string) => void;
    const [min, max, step] = [Number(input.min), Number(input.max), Number(input.step)];
    const parts = ['.sheet', '.unrolled', '.gradient-plot svg'].map((q) => document.querySelector(q));
    const channel = new MessageChannel();
    const times: number[] = [];
    let unchanged = 0;
    const stepsAcross = Math.round((max - min) / step);
    for (let k = 0; k < count; k++) {
      // back and forth across the range, a few steps at a time
      const at = (k * 3) % (2 * stepsAcross);
      const value = min + step * (at <= stepsAcross ? at : 2 * stepsAcross - at);
      const before = parts.map((e) => e?.innerHTML ?? '').join('|');
      // Chrome hands a drag's input to the page at the start of a frame, just before its
      // animation frame callbacks: so here, and a message posted then arrives after that frame's paint
      const [t0, t1] = await new Promise<[number, number]>((resolve) =>
        requestAnimationFrame(() => {
          const start = performance.now();
          channel.port1.onmessage = () => resolve([start, performance.now()]);
          setValue.call(input, String(value));
          input.dispatchEvent(new Event('input', { bubbles: true }));
          channel.port2.postMessage(null);
        }),
      );
      times.push(t1 - t0);
      if (parts.map((e) => e?.innerHTML ?? '').join('|') === before) unchanged++;
    }
    return { times, unchanged };
  }, n);
}

function median(name: string, times: readonly number[]): BrowserFigure {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const m = sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { name, ms_median: round(m), ms_min: round(sorted[0] ?? NaN), runs: sorted.length };
}

// run alone: build, serve dist/, and print the figures
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await build({ logLevel: 'silent' });
  const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'silent' });
  const browser = await launchChromium();
  try {
    const figures = await sliderDragBenchmarks(browser, server.resolvedUrls?.local[0] as string);
    console.log('median ms   min ms   runs   benchmark');
    for (const f of figures)
      console.log(
        `${(f.ms_median ?? 0).toFixed(2).padStart(9)} ${(f.ms_min ?? 0).toFixed(2).padStart(8)} ${String(f.runs).padStart(6)}   ${f.name}`,
      );
  } finally {
    await browser.close();
    await server.close();
  }
}
