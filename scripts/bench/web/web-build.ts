import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const SOURCES = ['web/src', 'web/index.html', 'web/public', 'web/vite.config.ts', 'web/package.json', 'shared/src'];

function newestMtime(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return file.includes('.test.') ? 0 : stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((entry) => newestMtime(path.join(file, entry))));
}

/** Builds web/dist (npm run build -w web) when it is missing or older than a source of the web app. */
export function ensureWebBuilt(root: string, log: (line: string) => void): void {
  const index = path.join(root, 'web/dist/index.html');
  const newest = Math.max(...SOURCES.map((source) => newestMtime(path.join(root, source))));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newest) return;
  log('web: building web/dist (npm run build -w web)');
  const result = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`npm run build -w web failed (${result.signal ?? result.status})`);
}
