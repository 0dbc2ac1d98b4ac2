// A worksheet (and where in it the sender was) as text for a link's fragment, and back. The link is
// `<version>.<base64url>`: the bytes are a CRC-32 of the content, its compressed length, and the
// content compressed with the platform's deflate-raw; the content is one line of view JSON, then
// the worksheet's JSON, which goes through the project's one validator. Decoding never throws.
import { parseWorksheet, type Problem } from './validate';
import type { WorksheetFile } from './worksheet';

/** Where in the worksheet the sender was (frame 0-based, as the store counts it). */
export interface ShareView {
  readonly frame: number;
  readonly direction: 'forward' | 'backward';
  readonly mode: 'walkthrough' | 'practice';
  readonly granularity: 'number' | 'vector';
}

export type ShareLinkFailure = 'corrupt' | 'truncated' | 'future' | 'tooLarge' | 'invalid';

export type DecodedShareLink =
  | { readonly ok: true; readonly file: WorksheetFile; readonly view: ShareView | null }
  | { readonly ok: false; readonly reason: ShareLinkFailure; readonly problems?: readonly Problem[] };

/** The version this build writes, and the newest it reads. */
export const SHARE_LINK_VERSION = 1;

export const SHARE_LINK_LIMITS = {
  /** characters of link text: longer is refused before anything is decoded */
  linkChars: 32 * 1024,
  /** bytes the content may inflate to: a deflate bomb is stopped at this, while streaming */
  contentBytes: 1024 * 1024,
} as const;

/** CRC-32 and the compressed length, each 4 bytes, before the compressed content. */
const HEADER_BYTES = 8;

/** The link text for a worksheet (a valid file) and, if given, where in it the link opens. */
export async function encodeShareLink(file: unknown, view?: ShareView | null): Promise<string> {
  const content = new TextEncoder().encode(`${JSON.stringify(view ? { view } : {})}\n${JSON.stringify(file)}`);
  const compressed = await pipe(content, new CompressionStream('deflate-raw'), Infinity);
  if (!(compressed instanceof Uint8Array)) throw new Error('deflate-raw failed on the worksheet');
  const bytes = new Uint8Array(HEADER_BYTES + compressed.length);
  const header = new DataView(bytes.buffer);
  header.setUint32(0, crc32(content));
  header.setUint32(4, compressed.length);
  bytes.set(compressed, HEADER_BYTES);
  return `${SHARE_LINK_VERSION}.${toBase64Url(bytes)}`;
}

/** The worksheet and view a link carries, or why it cannot be opened; never throws. */
export async function decodeShareLink(text: string): Promise<DecodedShareLink> {
  try {
    return await decode(text);
  } catch {
    // every known failure is returned above; this is for what the platform may yet throw
    return { ok: false, reason: 'corrupt' };
  }
}

async function decode(text: string): Promise<DecodedShareLink> {
  if (typeof text !== 'string') return { ok: false, reason: 'corrupt' };
  if (text.length > SHARE_LINK_LIMITS.linkChars) return { ok: false, reason: 'tooLarge' };
  const framed = /^(\d{1,9})\.([A-Za-z0-9_-]*)$/.exec(text);
  if (!framed) return { ok: false, reason: /^\d{1,9}$/.test(text) ? 'truncated' : 'corrupt' };
  const version = Number(framed[1]);
  if (version > SHARE_LINK_VERSION) return { ok: false, reason: 'future' };
  if (version !== SHARE_LINK_VERSION) return { ok: false, reason: 'corrupt' };
  const bytes = fromBase64Url(framed[2] as string);
  if (bytes === null) return { ok: false, reason: 'truncated' };
  if (bytes.length < HEADER_BYTES) return { ok: false, reason: 'truncated' };
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const crc = header.getUint32(0);
  const length = header.getUint32(4);
  const compressed = bytes.subarray(HEADER_BYTES);
  if (compressed.length < length) return { ok: false, reason: 'truncated' };
  if (compressed.length > length) return { ok: false, reason: 'corrupt' };
  const inflated = await pipe(compressed, new DecompressionStream('deflate-raw'), SHARE_LINK_LIMITS.contentBytes);
  if (inflated === 'tooLarge') return { ok: false, reason: 'tooLarge' };
  if (inflated === 'broken' || crc32(inflated) !== crc) return { ok: false, reason: 'corrupt' };
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  const newline = content.indexOf('\n');
  if (newline < 0) return { ok: false, reason: 'corrupt' };
  const envelope = readEnvelope(content.slice(0, newline));
  if (envelope === null) return { ok: false, reason: 'corrupt' };
  const problems: Problem[] = [...envelope.problems];
  const loaded = parseWorksheet(content.slice(newline + 1));
  if (!loaded.ok) problems.push(...loaded.problems);
  if (!loaded.ok || problems.length > 0) return { ok: false, reason: 'invalid', problems };
  return { ok: true, file: loaded.file, view: envelope.view };
}

/** The first line: `{}` or `{"view": {...}}`; a view that breaks its rules is a list of problems. */
function readEnvelope(line: string): { view: ShareView | null; problems: Problem[] } | null {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return null;
  }
  if (!isRecord(json)) return null;
  const problems: Problem[] = [];
  for (const key of Object.keys(json))
    if (key !== 'view') problems.push({ path: `(link).${key}`, message: 'unknown key; a link has only a view' });
  if (!('view' in json)) return { view: null, problems };
  const view = json.view;
  if (!isRecord(view))
    return { view: null, problems: [...problems, { path: '(link).view', message: 'expected an object' }] };
  const choice = <T extends string>(key: string, allowed: readonly T[]): T => {
    const v = view[key];
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    problems.push({ path: `(link).view.${key}`, message: `expected one of ${allowed.join(', ')}` });
    return allowed[0] as T;
  };
  const frame = view.frame;
  if (typeof frame !== 'number' || !Number.isSafeInteger(frame) || frame < 0)
    problems.push({ path: '(link).view.frame', message: 'expected a whole number from 0' });
  for (const key of Object.keys(view))
    if (!['frame', 'direction', 'mode', 'granularity'].includes(key))
      problems.push({ path: `(link).view.${key}`, message: 'unknown key' });
  const parsed: ShareView = {
    frame: typeof frame === 'number' ? frame : 0,
    direction: choice('direction', ['forward', 'backward'] as const),
    mode: choice('mode', ['walkthrough', 'practice'] as const),
    granularity: choice('granularity', ['number', 'vector'] as const),
  };
  return { view: parsed, problems };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Runs bytes through a (de)compression stream, reading no more than `cap` bytes of output: past it
 * the stream is cancelled, so a deflate bomb costs what was read, not what it would grow to. Data
 * that ends early or does not inflate is 'broken' (the header's length tells a cut apart before).
 */
async function pipe(
  bytes: Uint8Array,
  through: CompressionStream | DecompressionStream,
  cap: number,
): Promise<Uint8Array | 'tooLarge' | 'broken'> {
  const reader = streamOf(bytes).pipeThrough(through).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > cap) {
        await reader.cancel().catch(() => {});
        return 'tooLarge';
      }
      chunks.push(value);
    }
  } catch {
    return 'broken';
  }
  return concat(chunks);
}

function streamOf(bytes: Uint8Array): ReadableStream<BufferSource> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes as Uint8Array<ArrayBuffer>);
      controller.close();
    },
  });
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url without padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let k = 0; k < bytes.length; k += 3) {
    const n = ((bytes[k] ?? 0) << 16) | ((bytes[k + 1] ?? 0) << 8) | (bytes[k + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - k) * 8) / 6));
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

/** The bytes of unpadded base64url text (checked to hold its alphabet only); null where a length cannot be. */
export function fromBase64Url(text: string): Uint8Array | null {
  // four characters hold three bytes; a lone last character holds none, so the text was cut
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const ch of text) {
    value = ((value << 6) | ALPHABET.indexOf(ch)) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 255;
    }
  }
  return out;
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (IEEE 802.3, as zip and PNG use it): a changed character in a link is found, not opened. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = (crcTable[(crc ^ b) & 255] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
