// @vitest-environment node
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompressDir } from './precompress';
import { precompressedCopyProblems } from './precompressed-copies';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'muse-precompressed-copies-'));
  await mkdir(path.join(dir, 'assets'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const script = `export const words = ${JSON.stringify('listen again '.repeat(300))};\n`;

describe('precompressedCopyProblems', () => {
  it('when the build wrote every copy, then it finds nothing; when a copy is missing or holds other bytes, then it names each', async () => {
    await writeFile(path.join(dir, 'index.html'), `<!doctype html>${'<p>Muse</p>'.repeat(100)}`);
    await writeFile(path.join(dir, 'assets/app.js'), script);
    await writeFile(path.join(dir, 'assets/app.css'), 'a { color: red; }\n'.repeat(100));
    await precompressDir(dir);
    expect(precompressedCopyProblems(dir)).toEqual([]);

    await unlink(path.join(dir, 'assets/app.css.br'));
    await writeFile(path.join(dir, 'assets/app.js.gz'), gzipSync('an older build'));
    await writeFile(path.join(dir, 'index.html.br'), 'not brotli at all');
    expect(precompressedCopyProblems(dir)).toEqual([
      'assets/app.css has no .br copy',
      'assets/app.js.gz does not decompress to assets/app.js',
      'index.html.br does not decompress to index.html',
    ]);
  });

  it('when a file is too small for compression to shrink it, then its missing copies are no problem, and a source map needs none', async () => {
    await writeFile(path.join(dir, 'assets/tiny.js'), 'x');
    await writeFile(path.join(dir, 'assets/app.js.map'), JSON.stringify({ mappings: 'A'.repeat(4096) }));
    await precompressDir(dir);
    expect(precompressedCopyProblems(dir)).toEqual([]);
  });
});
