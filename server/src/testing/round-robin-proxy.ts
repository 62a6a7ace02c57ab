import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

/** One request the proxy passed on: which backend (index into `targets`) served it. */
export interface Forwarded {
  kind: 'http' | 'upgrade';
  method: string;
  path: string;
  target: number;
}

export interface RoundRobinProxy {
  url: string;
  /** Every request and websocket upgrade passed on, in arrival order. */
  forwarded: Forwarded[];
  /** The backend the next request or upgrade goes to. */
  next(): number;
  stop(): Promise<void>;
}

/**
 * A load balancer without sticky sessions, on loopback: each HTTP request and each websocket
 * upgrade goes to the next backend in turn, whatever connection it came on. Enough to prove that
 * several api processes serve one user as one service.
 */
export async function startRoundRobinProxy(targets: string[]): Promise<RoundRobinProxy> {
  const backends = targets.map((t) => new URL(t));
  const sockets = new Set<net.Socket>();
  const forwarded: Forwarded[] = [];
  let turn = 0;
  const pick = (kind: Forwarded['kind'], req: http.IncomingMessage): URL => {
    const target = turn++ % backends.length;
    forwarded.push({ kind, method: req.method ?? 'GET', path: req.url ?? '/', target });
    return backends[target]!;
  };

  const server = http.createServer((req, res) => {
    const backend = pick('http', req);
    const upstream = http.request({ host: backend.hostname, port: backend.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('backend unreachable');
    });
    req.pipe(upstream);
  });

  // An upgrade is passed on byte for byte: the request line and headers as received, then both ways.
  server.on('upgrade', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const backend = pick('upgrade', req);
    const upstream = net.connect(Number(backend.port), backend.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      client.pipe(upstream).pipe(client);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    forwarded,
    next: () => turn % backends.length,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
