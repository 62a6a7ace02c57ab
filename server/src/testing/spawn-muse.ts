import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface MuseProcess {
  child: ChildProcess;
  output: () => string;
  /** The URL the api printed (api and all roles). */
  url: Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const SERVER_ROOT = path.resolve(__dirname, '../..');

/** Runs `src/main.ts` in its own Node process (through tsx), as `npm start` would run the build. */
export function spawnMuse(role: string, env: Record<string, string>): MuseProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', `--role=${role}`], {
    cwd: SERVER_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', SEED_DEMO_CATALOG: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed in 60 s:\n${out}`)), 60_000);
    child.stdout!.on('data', () => {
      const m = /Muse is running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited before printing a URL:\n${out}`));
    });
  });
  url.catch(() => undefined);
  return { child, output: () => out, url, exited };
}
