// The trace tool of CONTRACT.md §2 as a function of its arguments: the JSON to print, or what is
// wrong with the file and exit code 2. src/cli/trace.ts runs it; tests call it directly.

import { readFileSync, statSync } from 'node:fs';
import { buildRecords } from '../core/records';
import { computeTrace, firstNonFinite, traceJson } from '../core/trace';
import { formatProblem, parseWorksheet } from '../core/validate';

/** Larger than any worksheet within the contract's limits (H, I, O ≤ 256, T ≤ 1024). */
export const MAX_BYTES = 64 * 1024 * 1024;
const USAGE = 'usage: npm run --silent trace -- [--records] FILE   (FILE may be - for standard input)';

export interface Outcome {
  code: number;
  stdout?: string;
  stderr?: string;
}

export function runTraceTool(args: readonly string[], readStdin: () => Buffer, maxBytes = MAX_BYTES): Outcome {
  const records = args.includes('--records');
  const files = args.filter((a) => a !== '--records');
  const unknown = files.filter((a) => a.startsWith('--'));
  if (unknown.length > 0) return { code: 2, stderr: `unknown option ${unknown.join(', ')}\n${USAGE}` };
  if (files.length !== 1) return { code: 2, stderr: USAGE };
  const file = files[0] as string;
  const name = file === '-' ? '(standard input)' : file;

  let bytes: Buffer;
  try {
    if (file !== '-' && statSync(file).size > maxBytes) return { code: 2, stderr: tooLarge(name, maxBytes) };
    bytes = file === '-' ? readStdin() : readFileSync(file);
  } catch (error) {
    return { code: 2, stderr: `${name}: cannot be read (${readError(error)})` };
  }
  if (bytes.length > maxBytes) return { code: 2, stderr: tooLarge(name, maxBytes) };
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);

  const loaded = parseWorksheet(text);
  if (!loaded.ok) {
    const lines = loaded.problems.map((p) => `${name}: ${formatProblem(p)}`);
    return {
      code: 2,
      stderr: `${lines.join('\n')}\n${name}: not a valid worksheet (${plural(lines.length, 'problem')})`,
    };
  }
  const { forward, backward } = computeTrace(loaded.model);
  const trace = traceJson(loaded.model, forward, backward);
  const overflow = firstNonFinite(trace);
  if (overflow)
    return {
      code: 2,
      stderr: `${name}: ${overflow}: the computation overflows float64 (infinite or not a number); the worksheet's numbers are too large`,
    };
  const out: Record<string, unknown> = { ...trace };
  if (records) out.records = buildRecords(loaded.model, forward, backward);
  return { code: 0, stdout: JSON.stringify(out) };
}

function tooLarge(name: string, maxBytes: number): string {
  return `${name}: too large: a worksheet file is at most ${maxBytes} bytes (${(maxBytes / 1024 / 1024).toFixed(0)} MiB)`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function readError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
