// The embedded sheet as a course page shows it: an <iframe> (the README's snippet) on a page of
// another site, 600 × 400, with the course's own text and button around it.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, type Harness } from './browser';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/**
 * Serves the course page (tests/e2e/fixtures/course.html) with its frame pointing at the app, from
 * a server of its own: another origin than the app's, as a course site is. Not through a route of
 * the browser's: Chromium takes a routed page for one on the internet, which may not frame a local one.
 */
async function serveCourse(hash: string): Promise<{ url: string; close(): Promise<void> }> {
  const html = readFileSync(new URL('./fixtures/course.html', import.meta.url), 'utf8').replace(
    'APP_ADDRESS',
    `${h.url}${hash}`,
  );
  const server = createServer((request, response) => {
    // the page's favicon, say: nothing
    if (request.url !== '/unit-3.html') return void response.writeHead(204).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/unit-3.html`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function appFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().startsWith(h.url));
  if (!frame)
    throw new Error(
      `the course page has no frame of the app: ${page
        .frames()
        .map((f) => f.url())
        .join(', ')}`,
    );
  return frame;
}

async function counter(frame: Frame): Promise<string> {
  return (await frame.locator('.controls .counter').textContent()) ?? '';
}

/** The numbers of quantity q at step t where they are made, in the frame. */
async function shown(frame: Frame, q: string, t: number): Promise<string[]> {
  return frame.$$eval(`.sheet .sheet-cell[data-q="${q}"][data-t="${t}"]:not([data-j])`, (els) => {
    const byIndex = new Map<string, string>();
    for (const el of els) {
      const i = (el as HTMLElement).dataset.i!;
      if (!byIndex.has(i)) byIndex.set(i, el.textContent ?? '');
    }
    return [...byIndex.values()];
  });
}

describe('the embedded sheet in a course page', () => {
  it('shows the sheet and its controls only, fits its frame, links to the full page, and keys step it only with the focus in it', async () => {
    const course = await serveCourse('#/rnn-by-hand/3?embed=1');
    const { page, problems } = await openPage(h, course.url, { viewport: { width: 800, height: 600 } });
    const frame = appFrame(page);
    await frame.locator('.sheet-cell').first().waitFor();
    expect(await frame.locator('.app-header').count()).toBe(0);
    expect(await frame.locator('.editor-open, .worksheet-actions').count()).toBe(0);
    expect(await counter(frame)).toBe('Frame 3 of 36');
    // B x₁ = [1, 2] · 3 is written (frames 1 and 2); A h₀ is being written, h₁ is still to come
    expect(await shown(frame, 'mv:W_ih', 1)).toEqual(['3', '6']);
    expect(await shown(frame, 'h', 1)).toEqual(['', '']);

    const full = frame.getByRole('link', { name: 'Open in full' });
    expect(await full.getAttribute('target')).toBe('_blank');
    expect(await frame.evaluate('document.querySelector(".open-in-full").href')).toBe(`${h.url}#/rnn-by-hand/3`);

    // the frame's page is never wider than the frame: the steps scroll sideways in their own strip
    expect(await frame.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(600);
    expect(await frame.evaluate('innerWidth')).toBeLessThanOrEqual(600);
    expect(
      await frame.evaluate(`(() => {
      const steps = document.querySelector('.sheet .steps');
      return steps.scrollWidth > steps.clientWidth;
    })()`),
    ).toBe(true);

    // a key on the course page is the course page's
    await page.locator('#outer').click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('End');
    expect(await counter(frame)).toBe('Frame 3 of 36');

    // once the student clicks into the frame, the keys step the sheet, and the address keeps embed=1
    await frame.locator('.frame-panel').click();
    const courseScrolled = await page.evaluate('scrollY');
    for (let k = 0; k < 7; k++) await page.keyboard.press('ArrowRight');
    expect(await counter(frame)).toBe('Frame 10 of 36');
    // h₁ = ReLU(B x₁ + A h₀) = [3, 6] with h₀ = 0, as on the slide
    expect(await shown(frame, 'h', 1)).toEqual(['3', '6']);
    await frame.waitForFunction('location.hash === "#/rnn-by-hand/10?embed=1"');
    expect(await frame.evaluate('document.querySelector(".open-in-full").href')).toBe(`${h.url}#/rnn-by-hand/10`);
    // following the current cell scrolled the sheet's box, not the course page around the frame
    expect(await page.evaluate('scrollY')).toBe(courseScrolled);

    expect(problems).toEqual([]);
    await page.close();
    await course.close();
  });

  it('practice in the frame waits for the student: the course page keeps its place and its focus', async () => {
    const course = await serveCourse('#/rnn-by-hand/practice?embed=1');
    const { page, problems } = await openPage(h, course.url, { viewport: { width: 800, height: 600 } });
    const frame = appFrame(page);
    await frame.locator('input.answer').first().waitFor();
    await frame.locator('.practice-panel').waitFor();
    expect(await page.evaluate('scrollY')).toBe(0);
    expect(await page.evaluate('document.activeElement.tagName')).toBe('BODY');
    // once the student clicks into the frame, practice puts them at the first cell to fill
    await frame.getByRole('button', { name: 'Walkthrough' }).click();
    await frame.getByRole('button', { name: 'Practice' }).click();
    await frame.waitForFunction('document.activeElement.matches("input.answer")');
    expect(await frame.evaluate('document.activeElement.dataset.slot')).toBe('mv:W_ih@1[0]');
    expect(problems).toEqual([]);
    await page.close();
    await course.close();
  });
});
