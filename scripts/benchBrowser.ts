// Browser benchmarks on the production build in Debian's Chromium: the size of the main JS,
// the first render of a worksheet from navigation side by side with a floor page of the same
// stack (bench/floor: React, zustand, KaTeX, a formula and a 10×10 grid), and the latency of a
// step (key press to updated DOM, through a MutationObserver in the page), and of a slider drag on
// the gradient plot (benchSlider.ts).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build, preview } from 'vite';
import { CELL_PARAMS, type WorksheetFile } from '../src/core/format/worksheet';
import { answerTimes, largeFileBenchmarks, stepTimes } from './benchLarge';
import { sliderDragBenchmarks } from './benchSlider';
import { launchChromium } from './chromium';

export interface BrowserFigure {
  name: string;
  ms_median: number | null;
  ms_min?: number;
  runs?: number;
  kb_gzip?: number;
  /** for the app's first render: its median over the floor page's, measured in the same rounds */
  ratio_to_floor?: number;
}

/** The floor page, built into dist/floor after the app (whose build empties dist). */
const FLOOR_CONFIG = 'bench/floor/vite.config.ts';
const FLOOR_NAME = 'floor page (React + zustand + KaTeX: a formula, a 10×10 grid)';
/** The worksheet whose first render is measured, and the element that says it is on screen. */
const FIRST_RENDER_ID = 'lstm-2-decimals';
const ON_SCREEN = '.sheet-cell';

export async function browserBenchmarks(): Promise<BrowserFigure[]> {
  await build({ logLevel: 'silent' });
  await build({ configFile: FLOOR_CONFIG, logLevel: 'silent' });
  const figures: BrowserFigure[] = [];
  const appJs = entryJs('dist');
  const floorJs = entryJs('dist/floor');
  const allJs = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
  figures.push({
    name: 'main JS, gzip (the entry and its preloads; KaTeX fonts aside)',
    ms_median: null,
    kb_gzip: kb(gzipOf('dist', appJs)),
  });
  figures.push({ name: `main JS, gzip, ${FLOOR_NAME}`, ms_median: null, kb_gzip: kb(gzipOf('dist/floor', floorJs)) });
  figures.push({
    name: 'all JS of the app, gzip (lazy chunks too)',
    ms_median: null,
    kb_gzip: kb(
      gzipOf(
        'dist',
        allJs.map((f) => `assets/${f}`),
      ),
    ),
  });

  const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'silent' });
  const url = server.resolvedUrls?.local[0] as string;
  const browser = await launchChromium();
  try {
    figures.push(...(await firstRenders(browser, url)));
    figures.push(
      await stepLatency(browser, url, 'step, largest built-in (LSTM by hand, 2 decimals)', (p) =>
        p.goto(`${url}#/lstm-2-decimals/1`),
      ),
    );
    figures.push(...(await practiceLatency(browser, url, 'lstm-2-decimals')));
    figures.push(...(await sliderDragBenchmarks(browser, url)));
    const file = join(mkdtempSync(join(tmpdir(), 'bench-')), 'lstm-8x16.json');
    writeFileSync(file, JSON.stringify(lstmWorksheet(8, 4, 16)));
    figures.push(
      await stepLatency(browser, url, 'step, LSTM H=8 T=16 (opened as a file)', async (p) => {
        await p.goto(`${url}#/`);
        await p.setInputFiles('input[type="file"]', file);
      }),
    );
    figures.push(...(await largeFileBenchmarks(browser, url)));
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}

/** The JS a page's HTML loads: its module script and the chunks it preloads (paths relative to dir). */
function entryJs(dir: string): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\.?\/?([^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
  return [...new Set(refs)];
}

function gzipOf(dir: string, files: readonly string[]): number {
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f))).length, 0);
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/**
 * First render from navigation, the app's worksheet and the floor page in alternating loads (the
 * order swapped every round, so that a change in the machine's load falls on both alike). Each
 * load is a fresh browser context. "On screen" is the same for both: the first ON_SCREEN element
 * is in the DOM, then a frame has been painted (a message posted from the next animation frame
 * arrives after that frame's paint); the time is counted from navigation start.
 */
export async function firstRenders(browser: Browser, url: string): Promise<BrowserFigure[]> {
  const pages = { app: `${url}#/${FIRST_RENDER_ID}/1`, floor: `${url}floor/` };
  const times = { app: [] as number[], floor: [] as number[] };
  const loadedJs = new Set<string>();
  const rounds = 16;
  for (let k = 0; k < rounds; k++) {
    const order = k % 2 ? (['floor', 'app'] as const) : (['app', 'floor'] as const);
    for (const which of order) {
      const { shown, js } = await onScreen(browser, pages[which]);
      // the first round warms the server's cache and the disk
      if (k > 0) times[which].push(shown);
      if (which === 'app') for (const f of js) loadedJs.add(f);
    }
  }
  const app = summary(`first render from navigation, ${FIRST_RENDER_ID}`, times.app);
  const floor = summary(`first render from navigation, ${FLOOR_NAME}`, times.floor);
  const ratio = Math.round(((app.ms_median as number) / (floor.ms_median as number)) * 100) / 100;
  const loaded = kb(gzipOf('dist', [...loadedJs]));
  process.stderr.write(
    `first render, side by side (${rounds - 1} alternating rounds, medians): ${FIRST_RENDER_ID} ${app.ms_median} ms, ` +
      `floor ${floor.ms_median} ms, ratio ${ratio}; JS fetched before it, gzip: ${loaded} KB\n`,
  );
  return [
    { ...app, ratio_to_floor: ratio },
    floor,
    { name: `JS fetched before the first render of ${FIRST_RENDER_ID}, gzip`, ms_median: null, kb_gzip: loaded },
  ];
}

async function onScreen(browser: Browser, address: string): Promise<{ shown: number; js: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript((selector) => {
    const w = window as unknown as { shown?: number; channel?: MessageChannel };
    new MutationObserver((_m, observer) => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        // kept on the window: a channel nothing refers to may be collected before its message arrives
        const channel = (w.channel = new MessageChannel());
        channel.port1.onmessage = () => (w.shown = performance.now());
        channel.port2.postMessage(null);
      });
    }).observe(document, { childList: true, subtree: true });
  }, ON_SCREEN);
  await page.goto(address);
  await page.waitForFunction(() => (window as unknown as { shown?: number }).shown !== undefined);
  const result = await page.evaluate(() => {
    const shown = (window as unknown as { shown: number }).shown;
    const js = performance
      .getEntriesByType('resource')
      .filter((r) => r.startTime < shown && new URL(r.name).pathname.endsWith('.js'))
      .map((r) => new URL(r.name).pathname.replace(/^\//, ''));
    return { shown, js };
  });
  await page.close();
  return result;
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
  const times = await stepTimes(page, 100);
  await page.close();
  const measured = times.filter((t) => !Number.isNaN(t));
  if (measured.length < times.length)
    throw new Error(`${name}: ${times.length - measured.length} steps changed nothing`);
  return summary(name, measured);
}

/** Practice on a built-in worksheet: a keystroke and an Enter in its answer cells (see answerTimes). */
async function practiceLatency(browser: Browser, url: string, id: string): Promise<BrowserFigure[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${url}#/${id}/practice`);
  await page.locator('input.answer').first().waitFor();
  const { typing, checking } = await answerTimes(page, 60);
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
