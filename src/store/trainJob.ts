// A training run as the worker runs it (train.worker.ts), or the main thread in slices where no
// worker can run: the file is loaded once, then trained a slice at a time, with a progress reply
// between slices. Only core is used, so the worker's bundle holds the engine and nothing of the app.
import { loadWorksheet } from '../core/format/validate';
import { paramsAsFile, trainSteps, type FileParam, type TrainRun } from '../core/train/train';

/** What the main thread asks: train this worksheet file for `steps` steps at learning rate `eta`. */
export interface TrainRequest {
  readonly file: unknown;
  readonly eta: number;
  readonly steps: number;
}

export type TrainReply =
  | { readonly kind: 'progress'; readonly done: number; readonly losses: readonly number[] }
  | {
      readonly kind: 'done';
      readonly params: Readonly<Record<string, FileParam>>;
      readonly losses: readonly number[];
      /** stopped early: one more step would have overflowed a parameter */
      readonly diverged: boolean;
    }
  | { readonly kind: 'failed'; readonly message: string };

/** A hundred progress replies a run at most: a bar moves in percents. */
export function sliceSize(steps: number): number {
  return Math.max(1, Math.ceil(steps / 100));
}

/**
 * Runs a request slice by slice: `next(slice)` does one slice and says whether to go on; the
 * caller decides when the next one runs (at once in a worker, after a yield on the main thread).
 */
export function createTrainJob(request: TrainRequest, post: (reply: TrainReply) => void) {
  const loaded = loadWorksheet(request.file);
  let run: TrainRun | null = null;
  let done = 0;
  const size = sliceSize(request.steps);
  return {
    /** one slice; false once the run has ended (done or failed) */
    step(): boolean {
      if (!loaded.ok) {
        post({ kind: 'failed', message: loaded.problems.map((p) => `${p.path}: ${p.message}`).join('; ') });
        return false;
      }
      try {
        const n = Math.min(size, request.steps - done);
        run = trainSteps(loaded.model, request.eta, n, run ?? undefined);
        done += n;
      } catch (e) {
        post({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
        return false;
      }
      if (done < request.steps && !run.diverged) {
        post({ kind: 'progress', done, losses: run.losses });
        return true;
      }
      post({ kind: 'done', params: paramsAsFile(run.params), losses: run.losses, diverged: run.diverged });
      return false;
    },
  };
}

/** The whole run at once (a worker has no page to keep answering). */
export function runTrainJob(request: TrainRequest, post: (reply: TrainReply) => void): void {
  const job = createTrainJob(request, post);
  while (job.step());
}
