/**
 * The socket load process of the `sockets` scenario: holds thousands of Socket.IO clients
 * (websocket transport, as browsers behind a sticky-free proxy use) for signed-in sessions, some
 * of them watching one album page, and notes when each event arrives. Run by jobs/sockets.ts
 * with `fork`, so the clients never share an event loop with the bench that triggers the events.
 *
 * Messages in: `connect`, `report`, `close`. Messages out: `connected`, `report`.
 */
import { io, type Socket } from 'socket.io-client';

/** Epoch milliseconds with sub-millisecond precision, comparable across processes on one machine. */
const now = (): number => performance.timeOrigin + performance.now();

export interface ConnectOrder {
  type: 'connect';
  url: string;
  /** One cookie per signed-in user; each gets `socketsPerUser` sockets (tabs and devices). */
  cookies: string[];
  socketsPerUser: number;
  /** The first `watchers` sockets watch this album's page. */
  albumId: string;
  watchers: number;
}

export interface NotificationSeen {
  user: number;
  at: number;
  notificationId: string;
  createdAt: string;
}

export interface StatsSeen {
  count: number;
  at: number;
}

export type FromClients =
  | { type: 'connected'; sockets: number; failed: number; watching: number; seconds: number }
  | { type: 'report'; notifications: NotificationSeen[]; stats: StatsSeen[]; disconnects: number; connected: number };

const sockets: Socket[] = [];
const notifications: NotificationSeen[] = [];
const stats: StatsSeen[] = [];
let disconnects = 0;

const send = (message: FromClients): void => {
  process.send!(message);
};

function open(url: string, cookie: string, user: number): Promise<Socket | null> {
  return new Promise((resolve) => {
    const socket = io(url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true, timeout: 60_000 });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', () => {
      socket.close();
      resolve(null);
    });
    socket.on('notification:new', (payload: { notification: { id: string; createdAt: string } }) => {
      notifications.push({ user, at: now(), notificationId: payload.notification.id, createdAt: payload.notification.createdAt });
    });
    socket.on('album:stats', (payload: { stats: { count: number } }) => {
      stats.push({ count: payload.stats.count, at: now() });
    });
    socket.on('disconnect', () => {
      disconnects += 1;
    });
  });
}

async function connectAll(order: ConnectOrder): Promise<void> {
  const started = now();
  const wanted: { cookie: string; user: number }[] = [];
  for (let round = 0; round < order.socketsPerUser; round += 1) order.cookies.forEach((cookie, user) => wanted.push({ cookie, user }));
  let failed = 0;
  // A few hundred handshakes at a time: each reads the session in Redis on the api.
  for (let start = 0; start < wanted.length; start += 200) {
    const opened = await Promise.all(wanted.slice(start, start + 200).map((w) => open(order.url, w.cookie, w.user)));
    for (const socket of opened) {
      if (socket) sockets.push(socket);
      else failed += 1;
    }
  }
  const acks = await Promise.all(
    sockets
      .slice(0, order.watchers)
      .map(
        (socket) =>
          new Promise<boolean>((resolve) => socket.timeout(30_000).emit('album:watch', order.albumId, (err: unknown, ok: boolean) => resolve(!err && ok))),
      ),
  );
  send({ type: 'connected', sockets: sockets.length, failed, watching: acks.filter(Boolean).length, seconds: (now() - started) / 1000 });
}

process.on('message', (message: ConnectOrder | { type: 'report' } | { type: 'close' }) => {
  if (message.type === 'connect') void connectAll(message);
  else if (message.type === 'report') send({ type: 'report', notifications, stats, disconnects, connected: sockets.filter((s) => s.connected).length });
  else if (message.type === 'close') {
    for (const socket of sockets) socket.close();
    process.exit(0);
  }
});
