import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_WORKSHEETS } from '../../../src/worksheets';
import { referenceCases } from '../../helpers/reference';

const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', 'worksheet.schema.json'), 'utf8'),
);
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

describe('public/worksheet.schema.json, for editors', () => {
  const valid = [...referenceCases('seeds'), ...referenceCases('random')].map((c) => [c.name, c.worksheet] as const);
  it.each([...valid, ...BUILT_IN_WORKSHEETS.map((w) => [`built-in ${w.id}`, w.file] as const)])(
    'accepts %s',
    (_n, w) => {
      expect(validate(w), JSON.stringify(validate.errors)).toBe(true);
    },
  );

  const tom = () =>
    structuredClone(referenceCases('seeds').find((c) => c.name.endsWith('rnn-by-hand.json'))!.worksheet);
  it.each([
    ['an unknown top-level key', (w: Record<string, unknown>) => (w.colour = 'red')],
    ['a wrong version', (w: Record<string, unknown>) => (w.version = 2)],
    [
      'an LSTM parameter on an RNN',
      (w: Record<string, unknown>) => ((w.params as Record<string, unknown>).W_ii = [[1]]),
    ],
    ['c0 on an RNN', (w: Record<string, unknown>) => (w.c0 = [0, 0])],
    ['b_y without W_hy', (w: Record<string, unknown>) => (w.readout = { b_y: [0] })],
    ['a number written as a string', (w: Record<string, unknown>) => ((w.inputs as unknown[][])[0]![0] = '3')],
    ['inputs and tokens both', (w: Record<string, unknown>) => ((w.tokens = ['a']), (w.vocabulary = { a: [1] }))],
    ['a loss without targets', (w: Record<string, unknown>) => (w.loss = { kind: 'squared_error' })],
    [
      'cross-entropy without softmax',
      (w: Record<string, unknown>) => ((w.loss = { kind: 'cross_entropy' }), (w.targets = [[1]])),
    ],
    ['decimals out of range', (w: Record<string, unknown>) => (w.precision = { decimals: 7 })],
  ])('rejects %s', (_n, breakIt) => {
    const w = tom();
    breakIt(w);
    expect(validate(w)).toBe(false);
  });
});
