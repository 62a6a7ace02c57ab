import http from 'node:http';
import { listenOn } from '../http/listen';
import type { Container } from '../container';
import { createApp } from '../http/create-app';
import { DomainEventConsumer } from '../realtime/domain-events';
import { createRealtimeDispatcher } from '../realtime/realtime-dispatcher';
import { createSocketServer, type MuseSocketServer } from '../realtime/socket-server';

export interface RunningApi {
  url: string;
  io: MuseSocketServer;
  server: http.Server;
  /** Stops accepting, drains HTTP and sockets, stops consuming events. */
  stop(): Promise<void>;
}

/**
 * Keep-alive connections would keep a closing server alive for as long as their clients send
 * requests. Once draining begins, idle connections are closed, every response not yet started
 * says `Connection: close` (so Node ends its connection after it), and each connection whose
 * response was already under way is closed as soon as that response ends.
 */
function drainOnShutdown(server: http.Server): { begin(): void } {
  let draining = false;
  const inFlight = new Set<http.ServerResponse>();
  const closeAfter = (res: http.ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
    else res.once('close', () => server.closeIdleConnections());
  };
  // Prepended so it runs before Socket.IO and Express see the request.
  server.prependListener('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    if (draining) return closeAfter(res);
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });
  return {
    begin() {
      draining = true;
      server.closeIdleConnections();
      for (const res of inFlight) closeAfter(res);
    },
  };
}

/** Starts Express + Socket.IO on one port and the domain-event consumer that feeds the sockets. */
export async function startApi(c: Container, listen: { host: string; port: number }): Promise<RunningApi> {
  await c.services.auth.promoteConfiguredAdmins();
  const app = createApp(c);
  const server = http.createServer(app);
  server.keepAliveTimeout = 5000;
  const io = createSocketServer(server, c);
  const unwatchSockets = c.metrics.watchSockets({ connectedSockets: () => io.of('/').sockets.size });
  const drain = drainOnShutdown(server);
  const consumer = new DomainEventConsumer(c.newRedisConnection(), c.config.REDIS_PREFIX, createRealtimeDispatcher(io, c), c.logger);
  await consumer.start();
  const removeReadinessCheck = c.readiness.add('domain-events', () => consumer.assertConsuming());

  const url = await listenOn(server, listen);

  return {
    url,
    io,
    server,
    async stop() {
      // io.close() disconnects sockets and closes the HTTP server, which lets running requests finish.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      drain.begin();
      await io.close();
      await closed;
      removeReadinessCheck();
      unwatchSockets();
      await consumer.stop();
    },
  };
}
