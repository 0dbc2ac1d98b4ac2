// Serves the production build (dist/) with Vite's preview server and drives Debian's Chromium
// through playwright-core; never a browser download of a test tool's own.
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { CHROMIUM_PATH, launchChromium } from '../../scripts/chromium';

export interface Harness {
  browser: Browser;
  server: PreviewServer;
  url: string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium is not at ${CHROMIUM_PATH}: run "apt-get install -y chromium" (or set CHROMIUM_PATH)`);
  if (!existsSync(new URL('../../dist/index.html', import.meta.url)))
    throw new Error('dist/ is missing: the browser tests run on the production build ("npm run test:e2e" builds it)');
  const server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'silent' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its address');
  const browser = await launchChromium();
  return {
    browser,
    server,
    url,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export interface OpenOptions {
  readonly viewport?: { readonly width: number; readonly height: number };
}

/** A page that records every uncaught error, console error and failed request, for the test to check. */
export async function openPage(
  h: Harness,
  path = '/',
  { viewport = { width: 1280, height: 720 } }: OpenOptions = {},
): Promise<{ page: Page; problems: string[] }> {
  const page = await h.browser.newPage({ viewport });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  await page.goto(new URL(path, h.url).href);
  return { page, problems };
}
