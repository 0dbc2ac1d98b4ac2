// The trace tool of CONTRACT.md §2: prints a worksheet's trace as JSON, or says what is wrong
// with the file on standard error and exits 2. Never prints a stack trace.
//   npm run --silent trace -- [--records] FILE|-

import { readFileSync } from 'node:fs';
import { runTraceTool, type Outcome } from './traceTool';

function main(): void {
  let outcome: Outcome;
  try {
    outcome = runTraceTool(process.argv.slice(2), () => readFileSync(0));
  } catch (error) {
    // a bug of ours, not the file's: say so in one line, without a stack
    outcome = { code: 1, stderr: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (outcome.stdout !== undefined) process.stdout.write(`${outcome.stdout}\n`);
  if (outcome.stderr !== undefined) process.stderr.write(`${outcome.stderr}\n`);
  process.exitCode = outcome.code;
}

main();
