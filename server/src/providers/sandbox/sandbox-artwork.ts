import zlib from 'node:zlib';
import { hash32 } from './sandbox-random';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export const MAX_ARTWORK_SIDE = 3000;

/**
 * A cover for an id: a 3×3 grid of colour blocks picked from the id's hash, as an RGB PNG of
 * the asked size. The same id always draws the same picture, at any size.
 */
export function artworkPng(id: string, width: number, height: number): Buffer {
  const palette = Array.from({ length: 9 }, (_, i) => {
    const h = hash32(`${id}:${i}`);
    return [h & 0xff, (h >>> 8) & 0xff, (h >>> 16) & 0xff] as const;
  });
  const rowBytes = 1 + width * 3;
  const raw = Buffer.alloc(rowBytes * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * rowBytes;
    raw[row] = 0;
    const band = Math.min(2, Math.floor((y * 3) / height));
    for (let x = 0; x < width; x += 1) {
      const [r, g, b] = palette[band * 3 + Math.min(2, Math.floor((x * 3) / width))]!;
      const at = row + 1 + x * 3;
      raw[at] = r;
      raw[at + 1] = g;
      raw[at + 2] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
