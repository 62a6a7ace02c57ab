import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import Redis from 'ioredis';
import type { Logger } from '../../lib/logger';
import { describeError, InfrastructureError } from './infrastructure-error';
import { startManagedProcess, type ManagedProcess } from './managed-process';
import { findFreePort, LOOPBACK, readLogTail, readPortFile, sleep, writePortFile } from './net';

const START_TIMEOUT_MS = 10_000;
const PING_TIMEOUT_MS = 1_000;

/**
 * Opens a short-lived connection to `url`, runs `use`, and closes it. Never retries or queues, so an
 * absent or unwilling server fails fast instead of hanging.
 */
async function withRedis<T>(url: string, timeoutMs: number, use: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    // Its default keeps a timer alive for 2 s after disconnecting from a server that never answered.
    disconnectTimeout: 100,
  });
  // Failures surface through the awaited calls; the event would otherwise be printed as unhandled.
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await use(client);
  } finally {
    client.disconnect();
  }
}

/** Why a PING to `url` failed, or undefined when the server answered PONG. */
export async function pingFailure(url: string, timeoutMs = PING_TIMEOUT_MS): Promise<string | undefined> {
  try {
    const reply = await withRedis(url, timeoutMs, (client) => client.ping());
    return reply === 'PONG' ? undefined : `unexpected PING reply ${reply}`;
  } catch (err) {
    return describeError(err);
  }
}

async function isExecutableFile(file: string): Promise<boolean> {
  try {
    await fs.access(file, constants.X_OK);
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The absolute path of `nameOrPath`: taken as is when it contains a directory, else searched for on PATH. */
export async function findExecutable(nameOrPath: string): Promise<string | undefined> {
  if (nameOrPath.includes('/') || nameOrPath.includes(path.sep)) {
    const file = path.resolve(nameOrPath);
    return (await isExecutableFile(file)) ? file : undefined;
  }
  // PATH is how the OS finds programs, not Muse configuration, so it is read here rather than in config.ts.
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const names = process.platform === 'win32' ? [nameOrPath, `${nameOrPath}.exe`] : [nameOrPath];
  for (const dir of dirs) {
    for (const name of names) {
      const file = path.resolve(dir, name);
      if (await isExecutableFile(file)) return file;
    }
  }
  return undefined;
}

/** A redis-server serving on loopback with its data in `<dataDir>/redis`. */
export interface SpawnedRedis {
  url: string;
  /** True when a redis-server already running on this data directory was reused rather than started. */
  adopted: boolean;
  /** Stops the server if this process started it; idempotent. */
  stop(): Promise<void>;
}

async function servesDirectory(url: string, dir: string): Promise<boolean> {
  try {
    const reply = await withRedis(url, PING_TIMEOUT_MS, (client) => client.config('GET', 'dir'));
    const reported = Array.isArray(reply) ? String(reply[1]) : '';
    const [theirs, ours] = await Promise.all([fs.realpath(reported), fs.realpath(dir)]);
    return theirs === ours;
  } catch {
    return false;
  }
}

async function waitForPong(server: ManagedProcess, url: string, logFile: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (server.hasExited()) {
      const status = await server.exited;
      throw new InfrastructureError(
        `redis-server exited while starting (${status.code ?? status.signal}). Last lines of ${logFile}:\n${await readLogTail(logFile)}`,
      );
    }
    if ((await pingFailure(url, 500)) === undefined) return;
    if (Date.now() > deadline) {
      throw new InfrastructureError(
        `redis-server did not answer PING within ${START_TIMEOUT_MS / 1000} s. Last lines of ${logFile}:\n${await readLogTail(logFile)}`,
      );
    }
    await sleep(100);
  }
}

/**
 * Starts `bin` on a free loopback port (the previous run's port when free) with an append-only file
 * in `<dataDir>/redis`, and waits until it answers PING. A redis-server left running on the same
 * directory by a run that died is reused instead, so two servers never write one append-only file.
 */
export async function startRedisServer(bin: string, dataDir: string, logger: Logger): Promise<SpawnedRedis> {
  const dir = path.join(dataDir, 'redis');
  const logFile = path.join(dataDir, 'redis.log');
  const portFile = path.join(dataDir, 'redis.port');
  await fs.mkdir(dir, { recursive: true });

  const previousPort = await readPortFile(portFile);
  if (previousPort && (await servesDirectory(`redis://${LOOPBACK}:${previousPort}`, dir))) {
    logger.info(`redis: reusing the redis-server already running at ${LOOPBACK}:${previousPort} on ${dir}; this process did not start it and will not stop it`);
    return { url: `redis://${LOOPBACK}:${previousPort}`, adopted: true, stop: async () => undefined };
  }

  const port = await findFreePort(LOOPBACK, previousPort);
  await writePortFile(portFile, port);
  const url = `redis://${LOOPBACK}:${port}`;
  const args = ['--port', String(port), '--bind', LOOPBACK, '--dir', dir, '--appendonly', 'yes', '--save', '', '--daemonize', 'no'];
  // SIGTERM makes redis-server flush its append-only file and exit.
  const server = await startManagedProcess(bin, args, {
    logFile,
    stopSignal: 'SIGTERM',
    stopGraceMs: 10_000,
    onUnexpectedExit: (status) => logger.error(`redis: the spawned redis-server exited unexpectedly (${status.code ?? status.signal}); see ${logFile}`),
  });
  try {
    await waitForPong(server, url, logFile);
  } catch (err) {
    await server.stop();
    throw err;
  }
  logger.info(`redis: started ${bin} at ${LOOPBACK}:${port} (pid ${server.pid}, data in ${dir}, log ${logFile})`);
  return { url, adopted: false, stop: server.stop };
}
