import { spawn, type ChildProcess } from 'node:child_process';
import { findFreePort, LOOPBACK } from '../config/infrastructure/net';
import { pingFailure } from '../config/infrastructure/redis-server';
import { waitFor } from './wait-for';

/** A redis-server of a test's own, which the test may stop and start again (losing its data). */
export interface TestRedisServer {
  url: string;
  port: number;
  /** Kills the server (SIGKILL: nothing is saved) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts a new, empty server on the same port (unless one runs) and waits until it answers PING. */
  start(): Promise<void>;
  /** Freezes the running server (SIGSTOP): its connections stay open and nothing is answered, as with a hung Redis. */
  freeze(): void;
  /** Lets a frozen server go on (SIGCONT). */
  thaw(): void;
}

function exitOf(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

/** Starts `redis-server` from PATH on a free loopback port, without persistence. */
export async function startTestRedisServer(): Promise<TestRedisServer> {
  const port = await findFreePort(LOOPBACK);
  const url = `redis://${LOOPBACK}:${port}`;
  let child: ChildProcess | undefined;
  const killOnExit = () => child?.kill('SIGKILL');
  process.on('exit', killOnExit);

  const server: TestRedisServer = {
    url,
    port,
    async start() {
      if (child) return;
      child = spawn('redis-server', ['--port', String(port), '--bind', LOOPBACK, '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: 'ignore' });
      const started = child;
      await waitFor(`redis-server on port ${port}`, async () => {
        if (started.exitCode !== null) throw new Error(`redis-server exited with ${started.exitCode}`);
        return (await pingFailure(url, 500)) === undefined;
      });
    },
    freeze() {
      child?.kill('SIGSTOP');
    },
    thaw() {
      child?.kill('SIGCONT');
    },
    async stop() {
      if (!child) return;
      const stopping = child;
      child = undefined;
      stopping.kill('SIGKILL');
      await exitOf(stopping);
    },
  };
  await server.start();
  return server;
}
