import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readCapped, runTraceTool } from '../../src/cli/traceTool';
import { buildRecords } from '../../src/core/records/records';
import { computeTrace } from '../../src/core/engine/trace';
import { mustLoad } from '../helpers/load';
import { referenceCases } from '../helpers/reference';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'trace-test-'));
const root = join(import.meta.dirname, '..', '..');

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** Runs `npm run --silent trace -- ...args` as a person (or check-trace) would. */
async function traceTool(args: string[], stdin?: string) {
  try {
    const child = run('npm', ['run', '--silent', 'trace', '--', ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    if (stdin !== undefined) {
      child.child.stdin?.end(stdin);
    }
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run trace reproduces every reference case', () => {
  const cases = [...referenceCases('seeds'), ...referenceCases('random')];
  it.each(cases.map((c) => [c.name, c] as const))(
    '%s',
    async (name, c) => {
      const { code, stdout } = await traceTool([file(name.replace('/', '-'), JSON.stringify(c.worksheet))]);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toMatchTrace(c.expected, c.rounded);
    },
    30_000,
  );

  it('reads the worksheet from standard input with -', async () => {
    const c = cases[0]!;
    const { code, stdout } = await traceTool(['-'], JSON.stringify(c.worksheet));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchTrace(c.expected, c.rounded);
  }, 30_000);

  it('adds the records with --records', async () => {
    const c = cases.find((k) => k.name.endsWith('rnn-by-hand.json'))!;
    const { stdout } = await traceTool(['--records', file('tom.json', JSON.stringify(c.worksheet))]);
    const out = JSON.parse(stdout) as { records: { q: string; t: number; value: number }[] };
    expect(out.records.filter((r) => r.q === 'y').map((r) => r.value)).toEqual([3, 16, 28, 40]);
  }, 30_000);
});

describe('a bad file gets exit code 2, a message on stderr, nothing on stdout and no stack', () => {
  it.each([
    ['a missing file', () => join(dir, 'nope.json'), /cannot be read \(no such file\)/],
    ['a folder', () => dir, /cannot be read \(it is a folder/],
    ['text that is not JSON', () => file('bad.json', '{"format": "rnn-by'), /not valid JSON/],
    ['JSON that is not a worksheet', () => file('list.json', '[1, 2]'), /\(top level\): expected a worksheet object/],
    [
      'a worksheet with a broken rule',
      () => file('v2.json', '{"format": "rnn-by-hand/worksheet", "version": 2}'),
      /version: this build reads version 1, got 2/,
    ],
    ['binary junk', () => file('junk.bin', Buffer.from([0xff, 0xfe, 0x00, 0x01])), /not UTF-8 text/],
  ])(
    '%s',
    async (_name, path, message) => {
      const { code, stdout, stderr } = await traceTool([path()]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/^\s+at \S/m);
    },
    30_000,
  );

  it('a file over the size limit', () => {
    const out = runTraceTool([file('big.json', ' '.repeat(2000))], { read: readCapped, write: () => {} }, 1000);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/too large/);
  });

  it('a file of thousands of errors lists the first 200, counts the rest, and exits 2', () => {
    const H = 100;
    const sheet = {
      format: 'rnn-by-hand/worksheet',
      version: 1,
      cell: 'rnn',
      params: {
        W_ih: Array.from({ length: H }, () => [1]),
        W_hh: Array.from({ length: H }, () => new Array<string>(H).fill('0')),
      },
      inputs: [[1]],
    };
    const out = runTraceTool([file('strings.json', JSON.stringify(sheet))], { read: readCapped, write: () => {} });
    expect(out.code).toBe(2);
    const lines = (out.stderr ?? '').trimEnd().split('\n');
    // 200 listed, one that counts the other 9800, and the summary
    expect(lines).toHaveLength(202);
    expect(lines[200]).toMatch(/: \(file\): and 9800 more problems/);
  });

  it('an endless input: /dev/zero is read up to the limit, not forever', async () => {
    const { code, stdout, stderr } = await traceTool(['/dev/zero']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/too large/);
  }, 30_000);

  it('bytes that are not UTF-8', async () => {
    const { code, stderr } = await traceTool([file('latin1.json', Buffer.from('{"title": "caf\xe9"}', 'latin1'))]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/not UTF-8 text/);
  }, 30_000);

  it('no file given', () => {
    expect(runTraceTool([], { read: readCapped, write: () => {} })).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/usage/),
    });
  });
});

describe('the trace tool writes what it computes', () => {
  it('--records writes the same records as the engine, in pieces', () => {
    const c = referenceCases('seeds').find((k) => k.name.endsWith('lstm-2-decimals.json'))!;
    let written = '';
    const out = runTraceTool(['--records', file('lstm.json', JSON.stringify(c.worksheet))], {
      read: readCapped,
      write: (text) => (written += text),
    });
    expect(out.code).toBe(0);
    const model = mustLoad(c.worksheet);
    const { forward, backward } = computeTrace(model);
    expect(JSON.parse(written).records).toEqual(JSON.parse(JSON.stringify(buildRecords(model, forward, backward))));
  });

  it('a reader that goes away early (| head) gets no stack trace', async () => {
    const c = referenceCases('random').find((k) => k.name.endsWith('004-lstm-large.json'))!;
    const path = file('large.json', JSON.stringify(c.worksheet));
    const { stderr } = await run(
      'bash',
      ['-c', `npm run --silent trace -- --records ${path} | head -c 10 > /dev/null`],
      { cwd: root },
    );
    expect(stderr).not.toMatch(/^\s+at \S/m);
  }, 60_000);
});
