import express from 'express';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { errorHandler } from '../http/error-handler';
import { BlobStoreUnavailableError } from './blob-errors';
import type { BlobStore } from './blob-store.port';
import { LocalBlobStore } from './local-blob-store';
import { sendBlob } from './send-blob';

const CACHE = 'public, max-age=31536000, immutable';

function appFor(store: BlobStore) {
  const app = express();
  app.get('/blobs/:key', async (req, res) => {
    await sendBlob(req, res, store, req.params.key, { cacheControl: CACHE, what: 'Artwork' });
  });
  app.use(errorHandler);
  return app;
}

const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('sendBlob', () => {
  let dir: string;
  let store: LocalBlobStore;
  let app: express.Express;
  const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
  let key: string;
  let etag: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'muse-send-blob-'));
    store = new LocalBlobStore({ root: dir, maxBytes: 10 * 1024 * 1024 });
    ({ key } = await store.put(data, 'image/png'));
    etag = `"${key.split('.')[0]}"`;
    app = appFor(store);
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('when a stored blob is asked for, then it streams whole with its type, length, ETag and cache headers', async () => {
    const res = await request(app).get(`/blobs/${key}`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      'content-type': 'image/png',
      'content-length': '1000',
      etag,
      'accept-ranges': 'bytes',
      'cache-control': CACHE,
      'x-content-type-options': 'nosniff',
    });
    expect((res.body as Buffer).equals(data)).toBe(true);
  });

  it('when If-None-Match names the blob (alone, in a list or weak), then the answer is 304 without a body', async () => {
    for (const header of [etag, `"other", ${etag}`, `W/${etag}`, '*']) {
      const res = await request(app).get(`/blobs/${key}`).set('If-None-Match', header);
      expect(res.status).toBe(304);
      expect(res.headers.etag).toBe(etag);
      expect(res.headers['cache-control']).toBe(CACHE);
      expect(res.text ?? '').toBe('');
    }
    expect((await request(app).get(`/blobs/${key}`).set('If-None-Match', '"stale"')).status).toBe(200);
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=900-', 900, 999],
    ['bytes=-10', 990, 999],
    ['bytes=500-999999999999999999999', 500, 999],
    ['bytes=999-999', 999, 999],
  ])('when Range is %s, then the answer is 206 with exactly those bytes and Content-Range', async (range, start, end) => {
    const res = await request(app).get(`/blobs/${key}`).set('Range', range).buffer(true).parse(binary);
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/1000`);
    expect(res.headers['content-length']).toBe(String(end - start + 1));
    expect((res.body as Buffer).equals(data.subarray(start, end + 1))).toBe(true);
  });

  it.each(['bytes=1000-', 'bytes=5000-6000', 'bytes=-0'])(
    'when Range is %s (past the end), then the answer is a 416 problem naming the size',
    async (range) => {
      const res = await request(app).get(`/blobs/${key}`).set('Range', range);
      expect(res.status).toBe(416);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['content-range']).toBe('bytes */1000');
      expect(res.headers['cache-control']).not.toBe(CACHE);
      expect(res.body).toMatchObject({ code: 'range_not_satisfiable' });
    },
  );

  it.each(['bytes=abc', 'items=0-10', 'bytes=0-10,5-20', 'bytes=0-999,0-999,0-999', 'bytes=50-10', 'bytes=é-'])(
    'when Range is %s (malformed, several or overlapping ranges), then it is ignored and the whole blob sent',
    async (range) => {
      const res = await request(app).get(`/blobs/${key}`).set('Range', range).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-range']).toBeUndefined();
      expect((res.body as Buffer).length).toBe(1000);
    },
  );

  it('when If-Range names the blob, then Range is honoured; when it names another version or a date, then the whole blob is sent', async () => {
    expect((await request(app).get(`/blobs/${key}`).set('Range', 'bytes=0-9').set('If-Range', etag)).status).toBe(206);
    expect((await request(app).get(`/blobs/${key}`).set('Range', 'bytes=0-9').set('If-Range', '"older"')).status).toBe(200);
    expect((await request(app).get(`/blobs/${key}`).set('Range', 'bytes=0-9').set('If-Range', 'Wed, 21 Oct 2015 07:28:00 GMT')).status).toBe(200);
  });

  it('when the request is HEAD, then the headers come without the body', async () => {
    const res = await request(app).head(`/blobs/${key}`).set('Range', 'bytes=0-9');
    expect(res.status).toBe(206);
    expect(res.headers['content-length']).toBe('10');
    expect(res.headers['content-range']).toBe('bytes 0-9/1000');
  });

  it('when the key is unknown or not a key at all, then the answer is a 404 problem', async () => {
    for (const bad of [`${'ab'.repeat(32)}.png`, 'nope', '..%2F..%2Fetc%2Fpasswd', `${'AB'.repeat(32)}.png`, '%F0%9F%8E%B5.png']) {
      const res = await request(app).get(`/blobs/${bad}`);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'not_found', detail: 'Artwork not found.' });
    }
  });

  it('when the store is down, then the answer is a 503 problem with Retry-After', async () => {
    const blocker = path.join(dir, 'a-file');
    await fs.writeFile(blocker, 'x');
    const res = await request(appFor(new LocalBlobStore({ root: path.join(blocker, 'blobs'), maxBytes: 10 }))).get(`/blobs/${key}`);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('30');
    expect(res.body).toMatchObject({ code: 'blob_store_unavailable' });
  });

  it('when the store fails after answering head, then the 503 carries no cache headers of the blob', async () => {
    // The store's disk fails between the two calls: head answers, opening the body does not.
    const failingReads: BlobStore = {
      kind: 'local',
      put: (...args) => store.put(...args),
      head: (k) => store.head(k),
      get: () => Promise.reject(new BlobStoreUnavailableError('disk gone')),
      exists: (k) => store.exists(k),
      delete: (k) => store.delete(k),
    };
    const res = await request(appFor(failingReads)).get(`/blobs/${key}`).set('Range', 'bytes=0-9');
    expect(res.status).toBe(503);
    expect(res.headers['cache-control']).not.toBe(CACHE);
    expect(res.headers.etag).not.toBe(etag);
    expect(res.headers['content-range']).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('when a blob of several megabytes is asked for, then it arrives whole', async () => {
    const big = Buffer.alloc(4 * 1024 * 1024, 7);
    const stored = await store.put(big, 'audio/mpeg');
    const res = await request(app).get(`/blobs/${stored.key}`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('audio/mpeg');
    expect((res.body as Buffer).equals(big)).toBe(true);
  });
});
