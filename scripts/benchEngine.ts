// The engine's figures: forward + backward through time for large RNN, LSTM and GRU cells (no records, no TeX).
import { computeTrace } from '../src/core/engine/trace';
import { largeWorksheet, load, measure, type Figure } from './benchUtil';

export function engineBenchmarks(): Figure[] {
  const figures: Figure[] = [];
  // the large cells first: a process that has already run small sheets (other shapes, rounded carry)
  // has taught the JIT other types, and measures the hot loops slower than a fresh trace tool would
  for (const cell of ['lstm', 'gru', 'rnn'] as const) {
    const model = load(largeWorksheet(cell, 64, 64, 256));
    figures.push(measure(`${cell} H=64 I=64 T=256 forward+backward`, () => computeTrace(model), 30));
  }
  return figures;
}
