// Seeded random numbers for the kernel tests, so that a failure can be reproduced.

/** A seeded generator of numbers in [−1, 1) (xorshift). */
export function generator(seed: number): () => number {
  let s = seed | 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) / 2 ** 32) * 2 - 1;
  };
}

export function randomVector(n: number, rand: () => number): Float64Array {
  return Float64Array.from({ length: n }, rand);
}

/** Operands for G [rows×cols] += A Bᵀ over n, seeded by the shape: A, B and G's entries before. */
export function productOperands(rows: number, cols: number, n: number) {
  const rand = generator(rows * 10000 + cols * 100 + n);
  return { A: randomVector(rows * n, rand), B: randomVector(cols * n, rand), start: randomVector(rows * cols, rand) };
}
