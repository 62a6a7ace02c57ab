import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDemoReleases } from '../../providers/sandbox/demo-releases';
import type { DiscogsRelease } from '../../seed/discogs-release';
import { CatalogSeedRepo } from '../../seed/catalog-seed.repo';
import { startWorker } from '../../roles/worker-role';
import { useTestApp } from '../../testing/test-app';
import { makeAlbum, registerUser } from '../../testing/factories';
import { waitFor } from '../../testing/wait-for';
import { presentCoverUrl, presentStoredCover } from '../../http/presenters/catalog.presenter';
import { coversOf } from '../playlists/playlist-views';
import { ArtworkRepo } from './artwork.repo';
import { CoverBackfill } from './cover-backfill';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-backfill-'));
const app = useTestApp({ sandbox: true, worker: true, env: { DATA_DIR: dataDir } });
const knex = () => app.container.knex;
const STORED = /^\/api\/artwork\/[0-9a-f]{64}\.png$/;

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
afterEach(() => app.sandbox!.knobs.reset());

const coverKeyOf = async (albumId: string): Promise<string | null> => (await knex()('albums').where({ id: albumId }).first('cover_key')).cover_key;

/** Demo releases the sandbox sells on Spotify under their own title, as `npm start` seeds them. */
async function seedDemoReleases(count: number, skip = 0): Promise<{ release: DiscogsRelease; albumId: string }[]> {
  const onSpotify = new Set(app.sandbox!.catalog.spotify.albums.map((a) => a.name));
  const releases = (await loadDemoReleases()).filter((r) => onSpotify.has(r.title)).slice(skip, skip + count);
  await new CatalogSeedRepo(knex()).upsertReleases(releases);
  const rows: { id: string; discogs_id: string }[] = await knex()('albums')
    .whereIn(
      'discogs_id',
      releases.map((r) => r.discogsId),
    )
    .select('id', 'discogs_id');
  return releases.map((release) => ({ release, albumId: String(rows.find((r) => Number(r.discogs_id) === release.discogsId)!.id) }));
}

describe('cover backfill', () => {
  it('when seeded albums have no cover, then a run finds them on the sandbox, the worker stores them, and album pages show the stored copy', async () => {
    const seeded = await seedDemoReleases(6);
    const run = await app.container.services.coverBackfill.runOnce();
    expect(run.looked).toBeGreaterThanOrEqual(6);
    for (const { albumId } of seeded) await waitFor(`the cover of album ${albumId}`, () => coverKeyOf(albumId).then((k) => k ?? undefined));

    const { albumId } = seeded[0]!;
    const page = await app.client().get(`/api/albums/${albumId}`).expect(200);
    expect(page.body.album.coverUrl).toMatch(STORED);
    const image = await app.client().get(page.body.album.coverUrl).buffer(true).expect(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect((image.body as Buffer).subarray(1, 4).toString('latin1')).toBe('PNG');
    // The service's address is kept as the source, never shown.
    expect((await knex()('albums').where({ id: albumId }).first('cover_url')).cover_url).toContain(app.sandbox!.url);
    expect(JSON.stringify(page.body)).not.toContain(app.sandbox!.url);

    const again = await app.container.services.coverBackfill.runOnce();
    expect(again.looked).toBe(0);
  });

  it('when a worker starts with its defaults, then its timer runs the backfill and seeded albums get their covers without anyone asking', async () => {
    const seeded = await seedDemoReleases(2, 20);
    const worker = await startWorker(app.container);
    try {
      for (const { albumId } of seeded) await waitFor(`the cover of album ${albumId}`, () => coverKeyOf(albumId).then((k) => k ?? undefined));
    } finally {
      await worker.stop();
    }
  });

  it('when an album is on no service, then it is looked up once and not again until the re-check delay', async () => {
    const lost = await makeAlbum(knex(), { title: 'Songs Nobody Sells', artist: 'Nobody At All' });
    const backfill = new CoverBackfill({
      repo: new ArtworkRepo(knex()),
      artwork: app.container.services.artwork,
      providers: app.container.providers,
      logger: app.container.logger,
    });
    const first = await backfill.runOnce();
    expect(first).toMatchObject({ looked: 1, requested: 0, notFound: 1 });
    expect(await backfill.runOnce()).toMatchObject({ looked: 0 });
    expect(await coverKeyOf(lost.id)).toBeNull();
    expect((await knex()('albums').where({ id: lost.id }).first('cover_checked_at')).cover_checked_at).not.toBeNull();
  });

  it('when the services are down, then the albums are left to the next run instead of being marked looked at', async () => {
    const { albumId } = (await seedDemoReleases(1, 10))[0]!;
    app.sandbox!.knobs.set({ service: 'spotify', fail: { status: 503, times: 1000 } });
    app.sandbox!.knobs.set({ service: 'apple', fail: { status: 503, times: 1000 } });
    const backfill = new CoverBackfill({
      repo: new ArtworkRepo(knex()),
      artwork: app.container.services.artwork,
      providers: app.container.providers,
      logger: app.container.logger,
    });
    const down = await backfill.runOnce();
    expect(down).toMatchObject({ looked: 1, requested: 0 });
    expect((await knex()('albums').where({ id: albumId }).first('cover_checked_at')).cover_checked_at).toBeNull();

    app.sandbox!.knobs.reset();
    expect(await backfill.runOnce()).toMatchObject({ looked: 1, requested: 1 });
    await waitFor('the cover once the services are back', () => coverKeyOf(albumId).then((k) => k ?? undefined));
  });

  it('when an album is added from a service, then its cover is fetched without anyone waiting for it and its page shows the stored copy', async () => {
    const { client } = await registerUser(app);
    const spotify = app.sandbox!.catalog.spotify.albums.find((a) => a.name === 'Wildflower Radio')!;
    const added = await client.post('/api/catalog/external-albums', { provider: 'spotify', id: spotify.id });
    expect(added.status).toBe(201);
    const key = await waitFor('the added album’s cover', () => coverKeyOf(added.body.albumId).then((k) => k ?? undefined));
    const page = await client.get(`/api/albums/${added.body.albumId}`).expect(200);
    expect(page.body.album.coverUrl).toBe(`/api/artwork/${key}`);
  });
});

describe('covers are never hot-linked', () => {
  it('when an album has only a service address for its cover, then every answer gives null until the stored copy exists', async () => {
    const album = await makeAlbum(knex(), { title: 'Hotlink Test Record' });
    await knex()('albums').where({ id: album.id }).update({ cover_url: 'https://i.scdn.co/image/abc', cover_checked_at: new Date() });
    const page = await app.client().get(`/api/albums/${album.id}`).expect(200);
    expect(page.body.album.coverUrl).toBeNull();
    const search = await app.client().get('/api/search').query({ q: 'Hotlink Test Record' }).expect(200);
    expect(search.body.albums.find((a: { id: string }) => a.id === album.id).coverUrl).toBeNull();
    expect(JSON.stringify([page.body, search.body])).not.toContain('scdn.co');
  });

  it('when covers are presented, then only stored copies pass', () => {
    const key = `${'a'.repeat(64)}.jpg`;
    expect(presentCoverUrl(key)).toBe(`/api/artwork/${key}`);
    expect(presentCoverUrl(null)).toBeNull();
    expect(presentStoredCover(`/api/artwork/${key}`)).toBe(`/api/artwork/${key}`);
    for (const foreign of ['https://i.scdn.co/image/abc', 'http://127.0.0.1/api/artwork/x.png', '//evil.test/a.png', `/api/artwork/${key}?x=https://a`])
      expect(presentStoredCover(foreign)).toBeNull();
    const entry = (coverUrl: string) => ({ snapshot: { title: 't', artists: [], coverUrl } }) as unknown as Parameters<typeof coversOf>[0][number];
    expect(coversOf([entry('https://is1-ssl.mzstatic.com/a.jpg'), entry(`/api/artwork/${key}`)])).toEqual([`/api/artwork/${key}`]);
  });
});
