import { strFromU8, unzipSync } from 'fflate';
import type { Response } from 'superagent';
import type { ImportView, ReviewView } from '@muse/shared';
import { createLogger } from '../../lib/logger';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { makeAlbum, registerPerson, type MadeAlbum } from '../../testing/factories';

let app: TestApp;
let homogenic: MadeAlbum;
let vespertine: MadeAlbum;
const run = { finalAttempt: false, logger: createLogger('silent') };

// No worker: each test runs the jobs' work itself.
beforeAll(async () => {
  app = await createTestApp();
  const { knex } = app.container;
  homogenic = await makeAlbum(knex, {
    title: 'Homogenic',
    artist: 'Björk',
    year: 1997,
    tracks: [{ title: 'Hunter' }, { title: 'Jóga', isrc: 'GBAAA9700001' }, { title: 'Bachelorette' }],
  });
  vespertine = await makeAlbum(knex, { title: 'Vespertine', artist: 'Björk', year: 2001, tracks: ['Hidden Place', 'Cocoon', 'Pagan Poetry'] });
});
afterAll(async () => {
  await app.close();
});

function binary(res: Response, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

async function exportedReviewsCsv(client: TestClient): Promise<string> {
  const res = await client
    .get('/api/me/export')
    .buffer(true)
    .parse(binary as never)
    .expect(200);
  return strFromU8(unzipSync(new Uint8Array(res.body as Buffer))['reviews.csv']!);
}

/** Uploads through the API, runs the parse job's work, confirms and runs the apply job's work. */
async function importReviews(client: TestClient, csv: string): Promise<{ parsed: ImportView; done: ImportView }> {
  const res = await client.post('/api/imports', { source: 'muse-reviews', csv });
  expect(res.status).toBe(202);
  await app.container.services.imports.runParse(res.body.id, run);
  const parsed = (await client.get(`/api/imports/${res.body.id}`).expect(200)).body as ImportView;
  if (parsed.matched > 0) {
    expect((await client.post(`/api/imports/${res.body.id}/confirm`, {})).status).toBe(202);
    await app.container.services.imports.runApply(res.body.id, run);
  }
  return { parsed, done: (await client.get(`/api/imports/${res.body.id}`).expect(200)).body as ImportView };
}

describe('importing the reviews of a Muse export', () => {
  it('when one account exports track and album reviews and another imports reviews.csv, then the same reviews, ratings and tracks come back', async () => {
    const [writer, reader] = [await registerPerson(app), await registerPerson(app)];
    const joga = homogenic.trackIds[1]!;
    const pagan = vespertine.trackIds[2]!;
    for (const [path, body] of [
      [
        `/api/tracks/${joga}/reviews`,
        { body: 'Volcanic strings, "tender" beats\nand a second line, 東京', rating: 5, listenedOn: '2025-03-01', isRelisten: true },
      ],
      [`/api/tracks/${pagan}/reviews`, { body: 'The music box', rating: 4 }],
      [`/api/albums/${homogenic.id}/reviews`, { body: 'The whole record holds together', rating: 4.5, listenedOn: '2025-03-02' }],
    ] as const) {
      expect((await writer.client.post(path, body)).status).toBe(201);
    }

    const { parsed, done } = await importReviews(reader.client, await exportedReviewsCsv(writer.client));
    expect(parsed.rows.map((r) => [r.status, r.title, r.trackTitle])).toEqual([
      ['matched', 'Homogenic', 'Jóga'],
      ['matched', 'Vespertine', 'Pagan Poetry'],
      ['matched', 'Homogenic', null],
    ]);
    expect(done).toMatchObject({ status: 'done', applied: 3, imported: { ratings: 3, reviews: 3, diaryEntries: 1 } });

    const mine = (await reader.client.get(`/api/users/${reader.handle}/reviews?limit=50`).expect(200)).body.items as ReviewView[];
    expect(mine.map((r) => [r.track?.id ?? null, r.album.id, r.body, r.rating, r.listenedOn, r.isRelisten]).sort()).toEqual(
      [
        [joga, homogenic.id, 'Volcanic strings, "tender" beats\nand a second line, 東京', 5, '2025-03-01', true],
        [pagan, vespertine.id, 'The music box', 4, null, false],
        [null, homogenic.id, 'The whole record holds together', 4.5, '2025-03-02', false],
      ].sort(),
    );
    const { knex } = app.container;
    expect(await knex('track_ratings').where({ user_id: reader.id }).orderBy('track_id').select('track_id', 'value')).toEqual(
      [
        { track_id: joga, value: 10 },
        { track_id: pagan, value: 8 },
      ].sort((a, b) => Number(a.track_id) - Number(b.track_id)),
    );
    // Only the album review's date goes to the diary.
    expect((await knex('diary_entries').where({ user_id: reader.id })).map((d) => String(d.album_id))).toEqual([homogenic.id]);
  });

  it('when a row names a track the album lacks or has a bad item type, then it is reported and nothing of it is written', async () => {
    const reader = await registerPerson(app);
    const csv = [
      'item_type,artist,album_title,release_year,track_title,isrc,stars,listened_on,is_relisten,body',
      'track,Björk,Homogenic,1997,Not On This Album,,3,,false,Where is it',
      'song,Björk,Homogenic,1997,Hunter,,3,,false,Wrong kind',
      'track,Björk,Homogenic,1997,,,3,,false,No title',
      'track,Björk,Homogenic,1997,hunter,,7,,false,Too many stars',
    ].join('\n');
    const { parsed } = await importReviews(reader.client, csv);
    expect(parsed.rows.map((r) => [r.status, r.reason])).toEqual([
      ['unmatched', 'No track “Not On This Album” on “Homogenic” in the catalog.'],
      ['invalid', expect.stringContaining('Item type "song"')],
      ['invalid', expect.stringContaining('track title is missing')],
      ['invalid', expect.stringContaining('Rating 7 is out of range')],
    ]);
    expect(await app.container.knex('reviews').where({ user_id: reader.id })).toEqual([]);
  });

  it('when the ISRC is known, then it finds the track even under another title', async () => {
    const reader = await registerPerson(app);
    const csv = [
      'item_type,artist,album_title,release_year,track_title,isrc,stars,body',
      'track,Björk,Homogenic,1997,Joga (Radio Edit),gbaaa9700001,4,By ISRC',
    ].join('\n');
    const { done } = await importReviews(reader.client, csv);
    expect(done.status).toBe('done');
    const [review] = await app.container.knex('reviews').where({ user_id: reader.id });
    expect(String(review.track_id)).toBe(homogenic.trackIds[1]);
  });

  it('when the file is not a Muse reviews export, then the upload answers 400 naming the missing columns and nothing is stored', async () => {
    const reader = await registerPerson(app);
    const res = await reader.client.post('/api/imports', { source: 'muse-reviews', csv: 'Name,Year,Rating\nHomogenic,1997,4\n' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('album_title');
    expect(await app.container.knex('imports').where({ user_id: reader.id })).toEqual([]);
  });
});
