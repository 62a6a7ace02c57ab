// @vitest-environment node
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompressDir } from './precompress';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'muse-precompress-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const script = `export function hello() { return ${JSON.stringify('hello '.repeat(500))}; }\n`;

describe('precompressDir', () => {
  it('when the build holds text assets, then each gets a .br and a .gz beside it that decompress to the original', async () => {
    await mkdir(path.join(dir, 'assets'));
    const texts: Record<string, string> = {
      'index.html': `<!doctype html><html><body>${'<p>Muse</p>'.repeat(200)}</body></html>`,
      'favicon.svg': `<svg xmlns="http://www.w3.org/2000/svg">${'<rect width="1" height="1"/>'.repeat(100)}</svg>`,
      'manifest.webmanifest': JSON.stringify({ name: 'Muse', icons: Array(50).fill({ src: '/favicon.svg' }) }),
      'robots.txt': 'User-agent: *\nAllow: /\n'.repeat(100),
      'assets/index-abc123.js': script,
      'assets/index-abc123.css': 'body { color: #fff; }\n'.repeat(200),
      'assets/data.json': JSON.stringify(Array(200).fill({ a: 1 })),
    };
    for (const [name, text] of Object.entries(texts)) await writeFile(path.join(dir, name), text);

    const written = await precompressDir(dir);

    for (const [name, text] of Object.entries(texts)) {
      const file = path.join(dir, name);
      expect(brotliDecompressSync(await readFile(`${file}.br`)).toString()).toBe(text);
      expect(gunzipSync(await readFile(`${file}.gz`)).toString()).toBe(text);
    }
    expect(written.map((w) => w.file).sort()).toEqual(Object.keys(texts).sort());
    const js = written.find((w) => w.file === 'assets/index-abc123.js')!;
    expect(js.original).toBe(Buffer.byteLength(script));
    expect(js.br!).toBeLessThan(js.gzip!);
    expect(js.gzip!).toBeLessThan(js.original);
  });

  it('when a file is binary, a source map, or would not shrink, then no compressed copy is written', async () => {
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'assets/logo.png'), Buffer.alloc(4096, 7));
    await writeFile(path.join(dir, 'assets/index-abc123.js.map'), JSON.stringify({ mappings: 'A'.repeat(4096) }));
    await writeFile(path.join(dir, 'assets/tiny.js'), 'x');

    expect(await precompressDir(dir)).toEqual([]);
    expect((await readdir(path.join(dir, 'assets'))).sort()).toEqual(['index-abc123.js.map', 'logo.png', 'tiny.js']);
  });

  it('when run twice, then it does not compress its own .br and .gz files', async () => {
    await writeFile(path.join(dir, 'index.html'), '<p>Muse</p>'.repeat(200));
    await precompressDir(dir);
    await precompressDir(dir);
    expect((await readdir(dir)).sort()).toEqual(['index.html', 'index.html.br', 'index.html.gz']);
  });
});
