import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRecords } from '../../src/core/records/records';
import { createSheet } from '../../src/core/records/tex';
import { computeTrace } from '../../src/core/engine/trace';
import { givenPlaces, isGiven } from '../../src/core/engine/carry';
import { loadWorksheet } from '../../src/core/format/validate';
import { displayNumber } from '../../src/ui/common/displayNumber';
import { builtInFile } from '../../src/store/sheet';
import { BUILT_IN_WORKSHEETS } from '../../src/worksheets';
import { openPage, startHarness, type Harness } from './browser';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface CellText {
  q: string;
  t: number;
  i: number;
  j?: number;
  text: string;
}

async function cells(page: Page): Promise<CellText[]> {
  return page.$$eval('.sheet .sheet-cell', (els) =>
    els.map((el) => {
      const d = (el as HTMLElement).dataset;
      return {
        q: d.q!,
        t: Number(d.t),
        i: Number(d.i),
        ...(d.j === undefined ? {} : { j: Number(d.j) }),
        text: el.textContent ?? '',
      };
    }),
  );
}

/** The numbers of quantity q at step t, as shown where they are made (a state also appears above the next step). */
async function shown(page: Page, q: string, t: number): Promise<string[]> {
  const all = (await cells(page)).filter((c) => c.q === q && c.t === t && c.j === undefined);
  const byIndex = new Map<number, string>();
  for (const c of all) if (!byIndex.has(c.i)) byIndex.set(c.i, c.text);
  return [...byIndex.values()];
}

async function counter(page: Page): Promise<string> {
  return (await page.locator('.controls .counter').textContent()) ?? '';
}

describe('the walkthrough in Chromium', () => {
  it("steps through Tom Yeh's sheet from the first frame to the last with →, one number at a time", async () => {
    const { page, problems } = await openPage(h, '/#/rnn-by-hand/1');
    await page.locator('.sheet-cell').first().waitFor();
    expect(await counter(page)).toBe('Frame 1 of 36');
    expect(await shown(page, 'h', 1)).toEqual(['', '']);
    for (let k = 2; k <= 36; k++) {
      await page.keyboard.press('ArrowRight');
      expect(await counter(page)).toBe(`Frame ${k} of 36`);
    }
    expect(await shown(page, 'h', 1)).toEqual(['3', '6']);
    expect(await shown(page, 'h', 2)).toEqual(['1', '17']);
    // ReLU cuts A h₂ + B x₃ = [−11, 28] to [0, 28]
    expect(await shown(page, 'pre:h', 3)).toEqual(['\u221211', '28']);
    expect(await shown(page, 'h', 3)).toEqual(['0', '28']);
    expect(await shown(page, 'y', 4)).toEqual(['40']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('steps through the 1-decimal LSTM and ends at c₂ = [−0.8, 1.0] and h₃ = [−0.8, 0.7]', async () => {
    const { page, problems } = await openPage(h, '/#/lstm-1-decimal-rounded/1');
    await page.locator('.sheet-cell').first().waitFor();
    const total = Number((await counter(page)).split(' of ')[1]);
    for (let k = 1; k < total; k++) await page.keyboard.press('ArrowRight');
    expect(await counter(page)).toBe(`Frame ${total} of ${total}`);
    expect(await shown(page, 'h', 1)).toEqual(['0.7', '0.0']);
    expect(await shown(page, 'c', 2)).toEqual(['\u22120.8', '1.0']);
    expect(await shown(page, 'h', 3)).toEqual(['\u22120.8', '0.7']);
    // Shift+← goes back to the start of the step, Home to the first frame
    await page.keyboard.press('Shift+ArrowLeft');
    expect(await shown(page, 'h', 3)).toEqual(['\u22120.8', '0.7']);
    await page.keyboard.press('Home');
    expect(await counter(page)).toBe(`Frame 1 of ${total}`);
    expect(await shown(page, 'h', 3)).toEqual(['', '']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('Space steps even with a button focused, and PageDown steps like a clicker', async () => {
    const { page, problems } = await openPage(h, '/#/rnn-by-hand/1');
    await page.locator('.sheet-cell').first().waitFor();
    await page.getByRole('button', { name: 'Next frame (→)' }).click();
    await page.keyboard.press(' ');
    await page.keyboard.press('PageDown');
    expect(await counter(page)).toBe('Frame 4 of 36');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('follows a deep link to a frame, and the browser history moves back through the frames', async () => {
    const { page, problems } = await openPage(h, '/#/lstm-2-decimals/30');
    await page.locator('[data-role="current"]').first().waitFor();
    expect(await counter(page)).toMatch(/^Frame 30 of /);
    // frame 30 writes a₁⁽ᵒ⁾[2] = W_io x₁ [2] + W_ho h₀ [2] = 3.00
    const current = await page.locator('[data-role="current"]').first();
    expect(await current.getAttribute('data-q')).toBe('pre:o');
    expect(await current.textContent()).toBe('3.00');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/#\/lstm-2-decimals\/32$/);
    await page.goBack();
    await page.waitForFunction(() =>
      document.querySelector('.controls .counter')?.textContent?.startsWith('Frame 31 '),
    );
    await page.goBack();
    await page.waitForFunction(() =>
      document.querySelector('.controls .counter')?.textContent?.startsWith('Frame 30 '),
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each(BUILT_IN_WORKSHEETS.map((w) => [w.id, w] as const))(
    "%s: at the last frame every number on the sheet is the trace's",
    async (id, w) => {
      const loaded = loadWorksheet(builtInFile(w));
      if (!loaded.ok) throw new Error(`${id} does not load`);
      const { model } = loaded;
      const { forward, backward } = computeTrace(model);
      const sheet = createSheet(model, buildRecords(model, forward, backward));
      const { page, problems } = await openPage(h, `/#/${id}/1`);
      await page.locator('.sheet-cell').first().waitFor();
      await page.keyboard.press('End');
      await page.waitForFunction(() => {
        const text = document.querySelector('.controls .counter')?.textContent ?? '';
        const [a, b] = text.replace('Frame ', '').split(' of ');
        return a === b;
      });
      // the forward pass's numbers at its last frame; then, where there is a loss, the gradients
      // at the backward pass's last frame
      const forwardCells = (await cells(page)).filter((c) => !c.q.startsWith('d:'));
      expect(forwardCells.length).toBeGreaterThan(10);
      const backwardChoice = page.getByRole('radio', { name: 'backward (the gradients)' });
      const gradients = Array.from({ length: sheet.records.length }, (_v, n) => n).filter(
        (n) => sheet.records.phase(n) === 'backward',
      ).length;
      let gradientCells: typeof forwardCells = [];
      if (gradients > 0) {
        await backwardChoice.check();
        await page.keyboard.press('End');
        await page.waitForFunction(() => {
          const text = document.querySelector('.controls .counter')?.textContent ?? '';
          const [a, b] = text.replace('Frame ', '').split(' of ');
          return a === b;
        });
        gradientCells = (await cells(page)).filter((c) => c.q.startsWith('d:'));
        expect(gradientCells.length).toBe(gradients);
      } else expect(await backwardChoice.count()).toBe(0);
      for (const c of [...forwardCells, ...gradientCells]) {
        // a given (an input, h₀, c₀, a parameter, a target) is written as typed: 4 as 4, 0.5 as 0.5
        if (isGiven(c.q, c.t)) {
          const v = sheet.value(c.q, c.t, c.i, c.j);
          expect(`${c.q}@${c.t}[${c.i}]${c.j ?? ''} ${c.text}`).toBe(
            `${c.q}@${c.t}[${c.i}]${c.j ?? ''} ${displayNumber(v, givenPlaces(v, model.decimals))}`,
          );
          continue;
        }
        // the sheet's decimals, or (rounded carry) more where a value is carried in full: 0.664 for tanh(0.8)
        const places = c.text.split('.')[1]?.length ?? 0;
        // what the contract rounds (sums inside an activation, gates, candidates, c, h, y, L) has exactly d
        const rounded = model.carry === 'exact' || /^(pre:.*|[ifgorzn]|c|h|y|L|d:.*)$/.test(c.q);
        const extra = rounded ? 0 : 2;
        expect(places, `${c.q}@${c.t}[${c.i}] ${c.text}`).toBeGreaterThanOrEqual(model.decimals);
        expect(places, `${c.q}@${c.t}[${c.i}] ${c.text}`).toBeLessThanOrEqual(model.decimals + extra);
        expect(`${c.q}@${c.t}[${c.i}]${c.j ?? ''} ${c.text}`).toBe(
          `${c.q}@${c.t}[${c.i}]${c.j ?? ''} ${displayNumber(sheet.value(c.q, c.t, c.i, c.j), places)}`,
        );
      }
      expect(problems).toEqual([]);
      await page.close();
    },
  );
});
