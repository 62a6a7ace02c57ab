import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@muse/shared';
import type { TestApp, TestClient } from '../../testing/test-app';
import { waitFor } from '../../testing/wait-for';

export type MuseClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The Cookie header a test client's agent would send to the API. */
/** The Cookie header of a test client (kept for this folder's tests). */
export function cookieHeader(client: TestClient): string {
  return client.cookieHeader();
}

/** Opens a Socket.IO connection as the client's user; close it with `disconnect()`. */
export function openSocket(app: TestApp, client: TestClient, options: { reconnection?: boolean } = {}): MuseClientSocket {
  return connect(app.url, {
    transports: ['websocket'],
    extraHeaders: { cookie: cookieHeader(client) },
    reconnection: options.reconnection ?? false,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
  });
}

/** Resolves with the next `event` on the socket, or rejects after `timeoutMs`. */
export function nextEvent<T>(socket: Socket, event: string, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs).unref();
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

/** Waits until the notifications queue has nothing waiting or running, so "no notification" is a real answer. */
export async function drainNotificationJobs(app: TestApp): Promise<void> {
  const queue = app.container.queues.byName.notifications;
  for (let i = 0; i < 1000; i++) {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (Object.values(counts).every((n) => n === 0)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('notification jobs did not drain');
}

/**
 * Drops the socket's transport as a network failure would (not a `disconnect()`), and resolves
 * once the server has stored its session for recovery: reconnecting before that would make
 * recovery a coin toss. Reconnect with `socket.connect()`.
 */
export async function dropRecoverably(app: TestApp, socket: Socket): Promise<void> {
  const dropped = nextEvent<string>(socket, 'disconnect');
  socket.io.engine.close();
  // The client closed its own transport; the server sees a lost connection it may recover.
  const reason = await dropped;
  if (reason !== 'forced close') throw new Error(`the socket closed for another reason: ${reason}`);
  const pid = (socket as unknown as { _pid: string })._pid;
  const sessionKey = `${app.container.config.REDIS_PREFIX}sio:session:${pid}`;
  await waitFor('the socket session to be stored', async () => (await app.container.redis.exists(sessionKey)) === 1, 5_000, 10);
}
