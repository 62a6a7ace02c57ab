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
