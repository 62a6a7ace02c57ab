import http from 'node:http';
import type { AddressInfo } from 'node:net';
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

/** Starts Express + Socket.IO on one port and the domain-event consumer that feeds the sockets. */
export async function startApi(c: Container, listen: { host: string; port: number }): Promise<RunningApi> {
  await c.repos.users.promoteHandles(c.config.ADMIN_HANDLES);
  const app = createApp(c);
  const server = http.createServer(app);
  server.keepAliveTimeout = 5000;
  const io = createSocketServer(server, c);
  const consumer = new DomainEventConsumer(c.newRedisConnection(), c.config.REDIS_PREFIX, createRealtimeDispatcher(io, c), c.logger);
  await consumer.start();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host;

  return {
    url: `http://${host}:${port}`,
    io,
    server,
    async stop() {
      // io.close() disconnects sockets and closes the HTTP server, which lets running requests finish.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await io.close();
      await closed;
      await consumer.stop();
    },
  };
}
