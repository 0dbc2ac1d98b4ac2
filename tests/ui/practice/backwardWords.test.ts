// The words for the backward slips, from the catalogue, and the link to backward practice.
import { describe, expect, it } from 'vitest';
import type { Mistake } from '../../../src/core/practice/mistakes';
import { buildRecords } from '../../../src/core/records/records';
import { createSheet } from '../../../src/core/records/tex';
import { computeTrace } from '../../../src/core/engine/trace';
import { createWorksheetStore } from '../../../src/store/worksheetStore';
import { formatHash, parseHash } from '../../../src/ui/app/url';
import { mistakeMessage } from '../../../src/ui/practice/practiceText';
import { findBuiltIn } from '../../../src/worksheets';
import { mustLoad } from '../../helpers/load';

const model = mustLoad(findBuiltIn('elman-ciao')!.file);
const { forward, backward } = computeTrace(model);
const sheet = createSheet(model, buildRecords(model, forward, backward));

describe('each backward slip is named in the catalogue’s words', () => {
  it.each<[Mistake, string]>([
    [{ kind: 'targetMinusOutput' }, 'That is target − y'],
    [{ kind: 'recurrentLeftOut' }, 'leaves out the part that comes back from the next step'],
    [{ kind: 'notTransposed' }, 'Wᵀ'],
    [{ kind: 'derivativeLeftOut', fn: 'sigmoid' }, 'straight through σ'],
    [{ kind: 'derivativeAtInput', fn: 'tanh' }, '1 − h²'],
    [{ kind: 'derivativeAtInput', fn: 'sigmoid' }, 's(1 − s)'],
    [{ kind: 'derivativeAsFunction', fn: 'sigmoid' }, 'σ itself'],
    [{ kind: 'tanhForgotten', alone: false }, 'o ⊙ c'],
    [{ kind: 'tanhForgotten', alone: true }, 'c itself'],
  ])('%j', (mistake, words) => {
    expect(mistakeMessage(mistake, 0, sheet)).toContain(words);
  });
});

describe('the link to backward practice', () => {
  it('reads #/elman-ciao/backward/practice as practice on the backward pass, and writes it back', () => {
    expect(parseHash('#/elman-ciao/backward/practice')).toEqual({
      kind: 'worksheet',
      id: 'elman-ciao',
      frame: 0,
      granularity: 'number',
      direction: 'backward',
      mode: 'practice',
    });
    const store = createWorksheetStore('elman-ciao');
    store.getState().setMode('practice');
    expect(formatHash(store.getState())).toBe('#/elman-ciao/practice');
    store.getState().setDirection('backward');
    expect(formatHash(store.getState())).toBe('#/elman-ciao/backward/practice');
  });
});
