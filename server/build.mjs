// Bundles the server into dist/main.js (the `npm run seed` command into dist/seed.js, the
// recommendations training thread into dist/recs-training-thread.js); npm
// dependencies stay external, @muse/shared is inlined; the demo catalog files go to dist/seed-data,
// the sandbox's preview clips to dist/sandbox-audio.
import { build } from 'esbuild';
import { cpSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies ?? {}).filter((name) => !name.startsWith('@muse/'));

await build({
  entryPoints: {
    main: 'src/main.ts',
    seed: 'src/cli/seed.ts',
    // Started by the bundle as a worker thread (training-thread-runner.ts finds it beside main.js).
    'recs-training-thread': 'src/features/recommendations/recommendations.training-thread.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external,
  logLevel: 'warning',
});

cpSync('src/seed/data', 'dist/seed-data', { recursive: true });
cpSync('src/providers/sandbox/audio', 'dist/sandbox-audio', { recursive: true });
