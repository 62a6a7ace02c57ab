import { promises as fs } from 'node:fs';
import net from 'node:net';

/** The only address embedded and spawned servers listen on. */
export const LOOPBACK = '127.0.0.1';

/** Whether something accepts a TCP connection at host:port within timeoutMs. Never rejects. */
export function probeTcp(host: string, port: number, timeoutMs: number): Promise<boolean> {
  if (port === 0) return Promise.resolve(false);
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const finish = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

function canListen(host: string, port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(undefined));
    server.listen({ host, port, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : undefined;
      server.close(() => resolve(bound));
    });
  });
}

/**
 * A port on host that nothing listens on right now: `preferred` when it is free (so a restart keeps its
 * port), else one the OS picks.
 */
export async function findFreePort(host: string, preferred?: number): Promise<number> {
  if (preferred) {
    const kept = await canListen(host, preferred);
    if (kept) return kept;
  }
  const picked = await canListen(host, 0);
  if (!picked) throw new Error(`could not find a free TCP port on ${host}`);
  return picked;
}

/** The port recorded in `file` by an earlier run, if the file holds one. */
export async function readPortFile(file: string): Promise<number | undefined> {
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  const port = Number.parseInt(text.trim(), 10);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
}

/** Records `port` in `file` for the next run. */
export async function writePortFile(file: string, port: number): Promise<void> {
  await fs.writeFile(file, `${port}\n`);
}

/** Whether a process with this pid exists (one we may not signal counts as existing). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The last few lines of a log file, for error messages; empty when it cannot be read. */
export async function readLogTail(file: string, lines = 15): Promise<string> {
  const handle = await fs.open(file, 'r').catch(() => undefined);
  if (!handle) return '';
  try {
    const { size } = await handle.stat();
    // Logs of a long-lived cluster grow; the end is all an error message needs.
    const length = Math.min(size, 8192);
    const { buffer } = await handle.read(Buffer.alloc(length), 0, length, size - length);
    return buffer.toString('utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } finally {
    await handle.close();
  }
}

/** Resolves after ms milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
