// The trace tool of CONTRACT.md §2 as a function of its arguments and its input and output: it
// writes the trace JSON, or says what is wrong with the file and returns exit code 2.
// src/cli/trace.ts runs it on the process; tests call it directly.

import { closeSync, openSync, readSync } from 'node:fs';
import { forEachRecord } from '../core/records/records';
import { computeTrace, firstNonFinite, traceJson } from '../core/engine/trace';
import { formatProblem, LIMITS, parseWorksheet } from '../core/format/validate';

/** The validator's own limit (LIMITS.chars): a longer file is refused as it is read, not after. */
export const MAX_BYTES = LIMITS.chars;
const USAGE = 'usage: npm run --silent trace -- [--records] FILE   (FILE may be - for standard input)';

export interface TraceIo {
  /** reads up to `limit` bytes of the file ("-": standard input); more than that means too large */
  read(file: string, limit: number): Buffer;
  /** writes a piece of standard output */
  write(text: string): void;
}

/** @returns the exit code and what goes to standard error */
export function runTraceTool(
  args: readonly string[],
  io: TraceIo,
  maxBytes = MAX_BYTES,
): { code: number; stderr?: string } {
  const records = args.includes('--records');
  const files = args.filter((a) => a !== '--records');
  const unknown = files.filter((a) => a.startsWith('--'));
  if (unknown.length > 0) return { code: 2, stderr: `unknown option ${unknown.join(', ')}\n${USAGE}` };
  if (files.length !== 1) return { code: 2, stderr: USAGE };
  const file = files[0] as string;
  const name = file === '-' ? '(standard input)' : file === '' ? '(an empty path)' : file;

  let bytes: Buffer;
  try {
    bytes = io.read(file, maxBytes + 1);
  } catch (error) {
    return { code: 2, stderr: `${name}: cannot be read (${readError(error)})` };
  }
  if (bytes.length > maxBytes)
    return {
      code: 2,
      stderr: `${name}: too large: a worksheet file is at most ${maxBytes} bytes (${(maxBytes / 2 ** 20).toFixed(0)} MiB)`,
    };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { code: 2, stderr: `${name}: not UTF-8 text; a worksheet is a JSON file in UTF-8` };
  }

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
  const json = JSON.stringify(trace);
  if (!records) {
    io.write(`${json}\n`);
    return { code: 0 };
  }
  // the records go out in pieces: at the contract's limits they are gigabytes of JSON
  io.write(`${json.slice(0, -1)},"records":[`);
  let chunk = '';
  let first = true;
  forEachRecord(loaded.model, forward, backward, (r) => {
    chunk += (first ? '' : ',') + JSON.stringify(r);
    first = false;
    if (chunk.length > 1 << 20) {
      io.write(chunk);
      chunk = '';
    }
  });
  io.write(`${chunk}]}\n`);
  return { code: 0 };
}

/** Reads at most `limit` bytes of a file or of standard input ("-"), never the whole of an endless one. */
export function readCapped(file: string, limit: number): Buffer {
  const fd = file === '-' ? 0 : openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    const buffer = Buffer.alloc(1 << 20);
    while (total < limit) {
      const n = readChunk(fd, buffer);
      if (n === 0) break;
      chunks.push(Buffer.from(buffer.subarray(0, n)));
      total += n;
    }
    return Buffer.concat(chunks);
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

function readChunk(fd: number, buffer: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'EAGAIN') continue; // a non-blocking pipe with nothing in it yet
      if (code === 'EOF') return 0;
      throw error;
    }
  }
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
