import type { SearchResults } from '@muse/shared';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { makeAlbum, makeArtist, rateAlbum, registerUser } from '../../testing/factories';

let app: TestApp;
let bjork: { id: string; name: string };
let bowie: { id: string; name: string };
let homogenic: string;
let post: string;
let popularEchoes: string;
let quietEchoes: string;

async function search(query: Record<string, string | number>): Promise<SearchResults> {
  const res = await app.client().get('/api/search').query(query);
  expect(res.status).toBe(200);
  return res.body as SearchResults;
}

beforeAll(async () => {
  app = await createTestApp();
  const knex = app.container.knex;
  bjork = await makeArtist(knex, 'Björk');
  bowie = await makeArtist(knex, 'David Bowie');
  const sigur = await makeArtist(knex, 'Sigur Rós');
  const massive = await makeArtist(knex, 'Massive Attack');
  const floyd = await makeArtist(knex, 'Pink Floyd');
  const obscure = await makeArtist(knex, 'Nobody Knows');
  homogenic = (
    await makeAlbum(knex, {
      title: 'Homogenic',
      artists: [bjork],
      year: 1997,
      genres: ['Electronic'],
      styles: ['Trip Hop'],
      tracks: ['Hunter', 'Jóga', 'Bachelorette'],
    })
  ).id;
  post = (await makeAlbum(knex, { title: 'Post', artists: [bjork], year: 1995, genres: ['Electronic', 'Pop'], tracks: ['Army of Me', 'Hyperballad'] })).id;
  await makeAlbum(knex, { title: 'Hunky Dory', artists: [bowie], year: 1971, genres: ['Rock'], tracks: ['Changes', 'Life on Mars?'] });
  await makeAlbum(knex, { title: 'Ágætis byrjun', artists: [sigur], year: 1999, genres: ['Rock'], styles: ['Post Rock'], tracks: ['Svefn-g-englar'] });
  await makeAlbum(knex, { title: 'Mezzanine', artists: [massive], year: 1998, genres: ['Electronic'], styles: ['Trip Hop'], tracks: ['Teardrop', 'Angel'] });
  // Two equally good title matches; only one is rated.
  // The unrated one even has the shorter text, which breaks ties otherwise.
  quietEchoes = (await makeAlbum(knex, { title: 'Echoes', artists: [await makeArtist(knex, 'Air')], year: 2001, genres: ['Rock'] })).id;
  popularEchoes = (await makeAlbum(knex, { title: 'Echoes', artists: [floyd], year: 2001, genres: ['Rock'] })).id;
  await rateAlbum(knex, popularEchoes, 9 / 2, 3);
  for (let i = 1; i <= 60; i += 1) await makeAlbum(knex, { title: `Lullaby ${i}`, artists: [obscure], year: 2010 });
  await registerUser(app, { handle: 'bjork_fan', displayName: 'Jóhanna Guðrún' });
  await registerUser(app, { handle: 'echo_chamber', displayName: 'Echo Person' });
});

afterAll(async () => {
  await app.close();
});

describe('GET /api/search: matching', () => {
  it.each(['bjork', 'Björk', 'BJÖRK', 'bjrok'])('when the query is "%s", then Björk and her albums are found first', async (q) => {
    const body = await search({ q });
    expect(body.query).toBe(q);
    expect(body.artists[0]).toEqual({ id: bjork.id, name: 'Björk', albumCount: 2 });
    expect(body.albums.map((a) => a.id)).toEqual(expect.arrayContaining([homogenic, post]));
  });

  it('when a typo has no close match, then nothing unrelated is returned', async () => {
    const body = await search({ q: 'xqzvw' });
    expect(body).toEqual({ query: 'xqzvw', albums: [], artists: [], tracks: [], users: [], playlists: [] });
  });

  it.each(['bo', 'bow', 'Bowi', 'david b'])('when the query is the prefix "%s", then David Bowie is found', async (q) => {
    const body = await search({ q });
    expect(body.artists.map((a) => a.name)).toContain('David Bowie');
  });

  it('when the query names an album and its artist, then that album comes first with its full summary and stats', async () => {
    const body = await search({ q: 'homogenic bjork' });
    expect(body.albums[0]).toEqual({
      id: homogenic,
      title: 'Homogenic',
      artistCredit: 'Björk',
      releaseYear: 1997,
      type: 'album',
      coverUrl: null,
      genres: ['Electronic'],
      stats: { count: 0, mean: null, histogram: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], weighted: null },
    });
  });

  it('when the query has accents the catalog lacks or lacks ones it has, then both ways match', async () => {
    expect((await search({ q: 'agaetis byrjun' })).albums.map((a) => a.title)).toEqual(['Ágætis byrjun']);
    expect((await search({ q: 'sigur ros' })).artists.map((a) => a.name)).toEqual(['Sigur Rós']);
    expect((await search({ q: 'joga' })).tracks.map((t) => t.title)).toEqual(['Jóga']);
  });

  it('when a track title matches, then the track comes with its album', async () => {
    const body = await search({ q: 'teardrop', type: 'track' });
    expect(body.tracks).toEqual([
      {
        id: expect.any(String),
        title: 'Teardrop',
        artistCredit: 'Massive Attack',
        durationMs: 200_000,
        album: expect.objectContaining({ title: 'Mezzanine', artistCredit: 'Massive Attack', releaseYear: 1998 }),
      },
    ]);
  });

  it('when a word is misspelt in a track, album, artist or user name, then the lexicon corrects it and the right one is found', async () => {
    expect((await search({ q: 'hyperbalad', type: 'track' })).tracks.map((t) => t.title)).toEqual(['Hyperballad']);
    expect((await search({ q: 'mezanine', type: 'album' })).albums.map((a) => a.title)).toEqual(['Mezzanine']);
    expect((await search({ q: 'massvie atack', type: 'artist' })).artists.map((a) => a.name)).toEqual(['Massive Attack']);
    expect((await search({ q: 'johana', type: 'user' })).users.map((u) => u.handle)).toEqual(['bjork_fan']);
  });

  it('when one word is misspelt and the next is half typed, then both count: the typo is corrected and the prefix completes', async () => {
    expect((await search({ q: 'massvie att', type: 'artist' })).artists.map((a) => a.name)).toEqual(['Massive Attack']);
    expect((await search({ q: 'massvie zzz', type: 'artist' })).artists).toEqual([]);
  });

  it('when users are searched by handle or by display name, then they are found and the exact handle comes first', async () => {
    expect((await search({ q: 'bjork_fan', type: 'user' })).users[0]).toMatchObject({ handle: 'bjork_fan', displayName: 'Jóhanna Guðrún' });
    expect((await search({ q: 'johanna', type: 'user' })).users.map((u) => u.handle)).toEqual(['bjork_fan']);
    const both = await search({ q: 'echo', type: 'user' });
    expect(both.users.map((u) => u.handle)).toEqual(['echo_chamber']);
    expect(JSON.stringify(both.users)).not.toMatch(/email|password/i);
  });
});

describe('GET /api/search: filters, ranking and limits', () => {
  it('when the type is artist, then only artists come back', async () => {
    const body = await search({ q: 'bjork', type: 'artist' });
    expect(body.artists).toHaveLength(1);
    expect([body.albums, body.tracks, body.users]).toEqual([[], [], []]);
  });

  it('when a genre is given in any case, then only albums with it among genres or styles remain, and their tracks and artists', async () => {
    const body = await search({ q: 'bjork', genre: 'TRIP HOP' });
    expect(body.albums.map((a) => a.id)).toEqual([homogenic]);
    expect(body.tracks.every((t) => t.album.id === homogenic)).toBe(true);
    expect(body.artists.map((a) => a.name)).toEqual(['Björk']);
    expect(body.users).toEqual([]);
    expect((await search({ q: 'bowie', genre: 'electronic' })).artists).toEqual([]);
  });

  it('when a year is given, then only albums of that year (and their tracks) remain', async () => {
    const body = await search({ q: 'bjork', year: 1995 });
    expect(body.albums.map((a) => a.title)).toEqual(['Post']);
    expect(body.tracks.map((t) => t.title).sort()).toEqual(['Army of Me', 'Hyperballad']);
  });

  it('when two albums match equally well, then the rated one ranks above the unrated one', async () => {
    const body = await search({ q: 'echoes', type: 'album' });
    expect(body.albums.map((a) => a.id)).toEqual([popularEchoes, quietEchoes]);
    expect(body.albums[0]!.stats).toMatchObject({ count: 3, mean: 4.5, histogram: [0, 0, 0, 0, 0, 0, 0, 0, 3, 0] });
  });

  it('when many albums match, then the default limit is 8 and a given one is honoured', async () => {
    expect((await search({ q: 'lullaby', type: 'album' })).albums).toHaveLength(8);
    const fifty = await search({ q: 'lullaby', type: 'album', limit: 50 });
    expect(fifty.albums).toHaveLength(50);
    expect(new Set(fifty.albums.map((a) => a.id)).size).toBe(50);
    expect((await search({ q: 'lullaby 7', type: 'album', limit: 1 })).albums.map((a) => a.title)).toEqual(['Lullaby 7']);
  });

  it('when the same searches run many times (Postgres switches to its cached generic plans), then the answers do not change', async () => {
    const queries = ['bjrok', 'bo', 'homogenic bjork', 'echoes'];
    const first = await Promise.all(queries.map((q) => search({ q })));
    for (let round = 0; round < 8; round += 1) {
      for (const [i, q] of queries.entries()) expect(await search({ q })).toEqual(first[i]);
    }
    expect(first[0]!.artists[0]).toMatchObject({ name: 'Björk' });
  });
});

describe('GET /api/search: bad and odd input', () => {
  it.each([
    [{ q: 'b' }, 'q'],
    [{ q: 'x'.repeat(201) }, 'q'],
    [{ q: '     ' }, 'q'],
    [{}, 'q'],
    [{ q: 'bjork', type: 'band' }, 'type'],
    [{ q: 'bjork', limit: 0 }, 'limit'],
    [{ q: 'bjork', limit: 51 }, 'limit'],
    [{ q: 'bjork', limit: 'ten' }, 'limit'],
    [{ q: 'bjork', year: 'nineteen' }, 'year'],
    [{ q: 'bjork', year: 1997.5 }, 'year'],
    [{ q: 'bjork', genre: 'g'.repeat(101) }, 'genre'],
  ])('when the query is %j, then the answer is a 400 problem naming %s', async (query, field) => {
    const res = await app.client().get('/api/search').query(query);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it('when q is given twice, then the answer is a 400, not a crash', async () => {
    const res = await app.client().get('/api/search?q=bjork&q=bowie');
    expect(res.status).toBe(400);
  });

  it.each(["'; DROP TABLE albums; --", 'bjork & | ! :* ( )', "o'brien \\ back\\slash", '🎵🎶', '  björk  ', 'a'.repeat(200), 'ab'])(
    'when the query is %j, then the answer is 200 and nothing breaks',
    async (q) => {
      const res = await app.client().get('/api/search').query({ q });
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['albums', 'artists', 'playlists', 'query', 'tracks', 'users']);
      const [row] = (await app.container.knex.raw('SELECT count(*)::int AS n FROM albums')).rows;
      expect(row.n).toBeGreaterThan(60);
    },
  );

  it('when the query holds NUL characters, then it is a 400 naming q, and the catalog is untouched', async () => {
    const res = await app.client().get('/api/search').query({ q: '\u0000\u0000bjork' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('q');
  });

  it('when the query is only LIKE wildcards, then it matches them literally, not every album', async () => {
    for (const q of ['%%', '__', '%_\\']) expect(await search({ q })).toMatchObject({ albums: [], artists: [], tracks: [] });
  });
});
