import zlib from 'node:zlib';
import { artworkPng } from './sandbox-artwork';
import { startTestSandbox } from './sandbox-test-kit';
import type { ProviderSandbox } from './start-sandbox';

/** Reads back width, height and raw scanlines of the PNGs the generator writes (one IDAT). */
function decode(png: Buffer): { width: number; height: number; pixel: (x: number, y: number) => number[] } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe(height * (1 + width * 3));
  return { width, height, pixel: (x, y) => [...raw.subarray(y * (1 + width * 3) + 1 + x * 3, y * (1 + width * 3) + 4 + x * 3)] };
}

let sandbox: ProviderSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());

describe('sandbox artwork', () => {
  it('when a cover is drawn, then it is a real PNG of the asked size, the same for the same id at any size', () => {
    const small = decode(artworkPng('5099902894225', 64, 64));
    const large = decode(artworkPng('5099902894225', 640, 480));
    expect([large.width, large.height]).toEqual([640, 480]);
    expect(small.pixel(0, 0)).toEqual(large.pixel(0, 0));
    expect(small.pixel(63, 63)).toEqual(large.pixel(639, 479));
    expect(decode(artworkPng('another', 64, 64)).pixel(0, 0)).not.toEqual(small.pixel(0, 0));
  });

  it('when the artwork host is asked, then PNGs come with long cache headers, and bad sizes or ids are 404', async () => {
    const res = await fetch(`${sandbox.url}/artwork/5099902894225/300x300.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('max-age=31536000');
    expect(decode(Buffer.from(await res.arrayBuffer())).width).toBe(300);
    for (const path of ['0x0.png', '3001x10.png', '10x10.gif', '{w}x{h}.png']) expect((await fetch(`${sandbox.url}/artwork/abc/${path}`)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/artwork/${'x'.repeat(65)}/10x10.png`)).status).toBe(404);
  });
});
