import { useTestApp, type TestClient } from '../../testing/test-app';
import { block, follow, makeAlbum, registerUser, setPrivacy } from '../../testing/factories';
import { storedAlbumStats } from '../../testing/album-stats';

const app = useTestApp();

const knex = () => app.container.knex;
const log = (client: TestClient, body: unknown) => client.post('/api/diary', body);

describe('POST /api/diary', () => {
  it('when a listen is logged with a rating only, then the entry and current rating exist and no review is written', async () => {
    const { client, session } = await registerUser(app);
    const album = await makeAlbum(knex(), { title: 'Blue Lines' });
    const res = await log(client, { albumId: album.id, listenedOn: '2025-04-01', rating: 3.5 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ album: { id: album.id, title: 'Blue Lines' }, listenedOn: '2025-04-01', rating: 3.5, isRelisten: false, reviewId: null });
    expect((await knex()('album_ratings').where({ user_id: session.user.id }).first()).value).toBe(7);
    expect(await knex()('reviews').where({ user_id: session.user.id })).toEqual([]);
  });

  it('when a listen carries review text, then a review linked to the entry is written with the same rating and date', async () => {
    const { client } = await registerUser(app);
    const album = await makeAlbum(knex());
    const res = await log(client, { albumId: album.id, listenedOn: '2025-04-02', rating: 5, review: 'Still perfect 🌊' });
    expect(res.status).toBe(201);
    expect(res.body.reviewId).toEqual(expect.any(String));
    const review = await app.client().get(`/api/reviews/${res.body.reviewId}`).expect(200);
    expect(review.body).toMatchObject({ body: 'Still perfect 🌊', rating: 5, listenedOn: '2025-04-02' });
  });

  it('when the review text is blank, then the entry is logged without a review', async () => {
    const { client } = await registerUser(app);
    const album = await makeAlbum(knex());
    const res = await log(client, { albumId: album.id, listenedOn: '2025-04-02', review: '   ' });
    expect(res.status).toBe(201);
    expect(res.body.reviewId).toBeNull();
  });

  it('when a relisten brings a new rating, then the old rating moves to the history', async () => {
    const { client } = await registerUser(app);
    const album = await makeAlbum(knex());
    await log(client, { albumId: album.id, listenedOn: '2024-01-01', rating: 2 });
    await log(client, { albumId: album.id, listenedOn: '2025-01-01', rating: 4, isRelisten: true });
    const page = await client.get(`/api/albums/${album.id}`).expect(200);
    expect(page.body.viewer.rating).toBe(4);
    expect(page.body.viewer.ratingHistory.map((h: { rating: number }) => h.rating)).toEqual([2]);
    expect(page.body.viewer.diary.map((d: { listenedOn: string; isRelisten: boolean }) => [d.listenedOn, d.isRelisten])).toEqual([
      ['2025-01-01', true],
      ['2024-01-01', false],
    ]);
    expect(page.body.stats.count).toBe(1);
  });

  it.each([
    ['a missing date', { rating: 3 }],
    ['a future date', { listenedOn: '2999-12-31' }],
    ['a malformed date', { listenedOn: '01/02/2025' }],
    ['February 30th', { listenedOn: '2025-02-30' }],
    ['a rating of 0', { listenedOn: '2025-01-01', rating: 0 }],
    ['a string rating', { listenedOn: '2025-01-01', rating: '4.5' }],
    ['review text over 10,000 characters', { listenedOn: '2025-01-01', review: 'r'.repeat(10_001) }],
    ['a NUL in the review', { listenedOn: '2025-01-01', review: 'bad\u0000text' }],
  ])('when the entry has %s, then it answers 400 and nothing is written', async (_label, fields) => {
    const { client, session } = await registerUser(app);
    const album = await makeAlbum(knex());
    const res = await log(client, { albumId: album.id, ...fields });
    expect(res.status).toBe(400);
    expect(res.body.errors.length).toBeGreaterThan(0);
    expect(await knex()('diary_entries').where({ user_id: session.user.id })).toEqual([]);
    expect(await knex()('album_ratings').where({ user_id: session.user.id })).toEqual([]);
  });

  it('when the album does not exist, then it answers 404 and nothing is written', async () => {
    const { client, session } = await registerUser(app);
    const res = await log(client, { albumId: '987654321', listenedOn: '2025-01-01', rating: 4, review: 'Nope' });
    expect(res.status).toBe(404);
    expect(await knex()('reviews').where({ user_id: session.user.id })).toEqual([]);
  });

  it('when the last write of a listen fails, then the rating and review written before it are rolled back', async () => {
    const { client, session } = await registerUser(app);
    const album = await makeAlbum(knex());
    await knex().raw(`
      CREATE FUNCTION test_refuse_diary() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$;
      CREATE TRIGGER test_refuse_diary BEFORE INSERT ON diary_entries FOR EACH ROW EXECUTE FUNCTION test_refuse_diary();
    `);
    try {
      const res = await log(client, { albumId: album.id, listenedOn: '2025-01-01', rating: 4, review: 'Half-written?' });
      expect(res.status).toBe(500);
    } finally {
      await knex().raw('DROP TRIGGER test_refuse_diary ON diary_entries; DROP FUNCTION test_refuse_diary();');
    }
    expect(await knex()('reviews').where({ user_id: session.user.id })).toEqual([]);
    expect(await knex()('album_ratings').where({ user_id: session.user.id })).toEqual([]);
    expect((await storedAlbumStats(knex(), album.id)).count).toBe(0);
    // Nothing was announced for the rolled-back rating either.
    expect((await app.container.docs.activity.listByActor(session.user.id, { limit: 10 })).map((a) => a.type)).toEqual(['account.registered']);
  });
});

describe('GET /api/users/:handle/diary', () => {
  it('when paging a diary, then entries come newest listen first, same-day entries newest first, each once', async () => {
    const { client, session } = await registerUser(app);
    const album = await makeAlbum(knex());
    const dates = ['2025-03-01', '2024-12-31', '2025-03-01', '2025-01-15', '2023-07-04'];
    const ids: string[] = [];
    for (const listenedOn of dates) ids.push((await log(client, { albumId: album.id, listenedOn })).body.id);
    const seen: { id: string; listenedOn: string }[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: typeof seen; nextCursor: string | null } } = await app
        .client()
        .get(`/api/users/${session.user.handle}/diary?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.map((e) => e.id)).toEqual([ids[2], ids[0], ids[3], ids[1], ids[4]]);
  });

  it('when the profile is private, then its diary and reviews lists answer only the owner and followers; others get 403 profile_private', async () => {
    const owner = await registerUser(app);
    const ownerId = String(owner.session.user.id);
    const handle = owner.session.user.handle;
    const album = await makeAlbum(knex());
    const entry = (await log(owner.client, { albumId: album.id, listenedOn: '2025-05-05', review: 'Only for my followers' })).body;
    await setPrivacy(app, ownerId, { isPrivate: true });
    const follower = await registerUser(app);
    await follow(app, String(follower.session.user.id), ownerId);
    const stranger = await registerUser(app);
    const blocked = await registerUser(app);
    await follow(app, String(blocked.session.user.id), ownerId);
    await block(app, ownerId, String(blocked.session.user.id));

    for (const list of ['diary', 'reviews']) {
      for (const viewer of [app.client(), stranger.client, blocked.client]) {
        const res = await viewer.get(`/api/users/${handle}/${list}`);
        expect(res.status).toBe(403);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
        expect(res.body.code).toBe('profile_private');
        expect(JSON.stringify(res.body)).not.toContain('Only for my followers');
      }
      for (const viewer of [owner.client, follower.client]) {
        const res = await viewer.get(`/api/users/${handle}/${list}`).expect(200);
        expect(res.body.items).toHaveLength(1);
      }
    }
    expect((await follower.client.get(`/api/users/${handle}/diary`)).body.items[0].id).toBe(entry.id);
  });

  it('when the handle is unknown or the query is bad, then it answers 404 or 400', async () => {
    expect((await app.client().get('/api/users/no_such_fan_1/diary')).status).toBe(404);
    const { session } = await registerUser(app);
    for (const query of ['limit=0', 'limit=101', 'cursor=abc', `cursor=${Buffer.from('["diary","2025-13-01","1"]').toString('base64url')}`]) {
      const res = await app.client().get(`/api/users/${session.user.handle}/diary?${query}`);
      expect(res.status).toBe(400);
    }
  });
});

describe('DELETE /api/diary/:id', () => {
  it('when the owner deletes an entry, then it is gone while its review and the rating stay', async () => {
    const { client, session } = await registerUser(app);
    const album = await makeAlbum(knex());
    const entry = (await log(client, { albumId: album.id, listenedOn: '2025-01-01', rating: 3, review: 'Stays' })).body;
    expect((await client.delete(`/api/diary/${entry.id}`)).status).toBe(204);
    expect((await app.client().get(`/api/users/${session.user.handle}/diary`)).body.items).toEqual([]);
    expect((await app.client().get(`/api/reviews/${entry.reviewId}`)).status).toBe(200);
    expect((await client.get(`/api/albums/${album.id}`)).body.viewer.rating).toBe(3);
    expect((await client.delete(`/api/diary/${entry.id}`)).status).toBe(404);
  });

  it('when someone else deletes an entry, then it answers 404 like a missing one and the entry stays', async () => {
    const owner = await registerUser(app);
    const other = await registerUser(app);
    const album = await makeAlbum(knex());
    const entry = (await log(owner.client, { albumId: album.id, listenedOn: '2025-01-01' })).body;
    const res = await other.client.delete(`/api/diary/${entry.id}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
    expect((await app.client().get(`/api/users/${owner.session.user.handle}/diary`)).body.items.map((e: { id: string }) => e.id)).toEqual([entry.id]);
  });
});
