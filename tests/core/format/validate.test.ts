import { describe, expect, it } from 'vitest';
import { formatProblem, LIMITS, loadWorksheet, parseWorksheet } from '../../../src/core/format/validate';
import { referenceCase } from '../../helpers/reference';

const tomYeh = () => structuredClone(referenceCase('seeds/rnn-by-hand.json').worksheet) as Record<string, unknown>;
const elman = () => structuredClone(referenceCase('seeds/elman-ciao.json').worksheet) as Record<string, unknown>;
const lstm = () => structuredClone(referenceCase('seeds/lstm-2-decimals.json').worksheet) as Record<string, unknown>;

function messages(json: unknown): string[] {
  const r = loadWorksheet(json);
  return r.ok ? [] : r.problems.map(formatProblem);
}

describe('the validator names the field and what was expected', () => {
  it('a matrix of the wrong shape', () => {
    const w = tomYeh();
    (w.params as Record<string, unknown>).W_hh = [
      [1, -1, 0],
      [1, 1, 0],
    ];
    expect(messages(w)).toContain('params.W_hh: expected a 2×2 matrix, got 2×3');
  });

  it('a token missing from the vocabulary', () => {
    const w = elman();
    w.tokens = ['c', 'Q', 'a'];
    expect(messages(w)).toContain('tokens[1]: "Q" is not in the vocabulary');
  });

  it('reports every problem, not only the first', () => {
    const w = tomYeh();
    w.version = 3;
    w.colour = 'red';
    (w.inputs as unknown[][])[2] = ['5'];
    const m = messages(w);
    expect(m).toEqual(
      expect.arrayContaining([
        'version: this build reads version 1, got 3',
        'colour: unknown field; expected one of format, version, title, cell, activation, params, readout, inputs, tokens, vocabulary, h0, c0, targets, loss, precision, labels',
        'inputs[2][0]: expected a number, got the string "5"',
      ]),
    );
  });

  it.each([
    [
      'activation on an LSTM',
      (w: Record<string, unknown>) => (w.activation = 'relu'),
      'activation: applies to an rnn cell only, not to lstm',
    ],
    [
      'an unknown key in params',
      (w: Record<string, unknown>) =>
        ((w.params as Record<string, unknown>).W_ic = [
          [1, 3],
          [0, -3],
        ]),
      'params.W_ic: unknown parameter',
    ],
    [
      'an unknown key in readout',
      (w: Record<string, unknown>) => ((w.readout as Record<string, unknown>).fn = 'x'),
      'readout.fn: unknown field',
    ],
    [
      'an unknown key in loss',
      (w: Record<string, unknown>) => ((w.loss as Record<string, unknown>).mean = true),
      'loss.mean: unknown field',
    ],
    [
      'an unknown key in precision',
      (w: Record<string, unknown>) => ((w.precision as Record<string, unknown>).places = 2),
      'precision.places: unknown field',
    ],
    [
      'an unknown key in labels',
      (w: Record<string, unknown>) => ((w.labels as Record<string, unknown>).W_hh = 'A'),
      'labels.W_hh: unknown parameter',
    ],
    [
      'cross-entropy targets that do not sum to 1',
      (w: Record<string, unknown>) => ((w.targets as number[][])[1] = [0.5, 0.6]),
      'targets[1]: cross_entropy targets sum to 1',
    ],
    [
      'the wrong number of targets',
      (w: Record<string, unknown>) => (w.targets as unknown[]).pop(),
      'targets: expected 3 vectors',
    ],
    ['a loss without targets', (w: Record<string, unknown>) => delete w.targets, 'loss: needs targets'],
    ['a loss without a readout', (w: Record<string, unknown>) => delete w.readout, 'loss: needs a readout'],
    [
      'cross-entropy with a sigmoid readout',
      (w: Record<string, unknown>) => ((w.readout as Record<string, unknown>).activation = 'sigmoid'),
      'loss.kind: cross_entropy needs a softmax readout',
    ],
    [
      'inputs and tokens both',
      (w: Record<string, unknown>) => (w.inputs = [[1, 0]]),
      'tokens: give either inputs or tokens, not both',
    ],
    [
      'decimals out of range',
      (w: Record<string, unknown>) => (w.precision = { decimals: 9 }),
      'precision.decimals: expected a whole number from 0 to 6, got 9',
    ],
    [
      'an unknown carry',
      (w: Record<string, unknown>) => (w.precision = { carry: 'truncated' }),
      'precision.carry: expected one of "exact", "rounded"',
    ],
  ])('%s', (_name, breakIt, expected) => {
    const w = lstm();
    breakIt(w);
    expect(messages(w).some((m) => m.startsWith(expected))).toBe(true);
  });

  it('c0 on an RNN, and b_y without W_hy', () => {
    const w = tomYeh();
    w.c0 = [0, 0];
    w.readout = { b_y: [0], activation: 'identity' };
    expect(messages(w)).toEqual(
      expect.arrayContaining([
        'c0: applies to an lstm cell only, not to rnn',
        'readout.b_y: applies only together with readout.W_hy',
      ]),
    );
  });

  it('a number too large for float64 (1e999 in the file)', () => {
    const text = JSON.stringify(tomYeh()).replace('"inputs":[[3]', '"inputs":[[1e999]');
    const r = parseWorksheet(text);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toContain(
      'inputs[0][0]: expected a finite number, got a number too large for float64',
    );
  });

  it('more than 256 hidden units, and more than 1024 steps', () => {
    const w = tomYeh();
    const H = 257;
    w.params = {
      W_ih: Array.from({ length: H }, () => [1]),
      W_hh: Array.from({ length: H }, () => new Array<number>(H).fill(0)),
    };
    w.inputs = Array.from({ length: 1025 }, () => [1]);
    w.readout = { activation: 'identity' };
    delete w.h0;
    const m = messages(w);
    expect(m).toContain('params.W_hh: H (hidden size) is 257; at most 256 is allowed');
    expect(m).toContain('inputs: 1025 steps; at most 1024 are allowed');
  });

  it('text that is not JSON, and JSON that is not a worksheet', () => {
    const r = parseWorksheet('{"format": ');
    expect(r.ok ? '' : formatProblem(r.problems[0]!)).toMatch(/^\(file\): not valid JSON/);
    expect(messages([1, 2, 3])).toEqual(['(top level): expected a worksheet object, got a list of 3']);
  });

  it('takes __proto__, constructor and toString as ordinary tokens', () => {
    const w = elman();
    w.vocabulary = JSON.parse('{"__proto__": [1], "constructor": [2], "toString": [3]}');
    w.tokens = ['__proto__', 'constructor', 'toString', '__proto__'];
    const r = loadWorksheet(w);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.model.xs.map((x) => x[0])).toEqual([1, 2, 3, 1]);
    w.tokens = ['hasOwnProperty'];
    w.targets = [[0]];
    expect(messages(w)).toContain('tokens[0]: "hasOwnProperty" is not in the vocabulary');
  });

  it('accepts labels for any parameter of the cell, given or not', () => {
    const w = lstm();
    w.labels = { W_ig: 'W_ic', b_hf: 'A', W_hy: 'C' };
    expect(messages(w)).toEqual([]);
  });

  it('blames the one matrix of the wrong size, not the seven that agree', () => {
    const w = lstm();
    (w.params as Record<string, unknown>).W_hi = [
      [1, 0, 0],
      [4, -2, 0],
      [0, 0, 1],
    ];
    expect(messages(w)).toEqual(['params.W_hi: expected a 2×2 matrix, got 3×3']);
  });

  it('says nothing more about targets when the sequence itself is wrong', () => {
    const w = lstm();
    w.tokens = [];
    expect(messages(w)).toEqual(['tokens: expected a list of at least 1 step, got a list of 0']);
  });

  it('says nothing more about the loss when the readout activation itself is wrong', () => {
    const w = lstm();
    (w.readout as Record<string, unknown>).activation = 'tanh';
    expect(messages(w)).toEqual([
      'readout.activation: expected one of "identity", "softmax", "sigmoid", got the string "tanh"',
    ]);
  });

  it('names the target entry that is out of range', () => {
    const w = lstm();
    w.targets = [
      [1.5, -0.5],
      [0, 1],
      [0, 1],
    ];
    expect(messages(w)).toEqual(['targets[0][1]: cross_entropy targets are probabilities, not negative; got -0.5']);
  });

  it('quotes odd keys and tokens, escaping control characters and shortening long ones', () => {
    const w = elman();
    w['\u001b[2J'] = 1;
    w.tokens = ['c', 'x'.repeat(100)];
    const m = messages(w);
    expect(m[0]).toBe(
      '["\\u001b[2J"]: unknown field; expected one of format, version, title, cell, activation, params, readout, inputs, tokens, vocabulary, h0, c0, targets, loss, precision, labels',
    );
    expect(m[1]).toBe(`tokens[1]: "${'x'.repeat(40)}…" is not in the vocabulary`);
  });

  it('refuses a key written twice in one object, which JSON would silently resolve to the last', () => {
    const text = JSON.stringify(tomYeh()).replace('"cell":"rnn"', '"cell":"lstm","cell":"rnn"');
    const r = parseWorksheet(text);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      'cell: appears twice in the same object; JSON keeps only the last, so say it once',
    ]);
  });
});

describe('hostile input is refused before it costs time', () => {
  it('text longer than the limit is refused by its length, before it is parsed', () => {
    // not even JSON: had it been parsed, the message would say so
    const r = parseWorksheet('x'.repeat(LIMITS.chars + 1));
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      '(file): too large: 16 MiB; a worksheet is at most 16 MiB',
    ]);
  });

  it('lists the first 200 problems of a matrix of strings and counts the rest', () => {
    const w = tomYeh();
    // 2 × 2 = 4 entries would be listed one by one; 20 × 20 strings in a sheet of H = 20
    const H = 20;
    w.params = {
      W_ih: Array.from({ length: H }, () => [1]),
      W_hh: Array.from({ length: H }, () => new Array<string>(H).fill('0')),
    };
    delete w.h0;
    delete w.readout;
    const m = messages(w);
    expect(m).toHaveLength(LIMITS.problems + 1);
    expect(m[0]).toBe('params.W_hh[0][0]: expected a number, got the string "0"');
    expect(m.at(-1)).toBe('(file): and 200 more problems (fix the ones above first)');
  });

  it('a matrix past the size limit is one problem, its entries never read', () => {
    const w = tomYeh();
    const rows = Array.from({ length: 3000 }, () => new Array<string>(3000).fill('0'));
    (w.params as Record<string, unknown>).W_hh = rows;
    const m = messages(w);
    expect(m).toContain('params.W_hh: 3000 rows; a matrix has at most 256');
    expect(m.some((p) => p.startsWith('params.W_hh['))).toBe(false);
  });

  it('a vector past the size limit is one problem', () => {
    const w = tomYeh();
    w.h0 = new Array<string>(100_000).fill('1');
    expect(messages(w).filter((p) => p.startsWith('h0'))).toEqual(['h0: expected a vector of 2 numbers, got 100000']);
    const e = elman();
    (e.vocabulary as Record<string, unknown>).z = new Array<string>(100_000).fill('1');
    const I = Object.values(e.vocabulary as Record<string, number[]>)[0]!.length;
    expect(messages(e)).toEqual([`vocabulary["z"]: expected a vector of ${I} number${I === 1 ? '' : 's'}, got 100000`]);
  });

  it('10⁵-deep nesting is a message, not a crash', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const r = parseWorksheet(`{"format": "rnn-by-hand/worksheet", "version": 1, "title": ${deep}}`);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toContain('title: expected a string, got a list of 1');
  });

  it('text that is not JSON never puts its control characters into the message (a terminal would obey them)', () => {
    const r = parseWorksheet('\u001b[2J\u001b]0;pwned\u0007{');
    const m = r.ok ? '' : formatProblem(r.problems[0]!);
    expect(m).toMatch(/^\(file\): not valid JSON/);
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    expect(m).not.toMatch(/[\u0000-\u001f]/);
    expect(m).toContain('\\u001b');
  });

  it('prototype-pollution keys are ordinary unknown keys and pollute nothing', () => {
    const r = parseWorksheet(
      '{"format": "rnn-by-hand/worksheet", "version": 1, "__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}',
    );
    const m = r.ok ? [] : r.problems.map(formatProblem);
    expect(m).toContain(
      '__proto__: unknown field; expected one of format, version, title, cell, activation, params, readout, inputs, tokens, vocabulary, h0, c0, targets, loss, precision, labels',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
