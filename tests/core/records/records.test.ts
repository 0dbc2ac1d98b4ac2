import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { buildRecords, indexRecords, slotKey, type TraceRecord } from '../../../src/core/records/records';
import { createSheet, quantityTex, recordTex } from '../../../src/core/records/tex';
import { TEX_OPTIONS } from '../../../src/ui/common/texOptions';
import { computeTrace, traceJson } from '../../../src/core/engine/trace';
import { mustLoad } from '../../helpers/load';
import { referenceCase, referenceCases } from '../../helpers/reference';

function recordsOf(name: string) {
  const model = mustLoad(referenceCase(name).worksheet);
  const { forward, backward } = computeTrace(model);
  const records = buildRecords(model, forward, backward);
  return { model, records, trace: traceJson(model, forward, backward), sheet: createSheet(model, records) };
}

describe("the records of Tom Yeh's RNN by hand", () => {
  const { records, sheet } = recordsOf('seeds/rnn-by-hand.json');

  it('are one per number written: per step 2 of B x, 2 of A h, 2 sums, 2 ReLUs and 1 y', () => {
    expect(records).toHaveLength(4 * 9);
    expect(records.filter((r) => r.t === 3).map((r) => `${r.q}[${r.i}]`)).toEqual([
      'mv:W_ih[0]',
      'mv:W_ih[1]',
      'mv:W_hh[0]',
      'mv:W_hh[1]',
      'pre:h[0]',
      'pre:h[1]',
      'h[0]',
      'h[1]',
      'y[0]',
    ]);
  });

  it('show A h₂ + B x₃ = [−11, 28] before ReLU cuts it to [0, 28]', () => {
    const pre = records.filter((r) => r.q === 'pre:h' && r.t === 3).map((r) => r.value);
    const h = records.filter((r) => r.q === 'h' && r.t === 3);
    expect(pre).toEqual([-11, 28]);
    expect(h.map((r) => r.value)).toEqual([0, 28]);
    expect(h[0]).toMatchObject({ op: 'activation', fn: 'relu', reads: [{ q: 'pre:h', t: 3, i: 0 }] });
  });

  it('write y₂ with the labels A, B, C and the numbers substituted', () => {
    const n = records.findIndex((r) => r.q === 'y' && r.t === 2);
    const tex = recordTex(sheet, n);
    // y₂ = C h₂ = (−1)·1 + 1·17 = 16
    expect(tex.symbolic).toBe('y_{2}[1] = C[1,1]\\,h_{2}[1] + C[1,2]\\,h_{2}[2]');
    expect(tex.substituted).toBe('= (-1) \\cdot 1 + 1 \\cdot 17');
    expect(tex.result).toBe('= 16');
  });
});

describe('the records of the LSTM slides, first pass', () => {
  const { records, sheet } = recordsOf('seeds/lstm-2-decimals.json');
  it('write i₁[1] as σ(4.00) = 0.98, as slide equations (10)–(11) do', () => {
    const n = records.findIndex((r) => r.q === 'i' && r.t === 1 && r.i === 0);
    const tex = recordTex(sheet, n);
    expect(tex.substituted).toBe('= \\sigma(4.00)');
    expect(tex.result).toBe('= 0.98');
  });
  it("name the candidate's weights W_ic, W_hc as the slides do", () => {
    const n = records.findIndex((r) => r.q === 'mv:W_ig' && r.t === 1);
    expect(recordTex(sheet, n).symbolic).toContain('W_{ic}');
  });
});

describe('on every reference case the records', () => {
  const cases = [...referenceCases('seeds'), ...referenceCases('random')].filter((c) => c.expected.steps.length <= 8);
  it.each(cases.map((c) => [c.name] as const))(
    '%s: agree with the trace, read only what came before, and typeset',
    (name) => {
      const { records, trace, sheet } = recordsOf(name);
      const index = indexRecords(records);
      // every h, c, gate and y in the trace has its record, with the same value
      trace.steps.forEach((s) => {
        s.h.forEach((v, i) => expect(records[index.get(slotKey('h', s.t, i))!]?.value).toBe(v));
        s.c?.forEach((v, i) => expect(records[index.get(slotKey('c', s.t, i))!]?.value).toBe(v));
        Object.entries(s.gates ?? {}).forEach(([q, g]) =>
          g.forEach((v, i) => expect(records[index.get(slotKey(q, s.t, i))!]?.value).toBe(v)),
        );
        s.y?.forEach((v, i) => expect(records[index.get(slotKey('y', s.t, i))!]?.value).toBe(v));
      });
      // every single value a record reads is a given or an earlier record
      records.forEach((r: TraceRecord, n) => {
        for (const ref of r.reads) {
          if (ref.t === undefined || ref.i === undefined) continue;
          const at = index.get(slotKey(ref.q, ref.t, ref.i, ref.j));
          if (at !== undefined) expect(at).toBeLessThan(n);
          else expect(sheet.value(ref.q, ref.t, ref.i, ref.j ?? (ref.q.startsWith('W') ? 0 : undefined))).not.toBeNaN();
        }
        const tex = recordTex(sheet, n);
        expect(tex.symbolic.length).toBeGreaterThan(0);
        expect(tex.substituted).not.toContain('NaN');
      });
      // the gradients: one record per entry of every parameter gradient
      if (trace.grads) {
        const count = Object.values(trace.grads).reduce((a, g) => a + (g as unknown[]).flat().length, 0);
        expect(records.filter((r) => r.phase === 'backward' && r.t === 0).length).toBe(count);
      }
    },
  );
});

describe('the TeX of every record of every reference case', () => {
  const cases = [...referenceCases('seeds'), ...referenceCases('random')].filter((c) => c.expected.steps.length <= 8);
  // with the app's own options, which make anything KaTeX or LaTeX would not accept an error
  const strictly = { ...TEX_OPTIONS, throwOnError: true };
  it.each(cases.map((c) => [c.name] as const))('%s: KaTeX typesets it without an error', (name) => {
    const { records, sheet } = recordsOf(name);
    records.forEach((r, n) => {
      const lines = [recordTex(sheet, n), recordTex(sheet, n, true)].flatMap((tex) => [
        tex.symbolic,
        tex.substituted,
        tex.result,
      ]);
      for (const line of [...lines, quantityTex(sheet.model, r.q, r.t)])
        expect(() => katex.renderToString(line, strictly), line).not.toThrow();
    });
  });

  it("writes the GRU's r ⊙ (W_hn h + b_hn) with the bias only where the file gives it", () => {
    // random/008 labels b_hn "V" but does not give it: the sheet has W_hn h alone
    const without = recordsOf('random/008-gru-small.json');
    const n = without.records.findIndex((r) => r.q === 'r*hn');
    expect(recordTex(without.sheet, n).symbolic).toBe(
      '[r_{1} \\odot (W_{hn}\\,h_{0})][1] = r_{1}[1] \\cdot [W_{hn}\\,h_{0}][1]',
    );
    const w = structuredClone(referenceCase('random/008-gru-small.json').worksheet);
    (w.params as Record<string, unknown>).b_hn = (w.h0 as number[]).map(() => 0.5);
    const model = mustLoad(w);
    const { forward, backward } = computeTrace(model);
    const records = buildRecords(model, forward, backward);
    const m = records.findIndex((r) => r.q === 'r*hn');
    expect(recordTex(createSheet(model, records), m).symbolic).toBe(
      '[r_{1} \\odot (W_{hn}\\,h_{0} + V)][1] = r_{1}[1] \\cdot (W_{hn}\\,h_{0} + V)[1]',
    );
  });
});
