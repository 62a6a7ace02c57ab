import type { ClientToServerEvents, ServerToClientEvents } from '@muse/shared';
import type * as SocketIoClientModule from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { loadOnce } from './load-once';

/** A typed Socket.IO connection to the API. */
export type MuseSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

type SocketIoClient = typeof SocketIoClientModule;

let client: SocketIoClient | null = null;

/**
 * socket.io-client, fetched the first time someone holds the socket: signed-out visitors, who
 * never do, never download it, and a signed-in page paints before it arrives.
 */
const loadClient = loadOnce(() => import('socket.io-client').then((module) => (client = module)));

/**
 * Creates (without connecting) a same-origin socket, once socket.io-client is loaded. The
 * handshake carries the session cookie, so callers connect only while someone is signed in.
 */
export function createSocket(): MuseSocket {
  if (!client) throw new Error('socket.io-client is not loaded yet: hold the socket with holdSocket');
  return client.io({ withCredentials: true, autoConnect: false });
}

/** A hold on the tab's one shared socket; `release` must be called once the holder is done. */
export interface SocketLease {
  socket: MuseSocket;
  release: () => void;
}

let shared: MuseSocket | null = null;
let holders = 0;
let factory: () => MuseSocket = createSocket;
/** Whether `factory` can make a socket now: a test handed in its own, or socket.io-client is loaded. */
const factoryReady = (): boolean => factory !== createSocket || client !== null;

/**
 * The tab's one connection, shared by everything that listens (the bell, an open album page,
 * an import in progress), so a page does not open a second socket. It connects with the first
 * holder and disconnects with the last; a later holder gets a fresh connection, whose
 * handshake carries whoever is signed in by then. Holders remove only their own listeners.
 */
export function acquireSocket(): SocketLease {
  if (!shared) shared = factory();
  const socket = shared;
  holders += 1;
  if (!socket.connected && !socket.active) socket.connect();
  let released = false;
  return {
    socket,
    release: () => {
      if (released) return;
      released = true;
      holders -= 1;
      if (holders === 0 && shared === socket) {
        socket.disconnect();
        shared = null;
      }
    },
  };
}

/** Replaces how the shared socket is made (tests hand in a fake); returns a function restoring the default. */
export function setSocketFactory(next: () => MuseSocket): () => void {
  factory = next;
  shared = null;
  holders = 0;
  return () => {
    factory = createSocket;
    shared = null;
    holders = 0;
  };
}

/**
 * Holds the shared socket while `attach`'s listeners are on it, for an effect: `attach` adds them
 * and answers how to take them off; the function returned takes them off and lets go (call it
 * from the effect's cleanup). On the first hold `attach` runs once socket.io-client has arrived,
 * unless the hold was given up before; should it never arrive, the page goes without live updates.
 */
export function holdSocket(attach: (socket: MuseSocket) => () => void): () => void {
  let given = false;
  let held: { lease: SocketLease; detach: () => void } | null = null;
  const start = () => {
    if (given) return;
    const lease = acquireSocket();
    held = { lease, detach: attach(lease.socket) };
  };
  if (factoryReady()) start();
  else loadClient().then(start, () => undefined);
  return () => {
    given = true;
    if (!held) return;
    held.detach();
    held.lease.release();
    held = null;
  };
}

/** Listeners by event: the server's events, and the socket's own `connect` and `disconnect`. */
export type SocketListeners = { [E in keyof ServerToClientEvents]?: ServerToClientEvents[E] } & {
  connect?: () => void;
  disconnect?: () => void;
};

/** Puts each listener on the socket; answers the function that takes the same ones off again. */
export function listen(socket: MuseSocket, listeners: SocketListeners): () => void {
  // Socket.IO types `on` one event at a time; each listener here has its event's own type.
  const pairs = Object.entries(listeners) as ['connect', () => void][];
  for (const [event, listener] of pairs) socket.on(event, listener);
  return () => {
    for (const [event, listener] of pairs) socket.off(event, listener);
  };
}
