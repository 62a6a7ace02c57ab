import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { makePng } from './png';

/** A loopback HTTP server standing in for a service's image host, with the faults artwork fetching must survive. */
export interface ImageServer {
  url: string;
  png: Buffer;
  /** Requests per path so far. */
  hits(path: string): number;
  stop(): Promise<void>;
}

const BIG = 6 * 1024 * 1024;

/**
 * Paths: `/cover.png` (a real PNG), `/other.png` (another), `/flaky.png` (503 once, then the PNG),
 * `/missing.png` (404), `/page.html` (text/html), `/fake.png` (HTML labelled image/png),
 * `/drawing.svg` (image/svg+xml), `/huge.png` (6 MB declared), `/huge-stream.png` (6 MB without
 * a length), `/hang.png` (never answers), `/redirect.png` (302 to /cover.png).
 */
export async function startImageServer(): Promise<ImageServer> {
  const png = makePng(64, 64, [200, 40, 90]);
  const other = makePng(32, 32, [10, 120, 250]);
  const counts = new Map<string, number>();
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const hit = (counts.get(path) ?? 0) + 1;
    counts.set(path, hit);
    const send = (status: number, type: string, body: Buffer | string) => {
      res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    };
    switch (path) {
      case '/cover.png':
        return send(200, 'image/png', png);
      case '/other.png':
        return send(200, 'image/png', other);
      case '/flaky.png':
        return hit === 1 ? send(503, 'text/plain', 'try later') : send(200, 'image/png', png);
      case '/page.html':
        return send(200, 'text/html; charset=utf-8', '<html><body>Not an image</body></html>');
      case '/fake.png':
        return send(200, 'image/png', '<html><body>Sign in to see this image</body></html>');
      case '/drawing.svg':
        return send(200, 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
      case '/huge.png':
        return send(200, 'image/png', Buffer.concat([png.subarray(0, 16), Buffer.alloc(BIG)]));
      case '/huge-stream.png': {
        res.writeHead(200, { 'Content-Type': 'image/png' });
        res.write(png.subarray(0, 16));
        let sent = 0;
        const pump = () => {
          while (sent < BIG) {
            sent += 64 * 1024;
            if (!res.write(Buffer.alloc(64 * 1024))) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('close', () => (sent = BIG));
        return pump();
      }
      case '/hang.png':
        hanging.add(res);
        return;
      case '/redirect.png':
        res.writeHead(302, { Location: '/cover.png' });
        return res.end();
      default:
        return send(404, 'text/plain', 'not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    png,
    hits: (path) => counts.get(path) ?? 0,
    async stop() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
