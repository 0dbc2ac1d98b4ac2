// Fuzzing every way a worksheet comes in from outside: the importer (parseWorksheet, on random and
// mutated worksheet files) and the share link decoder (on random text and on damaged links). Each
// must give a worksheet or a list of messages: never throw, never hang, never pollute a prototype.
// fast-check prints the seed and the shrunk case of any failure, to replay with { seed, path }.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShareLink, encodeShareLink, SHARE_LINK_LIMITS } from '../../../src/core/format/shareLink';
import { loadWorksheet, parseWorksheet, type LoadResult } from '../../../src/core/format/validate';
import { BUILT_IN_WORKSHEETS } from '../../../src/worksheets';

const SEED = 20261203;
/** Generous for a loaded machine: a by-hand sheet is checked in well under a millisecond. */
const CASE_MS = 2000;
const FILES = BUILT_IN_WORKSHEETS.map((w) => w.file);
const DEEP = '\u0000deep\u0000';

/** A result of the importer is a worksheet or a non-empty list of path-named messages. */
function expectWorksheetOrMessages(r: LoadResult): void {
  if (r.ok) {
    expect(r.model).toBeTypeOf('object');
    return;
  }
  expect(r.problems.length).toBeGreaterThan(0);
  // one expect for the list: thousands of problems (a huge array's) checked one by one are slow
  const malformed = r.problems.filter((p) => typeof p.path !== 'string' || typeof p.message !== 'string' || !p.message);
  expect(malformed).toEqual([]);
}

function timed<T>(run: () => T): T {
  const start = performance.now();
  const result = run();
  expect(performance.now() - start).toBeLessThan(CASE_MS);
  return result;
}

/** Every place in a JSON value: the object or array that holds it and its key. */
function places(value: unknown): [Record<string, unknown>, string][] {
  const out: [Record<string, unknown>, string][] = [];
  const walk = (v: unknown) => {
    if (typeof v !== 'object' || v === null) return;
    for (const k of Object.keys(v)) {
      out.push([v as Record<string, unknown>, k]);
      walk((v as Record<string, unknown>)[k]);
    }
  };
  walk(value);
  return out;
}

const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-Infinity',
    '1e999',
    '0x10',
    ' 1 ',
    '',
    '__proto__',
    'constructor',
    'toString',
    1e308,
    -1e308,
    5e-324,
    Number.MAX_SAFE_INTEGER + 2,
    -0,
    '</script><img src=x onerror=alert(1)>',
    '\\href{javascript:alert(1)}{x}',
    '\u202eevil',
  ),
  fc.double().map(String),
  fc.array(fc.array(fc.double({ noNaN: true }), { maxLength: 4 }), { maxLength: 4 }),
);

type Mutation =
  | { readonly kind: 'delete' | 'stringify' | 'deep'; readonly at: number }
  | { readonly kind: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'addKey'; readonly at: number; readonly key: string; readonly value: unknown }
  | { readonly kind: 'hugeArray'; readonly at: number; readonly length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('stringify' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }),
  fc.record({
    kind: fc.constant('addKey' as const),
    at: fc.nat(),
    key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'), fc.string()),
    value: hostileValue,
  }),
  { arbitrary: fc.record({ kind: fc.constant('deep' as const), at: fc.nat() }), weight: 1 },
  fc.record({ kind: fc.constant('hugeArray' as const), at: fc.nat(), length: fc.integer({ min: 300, max: 5000 }) }),
);

/** The file with the mutations done, as a value (own __proto__ keys included) and as JSON text. */
function mutate(file: unknown, mutations: readonly Mutation[], depth: number): { value: unknown; text: string } {
  // JSON.parse makes "__proto__" an own key, as an attacker's file would
  const value = JSON.parse(JSON.stringify(file)) as unknown;
  for (const m of mutations) {
    const all = places(value);
    if (all.length === 0) break;
    const [holder, key] = all[m.at % all.length] as [Record<string, unknown>, string];
    const set = (v: unknown) =>
      Object.defineProperty(holder, key, { value: v, enumerable: true, writable: true, configurable: true });
    switch (m.kind) {
      case 'delete':
        if (Array.isArray(holder)) holder.splice(Number(key), 1);
        else delete holder[key];
        break;
      case 'stringify':
        set(typeof holder[key] === 'object' ? JSON.stringify(holder[key]) : String(holder[key]));
        break;
      case 'replace':
        set(m.value);
        break;
      case 'addKey':
        if (typeof holder[key] === 'object' && holder[key] !== null && !Array.isArray(holder[key]))
          Object.defineProperty(holder[key], m.key, {
            value: m.value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else set(JSON.parse(`{${JSON.stringify(m.key)}: ${JSON.stringify(m.value) ?? 'null'}}`));
        break;
      case 'deep':
        set(DEEP);
        break;
      case 'hugeArray':
        set(Array.from({ length: m.length }, (_v, k) => (k % 2 ? [k] : k)));
        break;
    }
  }
  const nested = '['.repeat(depth) + ']'.repeat(depth);
  const text = (JSON.stringify(value) ?? 'null').split(JSON.stringify(DEEP)).join(nested);
  return { value, text };
}

const mutatedFile = fc.record({
  file: fc.constantFrom(...FILES),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }),
  depth: fc.oneof(
    { arbitrary: fc.constant(10), weight: 6 },
    { arbitrary: fc.constant(1000), weight: 2 },
    fc.constant(5000),
  ),
});

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
const ARRAY_PROTOTYPE_NAMES = Object.getOwnPropertyNames(Array.prototype).sort();

describe('the importer, on thousands of mutated worksheets', () => {
  it('gives a worksheet or path-named messages for each, never an exception, each case bounded', () => {
    fc.assert(
      fc.property(mutatedFile, ({ file, mutations, depth }) => {
        const { value, text } = mutate(file, mutations, depth);
        expectWorksheetOrMessages(timed(() => parseWorksheet(text)));
        // the value itself, with what JSON cannot carry (NaN, a shared object), through the same validator
        expectWorksheetOrMessages(timed(() => loadWorksheet(value)));
      }),
      { seed: SEED, numRuns: 1200 },
    );
  }, 30_000);

  it('reads 10⁵-deep nesting anywhere in a worksheet as messages, in bounded time', () => {
    for (const file of FILES) {
      const { text } = mutate(file, [{ kind: 'deep', at: 3 }], 100_000);
      expectWorksheetOrMessages(timed(() => parseWorksheet(text)));
    }
  }, 30_000);

  it('rejects each built-in worksheet cut short or with a character put in, with messages', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FILES),
        fc.nat(),
        fc.oneof(fc.constant(''), fc.string({ minLength: 1, maxLength: 3 })),
        (file, at, inserted) => {
          const text = JSON.stringify(file);
          const k = at % text.length;
          expectWorksheetOrMessages(timed(() => parseWorksheet(text.slice(0, k) + inserted)));
          expectWorksheetOrMessages(timed(() => parseWorksheet(text.slice(0, k) + inserted + text.slice(k))));
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('takes any JSON value or any text at all', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string()), (v) => {
        expectWorksheetOrMessages(timed(() => parseWorksheet(typeof v === 'string' ? v : JSON.stringify(v))));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

const REASONS = ['corrupt', 'truncated', 'future', 'tooLarge', 'invalid'];

async function expectDecoded(text: string, original?: unknown): Promise<void> {
  const start = performance.now();
  const r = await decodeShareLink(text);
  expect(performance.now() - start).toBeLessThan(CASE_MS);
  if (r.ok) {
    // a damaged link that still opens holds what was sent (the CRC-32 says so), never another sheet
    if (original !== undefined) expect(r.file).toEqual(original);
    expect(loadWorksheet(r.file).ok).toBe(true);
  } else expect(REASONS).toContain(r.reason);
  if (!r.ok && r.reason === 'invalid') expect(r.problems?.length).toBeGreaterThan(0);
}

describe('the share link decoder, on random and damaged links', () => {
  it('says what is wrong with random text, in the link alphabet or not', async () => {
    const alphabet = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.string({ unit: alphabet, maxLength: 300 }).map((s) => `1.${s}`),
          fc.string({ unit: alphabet, maxLength: 300 }).map((s) => `${s.length % 4}.${s}`),
          fc.string({ unit: 'binary', maxLength: 50 }),
        ),
        (text) => expectDecoded(text),
      ),
      { seed: SEED, numRuns: 800 },
    );
  });

  it('never opens another worksheet from a link flipped, cut, or with junk appended', async () => {
    const links = await Promise.all(FILES.map((f) => encodeShareLink(f)));
    const withFile = links.map((link, k) => ({ link, file: FILES[k] }));
    const damage = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), to: fc.string({ minLength: 1, maxLength: 1 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('append' as const), junk: fc.string({ minLength: 1, maxLength: 20 }) }),
      fc.record({ kind: fc.constant('version' as const), to: fc.nat({ max: 1000 }) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...withFile),
        fc.array(damage, { minLength: 1, maxLength: 3 }),
        async (sent, ds) => {
          let text = sent.link;
          for (const d of ds) {
            if (d.kind === 'flip') {
              const k = d.at % text.length;
              text = text.slice(0, k) + d.to + text.slice(k + 1);
            } else if (d.kind === 'cut') text = text.slice(0, d.at % (text.length + 1));
            else if (d.kind === 'append') text += d.junk;
            else text = text.replace(/^\d*/, String(d.to));
          }
          await expectDecoded(text, sent.file);
        },
      ),
      { seed: SEED, numRuns: 1200 },
    );
  });

  it('refuses a 1 MB link by its size, before decoding', async () => {
    const start = performance.now();
    expect(await decodeShareLink('1.' + 'A'.repeat(1024 * 1024))).toEqual({ ok: false, reason: 'tooLarge' });
    expect(performance.now() - start).toBeLessThan(100);
    expect(SHARE_LINK_LIMITS.linkChars).toBe(32 * 1024);
  });

  it('gives mutated worksheets, packed into valid links, the importer’s messages', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedFile, async ({ file, mutations, depth }) => {
        const { value } = mutate(file, mutations, Math.min(depth, 1000));
        await expectDecoded(await encodeShareLink(value));
      }),
      { seed: SEED, numRuns: 300 },
    );
  }, 30_000);
});

// last in the file: after every case above has run
describe('after thousands of hostile inputs', () => {
  it('leaves Object.prototype and Array.prototype as they were', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
    expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(ARRAY_PROTOTYPE_NAMES);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
