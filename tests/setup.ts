// Shared test setup: DOM matchers, a trace matcher, and console errors/warnings fail the test.
import '@testing-library/jest-dom/vitest';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { cleanup } from '@testing-library/react';
import { firstTraceMismatch } from './helpers/compareTrace';

expect.extend({
  /** The trace matches the expected fields of a reference case (rel 1e-9 + abs 1e-12; abs 1e-9 rounded). */
  toMatchTrace(received: unknown, expected: unknown, rounded: boolean) {
    const mismatch = firstTraceMismatch(expected, received, rounded);
    return {
      pass: mismatch === null,
      message: () => (mismatch === null ? 'the trace matches, expected a mismatch' : `trace mismatch: ${mismatch}`),
    };
  },
});

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type parameter as vitest declares it
  interface Matchers<T = any> {
    toMatchTrace(expected: unknown, rounded: boolean): T;
  }
}

beforeEach(() => {
  for (const level of ['error', 'warn'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      throw new Error(`console.${level} during a test: ${args.map(String).join(' ')}`);
    });
  }
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});
