import { useTestApp } from '../../testing/test-app';
import { accountPurgeJob } from './account-purge.job';
import { follow, type MadeAlbum, makeAlbum, registerPerson, type TestPerson } from '../../testing/factories';
import { recomputedAlbumStats, storedAlbumStats } from '../../testing/album-stats';
import { queuesIdle } from '../../testing/jobs-settled';
import { waitFor } from '../../testing/wait-for';

// A worker runs, so the purge job (and fan-out, notification jobs) really run between trials.
const app = useTestApp({ worker: true });

const TRIALS = 8;
const knex = () => app.container.knex;

/** Each (table, column) whose foreign key points at users. */
async function userColumns(): Promise<{ tbl: string; col: string }[]> {
  const { rows } = await knex().raw(`
    SELECT c.conrelid::regclass::text AS tbl, a.attname AS col
    FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
    WHERE c.contype = 'f' AND c.confrelid = 'users'::regclass`);
  return rows;
}

/** What the user still has anywhere: rows by foreign key, activity documents, their Redis timeline. */
async function leftoversOf(userId: string): Promise<string[]> {
  const found: string[] = [];
  if (await knex()('users').where({ id: userId }).first()) found.push('users row');
  for (const { tbl, col } of await userColumns()) {
    const [row] = await knex()(tbl).where(col, userId).count<{ n: string }[]>({ n: '*' });
    const n = Number(row?.n ?? 0);
    if (n > 0) found.push(`${tbl}.${col}: ${n}`);
  }
  const docs = await app.container.docs.activity.listByActor(userId, { limit: 200 });
  if (docs.length > 0) found.push(`activity documents: ${docs.length}`);
  const playlists = app.container.docs.playlists;
  const page = { sort: 'updated' as const, limit: 200 };
  const owned = await playlists.list({ ownerIds: [userId] }, page);
  if (owned.length > 0) found.push(`playlists owned: ${owned.length}`);
  const member = [
    ...(await playlists.list({ collaborator: userId }, page)),
    ...(await playlists.list({ invited: userId }, page)),
    ...(await playlists.list({ sharedWith: userId }, page)),
  ];
  if (member.length > 0) found.push(`collaborations and shares: ${member.length}`);
  const timeline = `${app.container.config.REDIS_PREFIX}timeline:${userId}`;
  if ((await app.container.redis.exists(timeline, `${timeline}:graph`)) > 0) found.push('redis timeline');
  return found;
}

/** Trigger-kept counters that disagree with a recount. */
async function driftedAggregates(albums: MadeAlbum[]): Promise<string[]> {
  const drift: string[] = [];
  for (const album of albums) {
    const [stored, recount] = [await storedAlbumStats(knex(), album.id), await recomputedAlbumStats(knex(), album.id)];
    if (JSON.stringify(stored) !== JSON.stringify(recount)) drift.push(`album ${album.id} stats ${JSON.stringify(stored)} != ${JSON.stringify(recount)}`);
  }
  const { rows: users } = await knex().raw(`
    SELECT u.id FROM users u
    WHERE u.follower_count <> (SELECT count(*) FROM follows f WHERE f.followee_id = u.id)
       OR u.following_count <> (SELECT count(*) FROM follows f WHERE f.follower_id = u.id)`);
  for (const u of users) drift.push(`user ${u.id} follow counts`);
  const { rows: reviews } = await knex().raw(`
    SELECT r.id FROM reviews r
    WHERE r.like_count <> (SELECT count(*) FROM review_likes l WHERE l.review_id = r.id)
       OR r.comment_count <> (SELECT count(*) FROM review_comments c WHERE c.review_id = r.id AND c.hidden_at IS NULL)`);
  for (const r of reviews) drift.push(`review ${r.id} counts`);
  const { rows: playlists } = await knex().raw(`
    SELECT s.playlist_id FROM playlist_stats s
    WHERE s.like_count <> (SELECT count(*) FROM playlist_likes l WHERE l.playlist_id = s.playlist_id)
       OR s.clone_count <> (SELECT count(*) FROM playlist_clones c WHERE c.source_id = s.playlist_id)`);
  for (const p of playlists) drift.push(`playlist ${p.playlist_id} counts`);
  return drift;
}

/** What another user has, to check it survives someone else's deletion untouched. */
async function footprintOf(userId: string) {
  const count = async (tbl: string, col = 'user_id') => Number((await knex()(tbl).where(col, userId).count<{ n: string }[]>({ n: '*' }))[0]!.n);
  return {
    ratings: await count('album_ratings'),
    reviews: await count('reviews'),
    diary: await count('diary_entries'),
    activities: (await app.container.docs.activity.listByActor(userId, { limit: 200 })).length,
  };
}

/** The burst: every kind of write the leaving user can make, each one request. */
function writesOf(
  leaving: TestPerson,
  staying: TestPerson,
  albums: MadeAlbum[],
  reviewId: string,
  playlistId: string,
): Array<() => Promise<{ status: number }>> {
  const c = leaving.client;
  const writes: Array<() => Promise<{ status: number }>> = [];
  albums.forEach((album, i) => {
    writes.push(() => c.send('put', `/api/albums/${album.id}/rating`, { rating: 1 + (i % 5) }));
    writes.push(() => c.send('put', `/api/tracks/${album.trackIds[0]}/rating`, { rating: 3 }));
    writes.push(() => c.post('/api/diary', { albumId: album.id, listenedOn: '2024-03-0' + ((i % 9) + 1), rating: 4 }));
    writes.push(() => c.post(`/api/albums/${album.id}/reviews`, { body: `Take ${i}`, rating: 4.5 }));
  });
  writes.push(() => c.send('put', `/api/users/${staying.handle}/follow`));
  writes.push(() => c.send('put', `/api/reviews/${reviewId}/like`));
  writes.push(() => c.post(`/api/reviews/${reviewId}/comments`, { body: 'Agreed' }));
  writes.push(() => c.post(`/api/reviews/${reviewId}/comments`, { body: 'Still agreed' }));
  writes.push(() => c.post('/api/playlists', { title: 'Mine', kind: 'playlist', visibility: 'public' }));
  writes.push(() => c.post('/api/playlists', { title: 'My list', kind: 'list', visibility: 'private' }));
  writes.push(() => c.post(`/api/playlists/${playlistId}/entries`, { trackId: albums[0]!.trackIds[0] }));
  writes.push(() => c.send('put', `/api/playlists/${playlistId}/like`));
  writes.push(() => c.post(`/api/playlists/${playlistId}/clone`, {}));
  return writes;
}

interface TrialResult {
  deleteStatus: number;
  serverErrors: string[];
  leftovers: string[];
  drift: string[];
  stayingChanged: boolean;
}

async function trial(n: number): Promise<TrialResult> {
  const albums = await Promise.all([1, 2, 3, 4].map(() => makeAlbum(knex())));
  const staying = await registerPerson(app);
  expect((await staying.client.send('put', `/api/albums/${albums[0]!.id}/rating`, { rating: 4 })).status).toBe(200);
  const review = await staying.client.post(`/api/albums/${albums[0]!.id}/reviews`, { body: 'A record to keep', rating: 4 });
  expect(review.status).toBe(201);
  const leaving = await registerPerson(app);
  // Some data before the burst, and a built timeline, so there is always something to remove.
  expect((await leaving.client.send('put', `/api/albums/${albums[1]!.id}/rating`, { rating: 2 })).status).toBe(200);
  // A playlist of the staying user that the leaving one collaborates on, and one shared with them.
  await follow(knex(), staying.id, leaving.id);
  await follow(knex(), leaving.id, staying.id);
  const playlist = (await staying.client.post('/api/playlists', { title: 'Ours', kind: 'playlist' })).body as { id: string };
  expect((await staying.client.post(`/api/playlists/${playlist.id}/collaborators`, { userId: leaving.id })).status).toBe(200);
  expect((await leaving.client.post(`/api/playlists/${playlist.id}/collaborators/accept`)).status).toBe(200);
  expect((await staying.client.post('/api/playlists', { title: 'For you', kind: 'list', visibility: 'people', sharedWith: [leaving.id] })).status).toBe(201);
  expect((await leaving.client.post('/api/playlists', { title: 'Before', kind: 'playlist' })).status).toBe(201);
  expect((await leaving.client.get('/api/feed')).status).toBe(200);
  await waitFor('jobs before the burst', () => queuesIdle(app));
  const before = await footprintOf(staying.id);

  const requests = writesOf(leaving, staying, albums, String(review.body.id), playlist.id).map(
    (w, i) => () => w().then((r) => ({ what: `write ${i}`, status: r.status })),
  );
  // The deletion starts at a different point of the burst in each trial.
  requests.splice((n * 3) % (requests.length + 1), 0, () =>
    leaving.client.delete('/api/me', { password: 'correct horse battery staple' }).then((r) => ({ what: 'delete', status: r.status })),
  );
  const running = requests.map((start) => start());
  const answers = await Promise.all(running);

  await waitFor('the purge and every job it caused', () => queuesIdle(app));
  return {
    deleteStatus: answers.find((a) => a.what === 'delete')!.status,
    serverErrors: answers.filter((a) => a.status >= 500).map((a) => `${a.what}: ${a.status}`),
    leftovers: await leftoversOf(leaving.id),
    drift: await driftedAggregates(albums),
    stayingChanged: JSON.stringify(await footprintOf(staying.id)) !== JSON.stringify(before),
  };
}

describe('deleting an account while its owner keeps writing', () => {
  it('when a burst of ratings, reviews, diary entries, follows, likes, comments and playlist writes races DELETE /api/me, then it answers 204 and nothing of the account is left', async () => {
    const failures: string[] = [];
    for (let n = 0; n < TRIALS; n++) {
      const r = await trial(n);
      if (r.deleteStatus !== 204) failures.push(`trial ${n}: delete answered ${r.deleteStatus}`);
      for (const e of r.serverErrors) failures.push(`trial ${n}: ${e}`);
      for (const l of r.leftovers) failures.push(`trial ${n}: left behind ${l}`);
      for (const d of r.drift) failures.push(`trial ${n}: ${d}`);
      if (r.stayingChanged) failures.push(`trial ${n}: another user's data changed`);
    }
    expect(failures).toEqual([]);
  });
});

describe('the account-purge job', () => {
  it('when it runs for an account that still exists, then it removes nothing', async () => {
    const person = await registerPerson(app);
    const before = (await app.container.docs.activity.listByActor(person.id, { limit: 200 })).length;
    await app.container.queues.enqueue(accountPurgeJob, { userId: person.id }, { jobId: `purge-test-${person.id}` });
    await waitFor('the purge job', () => queuesIdle(app));
    expect(before).toBeGreaterThan(0);
    expect(await app.container.docs.activity.listByActor(person.id, { limit: 200 })).toHaveLength(before);
    expect((await person.client.get('/api/me')).status).toBe(200);
  });

  it('when a document of a deleted account turns up after the deletion, then running the purge again removes it', async () => {
    const person = await registerPerson(app);
    expect((await person.client.delete('/api/me', { password: 'correct horse battery staple' })).status).toBe(204);
    // Written straight into the postgres adapter's table, as a writer that slipped past every check would.
    await knex()('doc_activity').insert({
      id: '01900000-0000-7000-8000-000000000001',
      actor_id: person.id,
      type: 'rated',
      created_at: new Date(),
      doc: JSON.stringify({
        id: '01900000-0000-7000-8000-000000000001',
        actorId: person.id,
        type: 'rated',
        visibility: 'public',
        subject: null,
        data: {},
        createdAt: new Date().toISOString(),
      }),
    });
    await app.container.queues.enqueue(accountPurgeJob, { userId: person.id }, { jobId: `purge-again-${person.id}` });
    await waitFor('the purge job', () => queuesIdle(app));
    expect(await leftoversOf(person.id)).toEqual([]);
  });
});
