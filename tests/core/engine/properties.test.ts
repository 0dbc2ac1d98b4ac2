import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runForward } from '../../../src/core/engine/engine';
import { loadWorksheet } from '../../../src/core/format/validate';
import { CELL_PARAMS, type WorksheetFile } from '../../../src/core/format/worksheet';
import { mustLoad } from '../../helpers/load';
import { allShapes, worksheetArb } from '../../helpers/randomWorksheet';

const forwardShapes = allShapes().filter((s) => s.loss === 'squared_error' && s.at === 'all');

describe('rounded carry at 6 decimals stays within 1e-3 of exact on small, tame worksheets', () => {
  it.each(forwardShapes.map((s) => [`${s.cell}/${s.activation}/${s.readout}`, s] as const))('%s', (_l, shape) => {
    fc.assert(
      fc.property(worksheetArb(shape, { maxH: 3, maxI: 3, maxT: 4, range: 1 }), (file) => {
        const exact = runForward(mustLoad({ ...file, precision: { decimals: 6, carry: 'exact' } }));
        const rounded = runForward(mustLoad({ ...file, precision: { decimals: 6, carry: 'rounded' } }));
        exact.steps.forEach((s, k) => {
          const r = rounded.steps[k]!;
          s.h.forEach((v, i) => expect(Math.abs(v - r.h[i]!)).toBeLessThan(1e-3));
          exact.readouts[k]!.y.forEach((v, i) => expect(Math.abs(v - rounded.readouts[k]!.y[i]!)).toBeLessThan(1e-3));
        });
      }),
      { numRuns: 25, seed: 7 },
    );
  });
});

/** The same network with its hidden units renumbered by perm (unit k becomes unit perm[k]). */
function permuteHidden(file: WorksheetFile, perm: number[]): WorksheetFile {
  const H = perm.length;
  const inv = new Array<number>(H);
  perm.forEach((p, k) => (inv[p] = k));
  const rows = <T>(m: T[]): T[] => inv.map((k) => m[k] as T);
  const cols = (m: number[][]): number[][] => m.map((row) => rows(row));
  const spec = CELL_PARAMS[file.cell];
  const params: WorksheetFile['params'] = {};
  for (const [name, value] of Object.entries(file.params)) {
    if (spec.hidden.includes(name)) params[name] = cols(rows(value as number[][]));
    else params[name] = rows(value as number[]) as number[][] | number[];
  }
  const out: WorksheetFile = { ...file, params };
  if (file.h0) out.h0 = rows(file.h0);
  if (file.c0) out.c0 = rows(file.c0);
  if (file.readout?.W_hy) out.readout = { ...file.readout, W_hy: cols(file.readout.W_hy) };
  return out;
}

describe('renumbering the hidden units renumbers every h_t alike and leaves y_t unchanged', () => {
  const shapes = allShapes().filter((s) => s.withWhy && s.loss === 'squared_error');
  it.each(shapes.map((s) => [`${s.cell}/${s.activation}/${s.readout}`, s] as const))('%s', (_l, shape) => {
    const arb = worksheetArb(shape).chain((file) => {
      const H = (file.h0 as number[]).length;
      return fc.tuple(fc.constant(file), fc.shuffledSubarray([...Array(H).keys()], { minLength: H, maxLength: H }));
    });
    fc.assert(
      fc.property(arb, ([file, perm]) => {
        const a = runForward(mustLoad(file));
        const b = runForward(mustLoad(permuteHidden(file, perm)));
        a.steps.forEach((s, k) => {
          perm.forEach((p, unit) => expect(b.steps[k]!.h[p]).toBeCloseTo(s.h[unit]!, 12));
          a.readouts[k]!.y.forEach((v, o) => expect(b.readouts[k]!.y[o]).toBeCloseTo(v, 12));
        });
      }),
      { numRuns: 20, seed: 11 },
    );
  });
});

/** Ways to break a valid worksheet, each breaking at least one rule of the contract. */
const breakers: [string, (f: Record<string, unknown>) => void][] = [
  ['drop format', (f) => delete f.format],
  ['bump version', (f) => (f.version = 2)],
  ['unknown top-level key', (f) => (f.colour = 'red')],
  ['unknown cell', (f) => (f.cell = 'transformer')],
  ['drop params', (f) => delete f.params],
  ['unknown parameter', (f) => ((f.params as Record<string, unknown>).W_xx = [[1]])],
  ['a number as a string', (f) => ((f.inputs as unknown[][])[0]![0] = '3')],
  ['a non-finite number', (f) => ((f.inputs as unknown[][])[0]![0] = Infinity)],
  ['a short input', (f) => (f.inputs as unknown[][])[0]!.push(1)],
  ['no steps', (f) => (f.inputs = [])],
  ['unknown readout key', (f) => ((f.readout as Record<string, unknown>).bias = [0])],
  ['bad decimals', (f) => (f.precision = { decimals: 7 })],
  ['unknown precision key', (f) => (f.precision = { digits: 2 })],
  ['loss without targets', (f) => ((f.loss = { kind: 'squared_error' }), delete f.targets)],
  ['h0 of the wrong size', (f) => (f.h0 = [...(f.h0 as number[]), 0])],
  ['both inputs and tokens', (f) => ((f.tokens = ['a']), (f.vocabulary = { a: [1] }))],
];

describe('invalid worksheets are always rejected with a path-named message and never throw', () => {
  it.each(breakers)('%s', (_name, breakIt) => {
    fc.assert(
      fc.property(worksheetArb(allShapes()[0]!), (file) => {
        const broken = structuredClone(file) as unknown as Record<string, unknown>;
        breakIt(broken);
        const r = loadWorksheet(broken);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.problems.length).toBeGreaterThan(0);
          for (const p of r.problems) expect(p.path).toMatch(/^(\(top level\)|[A-Za-z_]\w*)/);
        }
      }),
      { numRuns: 15, seed: 3 },
    );
  });

  it('any JSON value at all gets an answer, not an exception', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const r = loadWorksheet(json);
        if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it('a worksheet with random junk in random places gets an answer, not an exception', () => {
    const base = fc.sample(worksheetArb(allShapes()[20]!), { numRuns: 1, seed: 1 })[0]!;
    const keys = Object.keys(base);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, junk) => {
        const r = loadWorksheet({ ...base, [key]: junk });
        if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 500, seed: 9 },
    );
  });
});
