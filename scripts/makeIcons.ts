// Draws the app's icons (public/icon-192.png, public/icon-512.png): a 3 × 3 grid of cells, one
// orange (the cell being worked, as on the sheet), on the link blue. Written as plain PNGs with
// node:zlib so that no image tool is needed; run again (npm run build:icons) after changing it.
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

const BLUE: Rgba = [0x0a, 0x58, 0xa8, 0xff];
const PAPER: Rgba = [0xfd, 0xfd, 0xfb, 0xff];
const ORANGE: Rgba = [0xe6, 0x9f, 0x00, 0xff];

/** The colour at (x, y) of a size × size icon, the grid inside the middle 60% (a maskable icon's safe zone is 80%). */
function pixel(x: number, y: number, size: number): Rgba {
  const grid = size * 0.6;
  const origin = (size - grid) / 2;
  const u = (x - origin) / grid;
  const v = (y - origin) / grid;
  if (u < 0 || u >= 1 || v < 0 || v >= 1) return BLUE;
  const gap = 0.06;
  const cell = (1 - 2 * gap) / 3;
  const col = Math.floor(u / (cell + gap));
  const row = Math.floor(v / (cell + gap));
  const inCell = u - col * (cell + gap) < cell && v - row * (cell + gap) < cell;
  if (!inCell) return BLUE;
  return row === 1 && col === 2 ? ORANGE : PAPER;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (1 + 4 * size));
  for (let y = 0; y < size; y++) {
    const start = y * (1 + 4 * size);
    rows[start] = 0; // no filter
    for (let x = 0; x < size; x++) Buffer.from(pixel(x, y, size)).copy(rows, start + 1 + 4 * x);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [192, 512]) writeFileSync(new URL(`../public/icon-${size}.png`, import.meta.url), png(size));
