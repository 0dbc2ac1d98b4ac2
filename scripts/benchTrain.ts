// Training's figures: one step of gradient descent (forward, backward and the update) on the
// Elman "ciao" and the LSTM by hand, and on a large LSTM file; then how many steps, and how long,
// the LSTM takes from its seeded random start to classify A, A, B as the slides' network does.
import { classification, randomParams, trainStep, trainSteps, withParams } from '../src/core/train/train';
import elmanCiao from '../src/worksheets/elman-ciao.json';
import lstm2 from '../src/worksheets/lstm-2-decimals.json';
import { largeWorksheet, load, measure, type Figure } from './benchUtil';

/** As the app starts it: the panel's seed and default learning rate. */
const SEED = '1';
const ETA = 0.1;
const MAX_STEPS = 10_000;

export function trainBenchmarks(): Figure[] {
  const ciao = load(elmanCiao);
  const lstm = load(lstm2);
  const large = load(largeWorksheet('lstm', 16, 16, 64));
  const start = withParams(lstm, randomParams(lstm, SEED));
  const steps = stepsToClassify(start);
  return [
    measure('train step, Elman "ciao" (forward + backward + update)', () => trainStep(ciao, 0.001), 200),
    measure('train step, LSTM by hand (H = 2, T = 3)', () => trainStep(lstm, ETA), 200),
    measure('train step, LSTM H = I = 16, T = 64', () => trainStep(large, 0.01), 30),
    measure(
      `train LSTM by hand from seed ${SEED} at η = ${ETA} to argmax right at A, A, B: ${steps} steps`,
      () => trainSteps(start, ETA, steps),
      10,
    ),
  ];
}

/** The first step count after which every step of A, A, B is classified right. */
function stepsToClassify(start: ReturnType<typeof load>): number {
  let model = start;
  for (let n = 0; n <= MAX_STEPS; n++) {
    if (classification(model)?.right.every((r) => r.right)) return n;
    const step = trainStep(model, ETA);
    if (!step) break;
    model = withParams(model, step.params);
  }
  throw new Error(`not classified within ${MAX_STEPS} steps`);
}
