// The worker that trains a worksheet off the main thread (see trainJob.ts, trainWorker.ts).
import { runTrainJob, type TrainRequest } from './trainJob';

self.onmessage = (event: MessageEvent<TrainRequest>) => {
  runTrainJob(event.data, (reply) => self.postMessage(reply));
};
