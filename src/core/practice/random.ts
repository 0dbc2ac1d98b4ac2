// A seeded pseudo-random generator whose numbers are the same in every JavaScript engine, so a
// quiz named by its seed is the same quiz on every student's machine; and short seeds to name one.

/** A deterministic stream of pseudo-random numbers. */
export interface Random {
  /** a number in [0, 1) */
  next(): number;
  /** an integer from lo to hi, both included */
  int(lo: number, hi: number): number;
  /** one of the items, each equally likely */
  pick<T>(items: readonly T[]): T;
}

const SEED_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const SEED_PATTERN = /^[a-z0-9]{1,32}$/;

/**
 * The generator for a seed: the seed's UTF-16 code units hashed into 128 bits (cyrb128), then
 * sfc32. Only 32-bit integer operations (Math.imul, shifts, |0) touch the state, and those are
 * exact in every engine; Math.random and the clock are never read.
 * @param seed  any string; the same string always gives the same stream
 */
export function createRandom(seed: string): Random {
  let [a, b, c, d] = cyrb128(seed);
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // sfc32's first outputs still echo the hash; its authors discard a dozen or so
  for (let k = 0; k < 15; k++) next();
  const int = (lo: number, hi: number): number => {
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || lo > hi)
      throw new RangeError(`int(${lo}, ${hi}): expected integers lo ≤ hi`);
    return lo + Math.floor(next() * (hi - lo + 1));
  };
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick: expected at least one item');
      return items[int(0, items.length - 1)] as T;
    },
  };
}

/**
 * A seed of lowercase letters and digits, one per byte (at most 32), from random bytes the caller
 * supplies (the UI passes crypto.getRandomValues output; core reads no source of randomness).
 * Byte mod 36 favours a few characters slightly, which does not matter: a seed only names a quiz.
 * @param bytes  1 or more bytes; 6 give about 2·10⁹ seeds
 */
export function randomSeed(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new RangeError('randomSeed: expected at least one byte');
  let seed = '';
  for (const byte of bytes.subarray(0, 32)) seed += SEED_ALPHABET[byte % SEED_ALPHABET.length] ?? '';
  return seed;
}

/** A seed as quizzes take it: 1 to 32 characters, each a lowercase letter a–z or a digit. */
export function isSeed(s: unknown): s is string {
  return typeof s === 'string' && SEED_PATTERN.test(s);
}

/** cyrb128 (bryc, public domain): four 32-bit hashes of a string, as sfc32's initial state. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let k = 0; k < text.length; k++) {
    const ch = text.charCodeAt(k);
    h1 = h2 ^ Math.imul(h1 ^ ch, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ ch, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ ch, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ ch, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
