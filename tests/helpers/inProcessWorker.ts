// A stand-in for the sheet worker that runs the worker's own job (runSheetJob) in the test's
// thread: each reply is posted as a worker posts it (a structured clone, its buffers
// transferred) and delivered later, by a timer or when the test says, so a test can look at the
// page between two replies.
import { runSheetJob, type SheetReply, type SheetRequest } from '../../src/store/sheetJob';
import type { SheetWorker } from '../../src/store/sheetWorker';

export interface InProcessWorker extends SheetWorker {
  /** the replies posted and not yet delivered */
  readonly queued: SheetReply[];
  /** every reply delivered so far */
  readonly delivered: SheetReply[];
  terminated: boolean;
  /** delivers the next `count` replies (all by default) */
  deliver(count?: number): void;
}

/** @param auto  deliver every reply by itself, one timer tick apart */
export function inProcessWorker(auto = true): InProcessWorker {
  const worker: InProcessWorker = {
    queued: [],
    delivered: [],
    terminated: false,
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(request: SheetRequest) {
      runSheetJob(request.text, (reply, transfer) => {
        worker.queued.push(structuredClone(reply, { transfer }));
      });
      if (auto) drip();
    },
    terminate() {
      worker.terminated = true;
    },
    deliver(count = worker.queued.length) {
      for (let k = 0; k < count && !worker.terminated; k++) {
        const reply = worker.queued.shift();
        if (!reply) return;
        worker.delivered.push(reply);
        worker.onmessage?.(new MessageEvent('message', { data: reply }));
      }
    },
  };
  const drip = () =>
    setTimeout(() => {
      worker.deliver(1);
      if (worker.queued.length > 0 && !worker.terminated) drip();
    });
  return worker;
}
