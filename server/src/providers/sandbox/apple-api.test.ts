import crypto from 'node:crypto';
import type { z } from 'zod';
import {
  AppleAlbumSchema,
  AppleSongSchema,
  ErrorsSchema,
  LibraryPlaylistSchema,
  LibrarySongSchema,
  paged,
  SearchSchema,
  SongsByIsrcSchema,
  StorefrontSchema,
} from './apple-test-schemas';
import { appleGet, appleSend, developerToken, signInApple, startTestSandbox } from './sandbox-test-kit';
import type { ProviderSandbox } from './start-sandbox';

let sandbox: ProviderSandbox;
let listener: string;
const LibraryPage = paged(LibrarySongSchema);

beforeAll(async () => {
  sandbox = await startTestSandbox();
  listener = await signInApple(sandbox);
});
afterAll(() => sandbox.stop());
afterEach(() => sandbox.knobs.reset());

function parsed<T extends z.ZodTypeAny>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (!result.success) throw new Error(JSON.stringify(result.error.issues.slice(0, 5), null, 1));
  return result.data;
}

describe('Apple developer token', () => {
  const now = Math.floor(Date.now() / 1000);
  it.each([
    ['no token', ''],
    ['a token of another kid', 'kid'],
    ['a token of another team', 'iss'],
    ['an expired token', 'exp'],
    ['a token living longer than six months', 'long'],
    ['an HS256 token', 'alg'],
    ['a token signed by another key', 'key'],
    ['a token that is not a JWT', 'junk'],
  ])('when the call carries %s, then Apple answers a bare 401', async (_name, kind) => {
    const otherKey = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const tokens: Record<string, string> = {
      '': '',
      kid: developerToken(sandbox, { header: { kid: 'OTHERKEY' } }),
      iss: developerToken(sandbox, { payload: { iss: 'OTHERTEAM' } }),
      exp: developerToken(sandbox, { payload: { iat: now - 7200, exp: now - 60 } }),
      long: developerToken(sandbox, { payload: { exp: now + 200 * 86400 } }),
      alg: developerToken(sandbox, { header: { alg: 'HS256' } }),
      key: developerToken(sandbox, { key: otherKey }),
      junk: 'not.a.jwt',
    };
    const res = await appleGet(sandbox, `/catalog/us/songs/${sandbox.catalog.apple.songs[0]!.id}`, { devToken: tokens[kind] });
    expect(res.status).toBe(401);
    expect(res.text).toBe('');
  });

  it('when the token is signed with the key the sandbox hands out, then the call goes through, under /apple/v1 and the /v1 alias alike', async () => {
    const id = sandbox.catalog.apple.songs.find((s) => s.storefronts.includes('us'))!.id;
    expect((await appleGet(sandbox, `/catalog/us/songs/${id}`)).status).toBe(200);
    expect((await appleGet(sandbox, `/v1/catalog/us/songs/${id}`)).status).toBe(200);
    const key = (await (await fetch(`${sandbox.url}/apple/.well-known/sandbox-key`)).json()) as { keyId: string; jwk: { crv: string } };
    expect(key).toMatchObject({ keyId: 'SANDBOXKEY', jwk: { crv: 'P-256' } });
  });
});

describe('Apple Music catalog in the sandbox', () => {
  it('when a song is read, then it matches the Song resource with a preview URL and an artwork template', async () => {
    const song = sandbox.catalog.apple.songs.find((s) => s.storefronts.includes('us'))!;
    const body = parsed(paged(AppleSongSchema), (await appleGet(sandbox, `/catalog/us/songs/${song.id}`)).body);
    expect(body.data[0]!.attributes).toMatchObject({ isrc: song.isrc, name: song.name, previews: [{ url: `${sandbox.url}/apple/previews/${song.id}.m4a` }] });
    const clip = await fetch(body.data[0]!.attributes.previews[0]!.url);
    expect(clip.status).toBe(200);
    expect(clip.headers.get('content-type')).toBe('audio/mp4');
    expect(
      Buffer.from(await clip.arrayBuffer())
        .subarray(4, 8)
        .toString('latin1'),
    ).toBe('ftyp');
    const art = await fetch(body.data[0]!.attributes.artwork.url.replace('{w}x{h}', '300x300'));
    expect(art.headers.get('content-type')).toBe('image/png');
  });

  it('when a song sold only in another storefront is asked in us, then 404; in gb it is there', async () => {
    const gbOnly = sandbox.catalog.apple.songs.find((s) => !s.storefronts.includes('us'))!;
    const res = await appleGet(sandbox, `/catalog/us/songs/${gbOnly.id}`);
    expect(res.status).toBe(404);
    expect(parsed(ErrorsSchema, res.body).errors[0]).toMatchObject({ status: '404', code: '40400' });
    expect((await appleGet(sandbox, `/catalog/gb/songs/${gbOnly.id}`)).status).toBe(200);
    expect((await appleGet(sandbox, `/catalog/xx/songs/${gbOnly.id}`)).status).toBe(404);
  });

  it('when songs are looked up by ISRC, then one ISRC can bring several songs (album, single, compilation) and meta maps each ISRC', async () => {
    const kindOf = (albumId: string) => {
      const album = sandbox.catalog.apple.albumById.get(albumId)!;
      return album.isSingle ? 'single' : album.isCompilation ? 'compilation' : 'album';
    };
    const [isrc, songs] = [...sandbox.catalog.apple.songsByIsrc].find(
      ([, s]) => s.length >= 3 && s.every((x) => x.storefronts.includes('us')) && new Set(s.map((x) => kindOf(x.albumId))).size === 3,
    )!;
    const missing = 'ZZZZZ9900000';
    const res = await appleGet(sandbox, `/catalog/us/songs?filter[isrc]=${isrc.toLowerCase()},${missing}`);
    const body = parsed(SongsByIsrcSchema, res.body);
    expect(body.data.map((s) => s.id).sort()).toEqual(songs.map((s) => s.id).sort());
    expect(body.meta.filters.isrc[isrc]).toHaveLength(songs.length);
    expect(body.meta.filters.isrc[missing]).toEqual([]);
  });

  it.each([
    ['26 ISRCs', `filter[isrc]=${Array.from({ length: 26 }, (_, i) => `USAAA99${String(i).padStart(5, '0')}`).join(',')}`],
    ['an empty ISRC list', 'filter[isrc]=,'],
    ['neither ids nor filter', 'l=en-US'],
  ])('when songs are asked with %s, then 400 in the errors shape', async (_name, query) => {
    const res = await appleGet(sandbox, `/catalog/us/songs?${query}`);
    expect(res.status).toBe(400);
    parsed(ErrorsSchema, res.body);
  });

  it('when the catalog is searched, then songs and albums come in Apple search shape with a next link that works', async () => {
    const res = await appleGet(sandbox, '/catalog/us/search?term=the&types=songs,albums&limit=25');
    const body = parsed(SearchSchema, res.body);
    expect(body.results.songs!.data).toHaveLength(25);
    expect(body.meta.results.order).toEqual(['songs', 'albums']);
    const next = parsed(SearchSchema, (await appleGet(sandbox, body.results.songs!.next!)).body);
    expect(next.results.songs!.data[0]!.id).not.toBe(body.results.songs!.data[0]!.id);
    const nothing = parsed(SearchSchema, (await appleGet(sandbox, '/catalog/us/search?term=zzqqxxy&types=songs')).body);
    expect(nothing.results).toEqual({});
  });

  it.each([
    ['no term', 'types=songs'],
    ['no types', 'term=love'],
    ['limit 26', 'term=love&types=songs&limit=26'],
    ['an unknown type', 'term=love&types=tracks'],
    ['a negative offset', 'term=love&types=songs&offset=-5'],
  ])('when search has %s, then 400', async (_name, query) => {
    const res = await appleGet(sandbox, `/catalog/us/search?${query}`);
    expect(res.status).toBe(400);
    parsed(ErrorsSchema, res.body);
  });

  it('when an album is read, then it carries its UPC and its tracks, and the tracks endpoint pages them', async () => {
    const album = sandbox.catalog.apple.albums.find((a) => a.songIds.length > 4)!;
    const body = parsed(paged(AppleAlbumSchema), (await appleGet(sandbox, `/catalog/us/albums/${album.id}`)).body);
    expect(body.data[0]!.attributes.upc).toBe(album.upc);
    expect(body.data[0]!.relationships!.tracks.data.map((s) => s.id)).toEqual(album.songIds);
    const page = parsed(paged(AppleSongSchema), (await appleGet(sandbox, `/catalog/us/albums/${album.id}/tracks?limit=2`)).body);
    expect(page.data.map((s) => s.id)).toEqual(album.songIds.slice(0, 2));
    expect(page.next).toBe(`/v1/catalog/us/albums/${album.id}/tracks?offset=2`);
    expect((await appleGet(sandbox, '/catalog/us/albums/1')).status).toBe(404);
  });
});

describe('Apple Music library in the sandbox', () => {
  it('when /me is called without a Music-User-Token, or with a forged one, then 403', async () => {
    for (const userToken of [undefined, 'forged']) {
      const res = await appleGet(sandbox, '/me/storefront', { userToken });
      expect(res.status).toBe(403);
      parsed(ErrorsSchema, res.body);
    }
  });

  it('when the listener reads the storefront and pages the library, then the shapes are Apple’s and next links lead on', async () => {
    expect(parsed(paged(StorefrontSchema), (await appleGet(sandbox, '/me/storefront', { userToken: listener })).body).data[0]!.id).toBe('us');
    const first = parsed(paged(LibraryPlaylistSchema), (await appleGet(sandbox, '/me/library/playlists?limit=2', { userToken: listener })).body);
    expect(first.meta!.total).toBeGreaterThanOrEqual(4);
    const second = parsed(paged(LibraryPlaylistSchema), (await appleGet(sandbox, first.next!, { userToken: listener })).body);
    expect(second.data[0]!.id).not.toBe(first.data[0]!.id);
  });

  it('when the 2,000-song library playlist is read page by page with include=catalog, then uploads have no catalog song and the rest do', async () => {
    const playlists = parsed(paged(LibraryPlaylistSchema), (await appleGet(sandbox, '/me/library/playlists?limit=100', { userToken: listener })).body).data;
    const big = playlists.find((p) => p.attributes.name.includes('2,000'))!;
    let next: string | undefined = `/v1/me/library/playlists/${big.id}/tracks?include=catalog`;
    let count = 0;
    let uploads = 0;
    while (next) {
      const page: z.infer<typeof LibraryPage> = parsed(LibraryPage, (await appleGet(sandbox, next, { userToken: listener })).body);
      for (const song of page.data) {
        count += 1;
        if (!song.attributes.playParams?.catalogId) uploads += 1;
        else expect(song.relationships!.catalog.data.every((c) => c.id === song.attributes.playParams!.catalogId)).toBe(true);
      }
      next = page.next;
    }
    expect(count).toBe(2000);
    expect(uploads).toBeGreaterThan(0);
  });

  it('when a playlist is created and appended to, then it reads back in order; it cannot be edited or deleted', async () => {
    const songs = sandbox.catalog.apple.songs.filter((s) => s.storefronts.includes('us')).slice(0, 3);
    const created = await appleSend(sandbox, 'POST', '/me/library/playlists', listener, {
      attributes: { name: 'Converted 🎧', description: 'from Muse' },
      relationships: { tracks: { data: [{ id: songs[0]!.id, type: 'songs' }] } },
    });
    expect(created.status).toBe(201);
    const playlist = parsed(paged(LibraryPlaylistSchema), created.body).data[0]!;
    const appended = await appleSend(sandbox, 'POST', `/me/library/playlists/${playlist.id}/tracks`, listener, {
      data: songs.slice(1).map((s) => ({ id: s.id, type: 'songs' })),
    });
    expect(appended.status).toBe(204);
    const tracks = parsed(paged(LibrarySongSchema), (await appleGet(sandbox, `/me/library/playlists/${playlist.id}/tracks`, { userToken: listener })).body);
    expect(tracks.data.map((t) => t.attributes.playParams!.catalogId)).toEqual(songs.map((s) => s.id));
    expect((await appleSend(sandbox, 'PUT', `/me/library/playlists/${playlist.id}/tracks`, listener, { data: [] })).status).toBe(403);
    expect((await appleSend(sandbox, 'DELETE', `/me/library/playlists/${playlist.id}`, listener)).status).toBe(405);
    expect((await appleSend(sandbox, 'DELETE', `/me/library/playlists/${playlist.id}/tracks`, listener)).status).toBe(405);
    const someoneElse = await signInApple(sandbox, 'someone-else');
    expect((await appleGet(sandbox, `/me/library/playlists/${playlist.id}/tracks`, { userToken: someoneElse })).status).toBe(404);
  });

  it.each([
    ['no name', { attributes: {} }],
    ['a numeric name', { attributes: { name: 7 } }],
    ['an unknown song', { attributes: { name: 'x' }, relationships: { tracks: { data: [{ id: '1', type: 'songs' }] } } }],
    ['a track without a type', { attributes: { name: 'x' }, relationships: { tracks: { data: [{ id: '1' }] } } }],
  ])('when a playlist is created with %s, then 400', async (_name, body) => {
    const res = await appleSend(sandbox, 'POST', '/me/library/playlists', listener, body);
    expect(res.status).toBe(400);
    parsed(ErrorsSchema, res.body);
  });

  it('when the listener’s token is revoked, then /me answers 403', async () => {
    const token = await signInApple(sandbox, 'someone-else');
    expect((await appleGet(sandbox, '/me/storefront', { userToken: token })).status).toBe(200);
    sandbox.revoke('apple', 'someone-else');
    expect((await appleGet(sandbox, '/me/storefront', { userToken: token })).status).toBe(403);
  });
});

describe('MusicKit-like sign-in page', () => {
  const redirect = 'http://127.0.0.1:4000/settings/apple';
  it('when Muse opens it, then it offers the demo users; allowing redirects back with a token and the state', async () => {
    const page = await fetch(`${sandbox.url}/apple-auth/authorize?${new URLSearchParams({ redirect_uri: redirect, state: 'abc' }).toString()}`);
    expect(await page.text()).toContain('Allow as Demo Listener');
    const res = await fetch(`${sandbox.url}/apple-auth/authorize`, {
      method: 'POST',
      body: new URLSearchParams({ redirect_uri: redirect, state: 'abc', user: 'demo-listener', decision: 'allow' }),
      redirect: 'manual',
    });
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('state')).toBe('abc');
    expect((await appleGet(sandbox, '/me/storefront', { userToken: location.searchParams.get('music_user_token')! })).status).toBe(200);
  });

  it('when the listener declines, then access_denied; a localhost or missing redirect gets an error page', async () => {
    const res = await fetch(`${sandbox.url}/apple-auth/authorize`, {
      method: 'POST',
      body: new URLSearchParams({ redirect_uri: redirect, state: 'abc', decision: 'deny' }),
      redirect: 'manual',
    });
    expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('access_denied');
    const queries: Array<Record<string, string>> = [{ redirect_uri: 'http://localhost:4000/x', state: 'a' }, { state: 'a' }, { redirect_uri: redirect }];
    for (const query of queries) {
      expect((await fetch(`${sandbox.url}/apple-auth/authorize?${new URLSearchParams(query).toString()}`)).status).toBe(400);
    }
  });
});
