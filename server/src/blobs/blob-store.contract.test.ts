import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { BlobRangeError, BlobStoreUnavailableError, BlobTooLargeError, InvalidBlobKeyError, UnsupportedBlobTypeError } from './blob-errors';
import type { BlobStore } from './blob-store.port';
import { LocalBlobStore } from './local-blob-store';
import { S3BlobStore } from './s3-blob-store';
import { startS3TestServer, type S3TestServer } from './testing/s3-test-server';

const MAX = 256 * 1024;

interface Adapter {
  name: string;
  start(): Promise<{ store: BlobStore; unavailable: BlobStore; stop(): Promise<void> }>;
}

const adapters: Adapter[] = [
  {
    name: 'local',
    async start() {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'muse-blobs-'));
      // A root under a plain file can be neither read nor written: the disk "is down".
      const blocker = path.join(dir, 'not-a-folder');
      await fs.writeFile(blocker, 'x');
      return {
        store: new LocalBlobStore({ root: path.join(dir, 'blobs'), maxBytes: MAX }),
        unavailable: new LocalBlobStore({ root: path.join(blocker, 'blobs'), maxBytes: MAX }),
        stop: () => fs.rm(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 's3',
    async start() {
      const server: S3TestServer = await startS3TestServer();
      const spoolDir = await fs.mkdtemp(path.join(os.tmpdir(), 'muse-spool-'));
      const options = { bucket: server.bucket, region: 'us-east-1', forcePathStyle: true, credentials: server.credentials, maxBytes: MAX, spoolDir };
      const store = new S3BlobStore({ ...options, endpoint: server.endpoint });
      // Nothing listens on port 9 of loopback (discard), so every call fails to connect.
      const unavailable = new S3BlobStore({ ...options, endpoint: 'http://127.0.0.1:9', timeoutMs: 2000 });
      return {
        store,
        unavailable,
        async stop() {
          store.close();
          unavailable.close();
          await server.stop();
          await fs.rm(spoolDir, { recursive: true, force: true });
        },
      };
    },
  },
];

function bytes(length: number, seed = 1): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

async function readAll(stream: Readable): Promise<{ data: Buffer; chunks: number }> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return { data: Buffer.concat(chunks), chunks: chunks.length };
}

function chunked(data: Buffer, size: number): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) parts.push(data.subarray(i, i + size));
  return Readable.from(parts);
}

describe.each(adapters)('$name blob store', (adapter) => {
  let store: BlobStore;
  let unavailable: BlobStore;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ store, unavailable, stop } = await adapter.start());
  });
  afterAll(async () => {
    await stop();
  });

  it('when bytes are put, then the key is their SHA-256 with the type extension and head, exists and get give them back', async () => {
    const data = bytes(1000, 2);
    const info = await store.put(data, 'image/png');
    expect(info).toEqual({ key: `${sha256(data)}.png`, size: 1000, contentType: 'image/png' });
    expect(await store.exists(info.key)).toBe(true);
    expect(await store.head(info.key)).toEqual({ ...info, etag: `"${sha256(data)}"` });
    const read = await store.get(info.key);
    expect(read).toMatchObject({ key: info.key, size: 1000, contentType: 'image/png', etag: `"${sha256(data)}"`, range: null });
    expect((await readAll(read!.body)).data.equals(data)).toBe(true);
  });

  it('when the same bytes are put twice, as a buffer then as a stream, then both get the one key', async () => {
    const data = bytes(70_000, 3);
    const [first, second] = [await store.put(data, 'audio/mpeg'), await store.put(chunked(data, 4096), 'audio/mpeg')];
    expect(second).toEqual(first);
    expect(first.key).toBe(`${sha256(data)}.mp3`);
    expect((await readAll((await store.get(first.key))!.body)).data.equals(data)).toBe(true);
  });

  it('when the same bytes are put concurrently, then every put gets the same key and the blob is whole', async () => {
    const data = bytes(100_000, 4);
    const infos = await Promise.all([1, 2, 3, 4].map(() => store.put(chunked(data, 1000), 'image/jpeg')));
    expect(new Set(infos.map((i) => i.key)).size).toBe(1);
    expect((await readAll((await store.get(infos[0]!.key))!.body)).data.equals(data)).toBe(true);
  });

  it('when a type has parameters or capitals, then it is normalised, and aliases map to the stored type', async () => {
    const info = await store.put(bytes(10, 5), 'Image/JPG; charset=binary');
    expect(info.contentType).toBe('image/jpeg');
    expect(info.key.endsWith('.jpg')).toBe(true);
    expect((await store.head(info.key))!.contentType).toBe('image/jpeg');
  });

  it('when the type is not one Muse stores, then put refuses it and nothing is kept', async () => {
    const data = bytes(10, 6);
    await expect(store.put(data, 'text/html')).rejects.toBeInstanceOf(UnsupportedBlobTypeError);
    await expect(store.put(data, 'image/svg+xml')).rejects.toBeInstanceOf(UnsupportedBlobTypeError);
    await expect(store.put(data, '')).rejects.toBeInstanceOf(UnsupportedBlobTypeError);
    expect(await store.exists(`${sha256(data)}.png`)).toBe(false);
  });

  it('when a blob passes the size limit, then it is refused with a typed error, the source stream is stopped and nothing is kept', async () => {
    const data = bytes(MAX + 1, 7);
    await expect(store.put(data, 'image/png')).rejects.toBeInstanceOf(BlobTooLargeError);
    const source = chunked(bytes(40_000, 8), 1000);
    await expect(store.put(source, 'image/png', { maxBytes: 10_000 })).rejects.toMatchObject({ name: 'BlobTooLargeError', maxBytes: 10_000 });
    expect(source.destroyed).toBe(true);
    expect(await store.exists(`${sha256(data)}.png`)).toBe(false);
    expect(await store.exists(`${sha256(bytes(40_000, 8))}.png`)).toBe(false);
    // Exactly at the limit is allowed.
    expect((await store.put(bytes(10_000, 9), 'image/png', { maxBytes: 10_000 })).size).toBe(10_000);
  });

  it('when the source stream fails halfway, then put rejects with its error and nothing is kept', async () => {
    const data = bytes(20_000, 10);
    const failing = new Readable({
      read() {
        this.push(data.subarray(0, 5000));
        this.destroy(new Error('connection reset by the provider'));
      },
    });
    await expect(store.put(failing, 'image/png')).rejects.toThrow('connection reset by the provider');
    expect(await store.exists(`${sha256(data.subarray(0, 5000))}.png`)).toBe(false);
  });

  it('when an empty blob is put, then it is stored and read back empty', async () => {
    const info = await store.put(Buffer.alloc(0), 'audio/mp4');
    expect(info).toEqual({ key: `${sha256(Buffer.alloc(0))}.m4a`, size: 0, contentType: 'audio/mp4' });
    expect((await readAll((await store.get(info.key))!.body)).data.length).toBe(0);
  });

  it('when a range is asked for, then only those bytes stream while size stays the whole blob', async () => {
    const data = bytes(5000, 11);
    const { key } = await store.put(data, 'audio/mpeg');
    for (const range of [
      { start: 0, end: 0 },
      { start: 100, end: 1099 },
      { start: 4999, end: 4999 },
      { start: 0, end: 4999 },
    ]) {
      const read = (await store.get(key, range))!;
      expect(read).toMatchObject({ size: 5000, range, contentType: 'audio/mpeg' });
      expect((await readAll(read.body)).data.equals(data.subarray(range.start, range.end + 1))).toBe(true);
    }
  });

  it('when a range lies outside the blob, then get refuses it', async () => {
    const { key } = await store.put(bytes(100, 12), 'audio/mpeg');
    for (const range of [
      { start: 100, end: 100 },
      { start: 50, end: 100 },
      { start: 10, end: 5 },
      { start: -1, end: 5 },
      { start: 0.5, end: 5 },
    ]) {
      await expect(store.get(key, range)).rejects.toBeInstanceOf(BlobRangeError);
    }
  });

  it('when a blob is several megabytes, then get streams it in many chunks', async () => {
    const data = bytes(3 * 1024 * 1024, 13);
    const { key } = await store.put(data, 'image/webp', { maxBytes: 4 * 1024 * 1024 });
    const { data: back, chunks } = await readAll((await store.get(key))!.body);
    expect(back.equals(data)).toBe(true);
    expect(chunks).toBeGreaterThan(4);
  });

  it('when a key was never stored, then head and get give null and exists false', async () => {
    const key = `${'ab'.repeat(32)}.png`;
    expect(await store.head(key)).toBeNull();
    expect(await store.get(key)).toBeNull();
    expect(await store.get(key, { start: 0, end: 1 })).toBeNull();
    expect(await store.exists(key)).toBe(false);
  });

  it('when a key is not one the store hands out, then every call refuses it before touching storage', async () => {
    for (const key of [
      '',
      '../../etc/passwd',
      `${'AB'.repeat(32)}.png`,
      `${'ab'.repeat(32)}.exe`,
      `${'ab'.repeat(31)}.png`,
      `${'ab'.repeat(32)}.png/..`,
      'é.png',
    ]) {
      await expect(store.head(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await expect(store.get(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await expect(store.exists(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await expect(store.delete(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
    }
  });

  it('when a blob is deleted, then it is gone, and deleting it again is not an error', async () => {
    const { key } = await store.put(bytes(300, 14), 'image/gif');
    await store.delete(key);
    expect(await store.exists(key)).toBe(false);
    expect(await store.get(key)).toBeNull();
    await expect(store.delete(key)).resolves.toBeUndefined();
  });

  it('when the storage behind the store is down, then calls fail with BlobStoreUnavailableError', async () => {
    const key = `${'cd'.repeat(32)}.png`;
    await expect(unavailable.put(bytes(10, 15), 'image/png')).rejects.toBeInstanceOf(BlobStoreUnavailableError);
    await expect(unavailable.head(key)).rejects.toBeInstanceOf(BlobStoreUnavailableError);
    await expect(unavailable.get(key)).rejects.toBeInstanceOf(BlobStoreUnavailableError);
  });
});

describe('local blob store on disk', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'muse-blobs-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('when blobs are put, refused or interrupted, then only whole blobs sit under <2 hex>/<key> and no temporary file is left', async () => {
    const root = path.join(dir, 'blobs');
    const store = new LocalBlobStore({ root, maxBytes: 1000 });
    const data = bytes(500, 16);
    const { key } = await store.put(data, 'image/png');
    await store.put(data, 'image/png');
    await expect(store.put(bytes(2000, 17), 'image/png')).rejects.toBeInstanceOf(BlobTooLargeError);
    const failing = new Readable({
      read() {
        this.push(Buffer.from('half'));
        this.destroy(new Error('cut'));
      },
    });
    await expect(store.put(failing, 'image/png')).rejects.toThrow('cut');
    expect(await fs.readdir(path.join(root, 'tmp'))).toEqual([]);
    expect(await fs.readdir(path.join(root, key.slice(0, 2)))).toEqual([key]);
    expect((await fs.readFile(path.join(root, key.slice(0, 2), key))).equals(data)).toBe(true);
  });

  it('when a crash left temporary files, then the first put removes the stale ones and keeps fresh ones', async () => {
    const root = path.join(dir, 'swept');
    await fs.mkdir(path.join(root, 'tmp'), { recursive: true });
    const stale = path.join(root, 'tmp', 'old.part');
    const fresh = path.join(root, 'tmp', 'writing.part');
    await fs.writeFile(stale, 'half a blob');
    await fs.writeFile(fresh, 'a blob being written');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    await fs.utimes(stale, twoHoursAgo, twoHoursAgo);
    await new LocalBlobStore({ root, maxBytes: 1000 }).put(bytes(10, 18), 'image/png');
    expect(await fs.readdir(path.join(root, 'tmp'))).toEqual(['writing.part']);
  });
});
