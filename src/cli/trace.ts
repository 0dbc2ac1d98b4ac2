// The trace tool of CONTRACT.md §2: prints a worksheet's trace as JSON, or says what is wrong
// with the file on standard error and exits 2. Never prints a stack trace.
//   npm run --silent trace -- [--records] FILE|-

import { writeSync } from 'node:fs';
import { readCapped, runTraceTool } from './traceTool';

/** Writes all of `text` to a file descriptor, waiting out a full non-blocking pipe. */
function writeAll(fd: number, text: string): void {
  let buffer = Buffer.from(text, 'utf8');
  while (buffer.length > 0) {
    try {
      buffer = buffer.subarray(writeSync(fd, buffer));
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EAGAIN') throw error;
    }
  }
}

function main(): number {
  try {
    const outcome = runTraceTool(process.argv.slice(2), { read: readCapped, write: (text) => writeAll(1, text) });
    if (outcome.stderr !== undefined) writeAll(2, `${outcome.stderr}\n`);
    return outcome.code;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // the reader of our output went away (`| head`): nothing to say, and nobody to say it to
    if (code === 'EPIPE') return 1;
    const why =
      code === 'ENOSPC' ? 'no space left to write the trace' : error instanceof Error ? error.message : String(error);
    // not the file's fault, and a stack helps nobody who runs the tool
    try {
      writeAll(2, `trace: ${why}\n`);
    } catch {
      // standard error is gone too
    }
    return 1;
  }
}

process.exitCode = main();
