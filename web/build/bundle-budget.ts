import fs from 'node:fs';
import path from 'node:path';

/** Gzipped bytes of JavaScript the landing page may download before anyone interacts with it. */
export const INITIAL_JS_BUDGET_BYTES = 120_000;

/**
 * Gzipped bytes of CSS it may download meanwhile. Kept apart from the JavaScript: React, its
 * router and the query cache alone are about 108 kB, so the two together cannot fit in 120 kB.
 */
export const INITIAL_CSS_BUDGET_BYTES = 16_000;

/** One chunk of Vite's build manifest (`build.manifest`), as far as the budget reads it. */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  /** Manifest keys of the chunks this one imports statically (the browser fetches them before it runs). */
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

/** A file of the first download and its size as the server sends it. */
export interface InitialFile {
  file: string;
  gzipBytes: number;
}

/** What the landing page downloads before it runs: the entry, its static imports (transitively) and their CSS. */
export interface InitialLoad {
  js: InitialFile[];
  css: InitialFile[];
  jsBytes: number;
  cssBytes: number;
  totalBytes: number;
}

/**
 * The files of the first download, by manifest: every entry chunk, the chunks they import
 * statically (and those import, and so on), and every CSS file of those chunks. Chunks reached
 * only through `import()` (the lazily loaded pages) are not part of it, except the page named
 * (its manifest key, as `src/app/routes/album-route.tsx`) and what it imports statically: the
 * first download of that page, whose chunks the server preloads with it.
 */
export function initialFiles(manifest: Manifest, page?: string): { js: string[]; css: string[] } {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest names ${key} as an import but has no such chunk`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry);
  if (entries.length === 0) throw new Error('the manifest has no entry chunk');
  entries.forEach(visit);
  if (page !== undefined) visit(page);
  const chunks = [...seen].map((key) => manifest[key]!);
  return {
    js: [...new Set(chunks.map((c) => c.file).filter((file) => file.endsWith('.js')))].sort(),
    css: [...new Set(chunks.flatMap((c) => c.css ?? []))].sort(),
  };
}

/**
 * The file's size as the server sends it to a browser that accepts gzip: the `.gz` copy the
 * build wrote. Without one the server would send the file as it is, so that is a failure here,
 * not something to make up for.
 */
function gzipBytes(distDir: string, file: string): number {
  const copy = path.join(distDir, `${file}.gz`);
  if (!fs.existsSync(copy)) throw new Error(`${file} has no .gz copy beside it: the build must precompress its assets (precompressPlugin in vite.config.ts)`);
  return fs.statSync(copy).size;
}

/** Reads `distDir/.vite/manifest.json` and measures the first download of the built app (of one page of it, when named). */
export function measureInitialLoad(distDir: string, page?: string): InitialLoad {
  const manifestFile = path.join(distDir, '.vite', 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  const files = initialFiles(manifest, page);
  const js = files.js.map((file) => ({ file, gzipBytes: gzipBytes(distDir, file) }));
  const css = files.css.map((file) => ({ file, gzipBytes: gzipBytes(distDir, file) }));
  const sum = (list: InitialFile[]) => list.reduce((total, f) => total + f.gzipBytes, 0);
  return { js, css, jsBytes: sum(js), cssBytes: sum(css), totalBytes: sum(js) + sum(css) };
}

/** The first download file by file, largest first, for a failure message or a report. */
export function describeInitialLoad(load: InitialLoad): string {
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  const lines = [...load.js, ...load.css].sort((a, b) => b.gzipBytes - a.gzipBytes).map((f) => `  ${kb(f.gzipBytes).padStart(9)}  ${f.file}`);
  return [`first download: ${kb(load.totalBytes)} gzipped (JavaScript ${kb(load.jsBytes)}, CSS ${kb(load.cssBytes)})`, ...lines].join('\n');
}
