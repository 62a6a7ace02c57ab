import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { useTestApp } from '../../testing/test-app';
import { makeAlbum } from '../../testing/factories';
import { waitFor } from '../../testing/wait-for';
import { fetchArtworkJobId } from './fetch-artwork.job';
import { ArtworkRepo } from './artwork.repo';
import { ArtworkService, ARTWORK_CACHE_CONTROL } from './artwork.service';
import { ImageRefusedError } from './image-download';
import { startImageServer, type ImageServer } from './testing/image-server';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-artwork-'));
const app = useTestApp({ worker: true, env: { DATA_DIR: dataDir } });
const knex = () => app.container.knex;
let images: ImageServer;

beforeAll(async () => {
  images = await startImageServer();
});
afterAll(async () => {
  await images.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const coverKeyOf = async (albumId: string): Promise<string | null> => (await knex()('albums').where({ id: albumId }).first('cover_key')).cover_key;

async function jobState(albumId: string) {
  const queue = app.container.queues.byName.artwork;
  // The state first: a job read after its state says failed already counts that attempt.
  const state = await queue.getJobState(fetchArtworkJobId(albumId));
  const job = await queue.getJob(fetchArtworkJobId(albumId));
  return job ? { state, attemptsMade: job.attemptsMade, failedReason: job.failedReason } : null;
}

/** An artwork service with the test app's store and database but short timeouts, for the fault cases. */
function quickService() {
  const { blobs } = app.container.services;
  return new ArtworkService({
    repo: new ArtworkRepo(knex()),
    blobs,
    queues: app.container.queues,
    logger: app.container.logger,
    download: { headersTimeoutMs: 300, totalTimeoutMs: 2000 },
  });
}

describe('album artwork', () => {
  it('when a cover is requested many times at once, then the worker fetches it once and album pages give the stored copy', async () => {
    const album = await makeAlbum(knex(), { title: 'Homogenic' });
    await knex()('albums')
      .where({ id: album.id })
      .update({ cover_url: `${images.url}/cover.png` });
    const { artwork } = app.container.services;
    await Promise.all(Array.from({ length: 8 }, () => artwork.requestCover(album.id)));

    const key = await waitFor('the cover key', () => coverKeyOf(album.id).then((k) => k ?? undefined));
    expect(key).toBe(`${createHash('sha256').update(images.png).digest('hex')}.png`);
    expect(images.hits('/cover.png')).toBe(1);
    await artwork.requestCover(album.id);
    expect(await jobState(album.id)).toMatchObject({ state: 'completed' });
    expect(images.hits('/cover.png')).toBe(1);

    const page = await app.client().get(`/api/albums/${album.id}`).expect(200);
    expect(page.body.album.coverUrl).toBe(`/api/artwork/${key}`);
    const search = await app.client().get('/api/search').query({ q: 'Homogenic' }).expect(200);
    expect(search.body.albums.find((a: { id: string }) => a.id === album.id)?.coverUrl).toBe(`/api/artwork/${key}`);

    const cover = await app.client().get(page.body.album.coverUrl).buffer(true).expect(200);
    expect(cover.headers).toMatchObject({
      'content-type': 'image/png',
      'cache-control': ARTWORK_CACHE_CONTROL,
      'accept-ranges': 'bytes',
      etag: `"${key.split('.')[0]}"`,
    });
    expect(Buffer.compare(cover.body as Buffer, images.png)).toBe(0);
    await app.client().get(page.body.album.coverUrl).set('If-None-Match', String(cover.headers.etag)).expect(304);
    const part = await app.client().get(page.body.album.coverUrl).set('Range', 'bytes=0-7').expect(206);
    expect(part.headers['content-range']).toBe(`bytes 0-7/${images.png.length}`);
  });

  it('when an explicit source is given for an album without cover_url, then it is fetched (through a redirect) and kept as the source', async () => {
    const album = await makeAlbum(knex());
    await app.container.services.artwork.requestCover(album.id, `${images.url}/redirect.png`);
    await waitFor('the cover key', () => coverKeyOf(album.id).then((k) => k ?? undefined));
    expect(await knex()('albums').where({ id: album.id }).first('cover_url')).toEqual({ cover_url: `${images.url}/redirect.png` });
  });

  it('when the source answers 503 once, then the job retries and stores the cover', async () => {
    const album = await makeAlbum(knex());
    await app.container.services.artwork.requestCover(album.id, `${images.url}/flaky.png`);
    await waitFor('the cover key', () => coverKeyOf(album.id).then((k) => k ?? undefined));
    expect(images.hits('/flaky.png')).toBe(2);
  });

  it.each(['/page.html', '/fake.png', '/drawing.svg', '/missing.png', '/huge.png', '/huge-stream.png'])(
    'when the source %s is not a usable image, then the job fails at once without retrying and the album keeps no cover',
    async (source) => {
      const album = await makeAlbum(knex());
      await app.container.services.artwork.requestCover(album.id, `${images.url}${source}`);
      const state = await waitFor('the job to fail', async () => {
        const s = await jobState(album.id);
        return s?.state === 'failed' ? s : undefined;
      });
      expect(state.attemptsMade).toBe(1);
      expect(await coverKeyOf(album.id)).toBeNull();
    },
  );

  it('when the source never answers, then the download times out (a retryable error) and nothing is stored', async () => {
    const album = await makeAlbum(knex());
    const started = Date.now();
    const attempt = quickService().storeCover(album.id, `${images.url}/hang.png`);
    await expect(attempt).rejects.toThrow(/artwork could not be fetched/);
    await expect(attempt).rejects.not.toBeInstanceOf(ImageRefusedError);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await coverKeyOf(album.id)).toBeNull();
  });

  it.each([
    'ftp://127.0.0.1/cover.png',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
    '',
    `http://u:p@127.0.0.1/x.png`,
    `https://x.test/${'a'.repeat(3000)}.png`,
  ])('when the source address is %p, then requesting it is a 400 and storing it is refused without a request', async (source) => {
    const album = await makeAlbum(knex());
    await expect(app.container.services.artwork.requestCover(album.id, source)).rejects.toMatchObject({ status: 400, code: 'invalid_artwork_url' });
    await expect(quickService().storeCover(album.id, source)).rejects.toBeInstanceOf(ImageRefusedError);
  });

  it('when the album has no source, is gone, or already has its cover, then nothing is downloaded', async () => {
    const service = quickService();
    const bare = await makeAlbum(knex());
    expect(await service.storeCover(bare.id)).toBe('no_source');
    expect(await service.storeCover('999999999999')).toBe('album_gone');
    const stored = await makeAlbum(knex());
    expect(await service.storeCover(stored.id, `${images.url}/other.png`)).toBe('stored');
    const before = images.hits('/other.png');
    expect(await service.storeCover(stored.id, `${images.url}/other.png`)).toBe('already_stored');
    expect(images.hits('/other.png')).toBe(before);
  });
});

describe('GET /api/artwork/:key', () => {
  it('when the key is malformed, then the answer is a 400 problem; when it is unknown, a 404 problem', async () => {
    for (const bad of ['nope', 'a'.repeat(64), `${'A'.repeat(64)}.png`, `${'a'.repeat(64)}.svg`, '%E2%9C%93.png', `${'a'.repeat(5000)}.png`]) {
      const res = await request(app.url).get(`/api/artwork/${bad}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const res = await request(app.url).get(`/api/artwork/${'a'.repeat(64)}.png`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'not_found' });
    expect(res.headers['cache-control']).not.toBe(ARTWORK_CACHE_CONTROL);
  });

  it('when a stored cover is asked for signed out, with a range past its end, then the answer is 416', async () => {
    const { key, size } = await app.container.services.blobs.put(images.png, 'image/png');
    const res = await request(app.url).get(`/api/artwork/${key}`).set('Range', `bytes=${size}-`);
    expect(res.status).toBe(416);
    expect(res.headers['content-range']).toBe(`bytes */${size}`);
  });
});
