// Opening a worksheet file without freezing the page: the text goes to a worker (sheet.worker.ts),
// which validates it, traces it and builds its records, telling the progress as it goes; its
// sheet is put into computeSheet's memo before the file is opened, so everything downstream reads
// it as if computed here. The sheet carried the other way (for practice) follows, and is put into
// otherCarrySheet's. Where no worker can run (jsdom, an old browser, an error in it) the file is
// opened as before, validated here and computed when first asked for.
import { parseWorksheet, type Problem } from '../core/format/validate';
import type { WorksheetFile } from '../core/format/worksheet';
import { primeOtherCarrySheet, primeSheet } from './sheet';
import type { SheetReply, SheetRequest } from './sheetJob';

/** How a file's opening ended. */
export type Opened =
  | { readonly kind: 'opened'; readonly file: WorksheetFile }
  | { readonly kind: 'problems'; readonly problems: readonly Problem[] }
  | { readonly kind: 'cancelled' };

export interface OpeningFile {
  /** settles once: with the file to open (its sheet computed), its problems, or cancelled */
  readonly result: Promise<Opened>;
  /** stops the worker: before the sheet, `result` is cancelled; after, the other-carry sheet is left to the main thread */
  cancel(): void;
}

/** The part of a Worker used here, so that tests can hand in one that runs the job in-process. */
export interface SheetWorker {
  postMessage(request: SheetRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<SheetReply>) => void) | null;
  onerror: ((event: Event) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export interface OpenOptions {
  /** the fraction of the sheet computed, from 0 to 1 */
  readonly onProgress?: ((fraction: number) => void) | undefined;
  /** default: the module worker sheet.worker.ts; one that throws is the synchronous path */
  readonly createWorker?: () => SheetWorker;
}

export function openWorksheetText(text: string, options: OpenOptions = {}): OpeningFile {
  const { onProgress, createWorker = moduleWorker } = options;
  let settle: (opened: Opened) => void = () => {};
  const result = new Promise<Opened>((resolve) => (settle = resolve));
  let settled = false;
  const finish = (opened: Opened) => {
    if (!settled) settle(opened);
    settled = true;
  };
  let worker: SheetWorker | null = null;
  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  // a worker that fails before the sheet gives way to today's path; after it, nothing is lost
  const fail = () => {
    stop();
    if (!settled) finish(openHere(text));
  };
  try {
    worker = createWorker();
  } catch {
    fail();
    return { result, cancel: stop };
  }
  let file: WorksheetFile | null = null;
  worker.onmessage = (event) => {
    try {
      file = receive(event.data, file, { onProgress, finish, stop });
    } catch {
      fail();
    }
  };
  worker.onerror = (event) => {
    event.preventDefault(); // handled: not an uncaught error of the page
    fail();
  };
  worker.onmessageerror = fail;
  worker.postMessage({ text });
  return {
    result,
    cancel() {
      stop();
      finish({ kind: 'cancelled' });
    },
  };
}

interface Receiver {
  readonly onProgress: ((fraction: number) => void) | undefined;
  readonly finish: (opened: Opened) => void;
  readonly stop: () => void;
}

/** Acts on one reply; returns the file, once its sheet has come. */
function receive(reply: SheetReply, file: WorksheetFile | null, { onProgress, finish, stop }: Receiver) {
  switch (reply.kind) {
    case 'progress':
      onProgress?.(reply.fraction);
      return file;
    case 'problems':
      stop();
      finish({ kind: 'problems', problems: reply.problems });
      return file;
    case 'sheet':
      primeSheet(reply.file, reply.parts);
      finish({ kind: 'opened', file: reply.file });
      return reply.file;
    case 'other':
      if (file) primeOtherCarrySheet(file, reply.parts);
      stop();
      return file;
  }
}

/** Today's path: validated on the main thread, the sheet computed when first asked for. */
function openHere(text: string): Opened {
  const loaded = parseWorksheet(text);
  return loaded.ok ? { kind: 'opened', file: loaded.file } : { kind: 'problems', problems: loaded.problems };
}

function moduleWorker(): SheetWorker {
  return new Worker(new URL('./sheet.worker.ts', import.meta.url), { type: 'module' }) as SheetWorker;
}
