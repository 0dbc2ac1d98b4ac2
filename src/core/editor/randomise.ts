// Hand-friendly numbers for a draft, by the quiz generator's rules (quiz.ts): weights −2 to 2 and
// no matrix or readout row all zeros, biases −1 to 1, plain-number inputs 1 to 3.
import { quizBias, quizInput, quizWeightMatrix, quizWeightRow } from '../practice/quiz';
import type { Random } from '../practice/random';
import { gridShape, isVectorGrid, parameterGrids, withGrid, type Draft, type GridRef } from './draft';
import { numberText } from './numberText';

const texts = (rows: number[][]): string[][] => rows.map((row) => row.map(numberText));

/** The grid filled with numbers a quiz would draw for it: a matrix, a bias or state, W_hy, the inputs. */
export function randomGrid(d: Draft, ref: GridRef, random: Random): string[][] {
  const { rows, cols } = gridShape(d, ref);
  switch (ref.kind) {
    case 'W_hy':
      return texts(Array.from({ length: rows }, () => quizWeightRow(random, cols)));
    case 'inputs':
    case 'word':
      return texts(Array.from({ length: rows }, () => quizInput(random, cols)));
    case 'param':
      return isVectorGrid(d, ref) ? texts([quizBias(random, cols)]) : texts(quizWeightMatrix(random, rows, cols));
    default:
      return texts(Array.from({ length: rows }, () => quizBias(random, cols)));
  }
}

/** The draft with one grid randomised. */
export function randomiseGrid(d: Draft, ref: GridRef, random: Random): Draft {
  return withGrid(d, ref, randomGrid(d, ref, random));
}

/** Every parameter of the draft (the cell's, the readout's) randomised, and plain-number inputs too. */
export function randomiseDraft(d: Draft, random: Random): Draft {
  const refs: GridRef[] = [...parameterGrids(d), ...(d.inputs ? [{ kind: 'inputs' } as const] : [])];
  return refs.reduce((acc, ref) => randomiseGrid(acc, ref, random), d);
}
