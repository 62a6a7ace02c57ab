import { useTestApp, type TestClient } from '../../testing/test-app';
import { makeAlbum, registerUser } from '../../testing/factories';

const app = useTestApp();

const knex = () => app.container.knex;
const write = (client: TestClient, albumId: string, body: unknown) => client.post(`/api/albums/${albumId}/reviews`, body);

describe('POST /api/albums/:id/reviews', () => {
  it('when a review carries a rating and a date, then the rating becomes current and a linked diary entry is logged', async () => {
    const { client, session } = await registerUser(app);
    const album = await makeAlbum(knex(), { title: 'OK Computer' });
    const res = await write(client, album.id, { body: 'Paranoid and beautiful.', rating: 4.5, listenedOn: '2025-06-01' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      album: { id: album.id, title: 'OK Computer' },
      author: { id: session.user.id, handle: session.user.handle },
      body: 'Paranoid and beautiful.',
      rating: 4.5,
      listenedOn: '2025-06-01',
      isRelisten: false,
      likeCount: 0,
      commentCount: 0,
      likedByViewer: false,
    });
    const page = await client.get(`/api/albums/${album.id}`).expect(200);
    expect(page.body.viewer).toMatchObject({ rating: 4.5, reviewId: res.body.id });
    expect(page.body.viewer.diary).toEqual([expect.objectContaining({ listenedOn: '2025-06-01', rating: 4.5, reviewId: res.body.id })]);
    expect(page.body.stats.count).toBe(1);
    expect(page.body.topReviews.map((r: { id: string }) => r.id)).toEqual([res.body.id]);
  });

  it('when a review has no rating or date, then no rating and no diary entry are written', async () => {
    const { client, session } = await registerUser(app);
    const album = await makeAlbum(knex());
    expect((await write(client, album.id, { body: 'Just words.' })).status).toBe(201);
    expect(await knex()('album_ratings').where({ user_id: session.user.id })).toEqual([]);
    expect(await knex()('diary_entries').where({ user_id: session.user.id })).toEqual([]);
  });

  it('when the body is 10,000 characters, then it is accepted; at 10,001 it answers 400 and stores nothing', async () => {
    const { client, session } = await registerUser(app);
    const album = await makeAlbum(knex());
    const tooLong = await write(client, album.id, { body: 'x'.repeat(10_001), rating: 3 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ path: 'body' })]);
    expect(await knex()('album_ratings').where({ user_id: session.user.id })).toEqual([]);
    const longest = await write(client, album.id, { body: 'y'.repeat(10_000) });
    expect(longest.status).toBe(201);
    expect(longest.body.body).toHaveLength(10_000);
  });

  it.each([
    ['an empty body', { body: '' }],
    ['a whitespace body', { body: '   \n\t ' }],
    ['a numeric body', { body: 42 }],
    ['no body', { rating: 4 }],
    ['a bad rating', { body: 'ok', rating: 4.2 }],
    ['a string rating', { body: 'ok', rating: '4' }],
    ['a future date', { body: 'ok', listenedOn: '2999-01-01' }],
    ['an impossible date', { body: 'ok', listenedOn: '2025-02-30' }],
    ['a non-boolean relisten', { body: 'ok', isRelisten: 'yes' }],
    ['a NUL character', { body: 'a\u0000b' }],
  ])('when the review has %s, then it answers 400 with field errors', async (_label, body) => {
    const { client } = await registerUser(app);
    const album = await makeAlbum(knex());
    const res = await write(client, album.id, body);
    expect(res.status).toBe(400);
    expect(res.body.errors.length).toBeGreaterThan(0);
    expect(await knex()('reviews').where({ album_id: album.id })).toEqual([]);
  });

  it('when unicode and emoji are written, then they come back exactly', async () => {
    const { client } = await registerUser(app);
    const album = await makeAlbum(knex(), { title: 'Homogenic', artist: 'Björk' });
    const body = 'Björk 🎧🔥 — «Jóga» عربي 日本語 e\u0301 👩🏽‍🎤\n\nSecond paragraph.';
    const created = await write(client, album.id, { body });
    expect(created.status).toBe(201);
    const fetched = await app.client().get(`/api/reviews/${created.body.id}`).expect(200);
    expect(fetched.body.body).toBe(body);
    expect(fetched.body.album.artistCredit).toBe('Björk');
  });

  it('when the album does not exist, then it answers 404 and stores nothing', async () => {
    const { client, session } = await registerUser(app);
    const res = await write(client, '987654321', { body: 'Ghost album', rating: 4, listenedOn: '2025-01-01' });
    expect(res.status).toBe(404);
    expect(await knex()('reviews').where({ user_id: session.user.id })).toEqual([]);
  });

  it('when signed out, then it answers 401', async () => {
    const album = await makeAlbum(knex());
    expect((await write(app.client(), album.id, { body: 'anon' })).status).toBe(401);
  });
});

describe('editing and deleting reviews', () => {
  it('when someone else edits or deletes a review, then it answers 403 not_author and the review is unchanged', async () => {
    const author = await registerUser(app);
    const intruder = await registerUser(app);
    const album = await makeAlbum(knex());
    const review = (await write(author.client, album.id, { body: 'Original', rating: 4 })).body;
    const edit = await intruder.client.send('patch', `/api/reviews/${review.id}`, { body: 'Defaced', rating: 0.5 });
    expect(edit.status).toBe(403);
    expect(edit.body.code).toBe('not_author');
    const del = await intruder.client.delete(`/api/reviews/${review.id}`);
    expect(del.status).toBe(403);
    expect(del.body.code).toBe('not_author');
    const after = await app.client().get(`/api/reviews/${review.id}`).expect(200);
    expect(after.body).toMatchObject({ body: 'Original', rating: 4 });
    expect(await knex()('album_ratings').where({ user_id: intruder.session.user.id })).toEqual([]);
  });

  it('when the review does not exist, then edit and delete answer 404', async () => {
    const { client } = await registerUser(app);
    expect((await client.send('patch', '/api/reviews/987654321', { body: 'x' })).status).toBe(404);
    expect((await client.delete('/api/reviews/987654321')).status).toBe(404);
  });

  it('when the author edits body, rating and date, then the review, current rating and diary entry follow', async () => {
    const { client } = await registerUser(app);
    const album = await makeAlbum(knex());
    const review = (await write(client, album.id, { body: 'First take', rating: 3, listenedOn: '2025-01-01' })).body;
    const res = await client.send('patch', `/api/reviews/${review.id}`, { body: 'Second take ✨', rating: 4, listenedOn: '2025-02-02', isRelisten: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ body: 'Second take ✨', rating: 4, listenedOn: '2025-02-02', isRelisten: true });
    const page = await client.get(`/api/albums/${album.id}`).expect(200);
    expect(page.body.viewer.rating).toBe(4);
    expect(page.body.viewer.diary).toEqual([expect.objectContaining({ listenedOn: '2025-02-02', rating: 4, isRelisten: true, reviewId: review.id })]);
  });

  it('when the author clears the date, then the linked diary entry goes; setting one again logs a new entry', async () => {
    const { client } = await registerUser(app);
    const album = await makeAlbum(knex());
    const review = (await write(client, album.id, { body: 'Dated', listenedOn: '2025-01-01' })).body;
    await client.send('patch', `/api/reviews/${review.id}`, { listenedOn: null }).then((r) => expect(r.status).toBe(200));
    expect((await client.get(`/api/albums/${album.id}`)).body.viewer.diary).toEqual([]);
    await client.send('patch', `/api/reviews/${review.id}`, { listenedOn: '2025-03-03' });
    expect((await client.get(`/api/albums/${album.id}`)).body.viewer.diary).toEqual([
      expect.objectContaining({ listenedOn: '2025-03-03', reviewId: review.id }),
    ]);
  });

  it('when an edit is empty or invalid, then it answers 400 and changes nothing', async () => {
    const { client } = await registerUser(app);
    const album = await makeAlbum(knex());
    const review = (await write(client, album.id, { body: 'Keep me' })).body;
    expect((await client.send('patch', `/api/reviews/${review.id}`, {})).status).toBe(400);
    expect((await client.send('patch', `/api/reviews/${review.id}`, { body: 'z'.repeat(10_001) })).status).toBe(400);
    expect((await client.send('patch', `/api/reviews/${review.id}`, { body: 'ok\u0000' })).status).toBe(400);
    expect((await app.client().get(`/api/reviews/${review.id}`)).body.body).toBe('Keep me');
  });

  it('when the author deletes a review, then its likes and comments go and its diary entry stays as a plain listen', async () => {
    const author = await registerUser(app);
    const fan = await registerUser(app);
    const album = await makeAlbum(knex());
    const review = (await write(author.client, album.id, { body: 'Short-lived', rating: 2, listenedOn: '2025-01-05' })).body;
    await fan.client.send('put', `/api/reviews/${review.id}/like`);
    await fan.client.post(`/api/reviews/${review.id}/comments`, { body: 'Nice' });
    expect((await author.client.delete(`/api/reviews/${review.id}`)).status).toBe(204);
    expect((await app.client().get(`/api/reviews/${review.id}`)).status).toBe(404);
    expect(await knex()('review_likes').where({ review_id: review.id })).toEqual([]);
    expect(await knex()('review_comments').where({ review_id: review.id })).toEqual([]);
    const page = await author.client.get(`/api/albums/${album.id}`).expect(200);
    expect(page.body.viewer).toMatchObject({ rating: 2, reviewId: null });
    expect(page.body.viewer.diary).toEqual([expect.objectContaining({ listenedOn: '2025-01-05', reviewId: null })]);
  });
});

describe('listing reviews', () => {
  async function albumWithReviews(likes: number[]) {
    const album = await makeAlbum(knex());
    const likers = await Promise.all(Array.from({ length: Math.max(0, ...likes) }, () => registerUser(app)));
    const ids: string[] = [];
    for (const [i, n] of likes.entries()) {
      const { client } = await registerUser(app);
      const id = (await write(client, album.id, { body: `Review ${i}` })).body.id as string;
      ids.push(id);
      for (const liker of likers.slice(0, n)) await liker.client.send('put', `/api/reviews/${id}/like`);
    }
    return { album, ids };
  }

  async function walk(client: TestClient, path: string, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await client.get(
        `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      seen.push(...res.body.items.map((r) => r.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    return seen;
  }

  it('when sorted by popularity, then the most liked come first and ties go to the newest', async () => {
    const { album, ids } = await albumWithReviews([1, 3, 0, 3, 2]);
    const res = await app.client().get(`/api/albums/${album.id}/reviews?sort=popular`).expect(200);
    expect(res.body.items.map((r: { id: string }) => r.id)).toEqual([ids[3], ids[1], ids[4], ids[0], ids[2]]);
    expect(res.body.items.map((r: { likeCount: number }) => r.likeCount)).toEqual([3, 3, 2, 1, 0]);
  });

  it('when paging either order two at a time, then every review appears exactly once in order', async () => {
    const { album, ids } = await albumWithReviews([2, 0, 2, 1, 0, 0, 1]);
    const viewer = app.client();
    const popular = await walk(viewer, `/api/albums/${album.id}/reviews?sort=popular`, 2);
    const all = (await viewer.get(`/api/albums/${album.id}/reviews?sort=popular&limit=50`)).body.items.map((r: { id: string }) => r.id);
    expect(popular).toEqual(all);
    expect([...popular].sort()).toEqual([...ids].sort());
    expect(await walk(viewer, `/api/albums/${album.id}/reviews?sort=recent`, 3)).toEqual([...ids].reverse());
  });

  it('when a cursor is forged, malformed or from the other order, then it answers 400 invalid_cursor', async () => {
    const { album } = await albumWithReviews([0, 0, 0]);
    const recent = await app.client().get(`/api/albums/${album.id}/reviews?sort=recent&limit=1`).expect(200);
    const forged = Buffer.from(JSON.stringify(['reviews.recent', "2025-01-01 00:00:00.000000'; DROP TABLE reviews;--", '1'])).toString('base64url');
    for (const cursor of [
      'garbage',
      recent.body.nextCursor,
      forged,
      Buffer.from('["reviews.recent","2025-02-30 00:00:00.000000","1"]').toString('base64url'),
    ]) {
      const sort = cursor === recent.body.nextCursor ? 'popular' : 'recent';
      const res = await app.client().get(`/api/albums/${album.id}/reviews?sort=${sort}&cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('invalid_cursor');
    }
  });

  it.each([['sort=best'], ['limit=0'], ['limit=51'], ['limit=abc']])('when the query is %s, then it answers 400', async (query) => {
    const album = await makeAlbum(knex());
    expect((await app.client().get(`/api/albums/${album.id}/reviews?${query}`)).status).toBe(400);
  });

  it('when an album has rating-only diary entries, then they do not appear among its reviews', async () => {
    const { client } = await registerUser(app);
    const album = await makeAlbum(knex());
    await client.post('/api/diary', { albumId: album.id, listenedOn: '2025-01-01', rating: 4 }).then((r) => expect(r.status).toBe(201));
    await app.client().get(`/api/albums/${album.id}/reviews`).expect(200, { items: [], nextCursor: null });
  });

  it('when the album does not exist, then the list answers 404', async () => {
    expect((await app.client().get('/api/albums/987654321/reviews')).status).toBe(404);
  });

  it('when listing a user’s reviews, then only theirs appear, newest first, with likedByViewer for the viewer', async () => {
    const author = await registerUser(app);
    const fan = await registerUser(app);
    const albums = await Promise.all([makeAlbum(knex()), makeAlbum(knex())]);
    const first = (await write(author.client, albums[0]!.id, { body: 'One' })).body;
    const second = (await write(author.client, albums[1]!.id, { body: 'Two' })).body;
    await write(fan.client, albums[0]!.id, { body: 'Not theirs' });
    await fan.client.send('put', `/api/reviews/${first.id}/like`);
    const res = await fan.client.get(`/api/users/${author.session.user.handle.toUpperCase()}/reviews`).expect(200);
    expect(res.body.items.map((r: { id: string; likedByViewer: boolean }) => [r.id, r.likedByViewer])).toEqual([
      [second.id, false],
      [first.id, true],
    ]);
    expect((await app.client().get('/api/users/nobody_here_123/reviews')).status).toBe(404);
    expect((await app.client().get('/api/users/x/reviews')).status).toBe(400);
  });
});
