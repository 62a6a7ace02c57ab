import fs from 'node:fs';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import type { ImportView, ServerToClientEvents } from '@muse/shared';
import { Transactions } from '../../db/transaction';
import { createLogger } from '../../lib/logger';
import { startWorker } from '../../roles/worker-role';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { DiaryRepo } from '../diary/diary.repo';
import { ListenLog } from '../diary/listen-log';
import { ReviewsRepo } from '../reviews/reviews.repo';
import { ImportApplying } from './import-applying.service';
import { ImportsRepo } from './imports.repo';
import { makeAlbum, registerUser } from '../../testing/factories';
import { waitFor } from '../../testing/wait-for';

let app: TestApp;
const albums: Record<string, string> = {};
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const run = { finalAttempt: false, logger: createLogger('silent') };

// No worker: each test runs the jobs' work itself, so it can interrupt or repeat it.
beforeAll(async () => {
  app = await createTestApp();
  const { knex } = app.container;
  albums.homogenic = (await makeAlbum(knex, { title: 'Homogenic', artist: 'Björk', year: 1997 })).id;
  albums.agaetis = (await makeAlbum(knex, { title: 'Ágætis byrjun', artist: 'Sigur Rós', year: 1999 })).id;
  albums.abbey = (await makeAlbum(knex, { title: 'Abbey Road', artist: 'The Beatles', year: 1969 })).id;
  albums.discovery = (await makeAlbum(knex, { title: 'Discovery', artist: 'Daft Punk', year: 2001 })).id;
});
afterAll(async () => {
  await app.close();
});

/** Uploads through the API and runs the parse job's work in the test. */
async function uploaded(client: TestClient, source: 'letterboxd' | 'rym', csv: string): Promise<ImportView> {
  const res = await client.post('/api/imports', { source, csv }).then((r) => r);
  expect(res.status).toBe(202);
  await app.container.services.imports.runParse(res.body.id, run);
  return (await client.get(`/api/imports/${res.body.id}`).expect(200)).body;
}

async function stored(userId: string) {
  const { knex } = app.container;
  const diary = await knex('diary_entries')
    .where({ user_id: userId })
    .orderBy([{ column: 'listened_on' }, { column: 'id' }])
    .select('album_id', knex.raw(`to_char(listened_on, 'YYYY-MM-DD') AS listened_on`), 'rating', 'is_relisten', 'review_id');
  const ratings = await knex('album_ratings').where({ user_id: userId }).orderBy('album_id').select('album_id', 'value');
  const history = await knex('rating_history').where({ user_id: userId }).select('item_id', 'value');
  const reviews = await knex('reviews')
    .where({ user_id: userId })
    .select('album_id', 'body', 'rating', knex.raw(`to_char(listened_on, 'YYYY-MM-DD') AS listened_on`));
  return {
    diary: diary.map((d) => [String(d.album_id), d.listened_on, d.rating, d.is_relisten, d.review_id !== null]),
    ratings: ratings.map((r) => [String(r.album_id), r.value]),
    history: history.map((h) => [String(h.item_id), h.value]),
    reviews: reviews.map((r) => [String(r.album_id), r.body, r.rating, r.listened_on]),
  };
}

const LETTERBOXD_RESULT = () => ({
  diary: [
    [albums.homogenic, '2024-01-05', 9, false, true],
    [albums.agaetis, '2024-02-10', 10, false, false],
    [albums.agaetis, '2024-03-01', 8, true, false],
    [albums.abbey, '2024-03-02', 7, false, false],
  ],
  ratings: [
    [albums.homogenic, 9],
    [albums.agaetis, 8],
    [albums.abbey, 7],
    [albums.discovery, 8],
  ].sort((a, b) => Number(a[0]) - Number(b[0])),
  // The first listen's 5 stars stay in the history when the relisten brings 4.
  history: [[albums.agaetis, 10]],
  reviews: [[albums.homogenic, 'Loved it, truly.\r\nSecond line with "quotes" and émojis 🎧', 9, '2024-01-05']],
});

describe('confirming an import', () => {
  it('when confirmed, then ratings, history, reviews and diary entries are written once, the import is done and the user is notified', async () => {
    const { client, session } = await registerUser(app);
    const view = await uploaded(client, 'letterboxd', fixture('letterboxd-diary.csv'));
    const confirmed = await client.post(`/api/imports/${view.id}/confirm`, {});
    expect(confirmed.status).toBe(202);
    expect(confirmed.body).toMatchObject({ status: 'applying', processed: 0, total: 5, applied: 0 });

    await app.container.services.imports.runApply(view.id, run);
    expect(await stored(session.user.id)).toEqual(LETTERBOXD_RESULT());
    const done = (await client.get(`/api/imports/${view.id}`).expect(200)).body;
    expect(done).toMatchObject({ status: 'done', applied: 5, processed: 5, total: 5, imported: { ratings: 5, reviews: 1, diaryEntries: 4 } });

    // The job delivered again, or retried after finishing, changes nothing.
    await app.container.services.imports.runApply(view.id, run);
    expect(await stored(session.user.id)).toEqual(LETTERBOXD_RESULT());
    const notes = (await client.get('/api/notifications').expect(200)).body.items.filter((n: { type: string }) => n.type === 'import_finished');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      title: 'Your Letterboxd import is done',
      body: '5 rows imported: 5 ratings, 1 review and 4 diary entries.',
      link: `/imports/${view.id}`,
    });
  });

  it('when confirmed twice, then the second answers 409 import_not_ready; confirming one still being read does too', async () => {
    const { client } = await registerUser(app);
    const view = await uploaded(client, 'letterboxd', 'Name,Artist,Rating\nDiscovery,Daft Punk,4\n');
    expect((await client.post(`/api/imports/${view.id}/confirm`, {})).status).toBe(202);
    const again = await client.post(`/api/imports/${view.id}/confirm`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('import_not_ready');

    const parsing = await client.post('/api/imports', { source: 'letterboxd', csv: 'Name,Artist,Rating\nDiscovery,Daft Punk,4\n' });
    const early = await client.post(`/api/imports/${parsing.body.id}/confirm`, {});
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('import_not_ready');
  });

  it('when two confirmations race, then exactly one wins', async () => {
    const { client } = await registerUser(app);
    const view = await uploaded(client, 'letterboxd', 'Name,Artist,Rating\nDiscovery,Daft Punk,4\n');
    const answers = await Promise.all([1, 2, 3].map(() => client.post(`/api/imports/${view.id}/confirm`, {})));
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409, 409]);
  });

  it('when lines are skipped, then those rows are not applied', async () => {
    const { client, session } = await registerUser(app);
    const view = await uploaded(client, 'letterboxd', fixture('letterboxd-diary.csv'));
    await client.post(`/api/imports/${view.id}/confirm`, { skipLines: [2, 6, 6, 999] }).then((r) => expect(r.status).toBe(202));
    await app.container.services.imports.runApply(view.id, run);
    const result = await stored(session.user.id);
    expect(result.diary.map((d) => d[1])).toEqual(['2024-02-10', '2024-03-01']);
    expect(result.reviews).toEqual([]);
    expect((await client.get(`/api/imports/${view.id}`).expect(200)).body).toMatchObject({ status: 'done', applied: 3 });
  });

  it.each([[{ skipLines: 'all' }], [{ skipLines: [0] }], [{ skipLines: [1.5] }]])(
    'when the confirmation is %j, then it answers 400 and the import stays ready',
    async (body) => {
      const { client } = await registerUser(app);
      const view = await uploaded(client, 'letterboxd', 'Name,Artist,Rating\nDiscovery,Daft Punk,4\n');
      expect((await client.post(`/api/imports/${view.id}/confirm`, body)).status).toBe(400);
      expect((await client.get(`/api/imports/${view.id}`).expect(200)).body.status).toBe('ready');
    },
  );

  it('when a Rate Your Music row has a review but no date, then the rating and review are written without a diary entry', async () => {
    const { client, session } = await registerUser(app);
    const view = await uploaded(client, 'rym', fixture('rym-export.csv'));
    await client.post(`/api/imports/${view.id}/confirm`, {});
    await app.container.services.imports.runApply(view.id, run);
    const result = await stored(session.user.id);
    expect(result.diary).toEqual([]);
    expect(result.ratings).toEqual(
      [
        [albums.homogenic, 9],
        [albums.agaetis, 8],
        [albums.abbey, 10],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    expect(result.reviews).toEqual([[albums.abbey, 'Side two, "the medley" —\npure joy', 10, null]]);
    expect((await client.get(`/api/imports/${view.id}`).expect(200)).body.imported).toEqual({ ratings: 3, reviews: 1, diaryEntries: 0, listenLater: 0 });
    const notes = (await client.get('/api/notifications').expect(200)).body.items.filter((n: { type: string }) => n.type === 'import_finished');
    expect(notes.map((n: { body: string }) => n.body)).toEqual(['3 rows imported: 3 ratings and 1 review. No row had a date, so none went to your diary.']);
  });
});

describe('an interrupted or duplicated apply', () => {
  function applierFailingOnCall(failOn: number) {
    const { knex, docs, services } = app.container;
    const real = new ListenLog({ ratings: services.ratings, reviews: new ReviewsRepo(knex), diary: new DiaryRepo(knex), docs });
    let calls = 0;
    const listens: Pick<ListenLog, 'write'> = {
      async write(trx, effects, userId, input) {
        const written = await real.write(trx, effects, userId, input);
        calls += 1;
        // The worker dies after writing but before the step commits.
        if (calls === failOn) throw new Error('worker killed');
        return written;
      },
    };
    return new ImportApplying({
      transactions: new Transactions(knex),
      repo: new ImportsRepo(knex),
      listens,
      listenLater: services.listenLater,
      notifications: services.notifications,
      announce: async () => undefined,
    });
  }

  it('when the job dies midway and is retried, then every row is applied exactly once', async () => {
    const { client, session } = await registerUser(app);
    const view = await uploaded(client, 'letterboxd', fixture('letterboxd-diary.csv'));
    await client.post(`/api/imports/${view.id}/confirm`, {});
    await expect(applierFailingOnCall(3).run(view.id, run)).rejects.toThrow('worker killed');
    const halfway = (await client.get(`/api/imports/${view.id}`).expect(200)).body;
    expect(halfway).toMatchObject({ status: 'applying', applied: 2, processed: 2 });
    expect((await stored(session.user.id)).diary).toHaveLength(1);

    await app.container.services.imports.runApply(view.id, run);
    expect(await stored(session.user.id)).toEqual(LETTERBOXD_RESULT());
    expect((await client.get(`/api/imports/${view.id}`).expect(200)).body).toMatchObject({ status: 'done', applied: 5 });
  });

  it('when two apply jobs run at the same time, then every row is applied exactly once', async () => {
    const { client, session } = await registerUser(app);
    const view = await uploaded(client, 'letterboxd', fixture('letterboxd-diary.csv'));
    await client.post(`/api/imports/${view.id}/confirm`, {});
    await Promise.all([app.container.services.imports.runApply(view.id, run), app.container.services.imports.runApply(view.id, run)]);
    expect(await stored(session.user.id)).toEqual(LETTERBOXD_RESULT());
    const notes = (await client.get('/api/notifications').expect(200)).body.items.filter((n: { type: string }) => n.type === 'import_finished');
    expect(notes).toHaveLength(1);
  });

  it('when the last attempt fails, then the import is failed and the rows applied so far are kept', async () => {
    const { client, session } = await registerUser(app);
    const view = await uploaded(client, 'letterboxd', fixture('letterboxd-diary.csv'));
    await client.post(`/api/imports/${view.id}/confirm`, {});
    await expect(applierFailingOnCall(2).run(view.id, { ...run, finalAttempt: true })).rejects.toThrow('worker killed');
    expect((await client.get(`/api/imports/${view.id}`).expect(200)).body).toMatchObject({
      status: 'failed',
      applied: 1,
      error: expect.stringMatching(/applied so far are kept/),
    });
    expect((await stored(session.user.id)).ratings).toEqual([[albums.discovery, 8]]);
  });

  it('when a matched album is deleted before applying, then that row is reported unmatched and the others are applied', async () => {
    const { knex } = app.container;
    const doomed = (await makeAlbum(knex, { title: 'Doomed', artist: 'Gone Band', year: 2010 })).id;
    const { client, session } = await registerUser(app);
    const view = await uploaded(client, 'letterboxd', 'Date,Name,Artist,Rating\n2024-01-01,Doomed,Gone Band,4\n2024-01-02,Discovery,Daft Punk,3\n');
    expect(view.matched).toBe(2);
    await client.post(`/api/imports/${view.id}/confirm`, {});
    await knex('albums').where({ id: doomed }).delete();
    await app.container.services.imports.runApply(view.id, run);
    const done: ImportView = (await client.get(`/api/imports/${view.id}`).expect(200)).body;
    expect(done).toMatchObject({ status: 'done', applied: 1, matched: 1, unmatched: 1 });
    expect(done.rows[0]).toMatchObject({ status: 'unmatched', reason: 'The album was removed from the catalog before the import was applied.', match: null });
    expect((await stored(session.user.id)).diary).toEqual([[albums.discovery, '2024-01-02', 6, false, false]]);
  });
});

describe('live progress', () => {
  const sockets: Socket[] = [];
  afterAll(() => sockets.forEach((s) => s.disconnect()));

  it('when a worker parses and applies an import, then the owner’s socket hears progress up to ready and then done, and nobody else hears it', async () => {
    const owner = await registerUser(app);
    const stranger = await registerUser(app);
    const open = async (client: TestClient) => {
      const socket: Socket<ServerToClientEvents> = connect(app.url, {
        transports: ['websocket'],
        extraHeaders: { cookie: client.cookieHeader() },
        reconnection: false,
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
      return socket;
    };
    const mine = await open(owner.client);
    const theirs = await open(stranger.client);
    const heard: { importId: string; status: string; processed: number; total: number }[] = [];
    const overheard: unknown[] = [];
    mine.on('import:progress', (p) => heard.push(p));
    theirs.on('import:progress', (p) => overheard.push(p));
    const until = (status: string) => waitFor(`import:progress ${status}`, () => heard.some((p) => p.status === status));

    const worker = await startWorker(app.container);
    try {
      const csv = `Date,Name,Artist,Rating\n${Array.from({ length: 250 }, (_, i) => `2024-01-${String((i % 28) + 1).padStart(2, '0')},Discovery,Daft Punk,${(i % 10) / 2 + 0.5}`).join('\n')}\n`;
      const res = await owner.client.post('/api/imports', { source: 'letterboxd', csv });
      expect(res.status).toBe(202);
      await until('ready');
      expect(heard.at(-1)).toEqual({ importId: res.body.id, status: 'ready', processed: 250, total: 250 });

      expect((await owner.client.post(`/api/imports/${res.body.id}/confirm`, {})).status).toBe(202);
      await until('done');
      expect(heard.at(-1)).toEqual({ importId: res.body.id, status: 'done', processed: 250, total: 250 });
      expect(overheard).toEqual([]);
      expect(await app.container.knex('diary_entries').where({ user_id: owner.session.user.id }).count<{ count: string }[]>({ count: '*' })).toEqual([
        { count: '250' },
      ]);
    } finally {
      await worker.stop();
    }
  });
});
