import { loadSandboxCatalog } from '../../providers/sandbox/sandbox-catalog';
import type { AppleAlbum, AppleSong, SandboxCatalog } from '../../providers/sandbox/sandbox-catalog-types';
import type { StartSandboxOptions } from '../../providers/sandbox/start-sandbox';
import { registerUser } from '../../testing/factories';
import { useTestApp } from '../../testing/test-app';
import { sameRelease } from './album-identity';

/** The sandbox's catalog with some Apple Music albums (and their songs) taken away, as if Apple did not sell them. */
function withoutAppleAlbums(full: SandboxCatalog, drop: (album: AppleAlbum) => boolean): SandboxCatalog {
  const gone = new Set(full.apple.albums.filter(drop).map((a) => a.id));
  const albums = full.apple.albums.filter((a) => !gone.has(a.id));
  const songs = full.apple.songs.filter((s) => !gone.has(s.albumId));
  const songsByIsrc = new Map<string, AppleSong[]>();
  for (const song of songs) songsByIsrc.set(song.isrc, [...(songsByIsrc.get(song.isrc) ?? []), song]);
  return {
    ...full,
    apple: { songs, albums, songById: new Map(songs.map((s) => [s.id, s])), albumById: new Map(albums.map((a) => [a.id, a])), songsByIsrc },
  };
}

const byName = (catalog: SandboxCatalog, name: string) => catalog.spotify.albums.find((a) => a.name === name)!;

// Apple Music lacks "Wildflower Radio" altogether, and sells "Copper Skies" only as the single of its title track.
const sandboxOptions: StartSandboxOptions = {};
beforeAll(async () => {
  const full = await loadSandboxCatalog();
  const copperSkies = byName(full, 'Copper Skies');
  sandboxOptions.catalog = withoutAppleAlbums(full, (a) => a.artistName === 'Juniper Vale' || a.upc === copperSkies.upc);
});
const app = useTestApp({ sandbox: sandboxOptions });
const catalog = () => app.sandbox!.catalog;
const knex = () => app.container.knex;

let fan: Awaited<ReturnType<typeof registerUser>>['client'];
beforeAll(async () => {
  ({ client: fan } = await registerUser(app));
});

const callsToApple = () => Object.values(app.sandbox!.calls().apple).reduce((sum, n) => sum + n, 0);

async function addFromSpotify(name: string) {
  const res = await fan.post('/api/catalog/external-albums', { provider: 'spotify', id: byName(catalog(), name).id });
  expect(res.status).toBe(201);
  const albumId = res.body.albumId as string;
  return {
    album: await knex()('albums').where({ id: albumId }).first('spotify_id', 'apple_id'),
    tracks: await knex()('tracks').where({ album_id: albumId }).select('spotify_id', 'apple_id'),
  };
}

describe('catalog enrichment: the same album on the other service', () => {
  it('when an album is only on Spotify, then it is added with Spotify’s ids and Apple Music’s stay empty', async () => {
    expect(catalog().apple.albums.some((a) => a.name === 'Wildflower Radio')).toBe(false);
    const { album, tracks } = await addFromSpotify('Wildflower Radio');
    expect(album).toEqual({ spotify_id: byName(catalog(), 'Wildflower Radio').id, apple_id: null });
    expect(tracks.length).toBeGreaterThan(0);
    expect(tracks.every((t) => t.spotify_id !== null && t.apple_id === null)).toBe(true);
  });

  it('when Apple Music has only another release of the same title (the single of its title track), then it is not linked, in a few calls', async () => {
    const spotify = byName(catalog(), 'Copper Skies');
    const single = catalog().apple.albums.find((a) => a.name === 'Copper Skies - Single')!;
    // The trap: by artist and title alone the single is the album, and it holds one of its recordings.
    expect(sameRelease({ title: single.name, artists: [single.artistName] }, { title: spotify.name, artistCredit: spotify.artists[0]!.name, names: [] })).toBe(
      true,
    );
    const singleIsrc = catalog().apple.songById.get(single.songIds[0]!)!.isrc;
    expect(spotify.trackIds.map((id) => catalog().spotify.trackById.get(id)!.isrc)).toContain(singleIsrc);

    app.sandbox!.resetCalls();
    const { album, tracks } = await addFromSpotify('Copper Skies');
    expect(album).toEqual({ spotify_id: spotify.id, apple_id: null });
    expect(tracks.every((t) => t.apple_id === null)).toBe(true);
    expect(await knex()('albums').where({ apple_id: single.id }).first()).toBeUndefined();
    // A search, an ISRC lookup and at most two album reads.
    expect(callsToApple()).toBeLessThanOrEqual(4);
  });
});
