import { spawn, type ChildProcess } from 'node:child_process';

/** A server process the bench started, and the URL it announced. */
export interface ChildServer {
  name: string;
  url: string;
  child: ChildProcess;
  /** Last lines of its stderr, for error messages. */
  stderrTail(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

/** How to start a server process and recognise that it is ready. */
export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** A line of stdout matching this announces the URL (first capture group). */
  urlPattern: RegExp;
  startTimeoutMs: number;
}

const TAIL_LINES = 30;

/** Starts a server process and resolves once it prints its URL; rejects if it exits or hangs first. */
export function spawnServer(options: SpawnOptions): Promise<ChildServer> {
  const child = spawn(options.command, options.args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr.push(...chunk.split('\n').filter(Boolean));
    if (stderr.length > TAIL_LINES) stderr.splice(0, stderr.length - TAIL_LINES);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stderrTail = () => stderr.join('\n');

  const stop = async (graceMs = 15_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };

  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => {
      void stop(1000);
      reject(new Error(`${options.name} did not print its URL within ${options.startTimeoutMs / 1000} s\n${stderrTail()}`));
    }, options.startTimeoutMs);
    const onExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (${signal ?? code}) before printing its URL\n${stderrTail()}`));
    };
    child.once('exit', onExit);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const match = options.urlPattern.exec(buffered);
      if (!match) {
        buffered = buffered.slice(-4096);
        return;
      }
      clearTimeout(timer);
      child.off('exit', onExit);
      // Keep draining stdout so the child never blocks on a full pipe.
      child.stdout!.removeAllListeners('data').resume();
      resolve({ name: options.name, url: match[1]!, child, stderrTail, stop });
    });
  });
}
