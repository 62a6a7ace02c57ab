import { encodeRgbPng } from '../../lib/png';
import { hash32 } from './sandbox-random';

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
  return encodeRgbPng(width, height, raw);
}
