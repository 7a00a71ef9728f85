import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';

/** Where tests point product images; nothing leaves the machine, the route below answers. */
export const FAKE_IMAGE_ORIGIN = 'https://img.qunyou.test';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

type Rgb = [number, number, number];

/** A diagonal gradient PNG, so product photos in screenshots look like pictures, not broken icons. */
export function gradientPng(width: number, height: number, from: Rgb, to: Rgb): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0, then RGB
    for (let x = 0; x < width; x++) {
      const t = (x + y) / (width + height - 2);
      for (let channel = 0; channel < 3; channel++) row[1 + x * 3 + channel] = Math.round(from[channel] + (to[channel] - from[channel]) * t);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const PALETTE: Array<[Rgb, Rgb]> = [
  [[168, 224, 99], [86, 171, 47]],
  [[255, 209, 148], [255, 126, 95]],
  [[161, 196, 253], [194, 233, 251]],
];

/** Answers every `${FAKE_IMAGE_ORIGIN}/<n>.png` on this page with a generated picture. */
export async function serveFakeImages(page: Page): Promise<void> {
  await page.route(`${FAKE_IMAGE_ORIGIN}/**`, async (route) => {
    const index = Number(/\/(\d+)\.png/.exec(route.request().url())?.[1] ?? 0) % PALETTE.length;
    const [from, to] = PALETTE[index];
    await route.fulfill({ status: 200, contentType: 'image/png', body: gradientPng(240, 240, from, to) });
  });
}
