import { describe, expect, it } from 'vitest';
import { isRoundedWhenCarried, writtenDecimals } from '../../../src/core/engine/carry';
import { generateQuiz } from '../../../src/core/practice/quiz';
import { buildRecords, type TraceRecord } from '../../../src/core/records/records';
import { formatFixed, roundHalfAwayFromZero } from '../../../src/core/engine/rounding';
import { computeTrace } from '../../../src/core/engine/trace';
import type { Model } from '../../../src/core/format/worksheet';
import { findBuiltIn } from '../../../src/worksheets';
import { mustLoad } from '../../helpers/load';
import { referenceCase } from '../../helpers/reference';

function forwardRecords(model: Model): TraceRecord[] {
  return buildRecords(model, computeTrace(model).forward, null);
}

const rounded = { decimals: 1, carry: 'rounded' as const, readout: null };

describe('which values rounded carry rounds', () => {
  it.each(['random/010-lstm-rounded.json', 'random/013-gru-rounded.json', 'random/018-rnn-tanh-rounded.json'])(
    'in %s, every value of a quantity named rounded is a round number, and the products inside sums are not',
    (name) => {
      const model = mustLoad(referenceCase(name).worksheet);
      const records = forwardRecords(model).filter((r) => r.t >= 1);
      for (const r of records.filter((x) => isRoundedWhenCarried(x.q)))
        expect(r.value, `${r.q}@${r.t}[${r.i}]`).toBe(roundHalfAwayFromZero(r.value, model.decimals));
      // the givens have 4 places, so a product carried in full is almost never round
      const unrounded = records.filter((x) => !isRoundedWhenCarried(x.q));
      expect(unrounded.some((r) => r.value !== roundHalfAwayFromZero(r.value, model.decimals))).toBe(true);
    },
  );

  it('names the contract’s list: pre-activations, gates, candidates, c, h, y and L, and not the rest', () => {
    for (const q of ['pre:i', 'pre:h', 'i', 'f', 'g', 'o', 'r', 'z', 'n', 'c', 'h', 'y', 'L'])
      expect(isRoundedWhenCarried(q), q).toBe(true);
    for (const q of ['mv:W_ii', 'f*c', 'i*g', 'tanh(c)', 'hn', 'r*hn', '(1-z)*n', 'z*h', 'loss', 'W_ii', 'x'])
      expect(isRoundedWhenCarried(q), q).toBe(false);
  });
});

describe('the places a value is written with', () => {
  it('writes a product carried in full with the places it has: 0.9 · 1.45 = 1.305, 0.9 · 1.4 = 1.26, 0.5 · 0.4 = 0.2', () => {
    expect(writtenDecimals(rounded, 'f*c', 0.9 * 1.45)).toBe(3);
    expect(writtenDecimals(rounded, 'f*c', 0.9 * 1.4)).toBe(2);
    expect(writtenDecimals(rounded, 'i*g', 0.5 * 0.4)).toBe(1);
  });

  it('writes tanh(0.8) = 0.66403… with two places more than the sheet, and every rounded value at the sheet’s own', () => {
    expect(writtenDecimals(rounded, 'tanh(c)', Math.tanh(0.8))).toBe(3);
    expect(writtenDecimals(rounded, 'h', 0.66403677)).toBe(1);
    expect(writtenDecimals(rounded, 'pre:i', 1.25)).toBe(1);
  });

  it('writes W_hy h at the sheet’s decimals where it is the readout’s pre-activation (σ(W_hy h), no b_y), the engine rounding it', () => {
    const file = { ...(findBuiltIn('sentiment-many-to-one')!.file as Record<string, unknown>) };
    const model = mustLoad({ ...file, precision: { decimals: 1, carry: 'rounded' } });
    expect(model.readout?.activation).toBe('sigmoid');
    expect(model.readout?.b_y).toBeNull();
    const pre = forwardRecords(model).filter((r) => r.q === 'mv:W_hy');
    expect(pre.length).toBeGreaterThan(0);
    for (const r of pre) {
      expect(r.value).toBe(roundHalfAwayFromZero(r.value, 1));
      expect(writtenDecimals(model, 'mv:W_hy', r.value)).toBe(1);
    }
    // and so is one worked from a student's own numbers (0.123 there would be written 0.123 were it kept in full)
    expect(writtenDecimals(model, 'mv:W_hy', 0.123)).toBe(1);
  });

  it('writes everything at the sheet’s decimals with exact carry', () => {
    expect(writtenDecimals({ decimals: 2, carry: 'exact', readout: null }, 'f*c', 0.123456)).toBe(2);
    expect(writtenDecimals({ decimals: 2, carry: 'exact', readout: null }, 'tanh(c)', Math.tanh(0.8))).toBe(2);
  });

  // the walk-through found c₃[2] = 1.27 + 0.73 = 1.99 on a quiz sheet: the products were shown rounded
  it.each(['lstm', 'gru'] as const)(
    'on %s quiz sheets every sum, as written, adds up to its written result',
    (cell) => {
      for (const decimals of [1, 2])
        for (let k = 0; k < 40; k++) {
          const file = generateQuiz({ cell, H: 2, I: 2, T: 3, decimals, ask: 'all', step: 1, limit: 0 }, `carry${k}`);
          const model = mustLoad(file);
          const records = forwardRecords(model);
          const written = new Map(records.map((r) => [`${r.q}@${r.t}[${r.i}]`, r]));
          const asWritten = (r: TraceRecord) => Number(formatFixed(r.value, writtenDecimals(model, r.q, r.value)));
          for (const r of records.filter((x) => x.op === 'sum' && x.t >= 1)) {
            const terms = r.reads.map((ref) => {
              const term = written.get(`${ref.q}@${ref.t}[${ref.i}]`);
              // a bias is a given: an integer on a quiz sheet
              return term ? asWritten(term) : biasOf(file, ref.q, ref.i ?? 0);
            });
            const sum = terms.reduce((a, b) => a + b, 0);
            expect(
              formatFixed(sum, writtenDecimals(model, r.q, sum)),
              `${r.q}@${r.t}[${r.i}] = ${terms.join(' + ')}`,
            ).toBe(formatFixed(r.value, writtenDecimals(model, r.q, r.value)));
          }
        }
    },
  );
});

function biasOf(file: { params: Record<string, number[] | number[][]> }, q: string, i: number): number {
  const b = file.params[q] as number[] | undefined;
  if (!b) throw new Error(`no given ${q}`);
  return b[i] as number;
}
