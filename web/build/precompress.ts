import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

// Source maps are left out: only an open DevTools fetches them, and brotli 11 on them would
// take most of the build's time.
const TEXT_EXTENSIONS = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.webmanifest', '.txt', '.xml']);

/** One precompressed file: its path under the build folder and its sizes in bytes (null: not written). */
export interface Precompressed {
  file: string;
  original: number;
  br: number | null;
  gzip: number | null;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

async function compressOne(dir: string, file: string): Promise<Precompressed | null> {
  const full = path.join(dir, file);
  const original = await readFile(full);
  const [br, gzip] = await Promise.all([
    brotli(original, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: original.length,
      },
    }),
    gz(original, { level: 9 }),
  ]);
  // A copy that is not smaller would only cost the server a file to pick.
  const keepBr = br.length < original.length;
  const keepGzip = gzip.length < original.length;
  if (!keepBr && !keepGzip) return null;
  await Promise.all([keepBr && writeFile(`${full}.br`, br), keepGzip && writeFile(`${full}.gz`, gzip)]);
  return { file: file.split(path.sep).join('/'), original: original.length, br: keepBr ? br.length : null, gzip: keepGzip ? gzip.length : null };
}

/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) beside every text
 * asset under `dir` whose compressed copy is smaller than it, so the server sends them without
 * compressing per request. Returns what it wrote, sorted by path.
 */
export async function precompressDir(dir: string): Promise<Precompressed[]> {
  const files = (await filesUnder(dir)).filter((f) => TEXT_EXTENSIONS.has(path.extname(f)));
  const done = await Promise.all(files.map((f) => compressOne(dir, f)));
  return done.filter((d): d is Precompressed => d !== null).sort((a, b) => a.file.localeCompare(b.file));
}

const kb = (bytes: number | null) => (bytes === null ? '-' : `${(bytes / 1000).toFixed(1)} kB`);

/** Vite plugin: precompresses the client build once it is written, and prints the sizes. */
export function precompressPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'muse-precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const outDir = path.resolve(config.root, config.build.outDir);
        const written = await precompressDir(outDir);
        const lines = written.map((w) => `  ${w.file.padEnd(40)} ${kb(w.original).padStart(10)}  br ${kb(w.br).padStart(9)}  gzip ${kb(w.gzip).padStart(9)}`);
        config.logger.info(`precompressed ${written.length} files:\n${lines.join('\n')}`);
      },
    },
  };
}
