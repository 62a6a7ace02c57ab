import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { albumRoom, IdSchema, partyRoom, userRoom, type ClientToServerEvents, type ServerToClientEvents } from '@muse/shared';
import type { Container } from '../container';
import { cookieNames, readCookies } from '../http/cookies';

export type MuseSocketServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { userId: string; sessionHash: string }>;

export const sessionRoom = (hash: string): string => `session:${hash}`;

/** Album pages one socket may watch at once (a few tabs' worth); more watches are ignored. */
export const MAX_WATCHED_ALBUMS = 20;

function sameOrigin(origin: string | undefined, host: string | undefined, allowed: string[]): boolean {
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Socket.IO on the api's HTTP server. The handshake must carry a live session cookie and come
 * from an allowed origin; each socket joins its user's room and its session's room. Rooms are
 * shared across api nodes by the Redis Streams adapter, which keeps connection-state recovery.
 */
export function createSocketServer(httpServer: HttpServer, c: Container): MuseSocketServer {
  const { session: cookieName } = cookieNames(c.secureCookies);
  const io: MuseSocketServer = new Server(httpServer, {
    adapter: createAdapter(c.newRedisConnection(), {
      streamName: `${c.config.REDIS_PREFIX}socket.io`,
      sessionKeyPrefix: `${c.config.REDIS_PREFIX}sio:session:`,
      // The reader only notices shutdown between reads; a short block keeps shutdown quick.
      blockTimeInMs: 1000,
    }),
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
    serveClient: false,
    allowRequest: (req, callback) => callback(null, sameOrigin(req.headers.origin, req.headers.host, c.config.CORS_ORIGINS)),
  });

  // The engine answers its own HTTP requests (long-polling), outside Express and helmet: the same browser rules apply.
  io.engine.on('headers', (headers: Record<string, string>) => {
    headers['X-Content-Type-Options'] = 'nosniff';
    headers['Content-Security-Policy'] = "default-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    headers['X-Frame-Options'] = 'DENY';
    headers['Referrer-Policy'] = 'no-referrer';
    if (c.secureCookies) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  });

  io.use(async (socket, next) => {
    try {
      const id = readCookies(socket.request)[cookieName];
      const session = id ? await c.sessions.get(id) : null;
      if (!session) return next(new Error('unauthenticated'));
      socket.data.userId = session.userId;
      socket.data.sessionHash = session.hash;
      next();
    } catch (err) {
      c.logger.error({ err }, 'socket handshake failed');
      next(new Error('unavailable'));
    }
  });

  io.on('connection', (socket) => {
    void socket.join([userRoom(socket.data.userId), sessionRoom(socket.data.sessionHash)]);
    // Album ids arrive from the client unchecked: malformed ones are ignored, never joined.
    socket.on('album:watch', (albumId, ack) => {
      const room = IdSchema.safeParse(albumId).success ? albumRoom(albumId) : null;
      const watching = [...socket.rooms].filter((r) => r.startsWith(albumRoom(''))).length;
      const allowed = room !== null && (socket.rooms.has(room) || watching < MAX_WATCHED_ALBUMS);
      Promise.resolve(allowed ? socket.join(room) : undefined)
        .then(() => typeof ack === 'function' && ack(allowed))
        .catch((err: unknown) => c.logger.warn({ err }, 'album watch failed'));
    });
    // A party's room is entered only by someone in the party (joined through the API), checked here.
    socket.on('party:watch', (partyId, ack) => {
      const valid = IdSchema.safeParse(partyId).success;
      Promise.resolve(valid ? c.services.parties.canWatch(socket.data.userId, partyId) : false)
        .then(async (allowed) => {
          if (allowed) await socket.join(partyRoom(partyId));
          if (typeof ack === 'function') ack(allowed);
        })
        .catch((err: unknown) => c.logger.warn({ err }, 'party watch failed'));
    });
    socket.on('party:unwatch', (partyId, ack) => {
      Promise.resolve(IdSchema.safeParse(partyId).success ? socket.leave(partyRoom(partyId)) : undefined)
        .then(() => typeof ack === 'function' && ack(false))
        .catch((err: unknown) => c.logger.warn({ err }, 'party unwatch failed'));
    });
    socket.on('album:unwatch', (albumId, ack) => {
      const room = IdSchema.safeParse(albumId).success ? albumRoom(albumId) : null;
      Promise.resolve(room ? socket.leave(room) : undefined)
        .then(() => typeof ack === 'function' && ack(false))
        .catch((err: unknown) => c.logger.warn({ err }, 'album unwatch failed'));
    });
  });

  return io;
}
