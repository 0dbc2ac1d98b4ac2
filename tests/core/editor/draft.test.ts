import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDraft,
  draftOf,
  draftToFile,
  gridOf,
  inputsToTokens,
  oneHotVocabulary,
  resizeDraft,
  setLoss,
  setStepCount,
  switchCell,
  tokensToInputs,
  withGrid,
  zeroDraft,
  type Draft,
} from '../../../src/core/editor/draft';
import { parsePastedBlock, pasteTexts } from '../../../src/core/editor/paste';
import { randomiseDraft, randomiseGrid } from '../../../src/core/editor/randomise';
import { loadWorksheet } from '../../../src/core/format/validate';
import type { WorksheetFile } from '../../../src/core/format/worksheet';
import { createRandom } from '../../../src/core/practice/random';
import { BUILT_IN_WORKSHEETS } from '../../../src/worksheets';
import { builtInFile } from '../../../src/store/sheet';

function draftOfFile(json: unknown): Draft {
  const loaded = loadWorksheet(json);
  if (!loaded.ok) throw new Error(loaded.problems[0]?.message);
  return draftOf(loaded.file, loaded.model);
}

const gru = BUILT_IN_WORKSHEETS.find((w) => w.id === 'gru-by-hand');
const gruDraft = () => draftOfFile(builtInFile(gru!));

describe('a draft of a worksheet', () => {
  it('turns back into a file that computes the same worksheet, for every built-in', () => {
    for (const w of BUILT_IN_WORKSHEETS) {
      const loaded = loadWorksheet(builtInFile(w));
      if (!loaded.ok) throw new Error(w.id);
      const checked = checkDraft(draftOf(loaded.file, loaded.model));
      expect(checked.ok, w.id).toBe(true);
      if (!checked.ok) continue;
      const { model } = checked;
      expect([model.H, model.I, model.O, model.T], w.id).toEqual([
        loaded.model.H,
        loaded.model.I,
        loaded.model.O,
        loaded.model.T,
      ]);
      for (const [name, m] of loaded.model.weights)
        expect(checked.model.weights.get(name), `${w.id} ${name}`).toEqual(m);
      expect(checked.model.xs, w.id).toEqual(loaded.model.xs);
      expect(checked.model.labels, w.id).toEqual(loaded.model.labels);
      expect(checked.model.givenBiases, w.id).toEqual(loaded.model.givenBiases);
    }
  });

  it('names a cell whose text is not a number by its path, and keeps the text', () => {
    const d = withGrid(gruDraft(), { kind: 'param', name: 'W_hr' }, [
      ['0', '1'],
      ['1..2', '0'],
    ]);
    const checked = checkDraft(d);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.textProblems).toEqual([{ path: 'params.W_hr[1][0]', text: '1..2', why: 'not-a-number' }]);
    expect(checked.problems).toEqual([]);
    expect(gridOf(d, { kind: 'param', name: 'W_hr' })?.[1]?.[0]).toBe('1..2');
  });

  it('passes on the validator’s path-named messages', () => {
    const d = setLoss(gruDraft(), { kind: 'cross_entropy', at: 'all' });
    const checked = checkDraft(d);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.map((p) => p.path)).toContain('loss.kind');
  });

  it('reads a decimal comma typed into a cell', () => {
    const d = withGrid(gruDraft(), { kind: 'h0' }, [['0,5', '-1,25']]);
    expect(draftToFile(d).file.h0).toEqual([0.5, -1.25]);
  });

  it('gives a word typed twice in the vocabulary its own problem', () => {
    const d = gruDraft();
    const twice: Draft = { ...d, vocabulary: [d.vocabulary![0]!, ['A', [['0', '1']]]] };
    const checked = checkDraft(twice);
    expect(!checked.ok && checked.textProblems).toEqual([{ path: 'vocabulary[1]', text: 'A', why: 'duplicate-word' }]);
  });
});

describe('resizing a draft', () => {
  it('resizes every matrix, bias, state and input at once, keeping the numbers that still fit', () => {
    const d = { ...gruDraft(), params: { ...gruDraft().params, b_ir: [['5', '6']] } };
    const bigger = resizeDraft(d, { H: 3 });
    expect(gridOf(bigger, { kind: 'param', name: 'W_hn' })).toEqual([
      ['1', '-1', '0'],
      ['1', '1', '0'],
      ['0', '0', '0'],
    ]);
    expect(gridOf(bigger, { kind: 'param', name: 'W_ir' })).toEqual([
      ['1', '0'],
      ['0', '1'],
      ['0', '0'],
    ]);
    expect(gridOf(bigger, { kind: 'param', name: 'b_ir' })).toEqual([['5', '6', '0']]);
    expect(gridOf(bigger, { kind: 'W_hy' })).toEqual([['1', '-1', '0']]);
    expect(bigger.h0).toEqual([['0', '0', '0']]);
    const checked = checkDraft(bigger);
    expect(checked.ok && checked.model.H).toBe(3);

    const smaller = resizeDraft(bigger, { H: 1, I: 1 });
    expect(gridOf(smaller, { kind: 'param', name: 'W_hn' })).toEqual([['1']]);
    expect(smaller.vocabulary?.map(([w, x]) => [w, x])).toEqual([
      ['A', [['1']]],
      ['B', [['0']]],
    ]);
  });

  it('resizes W_hy, b_y and the targets when O changes', () => {
    const d = resizeDraft(gruDraft(), { O: 2 });
    expect(gridOf(d, { kind: 'W_hy' })).toEqual([
      ['1', '-1'],
      ['0', '0'],
    ]);
    expect(d.targets).toEqual([
      ['1', '0'],
      ['1', '0'],
      ['1', '0'],
    ]);
    expect(checkDraft(d).ok).toBe(true);
  });

  it('changing the number of steps adds tokens (the last again) and targets, or takes them off', () => {
    const d = setStepCount(gruDraft(), 4);
    expect(d.tokens).toEqual(['A', 'B', 'A', 'A']);
    expect(d.targets?.length).toBe(4);
    expect(setStepCount(d, 1).tokens).toEqual(['A']);
    expect(checkDraft(setStepCount(d, 1)).ok).toBe(true);
  });
});

describe('switching the cell kind', () => {
  it('creates the kind’s matrices at the current H and I, with c0 for an LSTM only', () => {
    const rnn = switchCell(gruDraft(), 'rnn');
    expect(Object.keys(rnn.params)).toEqual(['W_ih', 'W_hh']);
    expect(gridOf(rnn, { kind: 'param', name: 'W_hh' })).toEqual([
      ['0', '0'],
      ['0', '0'],
    ]);
    const lstm = switchCell(rnn, 'lstm');
    expect(Object.keys(lstm.params)).toHaveLength(8);
    expect(lstm.c0).toEqual([['0', '0']]);
    expect(checkDraft(lstm).ok).toBe(true);
    expect(switchCell(lstm, 'gru').c0).toBeNull();
  });
  it('keeps the numbers and labels of the names both kinds have, and drops labels of the others', () => {
    const d: Draft = { ...gruDraft(), labels: { W_hr: 'R', W_hy: 'V' } };
    const back = switchCell(switchCell(d, 'gru'), 'gru');
    expect(gridOf(back, { kind: 'param', name: 'W_hn' })).toEqual(gridOf(d, { kind: 'param', name: 'W_hn' }));
    expect(switchCell(d, 'rnn').labels).toEqual({ W_hy: 'V' });
  });
});

describe('the steps as numbers or tokens', () => {
  it('turns tokens into their vectors and back into words for the distinct vectors', () => {
    const numbers = tokensToInputs(gruDraft());
    expect(numbers.inputs).toEqual([
      ['1', '0'],
      ['0', '1'],
      ['1', '0'],
    ]);
    expect(checkDraft(numbers).ok).toBe(true);
    const words = inputsToTokens(numbers);
    expect(words.tokens).toEqual(['A', 'B', 'A']);
    expect(checkDraft(words).ok).toBe(true);
  });
  it('generates a one-hot vocabulary of the tokens typed, I and the input matrices following', () => {
    const d = oneHotVocabulary({ ...gruDraft(), tokens: ['cat', 'sat', 'mat', 'cat'] });
    expect(d.I).toBe(3);
    expect(d.vocabulary).toEqual([
      ['cat', [['1', '0', '0']]],
      ['sat', [['0', '1', '0']]],
      ['mat', [['0', '0', '1']]],
    ]);
    expect(gridOf(d, { kind: 'param', name: 'W_ir' })?.[0]).toEqual(['1', '0', '0']);
    expect(checkDraft(d).ok).toBe(true);
  });
});

describe('zero and randomise', () => {
  it('zero sets every parameter and h0 to 0, and leaves the inputs', () => {
    const d = zeroDraft(resizeDraft(gruDraft(), { H: 3 }));
    const checked = checkDraft(d);
    if (!checked.ok) throw new Error('invalid');
    for (const m of checked.model.weights.values()) expect([...m.data].every((v) => v === 0)).toBe(true);
    expect(checked.file.readout?.W_hy).toEqual([[0, 0, 0]]);
    expect(checked.file.tokens).toEqual(['A', 'B', 'A']);
  });
  it('randomise draws the quiz’s hand-friendly numbers: weights −2 to 2, no matrix all 0, biases −1 to 1', () => {
    for (let seed = 0; seed < 50; seed++) {
      const base = { ...tokensToInputs(gruDraft()), params: { ...gruDraft().params, b_iz: [['0', '0']] } };
      const checked = checkDraft(randomiseDraft(base, createRandom(`s${seed}`)));
      if (!checked.ok) throw new Error('invalid');
      const file: WorksheetFile = checked.file;
      for (const [name, value] of Object.entries(file.params)) {
        const entries = value.flat();
        const range = name.startsWith('b_') ? 1 : 2;
        expect(
          entries.every((v) => Number.isInteger(v) && Math.abs(v) <= range),
          name,
        ).toBe(true);
        if (!name.startsWith('b_'))
          expect(
            entries.some((v) => v !== 0),
            name,
          ).toBe(true);
      }
      expect(file.readout?.W_hy?.every((row) => row.some((v) => v !== 0))).toBe(true);
      expect(file.inputs?.flat().every((v) => v >= 1 && v <= 3)).toBe(true);
    }
  });
  it('randomising one matrix leaves the others as they were', () => {
    const d = gruDraft();
    const r = randomiseGrid(d, { kind: 'param', name: 'W_hz' }, createRandom('x'));
    expect(r.params.W_hn).toBe(d.params.W_hn);
    expect(r.params.W_hz?.flat().every((t) => ['-2', '-1', '0', '1', '2'].includes(t))).toBe(true);
  });
});

describe('pasting into a draft', () => {
  it('never throws, and every paste gives a worksheet or messages naming cells of the grid, over thousands of strings', () => {
    const d = resizeDraft(gruDraft(), { H: 3 });
    const ref = { kind: 'param', name: 'W_hn' } as const;
    const pieces = fc.constantFrom('1', '-2', '0,5', '1.25', '\t', ',', ';', ' ', '\n', 'x', '..', '1e400', '', '−3');
    const text = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), (pasted, row, col) => {
        const { grid, clipped } = pasteTexts(gridOf(d, ref) ?? [], parsePastedBlock(pasted), row, col);
        expect(grid.map((r) => r.length)).toEqual([3, 3, 3]);
        expect(clipped).toBeGreaterThanOrEqual(0);
        const checked = checkDraft(withGrid(d, ref, grid));
        if (!checked.ok) {
          expect(checked.problems).toEqual([]);
          for (const p of checked.textProblems) expect(p.path).toMatch(/^params\.W_hn\[[0-2]\]\[[0-2]\]$/);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('writes numbers as read, other texts as pasted, and leaves a cell pasted empty as it was', () => {
    const { grid } = pasteTexts(
      [
        ['1', '2'],
        ['3', '4'],
      ],
      parsePastedBlock('0,5\t\nabc\t−1'),
      0,
      0,
    );
    expect(grid).toEqual([
      ['0.5', '2'],
      ['abc', '-1'],
    ]);
  });
});
