// The worker that opens a worksheet file off the main thread (see sheetJob.ts, sheetWorker.ts).
import { runSheetJob, type SheetRequest } from './sheetJob';

self.onmessage = (event: MessageEvent<SheetRequest>) => {
  runSheetJob(event.data.text, (reply, transfer) => self.postMessage(reply, { transfer }));
};
