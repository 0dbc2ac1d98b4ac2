// Opening a worksheet, the first paint draws the step being worked down to the row being worked,
// and the rest of the sheet just after it (Sheet.tsx). The cell being worked must be in that first
// paint, wherever a link points (its copies above the next step's products may come just after,
// with that step), and the rest must follow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './browser';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The rows drawn, and the cells being worked in each step that has some. */
const DRAWN = `({
  rows: document.querySelectorAll('.sheet-row').length,
  current: [...document.querySelectorAll('.sheet-cell.role-current')].reduce((steps, cell) => {
    const t = cell.closest('.step')?.getAttribute('data-step') ?? 'inputs';
    return { ...steps, [t]: (steps[t] ?? 0) + 1 };
  }, {}),
})`;
interface Drawn {
  rows: number;
  current: Record<string, number>;
}
/** Run in the page before its scripts: what is drawn when the first sheet cell appears. */
const AT_FIRST_CELL = `new MutationObserver((_m, observer) => {
  if (!document.querySelector('.sheet-cell')) return;
  observer.disconnect();
  window.atFirstCell = ${DRAWN};
}).observe(document, { childList: true, subtree: true });`;

async function open(hash: string) {
  const page = await h.browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript(AT_FIRST_CELL);
  await page.goto(new URL(hash, h.url).href);
  await page.waitForFunction('window.atFirstCell');
  const first = (await page.evaluate('window.atFirstCell')) as Drawn;
  // the whole sheet: every step's rows (step 3 is drawn last)
  await page.locator('.step[data-step="3"] .sheet-row').first().waitFor();
  await page.waitForTimeout(200);
  const settled = (await page.evaluate(DRAWN)) as Drawn;
  await page.close();
  return { first, settled };
}

describe('the first paint of a worksheet', () => {
  it('draws only the top of the LSTM by hand at its first frame, and the rest of the sheet after it', async () => {
    const { first, settled } = await open('#/lstm-2-decimals/1');
    expect(first.current).toEqual(settled.current);
    expect(first.rows).toBeGreaterThan(0);
    expect(first.rows).toBeLessThan(settled.rows / 3);
  });

  it.each([9, 41, 57, 65, 100, 129])('holds the cells being worked at frame %i of the LSTM by hand', async (frame) => {
    const { first, settled } = await open(`#/lstm-2-decimals/${frame}`);
    const steps = Object.keys(first.current);
    expect(steps.length).toBeGreaterThan(0);
    for (const t of steps) expect(first.current[t], `step ${t}`).toBe(settled.current[t]);
  });
});
