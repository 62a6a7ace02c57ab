import { LISTEN_LATER_MAX, type ImportView, type ListenLaterItem, type Page } from '@muse/shared';
import { createLogger } from '../../lib/logger';
import { useTestApp, type TestClient } from '../../testing/test-app';
import { makeAlbum, registerUser } from '../../testing/factories';

const app = useTestApp();
const knex = () => app.container.knex;
const run = { finalAttempt: false, logger: createLogger('silent') };

/** Letterboxd's own watchlist.csv columns; Name carries "Artist - Title" since Letterboxd has no artist column. */
const HEADER = 'Date,Name,Year,Letterboxd URI';

async function imported(client: TestClient, csv: string): Promise<ImportView> {
  const created = await client.post('/api/imports', { source: 'letterboxd-watchlist', csv });
  expect(created.status).toBe(202);
  expect(created.body.source).toBe('letterboxd-watchlist');
  await app.container.services.imports.runParse(created.body.id, run);
  return (await client.get(`/api/imports/${created.body.id}`).expect(200)).body as ImportView;
}

async function applied(client: TestClient, id: string): Promise<ImportView> {
  expect((await client.post(`/api/imports/${id}/confirm`, {})).status).toBe(202);
  await app.container.services.imports.runApply(id, run);
  return (await client.get(`/api/imports/${id}`).expect(200)).body as ImportView;
}

const queue = async (client: TestClient) => ((await client.get('/api/me/listen-later?limit=100').expect(200)).body as Page<ListenLaterItem>).items;
const notices = async (client: TestClient) => (await client.get('/api/notifications').expect(200)).body.items.map((n: { body: string }) => n.body);

describe('importing a Letterboxd watchlist', () => {
  it('when a watchlist is imported, then matched albums join Listen later on the day the file gives, and nothing else is written', async () => {
    const { client, session } = await registerUser(app);
    const hounds = await makeAlbum(knex(), { title: 'Hounds of Love', artist: 'Kate Bush', year: 1985 });
    const mezzanine = await makeAlbum(knex(), { title: 'Mezzanine', artist: 'Massive Attack', year: 1998 });
    const csv = [
      HEADER,
      '2024-05-01,Kate Bush - Hounds of Love,1985,https://boxd.it/aaaa',
      '2024-06-02,"Massive Attack - Mezzanine",1998,https://boxd.it/bbbb',
      '2024-06-03,Nobody - Not In The Catalog,2001,https://boxd.it/cccc',
      '2024-06-04,Only A Title,2001,https://boxd.it/dddd',
      'yesterday,Kate Bush - The Dreaming,1982,https://boxd.it/eeee',
    ].join('\r\n');
    const view = await imported(client, csv);
    expect(view).toMatchObject({ status: 'ready', matched: 2, unmatched: 1, invalid: 2 });
    expect(view.rows.map((r) => [r.line, r.status, r.match?.id ?? null])).toEqual([
      [2, 'matched', hounds.id],
      [3, 'matched', mezzanine.id],
      [4, 'unmatched', null],
      [5, 'invalid', null],
      [6, 'invalid', null],
    ]);
    expect(view.rows[3]!.reason).toMatch(/artist/i);
    expect(view.rows[4]!.reason).toMatch(/Date "yesterday"/);

    const done = await applied(client, view.id);
    expect(done).toMatchObject({ status: 'done', applied: 2, imported: { ratings: 0, reviews: 0, diaryEntries: 0, listenLater: 2 } });
    expect((await queue(client)).map((i) => [i.album.id, i.addedAt, i.keep])).toEqual([
      [mezzanine.id, '2024-06-02T00:00:00.000Z', false],
      [hounds.id, '2024-05-01T00:00:00.000Z', false],
    ]);
    for (const table of ['album_ratings', 'diary_entries', 'reviews']) {
      expect([table, await knex()(table).where({ user_id: session.user.id }).count('* as n')]).toEqual([table, [{ n: '0' }]]);
    }
    expect(await notices(client)).toContain('2 albums added to your Listen later queue.');
  });

  it('when an album is already queued or the job runs again, then it is queued once and keeps its flag and date', async () => {
    const { client } = await registerUser(app);
    const album = await makeAlbum(knex(), { title: 'Blue Lines', artist: 'Massive Attack', year: 1991 });
    const added = await client.send('put', `/api/me/listen-later/${album.id}`, { keep: true });
    const view = await imported(client, `${HEADER}\n2020-01-01,Massive Attack - Blue Lines,1991,https://boxd.it/ffff\n`);
    await applied(client, view.id);
    await app.container.services.imports.runApply(view.id, run);
    expect(await queue(client)).toEqual([added.body]);
  });

  it('when the queue fills up during the import, then the rest is not added and the notification says how many did not fit', async () => {
    const { client, session } = await registerUser(app);
    const albums = [];
    for (const title of ['Full One', 'Full Two', 'Full Three']) albums.push(await makeAlbum(knex(), { title, artist: 'Capacity Quartet', year: 2010 }));
    await knex().raw(
      `WITH made AS (INSERT INTO albums (title, artist_credit) SELECT 'Filler ' || g, 'Filler artist' FROM generate_series(1, ?) g RETURNING id)
       INSERT INTO listen_later (user_id, album_id) SELECT ?, id FROM made`,
      [LISTEN_LATER_MAX - 1, session.user.id],
    );
    const csv = [HEADER, ...albums.map((a, i) => `2024-01-0${i + 1},Capacity Quartet - Full ${['One', 'Two', 'Three'][i]},2010,`)].join('\n');
    const view = await imported(client, csv);
    expect(view.matched).toBe(3);
    const done = await applied(client, view.id);
    expect(done).toMatchObject({ status: 'done', applied: 1, imported: { listenLater: 1 } });
    expect(
      await knex()('listen_later')
        .where({ user_id: session.user.id })
        .whereIn(
          'album_id',
          albums.map((a) => a.id),
        )
        .pluck('album_id'),
    ).toEqual([albums[0]!.id]);
    expect(await notices(client)).toContain('1 album added to your Listen later queue. 2 albums did not fit: the queue holds at most 5,000.');
  });

  it('when the file has no Name column, then it is refused at once', async () => {
    const { client } = await registerUser(app);
    const res = await client.post('/api/imports', { source: 'letterboxd-watchlist', csv: 'Date,Title,Year\n2024-01-01,Blue,1971\n' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'import_columns_missing' });
  });
});
