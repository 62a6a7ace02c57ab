import fs from 'node:fs';
import path from 'node:path';
import { CSRF_HEADER, type PlaylistImportPreview, type PlaylistView } from '@muse/shared';
import { useTestApp, type TestClient } from '../../testing/test-app';
import { makeAlbum, registerPerson, type TestPerson } from '../../testing/factories';
import { MUSE_JSPF_TRACK } from './jspf-extension';

const app = useTestApp();
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name));
const tracks: Record<string, string> = {};
const albums: Record<string, string> = {};

beforeAll(async () => {
  const { knex } = app.container;
  const okc = await makeAlbum(knex, {
    title: 'OK Computer',
    artist: 'Radiohead',
    year: 1997,
    tracks: [{ title: 'Paranoid Android', durationMs: 383_000, isrc: 'GBAYE9700369' }],
  });
  const homogenic = await makeAlbum(knex, {
    title: 'Homogenic',
    artist: 'Björk',
    year: 1997,
    upc: '731453940621',
    tracks: [{ title: 'Jóga', durationMs: 305_000 }],
  });
  tracks.paranoid = okc.trackIds[0]!;
  tracks.joga = homogenic.trackIds[0]!;
  albums.okc = okc.id;
  albums.homogenic = homogenic.id;
});

/** Sends a file as the raw body, as the web app's upload does (superagent would re-encode a Buffer sent as JSON). */
async function upload(client: TestClient, body: Buffer | string, query = '', contentType = 'text/plain') {
  const token = await client.ensureCsrf();
  const raw = contentType.includes('json') && Buffer.isBuffer(body) ? body.toString('utf8') : body;
  return client.agent.post(`/api/playlist-imports/preview${query}`).set(CSRF_HEADER, token).set('Content-Type', contentType).send(raw);
}

async function preview(person: TestPerson, body: Buffer | string, query = ''): Promise<PlaylistImportPreview> {
  const res = await upload(person.client, body, query);
  if (res.status !== 200) throw new Error(`preview failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as PlaylistImportPreview;
}

describe('POST /api/playlist-imports/preview', () => {
  it('when a ListenBrainz JSPF is sent, then each row is matched, kept unmatched or invalid, and nothing is stored yet', async () => {
    const mia = await registerPerson(app);
    const res = await upload(mia.client, fixture('listenbrainz.jspf'), '?filename=rainy.jspf', 'application/json');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.body as PlaylistImportPreview;
    expect(body).toMatchObject({ format: 'jspf', kind: 'playlist', title: 'Rainy Sunday', counts: { matched: 2, unmatched: 1, invalid: 0 } });
    expect(body.previewId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body.rows.map((r) => [r.line, r.status, r.match?.trackId ?? r.reason])).toEqual([
      [1, 'matched', tracks.paranoid],
      [2, 'matched', tracks.joga],
      [3, 'unmatched', 'No track “Svefn-g-englar” by Sigur Rós in the catalog.'],
    ]);
    // The file's values are kept, the catalog fills what the file leaves out.
    expect(body.rows[0]!.entry!.snapshot).toEqual({
      title: 'Paranoid Android',
      artists: ['Radiohead'],
      album: 'OK Computer',
      durationMs: 383493,
      isrc: 'GBAYE9700369',
      releaseYear: 1997,
    });
    expect(body.rows[0]!.match).toEqual({ trackId: tracks.paranoid, title: 'Paranoid Android', artistCredit: 'Radiohead' });
    expect((await mia.client.get('/api/playlists')).body.items).toEqual([]);
  });

  it('when an M3U8 is sent as text, then its #PLAYLIST title and #EXTINF tracks are read and bad lines are reported', async () => {
    const mia = await registerPerson(app);
    const body = await preview(mia, fixture('itunes.m3u8'), '?filename=late.m3u8');
    expect(body).toMatchObject({ format: 'm3u', title: 'Late Night Drive', counts: { matched: 2, unmatched: 3, invalid: 2 } });
    expect(body.rows.filter((r) => r.status === 'invalid').map((r) => r.line)).toEqual([15, 16]);
  });

  it('when a JSPF larger than the JSON body limit is sent as application/json, then it is still read as a file', async () => {
    const mia = await registerPerson(app);
    const track = Array.from({ length: 2_000 }, (_, i) => ({ title: `Song ${i}`, creator: 'Nobody', annotation: 'x'.repeat(100) }));
    const big = JSON.stringify({ playlist: { title: 'Big', track } });
    expect(big.length).toBeGreaterThan(200_000);
    const res = await upload(mia.client, big, '', 'application/json');
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ matched: 0, unmatched: 2_000, invalid: 0 });
  });

  it.each([
    ['malformed JSON', fixture('malformed.jspf'), 'malformed_playlist_file', /not valid JSON at line 6, column \d+/],
    ['malformed XML', fixture('malformed.xspf'), 'malformed_playlist_file', /not valid XML at line 5/],
    ['an XML bomb', fixture('doctype.xspf'), 'malformed_playlist_file', /DOCTYPE/],
    ['an empty body', '', 'empty_file', /empty/],
    ['binary garbage', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'not_text', /NUL/],
    ['a file of no known format', 'just some words\nand more', 'unsupported_playlist_file', /JSPF, XSPF, M3U/],
  ])('when the file is %s, then it answers 400 problem+json saying why', async (_label, body, code, detail) => {
    const mia = await registerPerson(app);
    const res = await upload(mia.client, body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code });
    expect(res.body.detail).toMatch(detail);
  });

  it('when the file is 20 MB, then it answers 413 without reading it all', async () => {
    const mia = await registerPerson(app);
    const res = await upload(mia.client, Buffer.alloc(20 * 1024 * 1024, '#'));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('when the query is bad or the caller signed out, then it answers 4xx', async () => {
    const mia = await registerPerson(app);
    expect((await upload(mia.client, '#EXTM3U\n', `?filename=${'x'.repeat(300)}`)).status).toBe(400);
    expect((await upload(mia.client, '#EXTM3U\n', '?kind=mixtape')).body.errors[0].path).toBe('kind');
    const stranger = app.client();
    const res = await upload(stranger, fixture('itunes.m3u8'));
    expect(res.status).toBe(401);
  });
});

describe('POST /api/playlist-imports/confirm', () => {
  it('when a preview is confirmed twice, then one playlist holds its entries in file order (201, then 200)', async () => {
    const mia = await registerPerson(app);
    const { previewId } = await preview(mia, fixture('listenbrainz.jspf'));
    const first = await mia.client.post('/api/playlist-imports/confirm', { previewId, kind: 'playlist', visibility: 'private' });
    expect(first.status).toBe(201);
    const view = first.body as PlaylistView;
    expect(view).toMatchObject({
      title: 'Rainy Sunday',
      description: 'Songs for a rainy Sunday morning.',
      kind: 'playlist',
      visibility: 'private',
      entryCount: 3,
    });
    expect(view.entries.map((e) => [e.trackId, e.snapshot.title, e.addedBy])).toEqual([
      [tracks.paranoid, 'Paranoid Android', mia.id],
      [tracks.joga, 'Jóga', mia.id],
      [null, 'Svefn-g-englar', mia.id],
    ]);
    const again = await mia.client.post('/api/playlist-imports/confirm', { previewId, kind: 'playlist', visibility: 'private', title: 'Other' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(view.id);
    expect((await mia.client.get('/api/playlists')).body.items.map((p: { id: string }) => p.id)).toEqual([view.id]);
  });

  it('when another user confirms someone’s preview, then it answers 404 and stores nothing', async () => {
    const mia = await registerPerson(app);
    const eve = await registerPerson(app);
    const { previewId } = await preview(mia, fixture('listenbrainz.jspf'));
    const res = await eve.client.post('/api/playlist-imports/confirm', { previewId, kind: 'playlist', visibility: 'public' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
    expect((await eve.client.get('/api/playlists')).body.items).toEqual([]);
  });

  it.each([
    ['a malformed preview id', { previewId: 'nope', kind: 'playlist', visibility: 'public' }, 400],
    ['an unknown preview id', { previewId: 'A'.repeat(22), kind: 'playlist', visibility: 'public' }, 404],
    ['no kind', { previewId: 'A'.repeat(22), visibility: 'public' }, 400],
    ['a title of 201 characters', { previewId: 'A'.repeat(22), kind: 'playlist', visibility: 'public', title: 't'.repeat(201) }, 400],
    ['a control character in the title', { previewId: 'A'.repeat(22), kind: 'playlist', visibility: 'public', title: 'a\u0007b' }, 400],
  ])('when the confirmation has %s, then it answers %s', async (_label, body, status) => {
    const mia = await registerPerson(app);
    const res = await mia.client.post('/api/playlist-imports/confirm', body);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('when a CSV of albums is previewed as a list, then albums match and a confirmation as a playlist is refused', async () => {
    const mia = await registerPerson(app);
    const csv = 'Title,Artist,UPC,Year\nHomogenic,Björk,731453940621,1997\nOK Computer,Radiohead,,1997\nUnknown Pleasures,Joy Division,,1979\n';
    const body = await preview(mia, csv, '?kind=list&filename=favourites.csv');
    expect(body).toMatchObject({ kind: 'list', title: null, counts: { matched: 2, unmatched: 1, invalid: 0 } });
    expect(body.rows.map((r) => r.match?.albumId ?? null)).toEqual([albums.homogenic, albums.okc, null]);
    const wrong = await mia.client.post('/api/playlist-imports/confirm', { previewId: body.previewId, kind: 'playlist', visibility: 'public' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('preview_kind_mismatch');
    const res = await mia.client.post('/api/playlist-imports/confirm', { previewId: body.previewId, kind: 'list', visibility: 'public' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'list', title: 'favourites' });
    expect(res.body.entries.map((e: { albumId: string | null; trackId: string | null }) => [e.albumId, e.trackId])).toEqual([
      [albums.homogenic, null],
      [albums.okc, null],
      [null, null],
    ]);
  });

  it('when every row of the file is invalid, then the confirmation is refused as having nothing to import', async () => {
    const mia = await registerPerson(app);
    const { previewId, counts } = await preview(mia, 'http://radio.example/one\nhttp://radio.example/two\n', '?filename=radio.m3u');
    expect(counts).toEqual({ matched: 0, unmatched: 0, invalid: 2 });
    const res = await mia.client.post('/api/playlist-imports/confirm', { previewId, kind: 'playlist', visibility: 'public' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('nothing_to_import');
  });
});

describe('GET /api/playlists/:id/export.jspf and export.csv', () => {
  async function playlistWithEntries(owner: TestPerson, visibility: string) {
    const created = await owner.client.post('/api/playlists', { title: 'Björk / Radiohead: "best"', kind: 'playlist', visibility });
    const id = created.body.id as string;
    const added = await owner.client.post(`/api/playlists/${id}/entries`, {
      entries: [
        { trackId: tracks.joga, note: 'Strings!' },
        { trackId: tracks.paranoid },
        { snapshot: { title: 'Svefn-g-englar', artists: ['Sigur Rós'], durationMs: 604_000 }, serviceIds: { spotify: '6eTGxxQxiTFExKfWMLgOHv' } },
      ],
    });
    expect(added.status).toBe(201);
    return { id, linkToken: created.body.linkToken as string | null };
  }

  it('when the owner exports JSPF and imports it back, then the same entries come back matched as before', async () => {
    const mia = await registerPerson(app);
    const { id } = await playlistWithEntries(mia, 'private');
    const original = (await mia.client.get(`/api/playlists/${id}`)).body as PlaylistView;
    const res = await mia.client.get(`/api/playlists/${id}/export.jspf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/jspf+json; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="Björk _ Radiohead_ _best_\.jspf"|filename\*=UTF-8''Bj%C3%B6rk/);
    const text = res.text ?? res.body.toString();
    const jspf = JSON.parse(text);
    expect(jspf.playlist).toMatchObject({ title: 'Björk / Radiohead: "best"', creator: mia.handle, identifier: `urn:uuid:${id}` });
    expect(jspf.playlist.track[0].extension[MUSE_JSPF_TRACK]).toMatchObject({ trackId: tracks.joga, note: 'Strings!', addedBy: mia.id });

    const back = await preview(mia, text, '?filename=export.jspf');
    expect(back.counts).toEqual({ matched: 2, unmatched: 1, invalid: 0 });
    const confirmed = await mia.client.post('/api/playlist-imports/confirm', { previewId: back.previewId, kind: 'playlist', visibility: 'private' });
    const copy = confirmed.body as PlaylistView;
    // A file says nothing of what is not known, so a null in the stored snapshot comes back absent.
    const known = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));
    const comparable = (v: PlaylistView) =>
      v.entries.map((e) => ({ trackId: e.trackId, albumId: e.albumId, snapshot: known(e.snapshot), serviceIds: e.serviceIds, note: e.note }));
    expect(comparable(copy)).toEqual(comparable(original));
    expect(copy.title).toBe(original.title);
  });

  it('when the CSV is exported, then it is a text/csv download with the columns the importer reads', async () => {
    const mia = await registerPerson(app);
    const { id } = await playlistWithEntries(mia, 'public');
    const res = await app.client().get(`/api/playlists/${id}/export.csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.text.split('\r\n');
    expect(lines[0]).toMatch(/^title,artist,album,duration_ms,isrc/);
    expect(lines[1]).toMatch(/^Jóga,Björk,Homogenic,305000,/);
    expect(lines).toHaveLength(5);
  });

  it('when someone who may not see the playlist asks, then it answers 404; a link playlist needs its token', async () => {
    const mia = await registerPerson(app);
    const eve = await registerPerson(app);
    const secret = await playlistWithEntries(mia, 'private');
    for (const format of ['jspf', 'csv']) {
      expect((await eve.client.get(`/api/playlists/${secret.id}/export.${format}`)).status).toBe(404);
      expect((await app.client().get(`/api/playlists/${secret.id}/export.${format}`)).status).toBe(404);
    }
    const linked = await playlistWithEntries(mia, 'link');
    expect((await eve.client.get(`/api/playlists/${linked.id}/export.jspf`)).status).toBe(404);
    expect((await eve.client.get(`/api/playlists/${linked.id}/export.jspf?token=${linked.linkToken}`)).status).toBe(200);
    expect((await eve.client.get(`/api/playlists/${linked.id}/export.jspf?token=bad`)).status).toBe(400);
    expect((await eve.client.get('/api/playlists/not-an-id!/export.jspf')).status).toBe(400);
  });
});
