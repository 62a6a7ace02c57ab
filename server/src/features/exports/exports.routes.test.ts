import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import type { Response } from 'superagent';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { toCsv } from '../../lib/csv-write';
import { makeAlbum, makeTrack, registerUser } from '../../testing/factories';

let app: TestApp;
let album: string;
let other: string;
let track: string;

beforeAll(async () => {
  app = await createTestApp();
  const { knex } = app.container;
  album = (
    await makeAlbum(knex, {
      title: 'Homogenic',
      artist: 'Björk',
      year: 1997,
      genres: ['Electronic'],
      upc: '0075596207825',
      spotifyId: 'sp-homogenic',
      appleId: 'ap-homogenic',
      discogsId: 4242,
      tracks: [],
    })
  ).id;
  other = (await makeAlbum(knex, { title: 'Kid A', artist: 'Radiohead', year: 2000 })).id;
  track = await makeTrack(knex, album, { title: 'Jóga', position: 2, isrc: 'GBAKW9700012', spotifyId: 'sp-joga', appleId: 'ap-joga' });
});
afterAll(async () => {
  await app.close();
});

function binary(res: Response, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

async function download(client: TestClient) {
  const res = await client
    .get('/api/me/export')
    .buffer(true)
    .parse(binary as never);
  expect(res.status).toBe(200);
  const files = unzipSync(new Uint8Array(res.body as Buffer));
  const text = (name: string) => strFromU8(files[name]!);
  const csv = (name: string) => parse(text(name), { columns: true, bom: true }) as Record<string, string>[];
  return { res, files, text, csv };
}

/** Text a spreadsheet would run as a formula (OWASP's list: = + - @ tab, carriage return). */
const FORMULA_STARTS = ['=HYPERLINK("https://evil.test","click")', '+1+2', '-2+3', '@SUM(A1:A2)', '\t=1+2', '\r=1+2'];

const UNICODE_REVIEW = 'Björk, "live" — ✨\r\nsecond line, 東京\nthird line with a trailing comma,';

describe('GET /api/me/export', () => {
  it('when a user has rated, reviewed, logged, liked and commented, then the zip holds exactly their data in CSV and JSON', async () => {
    const me = await registerUser(app);
    const them = await registerUser(app);
    const put = (c: TestClient, path: string, body: unknown) => c.send('put', path, body);

    expect((await put(me.client, `/api/albums/${album}/rating`, { rating: 3 })).status).toBe(200);
    expect(
      (await me.client.post('/api/diary', { albumId: album, listenedOn: '2024-02-03', rating: 4.5, isRelisten: true, review: 'Better the second time.' }))
        .status,
    ).toBe(201);
    expect((await put(me.client, `/api/tracks/${track}/rating`, { rating: 5 })).status).toBe(200);
    const unicode = await me.client.post(`/api/albums/${other}/reviews`, { body: UNICODE_REVIEW, rating: 2.5 });
    expect(unicode.status).toBe(201);
    const theirs = await them.client.post(`/api/albums/${other}/reviews`, { body: 'Their private thoughts', rating: 1 });
    expect(theirs.status).toBe(201);
    expect((await put(me.client, `/api/reviews/${theirs.body.id}/like`, {})).status).toBeLessThan(300);
    expect((await me.client.post(`/api/reviews/${theirs.body.id}/comments`, { body: 'I disagree, "politely"' })).status).toBe(201);
    await put(them.client, `/api/albums/${album}/rating`, { rating: 0.5 });
    await them.client.post(`/api/reviews/${unicode.body.id}/comments`, { body: 'Their comment on my review' });

    const dayBefore = new Date().toISOString().slice(0, 10);
    const { res, files, text, csv } = await download(me.client);
    const dayAfter = new Date().toISOString().slice(0, 10);
    expect(res.headers['content-type']).toMatch(/^application\/zip/);
    const filename = /^attachment; filename="?([^"]+)"?$/.exec(String(res.headers['content-disposition']))?.[1] ?? '';
    expect([`muse-export-${me.input.handle}-${dayBefore}.zip`, `muse-export-${me.input.handle}-${dayAfter}.zip`]).toContain(filename);
    expect(Object.keys(files).sort()).toEqual([
      'comments.csv',
      'diary.csv',
      'likes.csv',
      'listen-later.csv',
      'muse-export.json',
      'profile.json',
      'ratings.csv',
      'reviews.csv',
    ]);

    expect(JSON.parse(text('profile.json'))).toEqual({ ...me.session.user });

    const ratings = csv('ratings.csv').map((r) => [
      r.item_type,
      r.status,
      r.album_title,
      r.track_title,
      r.upc,
      r.isrc,
      r.album_spotify_id,
      r.album_apple_id,
      r.discogs_id,
      r.track_spotify_id,
      r.track_apple_id,
      r.stars,
    ]);
    expect(ratings.sort()).toEqual(
      [
        ['album', 'current', 'Homogenic', '', '0075596207825', '', 'sp-homogenic', 'ap-homogenic', '4242', '', '', '4.5'],
        ['album', 'history', 'Homogenic', '', '0075596207825', '', 'sp-homogenic', 'ap-homogenic', '4242', '', '', '3'],
        ['album', 'current', 'Kid A', '', '', '', '', '', '', '', '', '2.5'],
        ['track', 'current', 'Homogenic', 'Jóga', '0075596207825', 'GBAKW9700012', 'sp-homogenic', 'ap-homogenic', '4242', 'sp-joga', 'ap-joga', '5'],
      ].sort(),
    );

    const reviews = csv('reviews.csv');
    expect(reviews.map((r) => [r.album_title, r.body, r.stars, r.listened_on, r.is_relisten, r.listen_number])).toEqual([
      ['Homogenic', 'Better the second time.', '4.5', '2024-02-03', 'true', '2'],
      ['Kid A', UNICODE_REVIEW, '2.5', '', 'false', '1'],
    ]);
    expect(reviews[1]!.comment_count).toBe('1');

    expect(csv('diary.csv').map((d) => [d.listened_on, d.album_title, d.artist, d.stars, d.is_relisten, d.review_id === reviews[0]!.review_id])).toEqual([
      ['2024-02-03', 'Homogenic', 'Björk', '4.5', 'true', true],
    ]);
    expect(csv('comments.csv').map((c) => [c.review_id, c.review_author, c.body])).toEqual([
      [String(theirs.body.id), them.input.handle, 'I disagree, "politely"'],
    ]);
    expect(csv('likes.csv').map((l) => [l.review_id, l.review_author, l.album_title])).toEqual([[String(theirs.body.id), them.input.handle, 'Kid A']]);

    const all = JSON.parse(text('muse-export.json'));
    expect(all).toMatchObject({ format: 'muse-export', version: 1, profile: me.session.user });
    expect([all.ratings.length, all.reviews.length, all.diary.length, all.comments.length, all.likes.length]).toEqual([4, 2, 1, 1, 1]);
    expect(all.reviews[1].body).toBe(UNICODE_REVIEW);

    // Nothing the other user wrote is in any file.
    const everything = Object.keys(files).map(text).join('\n');
    expect(everything).not.toContain('Their private thoughts');
    expect(everything).not.toContain('Their comment on my review');
    expect(everything).not.toContain(them.input.email);
    expect(ratings.some((r) => r[11] === '0.5')).toBe(false);
  });

  it('when reviews, diary notes and comments start with a formula character, then the CSVs neutralise them and the JSON keeps them exactly', async () => {
    const me = await registerUser(app);
    const them = await registerUser(app);
    const target = await them.client.post(`/api/albums/${other}/reviews`, { body: 'A review to comment on' });
    expect(target.status).toBe(201);
    const written: string[] = [];
    for (const [i, text] of FORMULA_STARTS.entries()) {
      const albumId = (await makeAlbum(app.container.knex, { title: `Formula ${i}`, artist: 'Nobody' })).id;
      const review = `${text} review`;
      const note = `${text} diary note`;
      const comment = `${text} comment`;
      expect((await me.client.post(`/api/albums/${albumId}/reviews`, { body: review })).status).toBe(201);
      expect((await me.client.post('/api/diary', { albumId: album, listenedOn: `2024-03-0${i + 1}`, review: note })).status).toBe(201);
      expect((await me.client.post(`/api/reviews/${target.body.id}/comments`, { body: comment })).status).toBe(201);
      written.push(review, note, comment);
    }

    const { csv, text } = await download(me.client);
    const inCsv = [...csv('reviews.csv').map((r) => r.body), ...csv('comments.csv').map((c) => c.body)];
    expect(inCsv.sort()).toEqual(written.map((t) => `'${t}`).sort());
    const raw = text('reviews.csv') + text('comments.csv');
    for (const t of written) expect(raw).toContain(`"'${t.replace(/"/g, '""')}"`);

    const all = JSON.parse(text('muse-export.json'));
    const inJson = [...all.reviews.map((r: { body: string }) => r.body), ...all.comments.map((c: { body: string }) => c.body)];
    expect(inJson.sort()).toEqual([...written].sort());
  });

  it("when Muse's own CSVs are offered to the import, then every importer refuses them for their columns, so no leading quote needs stripping there", async () => {
    const me = await registerUser(app);
    expect((await me.client.post(`/api/albums/${album}/reviews`, { body: '=1+2', rating: 4 })).status).toBe(201);
    const { text } = await download(me.client);
    for (const file of ['reviews.csv', 'ratings.csv', 'diary.csv', 'listen-later.csv']) {
      for (const source of ['letterboxd', 'rym', 'letterboxd-watchlist']) {
        const res = await me.client.post('/api/imports', { source, csv: text(file) });
        expect([file, source, res.status, res.body.code]).toEqual([file, source, 400, 'import_columns_missing']);
      }
    }
  });

  it('when the user has no data yet, then every CSV has its header and no rows', async () => {
    const { client } = await registerUser(app);
    const { csv, text } = await download(client);
    for (const name of ['ratings.csv', 'reviews.csv', 'diary.csv', 'comments.csv', 'likes.csv', 'listen-later.csv']) expect(csv(name)).toEqual([]);
    expect(text('listen-later.csv').split('\r\n')[0]).toBe(
      'album_id,artist,album_title,release_year,upc,album_spotify_id,album_apple_id,discogs_id,added_at,keep',
    );
    expect(text('ratings.csv').split('\r\n')[0]).toBe(
      'item_type,status,album_id,artist,album_title,release_year,upc,album_spotify_id,album_apple_id,discogs_id,track_id,track_title,track_artist,isrc,track_spotify_id,track_apple_id,stars,rated_at,replaced_at',
    );
  });

  it("when albums wait on Listen later, then listen-later.csv and the JSON carry them, and nobody else's export does", async () => {
    const me = await registerUser(app);
    const them = await registerUser(app);
    const queued = await makeAlbum(app.container.knex, { title: '=Queued, "later"', artist: 'Sigur Rós', year: 2005, upc: '0123456789012' });
    const theirs = await makeAlbum(app.container.knex, { title: 'Only theirs to hear', artist: 'Nobody' });
    expect((await me.client.send('put', `/api/me/listen-later/${album}`, {})).status).toBe(201);
    expect((await me.client.send('put', `/api/me/listen-later/${queued.id}`, { keep: true })).status).toBe(201);
    expect((await them.client.send('put', `/api/me/listen-later/${theirs.id}`, {})).status).toBe(201);

    const { csv, text } = await download(me.client);
    expect(
      csv('listen-later.csv').map((r) => [r.album_id, r.album_title, r.artist, r.release_year, r.upc, r.keep, Number.isNaN(Date.parse(r.added_at!))]),
    ).toEqual([
      [album, 'Homogenic', 'Björk', '1997', '0075596207825', 'false', false],
      [queued.id, `'=Queued, "later"`, 'Sigur Rós', '2005', '0123456789012', 'true', false],
    ]);
    const all = JSON.parse(text('muse-export.json'));
    expect(all.listenLater).toEqual([
      expect.objectContaining({ albumId: album, albumTitle: 'Homogenic', keep: false, addedAt: expect.any(String) }),
      expect.objectContaining({ albumId: queued.id, albumTitle: '=Queued, "later"', keep: true }),
    ]);
    expect(text('listen-later.csv') + text('muse-export.json')).not.toContain('Only theirs to hear');
    const their = await download(them.client);
    expect(their.csv('listen-later.csv').map((r) => r.album_title)).toEqual(['Only theirs to hear']);
  });

  it('when the user commented on and liked a track review, then comments.csv and likes.csv name the track beside its album; an album review’s rows leave the track empty', async () => {
    const me = await registerUser(app);
    const them = await registerUser(app);
    const onTrack = await them.client.post(`/api/tracks/${track}/reviews`, { body: 'The strings at 2:10.', rating: 5 });
    expect(onTrack.status).toBe(201);
    const onAlbum = await them.client.post(`/api/albums/${other}/reviews`, { body: 'Cold and perfect.' });
    expect(onAlbum.status).toBe(201);
    for (const id of [onTrack.body.id, onAlbum.body.id]) {
      expect((await me.client.send('put', `/api/reviews/${id}/like`, {})).status).toBeLessThan(300);
      expect((await me.client.post(`/api/reviews/${id}/comments`, { body: `On ${id}` })).status).toBe(201);
    }

    const { csv, text } = await download(me.client);
    const described = (rows: Record<string, string>[]) =>
      rows.map((r) => [r.review_id, r.item_type, r.album_title, r.track_id, r.track_title, r.isrc, r.track_spotify_id, r.track_apple_id]);
    const expected = [
      [String(onTrack.body.id), 'track', 'Homogenic', track, 'Jóga', 'GBAKW9700012', 'sp-joga', 'ap-joga'],
      [String(onAlbum.body.id), 'album', 'Kid A', '', '', '', '', ''],
    ];
    expect(described(csv('comments.csv'))).toEqual(expected);
    expect(described(csv('likes.csv'))).toEqual(expected);
    const all = JSON.parse(text('muse-export.json'));
    expect(all.likes[0]).toMatchObject({ itemType: 'track', trackId: track, trackTitle: 'Jóga' });
    expect(all.comments[1]).toMatchObject({ itemType: 'album', trackId: null });
  });

  it('when signed out, then it answers 401', async () => {
    const res = await app.client().get('/api/me/export');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('toCsv', () => {
  it('when fields hold commas, quotes, line breaks, edge spaces and unicode, then a CSV parser reads back exactly the same values', () => {
    const values = ['plain', 'a,b', 'say "hi"', 'line\nbreak', 'crlf\r\nbreak', ' padded ', 'Sigur Rós 東京 🎧', '', '1+2=3', 'a-b', 'me@example.test'];
    const rows = values.map((v, i) => ({ n: i, text: v }));
    const back = parse(toCsv(['n', 'text'], rows), { columns: true }) as { n: string; text: string }[];
    expect(back.map((r) => r.text)).toEqual(values);
    expect(toCsv(['a', 'b'], [{ a: null, b: true }])).toBe('a,b\r\n,true\r\n');
  });

  it('when a text cell starts with a character a spreadsheet reads as a formula, then it is quoted behind a single quote', () => {
    const rows = FORMULA_STARTS.map((text, n) => ({ n, text }));
    const csv = toCsv(['n', 'text'], rows);
    for (const text of FORMULA_STARTS) expect(csv).toContain(`"'${text.replace(/"/g, '""')}"`);
    const back = parse(csv, { columns: true }) as { text: string }[];
    expect(back.map((r) => r.text)).toEqual(FORMULA_STARTS.map((t) => `'${t}`));
  });

  it('when a number cell is negative, then it is written as a number, not neutralised', () => {
    expect(toCsv(['a', 'b'], [{ a: -3, b: -0.5 }])).toBe('a,b\r\n-3,-0.5\r\n');
  });
});
