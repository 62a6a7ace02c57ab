import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import express from 'express';
import { unzipSync } from 'fflate';
import { createTestApp, type TestApp } from '../testing/test-app';
import { compressApi } from './compress-api';
import { makeAlbum, registerUser } from '../testing/factories';

let app: TestApp;
let dist: string;

const SCRIPT = `export const lyrics = ${JSON.stringify('la '.repeat(4000))};\n`;
const INDEX = `<!doctype html><html><head><title>Muse</title></head><body><div id="root"></div>${'<!-- padding -->'.repeat(100)}</body></html>`;
const SCRIPT_PATH = '/assets/index-Ab12Cd34.js';

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'muse-dist-'));
  await mkdir(path.join(dist, 'assets'));
  for (const [name, text] of [
    ['index.html', INDEX],
    [SCRIPT_PATH.slice(1), SCRIPT],
  ] as const) {
    const file = path.join(dist, name);
    await writeFile(file, text);
    await writeFile(`${file}.br`, brotliCompressSync(text));
    await writeFile(`${file}.gz`, gzipSync(text));
  }
  await writeFile(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  app = await createTestApp({ env: { WEB_DIST_DIR: dist } });
});
afterAll(async () => {
  await app?.close();
  await rm(dist, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request whose body comes back exactly as sent: no client-side decompression. */
function raw(pathname: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${app.url}${pathname}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const varies = (r: Raw) =>
  String(r.headers.vary ?? '')
    .toLowerCase()
    .split(/\s*,\s*/)
    .includes('accept-encoding');

describe('built web assets', () => {
  it('when the browser accepts br, then a hashed script comes as its brotli copy, cached for a year', async () => {
    const res = await raw(SCRIPT_PATH, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(varies(res)).toBe(true);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(SCRIPT.length / 10);
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
  });

  it('when the browser accepts only gzip, then it gets the gzip copy', async () => {
    const res = await raw(SCRIPT_PATH, { 'Accept-Encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(varies(res)).toBe(true);
    expect(gunzipSync(res.body).toString()).toBe(SCRIPT);
  });

  it('when q-values rank gzip above br, then it gets gzip', async () => {
    const res = await raw(SCRIPT_PATH, { 'Accept-Encoding': 'br;q=0.2, gzip;q=0.9' });
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('when the browser accepts neither, then the file comes as it is, still marked as varying', async () => {
    const asked: Record<string, string>[] = [{}, { 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': 'deflate, br;q=0' }];
    for (const headers of asked) {
      const res = await raw(SCRIPT_PATH, headers);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(varies(res)).toBe(true);
      expect(res.body.toString()).toBe(SCRIPT);
    }
  });

  it('when a HEAD or a conditional request comes, then headers match the encoding and an unchanged copy answers 304', async () => {
    const head = await raw(SCRIPT_PATH, { 'Accept-Encoding': 'br' }, 'HEAD');
    expect([head.status, head.headers['content-encoding'], head.body.length]).toEqual([200, 'br', 0]);
    const first = await raw(SCRIPT_PATH, { 'Accept-Encoding': 'br' });
    const gz = await raw(SCRIPT_PATH, { 'Accept-Encoding': 'gzip' });
    expect(first.headers.etag).toBeDefined();
    expect(first.headers.etag).not.toBe(gz.headers.etag);
    const again = await raw(SCRIPT_PATH, { 'Accept-Encoding': 'br', 'If-None-Match': String(first.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('when a client-side route or the root is asked for, then index.html comes compressed and never cached stale', async () => {
    for (const page of ['/', '/albums/42', '/users/ana/diary', '/index.html']) {
      const res = await raw(page, { 'Accept-Encoding': 'br, gzip' });
      expect([page, res.status, res.headers['content-encoding'], res.headers['cache-control']]).toEqual([page, 200, 'br', 'no-cache']);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(varies(res)).toBe(true);
      expect(brotliDecompressSync(res.body).toString()).toBe(INDEX);
    }
    const plain = await raw('/albums/42');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(INDEX);
  });

  it('when a file has no compressed copy, then it comes as it is', async () => {
    const res = await raw('/favicon.svg', { 'Accept-Encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.body.toString()).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
  });

  it('when a path climbs out of the build folder or names a compressed copy, then no file outside the app is served', async () => {
    for (const p of ['/assets/..%2f..%2fetc/passwd', '/..%2fpackage.json', `${SCRIPT_PATH}.br`]) {
      const res = await raw(p, { 'Accept-Encoding': 'identity' });
      expect([p, res.status, res.body.toString()]).toEqual([p, 200, INDEX]);
    }
  });

  it('when an unknown API path is asked for, then it is still a problem+json 404, not the app', async () => {
    const res = await raw('/api/nothing-here', { 'Accept-Encoding': 'br, gzip' });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('API answers', () => {
  it('when a list is larger than 1 kB and the client accepts gzip, then it answers gzip-encoded JSON that reads back whole', async () => {
    for (let i = 0; i < 30; i += 1) await makeAlbum(app.container.knex, { title: `Squeezebox Session ${i}`, artist: `Squeezebox Band ${i}`, year: 1990 + i });
    const res = await raw('/api/search?q=squeezebox&type=album&limit=50', { 'Accept-Encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(varies(res)).toBe(true);
    const body = JSON.parse(gunzipSync(res.body).toString());
    expect(JSON.stringify(body).length).toBeGreaterThan(1024);
    expect(JSON.stringify(body)).toContain('Squeezebox Session 29');
  });

  it('when an answer is small, then it is sent as it is', async () => {
    const res = await raw('/api/csrf', { 'Accept-Encoding': 'gzip, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.body.toString())).toHaveProperty('csrfToken');
  });

  it('when the data export zip is downloaded, then it is not compressed again', async () => {
    const { client } = await registerUser(app);
    const res = await raw('/api/me/export', { 'Accept-Encoding': 'gzip, deflate, br', Cookie: client.cookieHeader() });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/zip/);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(Object.keys(unzipSync(new Uint8Array(res.body)))).toContain('muse-export.json');
  });

  it('when an answer is a server-sent event stream, then each event reaches the client uncompressed as it is written', async () => {
    const big = 'x'.repeat(4096);
    const sse = express()
      .use(compressApi())
      .get('/events', (_req, res) => {
        res.set('Content-Type', 'text/event-stream').status(200);
        res.write(`data: ${big}\n\n`);
        res.write('data: done\n\n');
        res.end();
      });
    const server = sse.listen(0, '127.0.0.1');
    try {
      await new Promise((resolve) => server.once('listening', resolve));
      const { port } = server.address() as AddressInfo;
      const res = await new Promise<Raw>((resolve, reject) => {
        http
          .get(`http://127.0.0.1:${port}/events`, { headers: { 'Accept-Encoding': 'gzip, br' } }, (r) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => resolve({ status: r.statusCode!, headers: r.headers, body: Buffer.concat(chunks) }));
          })
          .on('error', reject);
      });
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body.toString()).toBe(`data: ${big}\n\ndata: done\n\n`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
