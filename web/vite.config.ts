/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompressPlugin } from './build/precompress.ts';

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
    sourcemap: true,
    // A data: URL or inline script would be blocked by the production CSP (script-src 'self').
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app; separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
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
    include: ['src/**/*.test.{ts,tsx}', 'build/**/*.test.ts'],
    setupFiles: ['src/testing/setup.ts'],
    restoreMocks: true,
  },
});
