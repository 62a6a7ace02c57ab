import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a route of a `HostileHost` may do with one request. */
export interface HostReply {
  /** How many times this path was asked for, this one included. */
  hit: number;
  send(status: number, type: string, body: Buffer | string): void;
  /** Answers `head` and then zeros up to `size` bytes, as fast as the client reads, stopping when it hangs up. */
  stream(headers: http.OutgoingHttpHeaders, head: Buffer, size: number): void;
  /** Never answers (until the host stops). */
  hang(): void;
  redirect(location: string): void;
}

/** A loopback HTTP server standing in for a service's file host (covers, preview clips), with the faults downloads must survive. */
export interface HostileHost {
  url: string;
  /** Requests per path so far. */
  hits(path: string): number;
  /** Body bytes written so far per path by `stream` (a refused download stops reading long before the end). */
  sent(path: string): number;
  stop(): Promise<void>;
}

/** Starts a host answering each path from `routes` (404 for others). */
export async function startHostileHost(routes: Record<string, (reply: HostReply) => void>): Promise<HostileHost> {
  const counts = new Map<string, number>();
  const written = new Map<string, number>();
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const hit = (counts.get(path) ?? 0) + 1;
    counts.set(path, hit);
    const send = (status: number, type: string, body: Buffer | string) => {
      res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    };
    const reply: HostReply = {
      hit,
      send,
      stream(headers, head, size) {
        res.writeHead(200, headers);
        res.write(head);
        let sent = head.length;
        const chunk = Buffer.alloc(64 * 1024);
        const pump = () => {
          while (sent < size) {
            sent += chunk.length;
            written.set(path, sent);
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('close', () => (sent = size));
        pump();
      },
      hang: () => void hanging.add(res),
      redirect(location) {
        res.writeHead(302, { Location: location });
        res.end();
      },
    };
    const route = routes[path];
    if (route) route(reply);
    else send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: (path) => counts.get(path) ?? 0,
    sent: (path) => written.get(path) ?? 0,
    async stop() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
