/**
 * The socket load process of the `party` scenario: one Socket.IO client per party participant,
 * each in the party's room, noting when each shared-player state and each chat message arrives.
 * Run by jobs/party.ts with `fork`, so the clients never share an event loop with the bench that
 * triggers the events.
 *
 * Messages in: `connect`, `report`, `close`. Messages out: `connected`, `report`.
 */
import { io, type Socket } from 'socket.io-client';

/** Epoch milliseconds with sub-millisecond precision, comparable across processes on one machine. */
const now = (): number => performance.timeOrigin + performance.now();

export interface PartyConnectOrder {
  type: 'connect';
  url: string;
  partyId: string;
  /** One cookie per participant (each already joined through the API). */
  cookies: string[];
}

/** A delivery: which state (`version`) or message (`id`) arrived, and when. */
export interface Seen {
  key: string;
  at: number;
}

export type FromPartyClients =
  | { type: 'connected'; sockets: number; failed: number; watching: number; seconds: number }
  | { type: 'report'; playback: Seen[]; messages: Seen[]; disconnects: number };

const sockets: Socket[] = [];
const playback: Seen[] = [];
const messages: Seen[] = [];
let disconnects = 0;

const send = (message: FromPartyClients): void => {
  process.send!(message);
};

function open(url: string, cookie: string): Promise<Socket | null> {
  return new Promise((resolve) => {
    const socket = io(url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true, timeout: 60_000 });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', () => {
      socket.close();
      resolve(null);
    });
    socket.on('party:playback', (payload: { playback: { version: number } }) => playback.push({ key: String(payload.playback.version), at: now() }));
    socket.on('party:message', (payload: { message: { id: string } }) => messages.push({ key: payload.message.id, at: now() }));
    socket.on('disconnect', () => {
      disconnects += 1;
    });
  });
}

async function connectAll(order: PartyConnectOrder): Promise<void> {
  const started = now();
  let failed = 0;
  // A few hundred handshakes at a time: each reads the session in Redis on the api.
  for (let start = 0; start < order.cookies.length; start += 200) {
    const opened = await Promise.all(order.cookies.slice(start, start + 200).map((cookie) => open(order.url, cookie)));
    for (const socket of opened) {
      if (socket) sockets.push(socket);
      else failed += 1;
    }
  }
  const acks = await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<boolean>((resolve) => socket.timeout(30_000).emit('party:watch', order.partyId, (err: unknown, ok: boolean) => resolve(!err && ok))),
    ),
  );
  send({ type: 'connected', sockets: sockets.length, failed, watching: acks.filter(Boolean).length, seconds: (now() - started) / 1000 });
}

process.on('message', (message: PartyConnectOrder | { type: 'report' } | { type: 'close' }) => {
  if (message.type === 'connect') void connectAll(message);
  else if (message.type === 'report') send({ type: 'report', playback, messages, disconnects });
  else if (message.type === 'close') {
    for (const socket of sockets) socket.close();
    process.exit(0);
  }
});
