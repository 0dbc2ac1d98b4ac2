import { describe, expect, it } from 'vitest';
import { parseWorksheet } from '../../src/core/format/validate';
import { recordTableColumns } from '../../src/core/records/recordTable';
import type { SheetReply } from '../../src/store/sheetJob';
import { builtInFile, computeSheet, otherCarrySheet } from '../../src/store/sheet';
import { openWorksheetText, type SheetWorker } from '../../src/store/sheetWorker';
import { findBuiltIn } from '../../src/worksheets';
import { inProcessWorker } from '../helpers/inProcessWorker';
import { largeHandFriendlySheet } from '../helpers/largeSheet';

const lstm = JSON.stringify(builtInFile(findBuiltIn('lstm-2-decimals')!));
const broken = JSON.stringify({
  format: 'rnn-by-hand/worksheet',
  version: 1,
  cell: 'rnn',
  params: { W_ih: [[1]], W_hh: [[1, 2]] },
  inputs: [[1]],
});

/** The values of every record, to compare a sheet made one way with one made another. */
function values(file: unknown): number[] {
  const s = computeSheet(file);
  if (!s.ok) throw new Error('not computed');
  return Array.from({ length: s.records.length }, (_v, n) => s.records.value(n));
}

const ofKind = <K extends SheetReply['kind']>(replies: readonly SheetReply[], kind: K) =>
  replies.find((r): r is Extract<SheetReply, { kind: K }> => r.kind === kind);

describe('opening a worksheet file in a worker', () => {
  it('opens it with the sheet and the other-carry sheet the worker computed, primed into the memos', async () => {
    const worker = inProcessWorker();
    const told: number[] = [];
    const job = openWorksheetText(lstm, { createWorker: () => worker, onProgress: (f) => told.push(f) });
    const opened = await job.result;
    if (opened.kind !== 'opened') throw new Error(opened.kind);
    await expect.poll(() => worker.terminated).toBe(true);
    // the memos hold the very columns the worker handed over: nothing was computed here
    const sent = ofKind(worker.delivered, 'sheet')!;
    const other = ofKind(worker.delivered, 'other')!;
    const main = computeSheet(opened.file);
    const otherSheet = otherCarrySheet(opened.file);
    if (!main.ok || !otherSheet.ok || !other.parts.ok) throw new Error('not computed');
    expect(recordTableColumns(main.records).value).toBe(sent.parts.columns.value);
    expect(recordTableColumns(otherSheet.records).value).toBe(other.parts.columns.value);
    // and they hold what the main thread would have computed
    expect(values(opened.file)).toEqual(values(JSON.parse(lstm)));
    const here = computeSheet(JSON.parse(lstm));
    expect(here.ok && main.sheet.value('c', 1, 0)).toBe(here.ok && here.sheet.value('c', 1, 0));
    expect(otherSheet.sheet.model.carry).toBe('rounded');
    expect(told.at(-1)).toBe(1);
    expect(told).toEqual([...told].sort((a, b) => a - b));
  });

  it('comes back with every problem of a file that breaks the rules, as validating it here lists them', async () => {
    const worker = inProcessWorker();
    const opened = await openWorksheetText(broken, { createWorker: () => worker }).result;
    const here = parseWorksheet(broken);
    expect(opened).toEqual({ kind: 'problems', problems: here.ok ? [] : here.problems });
    expect(worker.terminated).toBe(true);
  });

  it('tells the progress of a large file in whole percents, rising', async () => {
    const text = JSON.stringify(largeHandFriendlySheet('lstm', 8, 4, 64));
    const told: number[] = [];
    await openWorksheetText(text, { createWorker: () => inProcessWorker(), onProgress: (f) => told.push(f) }).result;
    expect(told.length).toBeGreaterThan(50);
    expect(told.length).toBeLessThanOrEqual(101);
    expect(told.every((f, k) => k === 0 || f > told[k - 1]!)).toBe(true);
    expect(told.every((f) => Number.isInteger(Math.round(f * 100)) && f >= 0 && f <= 1)).toBe(true);
  });

  it('cancelled before its sheet, stops the worker and opens nothing', async () => {
    const worker = inProcessWorker(false);
    const job = openWorksheetText(lstm, { createWorker: () => worker });
    worker.deliver(3); // some progress
    job.cancel();
    expect(worker.terminated).toBe(true);
    expect(await job.result).toEqual({ kind: 'cancelled' });
  });
});

describe('where no worker can run, the file opens as before (the synchronous path)', () => {
  const opensOnTheMainThread = async (createWorker: () => SheetWorker) => {
    const opened = await openWorksheetText(lstm, { createWorker }).result;
    if (opened.kind !== 'opened') throw new Error(opened.kind);
    expect(values(opened.file)).toEqual(values(JSON.parse(lstm)));
    expect(otherCarrySheet(opened.file).ok).toBe(true);
  };

  it('no Worker at all (jsdom, as in the app tests)', async () => {
    expect(typeof Worker).toBe('undefined');
    await opensOnTheMainThread(() => new Worker(new URL('x.js', import.meta.url)) as SheetWorker);
    // the default: the module worker, which jsdom cannot make
    const opened = await openWorksheetText(broken).result;
    expect(opened.kind).toBe('problems');
  });

  it('a worker that fails (an error event) before its sheet', async () => {
    const worker = inProcessWorker(false);
    worker.postMessage = () => setTimeout(() => worker.onerror?.(new Event('error', { cancelable: true })));
    await opensOnTheMainThread(() => worker);
    expect(worker.terminated).toBe(true);
  });

  it('a reply that cannot be read (messageerror), and a reply that breaks the main thread', async () => {
    const unreadable = inProcessWorker(false);
    unreadable.postMessage = () => setTimeout(() => unreadable.onmessageerror?.(new MessageEvent('messageerror')));
    await opensOnTheMainThread(() => unreadable);
    const garbled = inProcessWorker(false);
    const data = {
      kind: 'sheet',
      file: JSON.parse(lstm),
      parts: { ok: true, model: null, columns: null },
    } as unknown as SheetReply;
    garbled.postMessage = () => setTimeout(() => garbled.onmessage?.(new MessageEvent('message', { data })));
    await opensOnTheMainThread(() => garbled);
  });

  it('a worker that fails after its sheet: the file is open, the other-carry sheet computed when asked', async () => {
    const worker = inProcessWorker(false);
    const job = openWorksheetText(lstm, { createWorker: () => worker });
    while (worker.queued[0]?.kind !== 'other') worker.deliver(1);
    worker.onerror?.(new Event('error', { cancelable: true }));
    const opened = await job.result;
    if (opened.kind !== 'opened') throw new Error(opened.kind);
    expect(worker.terminated).toBe(true);
    const other = otherCarrySheet(opened.file);
    expect(other.ok && other.sheet.model.carry).toBe('rounded');
  });
});
