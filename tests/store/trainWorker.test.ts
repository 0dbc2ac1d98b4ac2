import { describe, expect, it } from 'vitest';
import { runTrainJob, sliceSize, type TrainReply, type TrainRequest } from '../../src/store/trainJob';
import { startTraining, type TrainWorker } from '../../src/store/trainWorker';
import elmanCiao from '../../src/worksheets/elman-ciao.json';

const request: TrainRequest = { file: elmanCiao, eta: 0.001, steps: 1 };

/** A worker that runs the job in the test's thread, replies delivered a tick apart. */
function fakeWorker(): TrainWorker & { terminated: boolean } {
  const w: TrainWorker & { terminated: boolean } = {
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(req: TrainRequest) {
      const replies: TrainReply[] = [];
      runTrainJob(req, (r) => replies.push(structuredClone(r)));
      const drip = () => {
        const next = replies.shift();
        if (!next || w.terminated) return;
        w.onmessage?.({ data: next } as MessageEvent<TrainReply>);
        setTimeout(drip);
      };
      setTimeout(drip);
    },
    terminate() {
      w.terminated = true;
    },
  };
  return w;
}

describe('startTraining', () => {
  it('in a worker: one step on "ciao" at η = 0.001 gives the hand-computed parameters', async () => {
    // ∂L/∂W_h = −44720, ∂L/∂W_x = 92450, ∂L/∂W_y = −92450 (worked out in tests/e2e/train.e2e.ts)
    const outcome = await startTraining(request, { createWorker: fakeWorker }).result;
    if (outcome.kind !== 'trained') throw new Error(outcome.kind);
    expect(outcome.params.W_hh![0]).toEqual([expect.closeTo(39.72, 10)]);
    expect(outcome.params.W_ih![0]).toEqual([expect.closeTo(-91.45, 10)]);
    expect(outcome.params.W_hy![0]).toEqual([expect.closeTo(91.45, 10)]);
    expect(outcome.losses[0]).toBe(46225);
  });

  it('where no worker can run, the same run in slices here, with progress, and Cancel stops it', async () => {
    const progress: number[] = [];
    const noWorker = () => {
      throw new Error('no Worker here');
    };
    const t = startTraining(
      { ...request, eta: 0.00001, steps: 500 },
      { createWorker: noWorker, onProgress: (done) => progress.push(done) },
    );
    await expect.poll(() => progress.length).toBeGreaterThan(0);
    t.cancel();
    expect(await t.result).toEqual({ kind: 'cancelled' });
    const seen = progress.length;
    await new Promise((r) => setTimeout(r, 20));
    // nothing more after Cancel, and a run of 500 reports every sliceSize(500) = 5 steps
    expect(progress.length).toBe(seen);
    expect(progress[0]).toBe(sliceSize(500));
    expect(sliceSize(500)).toBe(5);
  });

  it('a worksheet that does not load fails with its problems', async () => {
    const outcome = await startTraining({ file: { format: 'nope' }, eta: 0.1, steps: 3 }, { createWorker: fakeWorker })
      .result;
    expect(outcome.kind).toBe('failed');
  });
});
