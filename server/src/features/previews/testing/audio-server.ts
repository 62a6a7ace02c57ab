import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sandboxClips } from '../../../providers/sandbox/sandbox-audio';

/** A loopback HTTP server standing in for a service's preview host, with the hostile answers previews must refuse. */
export interface AudioServer {
  url: string;
  /** The M4A clip `/clip.m4a` serves. */
  clip: Buffer;
  /** Requests per path so far. */
  hits(path: string): number;
  /** Body bytes written so far per path (a refused download stops reading long before the end). */
  sent(path: string): number;
  stop(): Promise<void>;
}

export const HUNDRED_MB = 100 * 1024 * 1024;

/**
 * Paths: `/clip.m4a` (a real AAC/M4A clip), `/clip.mp3` (an ID3-tagged MP3 start), `/page.html`
 * (text/html), `/fake.m4a` (HTML labelled audio/mp4), `/huge.m4a` (100 MB declared),
 * `/huge-stream.m4a` (100 MB without a length), `/flaky.m4a` (503 once, then the clip),
 * `/missing.m4a` (404), `/hang.m4a` (never answers).
 */
export async function startAudioServer(): Promise<AudioServer> {
  const clip = sandboxClips()[0]!;
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
    const stream100Mb = (headers: http.OutgoingHttpHeaders) => {
      res.writeHead(200, headers);
      res.write(clip.subarray(0, 64));
      let sent = 64;
      const chunk = Buffer.alloc(64 * 1024);
      const pump = () => {
        while (sent < HUNDRED_MB) {
          sent += chunk.length;
          written.set(path, sent);
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => (sent = HUNDRED_MB));
      pump();
    };
    switch (path) {
      case '/clip.m4a':
        return send(200, 'audio/mp4', clip);
      case '/clip.mp3':
        return send(
          200,
          'audio/mpeg',
          Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(4000)]),
        );
      case '/page.html':
        return send(200, 'text/html; charset=utf-8', '<html><body>Preview not found</body></html>');
      case '/fake.m4a':
        return send(200, 'audio/mp4', '<html><body>Sign in to listen to this preview</body></html>');
      case '/huge.m4a':
        return stream100Mb({ 'Content-Type': 'audio/mp4', 'Content-Length': String(HUNDRED_MB) });
      case '/huge-stream.m4a':
        return stream100Mb({ 'Content-Type': 'audio/mp4' });
      case '/flaky.m4a':
        return hit === 1 ? send(503, 'text/plain', 'try later') : send(200, 'audio/mp4', clip);
      case '/hang.m4a':
        hanging.add(res);
        return;
      default:
        return send(404, 'text/plain', 'not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    clip,
    hits: (path) => counts.get(path) ?? 0,
    sent: (path) => written.get(path) ?? 0,
    async stop() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
