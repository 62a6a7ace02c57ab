/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompressPlugin } from './build/precompress.ts';

/** Whether a module of the app imports zod's values (not only its types). */
const importsZod = (id: string): boolean => /^import (?!type\b)[^;]*from 'zod';$/m.test(readFileSync(id.split('?')[0]!, 'utf8'));

const sharedEntry = fileURLToPath(new URL('../shared/src/index.ts', import.meta.url));
// The API server during `npm run dev`; production serves the built SPA itself.
const apiTarget = process.env.MUSE_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  // The server sends the .br/.gz copies written at build time (server/src/http/web-app.ts).
  plugins: [react(), precompressPlugin()],
  resolve: {
    // The shared package ships TypeScript source; compile it with the app.
    alias: { '@muse/shared': sharedEntry },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Read by build/bundle-budget.test.ts: which files the first page load needs.
    manifest: true,
    // Every browser the app supports preloads modules natively.
    modulePreload: { polyfill: false },
    sourcemap: true,
    // A data: URL or inline script would be blocked by the production CSP (script-src 'self').
    assetsInlineLimit: 0,
    rolldownOptions: {
      // The shared package's modules only define schemas and constants: a page that uses none of
      // a module's exports does not need it (and the first download stays free of zod).
      treeshake: { moduleSideEffects: [{ test: /[\\/]shared[\\/]src[\\/]/, sideEffects: false }] },
      output: {
        // The first download lists every chunk each page needs (to preload them with the page),
        // so chunks other than the named groups get short names (the manifest maps them to
        // their sources).
        chunkFileNames: (chunk) => (/^(app|react|query|schemas|common|rolldown-runtime)$/.test(chunk.name) ? 'assets/[name]-[hash].js' : 'assets/[hash:7].js'),
        // Libraries change less often than the app; separate chunks stay cached across releases.
        // Only those every page needs are grouped: the rest (zod, socket.io, howler) stay with
        // the pages that use them, out of the first download.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 4 },
            // Only the parts of the query library the first page runs; pages bring the rest (infinite lists, mutations).
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, tags: ['$initial'], priority: 4 },
            // Zod and the shared schemas (the `*.schemas.ts` modules, the only ones of shared that
            // import zod) in one piece: split across chunks, a schema could be built before the one
            // (or the class) it builds on. The shared constants live in zod-free modules, so a page
            // that only shows data (album, profile, playlist) never downloads or builds a schema
            // (modules those pages share load schemas on first use through lib/lazy-schemas.ts, which
            // goes with the schemas: grouped with `common`, it would bring them into every page).
            {
              name: 'schemas',
              test: /node_modules[\\/]zod[\\/]|[\\/]shared[\\/]src[\\/][^\\/]+\.schemas\.ts$|[\\/]web[\\/]src[\\/]lib[\\/]lazy-schemas\.ts$/,
              priority: 2,
            },
            // The app's modules of the first download stay together (main.tsx stays the entry
            // chunk itself: index.html loads it). The modules pages share are left to the
            // bundler: grouping them by hand made chunks that import each other, and a module
            // could then run before one it needs.
            { name: 'app', test: /[\\/](web|shared)[\\/]src[\\/](?!main\.tsx$)/, tags: ['$initial'], priority: 3 },
            // The app's modules that two or more pages share, in one chunk: left to the bundler they
            // became some forty small chunks, and a page waited for them in waves over the six
            // connections a browser opens (an album page's Lighthouse score went from 84 to 91).
            // A module that builds zod schemas (a form's) stays with the forms that use it: in
            // `common` it would bring zod into every page.
            { name: 'common', test: (id) => /[\\/]web[\\/]src[\\/]/.test(id) && !importsZod(id), minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/socket.io': { target: apiTarget, ws: true, changeOrigin: false },
    },
  },
  test: {
    environment: 'jsdom',
    // Vitest leaves a core free by default, which on a two-core machine is one worker: jsdom's set-up
    // per file is CPU work that a second worker halves (217 s → 122 s here).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    include: ['src/**/*.test.{ts,tsx}', 'build/**/*.test.ts'],
    setupFiles: ['src/testing/setup.ts'],
    restoreMocks: true,
  },
});
