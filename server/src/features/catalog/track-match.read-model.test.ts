import type { Knex } from 'knex';
import type { EntrySnapshot } from '@muse/shared';
import { createKnex, migrateLatest } from '../../db/knex';
import { makeAlbum, makeArtist } from '../../testing/factories';
import { createTestDatabase } from '../../testing/test-infra';
import { TrackMatchReadModel, type CatalogMatchQuery } from './track-match.read-model';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let knex: Knex;
let matcher: TrackMatchReadModel;
const ids: Record<string, string> = {};
const albums: Record<string, string> = {};

const q = (snapshot: Partial<EntrySnapshot> & { title: string }, extra: Partial<CatalogMatchQuery> = {}): CatalogMatchQuery => ({
  snapshot: { artists: [], ...snapshot },
  serviceIds: {},
  ...extra,
});

beforeAll(async () => {
  db = await createTestDatabase('track_match');
  knex = createKnex(db.url, 3);
  await migrateLatest(knex);
  matcher = new TrackMatchReadModel(knex);

  const homogenic = await makeAlbum(knex, {
    title: 'Homogenic',
    artist: 'Björk',
    year: 1997,
    upc: '731453940621',
    tracks: [
      { title: 'Hunter', durationMs: 255_000, isrc: 'GBAAA9700101' },
      { title: 'Jóga', durationMs: 305_000, isrc: 'GBAAA9700102', spotifyId: '5ezfiPy5pJ3ZxKsjWfbSyw' },
    ],
  });
  [ids.hunter, ids.joga] = homogenic.trackIds as [string, string];
  albums.homogenic = homogenic.id;
  const live = await makeAlbum(knex, { title: 'Homogenic Live', artist: 'Björk', year: 1998, tracks: [{ title: 'Jóga (Live)', durationMs: 310_000 }] });
  ids.jogaLive = live.trackIds[0]!;

  // The same song on the album and on a compilation: text alone cannot choose.
  const radiohead = await makeArtist(knex, 'Radiohead');
  const okc = await makeAlbum(knex, { title: 'OK Computer', artists: [radiohead], tracks: [{ title: 'Karma Police', durationMs: 264_000 }] });
  const best = await makeAlbum(knex, { title: 'The Best Of', artists: [radiohead], tracks: [{ title: 'Karma Police', durationMs: 263_000 }] });
  ids.karmaOkc = okc.trackIds[0]!;
  ids.karmaBest = best.trackIds[0]!;

  // An original and its remaster on two releases.
  const queen = await makeArtist(knex, 'Queen');
  const opera = await makeAlbum(knex, { title: 'A Night at the Opera', artists: [queen], tracks: [{ title: 'Bohemian Rhapsody', durationMs: 354_000 }] });
  const remaster = await makeAlbum(knex, {
    title: 'A Night at the Opera (2011 Remaster)',
    artists: [queen],
    tracks: [{ title: 'Bohemian Rhapsody - Remastered 2011', durationMs: 355_000, isrc: 'GBUM71029604' }],
  });
  ids.bohemian = opera.trackIds[0]!;
  ids.bohemianRemaster = remaster.trackIds[0]!;

  const daft = await makeAlbum(knex, {
    title: 'Random Access Memories',
    artists: [await makeArtist(knex, 'Daft Punk'), { ...(await makeArtist(knex, 'Pharrell Williams')), join: '' }],
    tracks: [{ title: 'Get Lucky', durationMs: 369_000 }],
  });
  ids.getLucky = daft.trackIds[0]!;
  albums.ram = daft.id;

  ids.dontStop = (await makeAlbum(knex, { title: 'Jazz', artists: [queen], tracks: [{ title: "Don't Stop Me Now", durationMs: 209_000 }] })).trackIds[0]!;
  ids.introXx = (await makeAlbum(knex, { title: 'xx', artist: 'The xx', tracks: [{ title: 'Intro', durationMs: 127_000 }] })).trackIds[0]!;
  ids.introM83 = (await makeAlbum(knex, { title: 'Hurry Up, We’re Dreaming', artist: 'M83', tracks: [{ title: 'Intro', durationMs: 322_000 }] })).trackIds[0]!;
  ids.scarborough = (
    await makeAlbum(knex, { title: 'Parsley, Sage, Rosemary and Thyme', artist: 'Simon & Garfunkel', tracks: ['Scarborough Fair/Canticle'] })
  ).trackIds[0]!;

  const beatles = await makeAlbum(knex, { title: 'Abbey Road', artist: 'The Beatles', year: 1969, spotifyId: '0ETFjACtuP2ADo6LFhL6HN', tracks: [] });
  albums.abbey = beatles.id;
  albums.kidA = (await makeAlbum(knex, { title: 'Kid A', artists: [radiohead], year: 2000, tracks: [] })).id;
});

afterAll(async () => {
  await knex.destroy();
  await db.drop();
});

describe('matchTracks', () => {
  it('when an entry carries an ISRC, then the track with it matches even under another spelling of the title', async () => {
    const [m] = await matcher.matchTracks([q({ title: 'Bohemian Rhapsody (2011 Remaster)', artists: ['Queen'], isrc: 'GBUM71029604' })]);
    expect(m).toMatchObject({ trackId: ids.bohemianRemaster, method: 'isrc', title: 'Bohemian Rhapsody - Remastered 2011', artistCredit: 'Queen' });
  });

  it('when an ISRC belongs to a track with another title and artist, then it is not trusted and text decides', async () => {
    const [m] = await matcher.matchTracks([q({ title: 'Karma Police', artists: ['Radiohead'], isrc: 'GBAAA9700101', album: 'OK Computer' })]);
    expect(m).toMatchObject({ trackId: ids.karmaOkc, method: 'text' });
  });

  it('when artist and title differ only in accents, case and punctuation, then the track matches with what the catalog knows', async () => {
    const [m] = await matcher.matchTracks([q({ title: 'JOGA', artists: ['bjork'], durationMs: 303_000 })]);
    expect(m).toEqual({
      trackId: ids.joga,
      albumId: albums.homogenic,
      title: 'Jóga',
      artistCredit: 'Björk',
      method: 'text',
      snapshot: { album: 'Homogenic', durationMs: 305_000, isrc: 'GBAAA9700102', releaseYear: 1997 },
      serviceIds: { spotify: '5ezfiPy5pJ3ZxKsjWfbSyw' },
    });
  });

  it('when the durations differ by more than 5 seconds, then the entry is left unmatched and the reason gives both', async () => {
    const [m] = await matcher.matchTracks([q({ title: 'Hunter', artists: ['Björk'], durationMs: 225_000 })]);
    expect(m).toEqual({ trackId: null, reason: '“Hunter” by Björk is in the catalog, but lasting 4:15, not 3:45.' });
  });

  it('when only a live version is in the catalog, then a studio entry is not matched to it', async () => {
    const [studio, live] = await matcher.matchTracks([q({ title: 'Hunter (Live)', artists: ['Björk'] }), q({ title: 'Jóga - Live', artists: ['Björk'] })]);
    expect(studio).toEqual({ trackId: null, reason: 'Only a different version of “Hunter (Live)” by Björk is in the catalog.' });
    expect(live).toMatchObject({ trackId: ids.jogaLive });
  });

  it('when two releases hold the same song, then without an album it stays unmatched and with one it matches that release', async () => {
    const [bare, withAlbum] = await matcher.matchTracks([
      q({ title: 'Karma Police', artists: ['Radiohead'] }),
      q({ title: 'Karma Police', artists: ['Radiohead'], album: 'The Best Of' }),
    ]);
    expect(bare).toMatchObject({
      trackId: null,
      reason: expect.stringMatching(/^Several catalog tracks could be “Karma Police” by Radiohead \(on “OK Computer”, “The Best Of”\)/),
    });
    expect(withAlbum).toMatchObject({ trackId: ids.karmaBest });
  });

  it('when an original and a remaster are both in the catalog, then the entry’s own version marker chooses', async () => {
    const [original, remastered] = await matcher.matchTracks([
      q({ title: 'Bohemian Rhapsody', artists: ['Queen'] }),
      q({ title: 'Bohemian Rhapsody - 2011 Remaster', artists: ['Queen'] }),
    ]);
    expect(original).toMatchObject({ trackId: ids.bohemian });
    expect(remastered).toMatchObject({ trackId: ids.bohemianRemaster });
  });

  it('when a credit has featured artists or several artists, then one of them is enough', async () => {
    const [feat, several] = await matcher.matchTracks([
      q({ title: 'Get Lucky (feat. Pharrell Williams)', artists: ['Daft Punk'] }),
      q({ title: 'Get Lucky', artists: ['Pharrell Williams', 'Nile Rodgers'] }),
    ]);
    expect(feat).toMatchObject({ trackId: ids.getLucky });
    expect(several).toMatchObject({ trackId: ids.getLucky });
  });

  it('when apostrophes, "&" and common titles differ between sources, then the words still find the one right track', async () => {
    const results = await matcher.matchTracks([
      q({ title: 'Don’t Stop Me Now - Remastered 2011', artists: ['Queen'] }),
      q({ title: 'Intro', artists: ['M83'] }),
      q({ title: 'Intro', artists: ['xx, The'] }),
      q({ title: 'Scarborough Fair / Canticle', artists: ['Simon and Garfunkel'] }),
    ]);
    expect(results.map((r) => r.trackId)).toEqual([ids.dontStop, ids.introM83, ids.introXx, ids.scarborough]);
  });

  it('when an entry names a catalog id or a Spotify id, then it matches only if the title or artist agrees', async () => {
    const [byId, wrongId, bySpotify] = await matcher.matchTracks([
      q({ title: 'Hunter', artists: ['Björk'] }, { trackId: ids.hunter }),
      q({ title: 'Some Other Song', artists: ['Nobody'] }, { trackId: ids.hunter }),
      q({ title: 'Joga (Remastered)', artists: ['Bjork'] }, { serviceIds: { spotify: '5ezfiPy5pJ3ZxKsjWfbSyw' } }),
    ]);
    expect(byId).toMatchObject({ trackId: ids.hunter, method: 'catalog-id' });
    expect(wrongId).toEqual({ trackId: null, reason: 'No track “Some Other Song” by Nobody in the catalog.' });
    expect(bySpotify).toMatchObject({ trackId: ids.joga, method: 'service-id' });
  });

  it('when the entry’s ISRC differs from the only candidate’s, then they are different recordings', async () => {
    const [m] = await matcher.matchTracks([q({ title: 'Hunter', artists: ['Björk'], isrc: 'USXXX9900001' })]);
    expect(m).toMatchObject({ trackId: null });
  });

  it('when an entry names no artist, then it is not matched on its title alone', async () => {
    const [m] = await matcher.matchTracks([q({ title: 'Hunter' })]);
    expect(m).toEqual({ trackId: null, reason: '“Hunter” names no artist to match on.' });
  });

  it('when 450 entries are matched, then answers keep their order and each batch of 200 takes at most two queries', async () => {
    const queries: string[] = [];
    const count = (query: { sql: string }) => queries.push(query.sql);
    knex.on('query', count);
    try {
      const asked = Array.from({ length: 450 }, (_, i) =>
        i % 3 === 0
          ? q({ title: 'Hunter', artists: ['Björk'] })
          : i % 3 === 1
            ? q({ title: 'x', artists: ['y'], isrc: 'GBAAA9700102' })
            : q({ title: `Nothing ${i}`, artists: ['Nobody'] }),
      );
      const results = await matcher.matchTracks(asked);
      expect(results.map((r) => r.trackId)).toEqual(asked.map((_, i) => (i % 3 === 0 ? ids.hunter : null)));
      expect(queries.length).toBeLessThanOrEqual(6);
    } finally {
      knex.removeListener('query', count);
    }
  });
});

describe('matchAlbums', () => {
  it('when a list entry carries a UPC or a Spotify id, then that album matches', async () => {
    const [byUpc, bySpotify] = await matcher.matchAlbums([
      q({ title: 'Homogenic', artists: ['Björk'], upc: '731453940621' }),
      q({ title: 'Abbey Road (Remastered)', artists: ['Beatles'] }, { serviceIds: { spotify: '0ETFjACtuP2ADo6LFhL6HN' } }),
    ]);
    expect(byUpc).toEqual({
      albumId: albums.homogenic,
      title: 'Homogenic',
      artistCredit: 'Björk',
      method: 'upc',
      snapshot: { upc: '731453940621', releaseYear: 1997 },
      serviceIds: {},
    });
    expect(bySpotify).toMatchObject({ albumId: albums.abbey, method: 'service-id', serviceIds: { spotify: '0ETFjACtuP2ADo6LFhL6HN' } });
  });

  it('when artist and album title are spelled differently, then the import’s album matcher decides, year within one', async () => {
    const [beatles, kidA, wrongYear, none] = await matcher.matchAlbums([
      q({ title: 'Abbey Road', artists: ['Beatles, The'] }),
      q({ title: 'KID A', artists: ['radiohead'], releaseYear: 2001 }),
      q({ title: 'Kid A', artists: ['Radiohead'], releaseYear: 2010 }),
      q({ title: 'Unknown Pleasures', artists: ['Joy Division'] }),
    ]);
    expect(beatles).toMatchObject({ albumId: albums.abbey, method: 'text' });
    expect(kidA).toMatchObject({ albumId: albums.kidA, method: 'text' });
    expect(wrongYear).toEqual({ albumId: null, reason: '“Kid A” by Radiohead is in the catalog, but from 2000, not 2010.' });
    expect(none).toEqual({ albumId: null, reason: 'No album “Unknown Pleasures” by Joy Division in the catalog.' });
  });

  it('when a list entry has several artists, then the whole credit is tried too', async () => {
    const [m] = await matcher.matchAlbums([q({ title: 'Random Access Memories', artists: ['Daft Punk', 'Pharrell Williams'] })]);
    expect(m).toMatchObject({ albumId: albums.ram });
  });
});

describe('matchAlbumsByTitle', () => {
  it('when albums are looked up by title as written, then identifiers, the same title and a credit starting with the artist match by the same rules; another spelling is missed', async () => {
    const queries: string[] = [];
    const count = (query: { sql: string }) => queries.push(query.sql);
    knex.on('query', count);
    try {
      const [byUpc, byId, credit, kidA, wrongYear, namesake, spelled] = await matcher.matchAlbumsByTitle([
        q({ title: 'Homogenic', artists: ['Björk'], upc: '731453940621' }),
        q({ title: 'Abbey Road (Remastered)', artists: ['Beatles'] }, { serviceIds: { spotify: '0ETFjACtuP2ADo6LFhL6HN' } }),
        q({ title: 'Random Access Memories', artists: ['Daft Punk'] }),
        q({ title: 'KID A', artists: ['radiohead'], releaseYear: 2001 }),
        q({ title: 'Kid A', artists: ['Radiohead'], releaseYear: 2010 }),
        q({ title: 'Homogenic', artists: ['Someone Else'] }),
        q({ title: 'Abbey Road', artists: ['Beatles, The'] }),
      ]);
      expect(byUpc).toMatchObject({ albumId: albums.homogenic, method: 'upc' });
      expect(byId).toMatchObject({ albumId: albums.abbey, method: 'service-id' });
      expect(credit).toMatchObject({ albumId: albums.ram, method: 'text' });
      expect(kidA).toMatchObject({ albumId: albums.kidA, method: 'text' });
      expect(wrongYear).toEqual({ albumId: null, reason: '“Kid A” by Radiohead is in the catalog, but from 2000, not 2010.' });
      expect(namesake).toMatchObject({ albumId: null });
      // The similarity read of matchAlbums finds it; the prefix of "Abbey Road Beatles, The" does not.
      expect(spelled).toMatchObject({ albumId: null });
      // One read by identifiers, one by title prefix: never one per album.
      expect(queries).toHaveLength(2);
    } finally {
      knex.removeListener('query', count);
    }
  });
});
