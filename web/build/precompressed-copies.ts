import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gzipSync, gunzipSync } from 'node:zlib';

/** The files a browser fetches as text: each should reach it compressed. */
const ASSET_EXTENSIONS = new Set(['.js', '.css', '.html', '.svg']);

const COPIES = [
  {
    suffix: '.br',
    decompress: (copy: Buffer) => brotliDecompressSync(copy),
    // The settings of build/precompress.ts, to tell whether a missing copy was left out on purpose.
    compress: (original: Buffer) =>
      brotliCompressSync(original, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }),
  },
  { suffix: '.gz', decompress: (copy: Buffer) => gunzipSync(copy), compress: (original: Buffer) => gzipSync(original, { level: 9 }) },
];

function assetsUnder(distDir: string): string[] {
  return fs
    .readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => ASSET_EXTENSIONS.has(path.extname(file)) && fs.statSync(path.join(distDir, file)).isFile())
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

function decompresses(copy: Buffer, decompress: (copy: Buffer) => Buffer): Buffer | null {
  try {
    return decompress(copy);
  } catch {
    return null;
  }
}

/**
 * What is wrong with the compressed copies the build wrote beside its JavaScript, CSS, HTML and
 * SVG (build/precompress.ts): a `.br` or `.gz` that is missing, or that does not decompress to
 * the file's bytes. A copy may be missing only where it would not have been smaller, as the
 * build leaves those out. Empty when every asset can be sent compressed as built.
 */
export function precompressedCopyProblems(distDir: string): string[] {
  const problems: string[] = [];
  for (const file of assetsUnder(distDir)) {
    const original = fs.readFileSync(path.join(distDir, file));
    for (const { suffix, decompress, compress } of COPIES) {
      const copyPath = path.join(distDir, file + suffix);
      if (!fs.existsSync(copyPath)) {
        // Compressing here only tells an omission on purpose from a missing build step; the copy itself must come from the build.
        if (compress(original).length < original.length) problems.push(`${file} has no ${suffix} copy`);
        continue;
      }
      if (!decompresses(fs.readFileSync(copyPath), decompress)?.equals(original)) problems.push(`${file}${suffix} does not decompress to ${file}`);
    }
  }
  return problems;
}
