import { describe, expect, it } from 'vitest';
import {
  crc32,
  decodeShareLink,
  encodeShareLink,
  fromBase64Url,
  SHARE_LINK_LIMITS,
  toBase64Url,
  type ShareView,
} from '../../../src/core/format/shareLink';
import { formatProblem } from '../../../src/core/format/validate';
import { BUILT_IN_WORKSHEETS, findBuiltIn } from '../../../src/worksheets';

const lstm = () => structuredClone(findBuiltIn('lstm-2-decimals')?.file) as Record<string, unknown>;
const view: ShareView = { frame: 7, direction: 'backward', mode: 'walkthrough', granularity: 'vector' };

async function reason(text: string) {
  const r = await decodeShareLink(text);
  return r.ok ? 'ok' : r.reason;
}

describe('a share link carries a worksheet and where in it the sender was', () => {
  it.each(BUILT_IN_WORKSHEETS.map((w) => [w.id, w.file]))(
    '%s comes back as it went, with its view',
    async (_id, file) => {
      const link = await encodeShareLink(file, view);
      expect(link).toMatch(/^1\.[A-Za-z0-9_-]+$/);
      expect(await decodeShareLink(link)).toEqual({ ok: true, file, view });
    },
  );

  it('comes back without a view when none was given', async () => {
    expect(await decodeShareLink(await encodeShareLink(lstm()))).toEqual({ ok: true, file: lstm(), view: null });
  });

  it('is shorter than the worksheet’s own compact JSON (the LSTM: 561 characters)', async () => {
    const link = await encodeShareLink(lstm(), view);
    expect(JSON.stringify(lstm()).length).toBe(561);
    expect(link.length).toBeLessThan(561);
  });
});

describe('a broken link says what is wrong, and never throws', () => {
  it('over 32 KB of text is too large, before anything is decoded (even text that is not a link)', async () => {
    expect(await reason('1.' + 'A'.repeat(SHARE_LINK_LIMITS.linkChars))).toBe('tooLarge');
    expect(await reason('%'.repeat(SHARE_LINK_LIMITS.linkChars + 1))).toBe('tooLarge');
  });

  it('characters outside base64url, or no version, are corrupt', async () => {
    const link = await encodeShareLink(lstm());
    expect(await reason(link.slice(0, 20) + '+' + link.slice(21))).toBe('corrupt');
    expect(await reason(link + '=')).toBe('corrupt');
    expect(await reason(link.slice(2))).toBe('corrupt');
    expect(await reason('')).toBe('corrupt');
    expect(await reason('hello world')).toBe('corrupt');
  });

  it('a link cut anywhere is truncated', async () => {
    const link = await encodeShareLink(lstm(), view);
    for (const cut of [1, 2, 3, 10, Math.floor(link.length / 2), link.length - 2])
      expect(await reason(link.slice(0, cut)), `cut at ${cut}`).toBe('truncated');
  });

  it('junk appended is corrupt', async () => {
    expect(await reason((await encodeShareLink(lstm())) + 'AAAA')).toBe('corrupt');
  });

  it('a changed character never opens another worksheet: it is refused, or (in unused bits) opens the same one', async () => {
    const file = lstm();
    const link = await encodeShareLink(file, view);
    for (let k = 2; k < link.length; k++) {
      const changed = link.slice(0, k) + (link[k] === 'B' ? 'C' : 'B') + link.slice(k + 1);
      const r = await decodeShareLink(changed);
      if (r.ok) expect(r, `changed at ${k}`).toEqual({ ok: true, file, view });
      else expect(['corrupt', 'truncated'], `changed at ${k}`).toContain(r.reason);
    }
  });

  it('a version newer than this build is from the future; version 0 is corrupt', async () => {
    const body = (await encodeShareLink(lstm())).slice(2);
    expect(await reason(`2.${body}`)).toBe('future');
    expect(await reason(`99.${body}`)).toBe('future');
    expect(await reason(`0.${body}`)).toBe('corrupt');
  });

  it('content that inflates past 1 MB is too large: a 2 MB title packs into a few KB', async () => {
    const bomb = await encodeShareLink({ ...lstm(), title: 'a'.repeat(2_000_000) });
    expect(bomb.length).toBeLessThan(SHARE_LINK_LIMITS.linkChars);
    expect(await reason(bomb)).toBe('tooLarge');
  });

  it('a worksheet that breaks the contract is invalid, with the validator’s path-named problems', async () => {
    const w = lstm();
    (w.params as Record<string, unknown>).W_hi = [[1, 2, 3]];
    w.colour = 'red';
    const r = await decodeShareLink(await encodeShareLink(w));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('invalid');
    expect(r.problems?.map(formatProblem)).toEqual(
      expect.arrayContaining([
        'params.W_hi: expected a 2×2 matrix, got 1×3',
        expect.stringMatching(/^colour: unknown field/),
      ]),
    );
  });

  it('a view that breaks its rules is invalid, with the field named', async () => {
    const bad = { frame: -1, direction: 'sideways', mode: 'walkthrough', granularity: 'number' };
    const r = await decodeShareLink(await encodeShareLink(lstm(), bad as unknown as ShareView));
    expect(r.ok ? [] : r.problems?.map(formatProblem)).toEqual([
      '(link).view.frame: expected a whole number from 0',
      '(link).view.direction: expected one of forward, backward',
    ]);
  });

  it('what is not a string is corrupt, not an exception', async () => {
    expect(await reason(null as unknown as string)).toBe('corrupt');
    expect(await reason(12 as unknown as string)).toBe('corrupt');
  });
});

describe('the pieces of the link', () => {
  it('base64url is RFC 4648’s, unpadded: "any carnal pleas" and its cuts', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(toBase64Url(text('any carnal pleas'))).toBe('YW55IGNhcm5hbCBwbGVhcw');
    expect(toBase64Url(text('any carnal pleasu'))).toBe('YW55IGNhcm5hbCBwbGVhc3U');
    expect(toBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(Array.from(fromBase64Url('YW55IGNhcm5hbCBwbGVhc3U') ?? [])).toEqual(Array.from(text('any carnal pleasu')));
    expect(Array.from(fromBase64Url('-_8') ?? [])).toEqual([0xfb, 0xff]);
    expect(fromBase64Url('YW55I')).toBeNull();
  });

  it('CRC-32 of "123456789" is 0xCBF43926 (the standard check value)', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
