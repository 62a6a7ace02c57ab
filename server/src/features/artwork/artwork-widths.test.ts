import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { COVER_WIDTHS, coverSrcSet, coverUrlAt } from '@muse/shared';
import { artworkAddress } from '../../providers/artwork-sizes';
import { useTestApp } from '../../testing/test-app';
import { makeAlbum, registerUser } from '../../testing/factories';
import { waitFor } from '../../testing/wait-for';
import { ARTWORK_CACHE_CONTROL, ARTWORK_STAND_IN_CACHE_CONTROL } from './artwork.service';
import { startImageServer, type ImageServer } from './testing/image-server';
import { makePng, pngWidth } from './testing/png';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-artwork-widths-'));
const app = useTestApp({ sandbox: true, worker: true, env: { DATA_DIR: dataDir } });
const knex = () => app.container.knex;
let images: ImageServer;

beforeAll(async () => {
  images = await startImageServer();
});
afterAll(async () => {
  await images.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const coverKeyOf = async (albumId: string): Promise<string | undefined> =>
  ((await knex()('albums').where({ id: albumId }).first('cover_key')) as { cover_key: string | null }).cover_key ?? undefined;

/** The image a page gets for a cover at a width: its bytes and headers. */
async function coverAt(coverUrl: string, width: (typeof COVER_WIDTHS)[number]) {
  const res = await request(app.url).get(coverUrlAt(coverUrl, width)).buffer(true).expect(200);
  return { body: res.body as Buffer, headers: res.headers };
}

/** What each `srcset` candidate of a cover serves: the width its descriptor promises and the PNG's real width. */
async function srcSetWidths(coverUrl: string): Promise<Array<[number, number]>> {
  const candidates = coverSrcSet(coverUrl)!
    .split(', ')
    .map((candidate) => candidate.split(' ') as [string, string]);
  return Promise.all(
    candidates.map(async ([url, descriptor]) => {
      const res = await request(app.url).get(url).buffer(true).expect(200);
      return [Number(descriptor.slice(0, -1)), pngWidth(res.body as Buffer)] as [number, number];
    }),
  );
}

describe('album artwork at the widths pages need', () => {
  it('when a cover’s address names an image per width, then the worker fetches each once, stores each, and every width is served with the artwork cache headers', async () => {
    const album = await makeAlbum(knex(), { title: 'Widths Of Blue' });
    const address = artworkAddress(
      images.sized(640),
      new Map([
        [64, images.sized(64)],
        [300, images.sized(300)],
      ]),
    );
    await Promise.all(Array.from({ length: 8 }, () => app.container.services.artwork.requestCover(album.id, address)));
    const key = await waitFor('the cover key', () => coverKeyOf(album.id));
    for (const width of COVER_WIDTHS) expect(images.hits(`/sized/${width}.png`)).toBe(1);

    const page = await app.client().get(`/api/albums/${album.id}`).expect(200);
    expect(page.body.album.coverUrl).toBe(`/api/artwork/${key}`);
    expect(await srcSetWidths(page.body.album.coverUrl)).toEqual([
      [64, 64],
      [300, 300],
      [640, 640],
    ]);
    const small = await coverAt(page.body.album.coverUrl, 64);
    expect(small.headers).toMatchObject({ 'content-type': 'image/png', 'cache-control': ARTWORK_CACHE_CONTROL, 'accept-ranges': 'bytes' });
    expect(small.headers.etag).not.toBe((await coverAt(page.body.album.coverUrl, 640)).headers.etag);
    await request(app.url).get(coverUrlAt(page.body.album.coverUrl, 64)).set('If-None-Match', String(small.headers.etag)).expect(304);
    const part = await request(app.url).get(coverUrlAt(page.body.album.coverUrl, 300)).set('Range', 'bytes=0-7').expect(206);
    expect(part.headers['content-range']).toMatch(/^bytes 0-7\/\d+$/);

    // Asked again, nothing is downloaded again.
    expect(await app.container.services.artwork.storeCover(album.id, address)).toBe('already_stored');
    for (const width of COVER_WIDTHS) expect(images.hits(`/sized/${width}.png`)).toBe(1);
  });

  it('when an album is added from Spotify, then each stored width is Spotify’s own image of that width', async () => {
    const { client } = await registerUser(app);
    const spotify = app.sandbox!.catalog.spotify.albums.find((a) => a.name === 'Wildflower Radio')!;
    const added = await client.post('/api/catalog/external-albums', { provider: 'spotify', id: spotify.id });
    expect(added.status).toBe(201);
    const key = await waitFor('the added album’s cover', () => coverKeyOf(added.body.albumId));
    expect(await srcSetWidths(`/api/artwork/${key}`)).toEqual([
      [64, 64],
      [300, 300],
      [640, 640],
    ]);
    // The album's source stays Spotify's largest image (naming the others), never shown.
    const { cover_url } = await knex()('albums').where({ id: added.body.albumId }).first('cover_url');
    expect(new URL(cover_url).pathname).toMatch(/\/640x640\.png$/);
  });

  it('when an album is added from Apple Music, then Apple draws each stored width from its artwork template', async () => {
    const { client } = await registerUser(app);
    const apple = app.sandbox!.catalog.apple.albums.find((a) => a.name === 'Copper Skies')!;
    const added = await client.post('/api/catalog/external-albums', { provider: 'apple', id: apple.id });
    expect(added.status).toBe(201);
    const key = await waitFor('the added album’s cover', () => coverKeyOf(added.body.albumId));
    expect(await srcSetWidths(`/api/artwork/${key}`)).toEqual([
      [64, 64],
      [300, 300],
      [640, 640],
    ]);
  });

  it('when a cover was stored before covers had widths, then its one image serves every width, the smaller ones cached for a day only', async () => {
    const album = await makeAlbum(knex());
    const png = makePng(1000, 1000, [90, 90, 200]);
    const { key } = await app.container.services.blobs.put(png, 'image/png');
    await knex()('albums').where({ id: album.id }).update({ cover_key: key, cover_url: 'https://is1-ssl.mzstatic.com/x/1000x1000bb.jpg' });

    const coverUrl = `/api/artwork/${key}`;
    const largest = await coverAt(coverUrl, 640);
    expect(largest.headers['cache-control']).toBe(ARTWORK_CACHE_CONTROL);
    for (const width of [64, 300] as const) {
      const standIn = await coverAt(coverUrl, width);
      expect(Buffer.compare(standIn.body, png)).toBe(0);
      expect(standIn.headers['cache-control']).toBe(ARTWORK_STAND_IN_CACHE_CONTROL);
      expect(standIn.headers.etag).toBe(largest.headers.etag);
    }
  });

  it('when the source refuses a smaller width, then the largest serves that width and the cover is still stored', async () => {
    const album = await makeAlbum(knex());
    // The largest here is /other.png, 32 px wide, so what serves each width shows in its PNG.
    const address = artworkAddress(
      `${images.url}/other.png`,
      new Map([
        [64, `${images.url}/missing.png`],
        [300, images.sized(300)],
      ]),
    );
    await app.container.services.artwork.requestCover(album.id, address);
    const key = await waitFor('the cover key', () => coverKeyOf(album.id));
    expect(await srcSetWidths(`/api/artwork/${key}`)).toEqual([
      [64, 32],
      [300, 300],
      [640, 32],
    ]);
    expect(images.hits('/missing.png')).toBe(1);
    expect((await coverAt(`/api/artwork/${key}`, 64)).headers['cache-control']).toBe(ARTWORK_CACHE_CONTROL);
  });

  it('when a width Muse does not store is asked for, then the answer is a 400 problem and no other size is ever made', async () => {
    const { key } = await app.container.services.blobs.put(images.png, 'image/png');
    for (const w of ['100', '0', '-64', '64.0', 'large', '']) {
      const res = await request(app.url).get(`/api/artwork/${key}`).query({ w });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    await request(app.url).get(`/api/artwork/${key}?w=64&w=300`).expect(400);
  });
});
