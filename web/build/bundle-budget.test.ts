// @vitest-environment node
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeInitialLoad, INITIAL_CSS_BUDGET_BYTES, INITIAL_JS_BUDGET_BYTES, initialFiles, measureInitialLoad, type Manifest } from './bundle-budget';
import { precompressedCopyProblems } from './precompressed-copies';

const distDir = fileURLToPath(new URL('../dist', import.meta.url));
const built = fs.existsSync(`${distDir}/index.html`);

describe('initialFiles', () => {
  it('when chunks import others statically and pages dynamically, then only the static closure of the entry and its CSS count', () => {
    const manifest: Manifest = {
      'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_react.js', '_api.js'], dynamicImports: ['src/album.tsx'], css: ['assets/index.css'] },
      '_react.js': { file: 'assets/react.js' },
      '_api.js': { file: 'assets/api.js', imports: ['_react.js'], css: ['assets/api.css'] },
      'src/album.tsx': { file: 'assets/album.js', isDynamicEntry: true, imports: ['_zod.js'], css: ['assets/album.css'] },
      '_zod.js': { file: 'assets/zod.js' },
    };
    expect(initialFiles(manifest)).toEqual({ js: ['assets/api.js', 'assets/index.js', 'assets/react.js'], css: ['assets/api.css', 'assets/index.css'] });
  });

  it('when an import names a chunk the manifest lacks, then it says so instead of undercounting', () => {
    expect(() => initialFiles({ 'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_gone.js'] } })).toThrow(/_gone\.js/);
  });
});

// `npm test` builds the app before this runs. Without a build these fail rather than skip: a
// skipped check would let a build that stopped precompressing, or grew, pass unnoticed.
describe('the built app (web/dist)', () => {
  beforeAll(() => {
    if (!built) throw new Error('web/dist has no build: run `npm run build` first');
  });

  it('when the app is built, then every JavaScript, CSS, HTML and SVG file has a .br and a .gz copy beside it that decompress to its bytes', () => {
    expect(precompressedCopyProblems(distDir), 'the build must precompress its assets (precompressPlugin in vite.config.ts)').toEqual([]);
  });

  it(`when the landing page loads, then its JavaScript comes to at most ${INITIAL_JS_BUDGET_BYTES / 1000} kB gzipped and its CSS to ${INITIAL_CSS_BUDGET_BYTES / 1000} kB`, () => {
    expect(fs.existsSync(`${distDir}/.vite/manifest.json`), 'web/dist has no .vite/manifest.json: vite.config.ts must keep build.manifest').toBe(true);
    const load = measureInitialLoad(distDir);
    expect(load.jsBytes, describeInitialLoad(load)).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
    expect(load.cssBytes, describeInitialLoad(load)).toBeLessThanOrEqual(INITIAL_CSS_BUDGET_BYTES);
  });

  it('when index.html is served, then it runs the entry chunk the budget measured', () => {
    const manifest = JSON.parse(fs.readFileSync(`${distDir}/.vite/manifest.json`, 'utf8')) as Manifest;
    const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
    const html = fs.readFileSync(`${distDir}/index.html`, 'utf8');
    expect(html).toContain(`<script type="module" crossorigin src="/${entry?.file}"></script>`);
  });

  /** The modules the first download (of the landing page, or of one page) is built from, by the chunks' source maps. */
  const firstDownloadModules = (page?: string) =>
    measureInitialLoad(distDir, page).js.flatMap((f) => {
      const map = `${distDir}/${f.file}.map`;
      // Only the bundler's own runtime has no source map.
      if (!fs.existsSync(map)) return [f.file.startsWith('assets/rolldown-runtime-') ? 'rolldown runtime' : `${f.file}, which has no source map`];
      return (JSON.parse(fs.readFileSync(map, 'utf8')) as { sources: string[] }).sources;
    });

  it('when the landing page loads, then neither zod, socket.io nor howler is part of it', () => {
    const modules = firstDownloadModules();
    expect(modules.filter((source) => source.endsWith('which has no source map'))).toEqual([]);
    for (const library of ['node_modules/zod/', 'node_modules/socket.io-client/', 'node_modules/howler/']) {
      expect(
        modules.filter((source) => source.includes(library)),
        `${library} is in the first download`,
      ).toEqual([]);
    }
  });

  // These pages show data and validate nothing until someone opens a form: building every schema
  // of the app first was the longest task before their first paint (Lighthouse's blocking time).
  // Their live updates wait for socket.io, which signed-out visitors never need.
  it.each(['album', 'playlist', 'profile'])('when the %s page loads, then neither zod, a shared schema nor socket.io is part of its first download', (name) => {
    const modules = firstDownloadModules(`src/app/routes/${name}-route.tsx`);
    expect(
      modules.some((source) => source.endsWith(`src/app/routes/${name}-route.tsx`)),
      'the page itself is measured',
    ).toBe(true);
    expect(
      modules.filter(
        (source) =>
          source.includes('node_modules/zod/') ||
          source.includes('node_modules/socket.io-client/') ||
          source.includes('node_modules/engine.io-client/') ||
          /shared\/src\/[^/]+\.schemas\.ts$/.test(source),
      ),
    ).toEqual([]);
  });
});
