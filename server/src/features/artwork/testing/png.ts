import { encodeRgbPng } from '../../../lib/png';

/** A valid RGB PNG of one flat colour, so tests fetch and store a real image. */
export function makePng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  return encodeRgbPng(width, height, Buffer.concat(Array.from({ length: height }, () => row)));
}

/** A PNG's width in pixels, as its IHDR header (always the first chunk) says. */
export function pngWidth(png: Buffer): number {
  return png.readUInt32BE(16);
}
