import type { ClientToServerEvents, ServerToClientEvents } from '@muse/shared';
import { io, type Socket } from 'socket.io-client';

/** A typed Socket.IO connection to the API. */
export type MuseSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Creates (without connecting) a same-origin socket. The handshake carries the session
 * cookie, so callers connect only while someone is signed in.
 */
export function createSocket(): MuseSocket {
  return io({ withCredentials: true, autoConnect: false });
}

/** A hold on the tab's one shared socket; `release` must be called once the holder is done. */
export interface SocketLease {
  socket: MuseSocket;
  release: () => void;
}

let shared: MuseSocket | null = null;
let holders = 0;
let factory: () => MuseSocket = createSocket;

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
