import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { PREVIEW_REASON_TEXT, PREVIEW_STATUS_MAX_IDS } from '@muse/shared';
import { createTestApp, useTestApp, type TestApp } from '../../testing/test-app';
import { makeAlbum, registerPerson, type TestPerson } from '../../testing/factories';
import { waitFor } from '../../testing/wait-for';
import { clipFor } from '../../providers/sandbox/sandbox-audio';
import type { AppleSong } from '../../providers/sandbox/sandbox-catalog-types';
import { PREVIEW_CACHE_CONTROL } from './previews.service';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-previews-'));
const app = useTestApp({ worker: true, sandbox: true, env: { DATA_DIR: dataDir } });
let listener: TestPerson;

beforeAll(async () => {
  listener = await registerPerson(app);
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

let songsUsed = 0;
/** A catalog track that is an Apple song of the sandbox's (by ISRC, title and artist), without its Apple id. */
async function trackOnApple(): Promise<{ trackId: string; song: AppleSong }> {
  const songs = app.sandbox!.catalog.apple.songs.filter((s) => s.storefronts.includes('us') && !/[([]/.test(s.name));
  const song = songs[songsUsed++ * 7]!;
  const album = await makeAlbum(app.container.knex, {
    title: song.albumName,
    artist: song.artistName,
    tracks: [{ title: song.name, durationMs: song.durationMs, isrc: song.isrc }],
  });
  return { trackId: album.trackIds[0]!, song };
}

const statusOf = async (person: TestPerson, trackId: string) =>
  (await person.client.get('/api/previews/status').query({ trackIds: trackId }).expect(200)).body.previews[0];

const waitUntilReady = (trackId: string) => waitFor(`the preview of track ${trackId}`, async () => (await statusOf(listener, trackId)).state === 'ready');

const previewJobsOf = async (trackId: string) =>
  (await app.container.queues.byName.previews.getJobs(['waiting', 'active', 'delayed', 'completed', 'failed'])).filter((j) => j.data.trackId === trackId);

describe('GET /api/tracks/:id/preview', () => {
  it('when signed out, then the clip and the statuses are 401 problems', async () => {
    const { trackId } = await trackOnApple();
    for (const url of [`/api/tracks/${trackId}/preview`, `/api/previews/status?trackIds=${trackId}`]) {
      const res = await request(app.url).get(url);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(await previewJobsOf(trackId)).toHaveLength(0);
  });

  it('when the id is malformed or unknown, then 400 or 404 problems, and statuses leave unknown tracks out', async () => {
    for (const bad of ['abc', '0', '-1', '1.5', '9'.repeat(30)]) {
      const res = await listener.client.get(`/api/tracks/${bad}/preview`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
    const unknown = await listener.client.get('/api/tracks/999999999999/preview');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'not_found', detail: 'Track not found.' });
    const tooMany = Array.from({ length: PREVIEW_STATUS_MAX_IDS + 1 }, (_, i) => String(i + 1)).join(',');
    for (const trackIds of ['', 'a,b', '1;2', tooMany]) {
      expect((await listener.client.get('/api/previews/status').query({ trackIds })).status).toBe(400);
    }
    const res = await listener.client.get('/api/previews/status').query({ trackIds: '999999999999' }).expect(200);
    expect(res.body).toEqual({ previews: [] });
  });

  it('when many ask for a clip at once, then it is fetched once (found by ISRC, its Apple id remembered) and streamed with ranges and cache headers', async () => {
    const { trackId, song } = await trackOnApple();
    expect(await statusOf(listener, trackId)).toEqual({ trackId, state: 'pending', reason: null });
    const first = await Promise.all(Array.from({ length: 8 }, () => listener.client.get(`/api/tracks/${trackId}/preview`)));
    for (const res of first) {
      expect([200, 202]).toContain(res.status);
      if (res.status === 202) {
        expect(res.headers['retry-after']).toBe('1');
        expect(res.body).toEqual({ trackId, state: 'pending', retryAfterSeconds: 1 });
      }
    }
    await waitUntilReady(trackId);
    expect(await previewJobsOf(trackId)).toHaveLength(1);
    expect(await app.container.knex('tracks').where({ id: trackId }).first('apple_id')).toEqual({ apple_id: song.id });

    const clip = clipFor(song.id);
    const url = `/api/tracks/${trackId}/preview`;
    const whole = await listener.client.get(url).buffer(true).parse(binary).expect(200);
    expect(whole.headers).toMatchObject({
      'content-type': 'audio/mp4',
      'content-length': String(clip.length),
      'cache-control': PREVIEW_CACHE_CONTROL,
      'accept-ranges': 'bytes',
    });
    expect((whole.body as Buffer).equals(clip)).toBe(true);
    const etag = String(whole.headers.etag);
    await listener.client.get(url).set('If-None-Match', etag).expect(304);

    const part = await listener.client.get(url).set('Range', 'bytes=0-65535').buffer(true).parse(binary).expect(206);
    const end = Math.min(65535, clip.length - 1);
    expect(part.headers['content-range']).toBe(`bytes 0-${end}/${clip.length}`);
    expect((part.body as Buffer).equals(clip.subarray(0, end + 1))).toBe(true);
    const tail = await listener.client.get(url).set('Range', 'bytes=-100').buffer(true).parse(binary).expect(206);
    expect((tail.body as Buffer).equals(clip.subarray(clip.length - 100))).toBe(true);
  });

  it('when Range headers are malformed, overlapping, huge or past the end, then the whole clip, a clamped range or 416', async () => {
    const { trackId, song } = await trackOnApple();
    await listener.client.get(`/api/tracks/${trackId}/preview`);
    await waitUntilReady(trackId);
    const size = clipFor(song.id).length;
    const get = (range: string) => listener.client.get(`/api/tracks/${trackId}/preview`).set('Range', range).buffer(true).parse(binary);
    for (const ignored of ['bytes=abc', 'bytes=5-2', 'items=0-10', 'bytes=0-10,5-20', 'bytes=0-1,0-1,0-1,0-1,0-1,0-1', 'bytes=--1']) {
      const res = await get(ignored);
      expect([ignored, res.status, (res.body as Buffer).length]).toEqual([ignored, 200, size]);
    }
    const huge = await get('bytes=0-99999999999999');
    expect(huge.status).toBe(206);
    expect(huge.headers['content-range']).toBe(`bytes 0-${size - 1}/${size}`);
    for (const past of [`bytes=${size}-`, 'bytes=99999999999999999999-', 'bytes=-0']) {
      const res = await get(past);
      expect([past, res.status, res.headers['content-range']]).toEqual([past, 416, `bytes */${size}`]);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('when a track has neither ISRC nor service ids (as most demo tracks), then it is found by artist, title and album search', async () => {
    const songs = app.sandbox!.catalog.apple.songs.filter((s) => s.storefronts.includes('us') && /^[A-Za-z ]+$/.test(s.name) && s.name.length > 8);
    const song = songs[3]!;
    const album = await makeAlbum(app.container.knex, {
      title: song.albumName,
      artist: song.artistName,
      tracks: [{ title: song.name, durationMs: song.durationMs }],
    });
    const trackId = album.trackIds[0]!;
    await listener.client.get(`/api/tracks/${trackId}/preview`).expect(202);
    await waitUntilReady(trackId);
    expect(await app.container.knex('tracks').where({ id: trackId }).first('apple_id')).toEqual({ apple_id: song.id });
  });

  it('when no usable service has the track, then it is remembered as having no preview and the answer says why', async () => {
    const album = await makeAlbum(app.container.knex, { title: 'Qzxv Nowhere Sessions', artist: 'Nobody Qzxv', tracks: ['Qzxv Unfindable Tune'] });
    const trackId = album.trackIds[0]!;
    expect((await listener.client.get(`/api/tracks/${trackId}/preview`)).status).toBe(202);
    const status = await waitFor('no preview', async () => {
      const s = await statusOf(listener, trackId);
      return s.state === 'none' ? s : undefined;
    });
    expect(status).toEqual({ trackId, state: 'none', reason: 'not_on_services' });
    const res = await listener.client.get(`/api/tracks/${trackId}/preview`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'preview_unavailable', reason: 'not_on_services', detail: PREVIEW_REASON_TEXT.not_on_services });
    expect(await previewJobsOf(trackId)).toHaveLength(1);
  });

  it('when Apple fails for a while, then the fetch is retried with backoff and the clip stored', async () => {
    const { trackId } = await trackOnApple();
    app.sandbox!.knobs.set({ service: 'apple', fail: { status: 503, times: 6 } });
    try {
      await listener.client.get(`/api/tracks/${trackId}/preview`).expect(202);
      await waitUntilReady(trackId);
    } finally {
      app.sandbox!.knobs.reset();
    }
    const [job] = await previewJobsOf(trackId);
    expect(job!.attemptsMade).toBeGreaterThanOrEqual(2);
  });

  it('when an album page warms its tracks, then their clips are fetched before anyone presses play', async () => {
    const [a, b] = [await trackOnApple(), await trackOnApple()];
    const res = await listener.client
      .get('/api/previews/status')
      .query({ trackIds: `${a.trackId},${b.trackId}` })
      .expect(200);
    expect(res.body.previews.map((p: { trackId: string }) => p.trackId)).toEqual([a.trackId, b.trackId]);
    await waitUntilReady(a.trackId);
    await waitUntilReady(b.trackId);
  });

  it('when the blob store is down, then the clip is a 503 problem and the rest of the app keeps answering', async () => {
    const { trackId } = await trackOnApple();
    await listener.client.get(`/api/tracks/${trackId}/preview`);
    await waitUntilReady(trackId);
    const blobs = path.join(dataDir, 'blobs');
    fs.renameSync(blobs, `${blobs}.away`);
    fs.writeFileSync(blobs, 'not a folder');
    try {
      const res = await listener.client.get(`/api/tracks/${trackId}/preview`);
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: 'blob_store_unavailable' });
      expect(res.headers['retry-after']).toBeDefined();
      expect(res.headers['cache-control']).not.toBe(PREVIEW_CACHE_CONTROL);
      expect((await statusOf(listener, trackId)).state).toBe('ready');
      await listener.client.get('/api/me').expect(200);
    } finally {
      fs.rmSync(blobs);
      fs.renameSync(`${blobs}.away`, blobs);
    }
    await listener.client.get(`/api/tracks/${trackId}/preview`).expect(200);
  });

  it('when a stored clip has gone from the store, then the next request fetches it again', async () => {
    const { trackId } = await trackOnApple();
    await listener.client.get(`/api/tracks/${trackId}/preview`);
    await waitUntilReady(trackId);
    const { blob_key: key } = await app.container.knex('track_previews').where({ track_id: trackId }).first('blob_key');
    await app.container.services.blobs.delete(key);
    expect((await listener.client.get(`/api/tracks/${trackId}/preview`)).status).toBe(202);
    await waitFor('the clip stored again', async () => app.container.services.blobs.exists(key));
    await listener.client.get(`/api/tracks/${trackId}/preview`).expect(200);
  });
});

describe('previews without music services, and the per-user limit', () => {
  let bare: TestApp;
  beforeAll(async () => {
    bare = await createTestApp({ env: { PREVIEW_RATE_USER_MAX: '2' } });
  });
  afterAll(async () => bare?.close());

  it('when no service is configured, then every track says so without a fetch; past the limit, 429 with Retry-After', async () => {
    const person = await registerPerson(bare);
    const album = await makeAlbum(bare.container.knex, { tracks: ['A'] });
    const trackId = album.trackIds[0]!;
    expect(await statusOf(person, trackId)).toEqual({ trackId, state: 'none', reason: 'no_services' });
    const res = await person.client.get(`/api/tracks/${trackId}/preview`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'preview_unavailable', reason: 'no_services' });
    expect(await bare.container.queues.byName.previews.getJobCounts()).toMatchObject({ waiting: 0, completed: 0 });
    const limited = await person.client.get(`/api/tracks/${trackId}/preview`);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    const other = await registerPerson(bare);
    expect((await other.client.get(`/api/tracks/${trackId}/preview`)).status).toBe(404);
  });
});
