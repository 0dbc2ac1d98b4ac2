// Training without freezing the page: the run goes to a worker (train.worker.ts) that reports its
// progress slice by slice and can be stopped at any time. Where no worker can run (jsdom, an old
// browser, an error in it), the same job runs here, one slice per task, so the page still answers
// between slices and Cancel still works.
import type { FileParam } from '../core/train/train';
import { createTrainJob, type TrainReply, type TrainRequest } from './trainJob';

export type TrainOutcome =
  | {
      readonly kind: 'trained';
      readonly params: Readonly<Record<string, FileParam>>;
      readonly losses: readonly number[];
      /** stopped early, at the last finite parameters */
      readonly diverged: boolean;
    }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'cancelled' };

export interface Training {
  /** settles once: trained, failed or cancelled */
  readonly result: Promise<TrainOutcome>;
  cancel(): void;
}

/** The part of a Worker used here, so that tests can hand in another. */
export interface TrainWorker {
  postMessage(request: TrainRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<TrainReply>) => void) | null;
  onerror: ((event: Event) => void) | null;
}

export interface TrainOptions {
  /** steps done so far, and the losses after 0, 1, … of them */
  readonly onProgress?: (done: number, losses: readonly number[]) => void;
  /** default: the module worker train.worker.ts; one that throws means the slices on this thread */
  readonly createWorker?: () => TrainWorker;
}

export function startTraining(request: TrainRequest, options: TrainOptions = {}): Training {
  const { onProgress, createWorker = moduleWorker } = options;
  let settle: (outcome: TrainOutcome) => void = () => {};
  const result = new Promise<TrainOutcome>((resolve) => (settle = resolve));
  let settled = false;
  const finish = (outcome: TrainOutcome) => {
    if (!settled) settle(outcome);
    settled = true;
  };
  const receive = (reply: TrainReply) => {
    if (settled) return;
    if (reply.kind === 'progress') onProgress?.(reply.done, reply.losses);
    else if (reply.kind === 'failed') finish(reply);
    else finish({ kind: 'trained', params: reply.params, losses: reply.losses, diverged: reply.diverged });
  };
  let worker: TrainWorker | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stop = () => {
    worker?.terminate();
    worker = null;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const runHere = () => {
    stop();
    const job = createTrainJob(request, receive);
    const slice = () => {
      timer = null;
      if (!settled && job.step()) timer = setTimeout(slice);
    };
    timer = setTimeout(slice);
  };
  try {
    worker = createWorker();
  } catch {
    runHere();
    return { result, cancel: () => (stop(), finish({ kind: 'cancelled' })) };
  }
  worker.onmessage = (event) => {
    receive(event.data);
    if (settled) stop();
  };
  worker.onerror = (event) => {
    event.preventDefault(); // handled: the run starts again here
    if (!settled) runHere();
  };
  worker.postMessage(request);
  return {
    result,
    cancel() {
      stop();
      finish({ kind: 'cancelled' });
    },
  };
}

function moduleWorker(): TrainWorker {
  return new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' }) as TrainWorker;
}
