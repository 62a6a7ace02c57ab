import { useTestApp, type TestClient } from '../../testing/test-app';
import { follow, makeAlbum, registerUser, unfollow } from '../../testing/factories';
import { jobsSettled } from '../../testing/jobs-settled';

const app = useTestApp({ worker: true });

const knex = () => app.container.knex;

async function reviewBy(client: TestClient, body = 'A review worth discussing') {
  const album = await makeAlbum(knex(), { title: 'Kid A' });
  const res = await client.post(`/api/albums/${album.id}/reviews`, { body });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

async function reviewNotifications(client: TestClient) {
  await jobsSettled(app, ['notifications']);
  const res = await client.get('/api/notifications?limit=100').expect(200);
  return (res.body.items as { type: string; title: string; body: string; link: string }[]).filter((n) => n.type.startsWith('review_'));
}

describe('likes', () => {
  it('when a user likes twice, then there is one like; unliking twice leaves none', async () => {
    const author = await registerUser(app);
    const fan = await registerUser(app);
    const review = await reviewBy(author.client);
    expect((await fan.client.send('put', `/api/reviews/${review.id}/like`)).body).toEqual({ liked: true, likeCount: 1 });
    expect((await fan.client.send('put', `/api/reviews/${review.id}/like`)).body).toEqual({ liked: true, likeCount: 1 });
    expect(await knex()('review_likes').where({ review_id: review.id })).toHaveLength(1);
    expect((await fan.client.get(`/api/reviews/${review.id}`)).body).toMatchObject({ likeCount: 1, likedByViewer: true });
    expect((await fan.client.delete(`/api/reviews/${review.id}/like`)).body).toEqual({ liked: false, likeCount: 0 });
    expect((await fan.client.delete(`/api/reviews/${review.id}/like`)).body).toEqual({ liked: false, likeCount: 0 });
  });

  it('when many users like at once, then the count equals the likes stored', async () => {
    const author = await registerUser(app);
    const review = await reviewBy(author.client);
    const fans = [];
    for (let i = 0; i < 12; i++) fans.push(await registerUser(app));
    await Promise.all(fans.flatMap((f) => [f.client.send('put', `/api/reviews/${review.id}/like`), f.client.send('put', `/api/reviews/${review.id}/like`)]));
    expect((await app.client().get(`/api/reviews/${review.id}`)).body.likeCount).toBe(12);
  });

  it('when the author likes their own review, then it answers 403 own_review and nothing is stored', async () => {
    const author = await registerUser(app);
    const review = await reviewBy(author.client);
    const res = await author.client.send('put', `/api/reviews/${review.id}/like`);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('own_review');
    expect(await knex()('review_likes').where({ review_id: review.id })).toEqual([]);
  });

  it('when the review does not exist or the caller is signed out, then it answers 404 or 401', async () => {
    const fan = await registerUser(app);
    expect((await fan.client.send('put', '/api/reviews/987654321/like')).status).toBe(404);
    expect((await fan.client.delete('/api/reviews/987654321/like')).status).toBe(404);
    const author = await registerUser(app);
    const review = await reviewBy(author.client);
    expect((await app.client().send('put', `/api/reviews/${review.id}/like`)).status).toBe(401);
  });
});

describe('taking back a like of a review one no longer sees', () => {
  it('when a follower who liked a followers-only review unfollows, then the review is missing to them but their like can still be withdrawn; someone who never liked it hears 404', async () => {
    const author = await registerUser(app);
    const fan = await registerUser(app);
    const stranger = await registerUser(app);
    const [authorId, fanId] = [author.session.user.id, fan.session.user.id];
    await follow(app, fanId, authorId);
    const album = await makeAlbum(knex());
    const created = await author.client.post(`/api/albums/${album.id}/reviews`, { body: 'For the ones who follow', visibility: 'followers' });
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    expect((await fan.client.send('put', `/api/reviews/${id}/like`)).body).toEqual({ liked: true, likeCount: 1 });

    await unfollow(app, fanId, authorId);
    expect((await fan.client.get(`/api/reviews/${id}`)).status).toBe(404);
    expect((await fan.client.send('put', `/api/reviews/${id}/like`)).status).toBe(404);
    expect((await fan.client.send('delete', `/api/reviews/${id}/like`)).body).toEqual({ liked: false, likeCount: 0 });
    expect(await knex()('review_likes').where({ review_id: id })).toHaveLength(0);
    // Gone now, the like cannot be withdrawn twice, and the review stays missing to them.
    expect((await fan.client.send('delete', `/api/reviews/${id}/like`)).status).toBe(404);
    const probe = await stranger.client.send('delete', `/api/reviews/${id}/like`);
    expect(probe.status).toBe(404);
    expect(probe.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(((await author.client.get(`/api/reviews/${id}`)).body as { likeCount: number }).likeCount).toBe(0);
  });
});

describe('comments', () => {
  it('when comments are posted, then they list oldest first across pages with canDelete for the viewer', async () => {
    const author = await registerUser(app);
    const fan = await registerUser(app);
    const review = await reviewBy(author.client);
    const posted: string[] = [];
    for (const [i, who] of [fan, author, fan, fan, author].entries()) {
      const res = await who.client.post(`/api/reviews/${review.id}/comments`, { body: `Comment ${i} 💬` });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ reviewId: review.id, body: `Comment ${i} 💬`, canDelete: true });
      posted.push(res.body.id);
    }
    const seen: { id: string; canDelete: boolean; author: { id: string } }[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: typeof seen; nextCursor: string | null } } = await fan.client
        .get(`/api/reviews/${review.id}/comments?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.map((c) => c.id)).toEqual(posted);
    expect(seen.map((c) => c.canDelete)).toEqual(seen.map((c) => c.author.id === fan.session.user.id));
    const detail = await author.client.get(`/api/reviews/${review.id}`).expect(200);
    expect(detail.body.commentCount).toBe(5);
    expect(detail.body.comments.items.map((c: { id: string }) => c.id)).toEqual(posted);
    expect(detail.body.comments.items.every((c: { canDelete: boolean }) => c.canDelete)).toBe(true);
  });

  it('when a comment is 2,000 characters, then it is accepted; 2,001, empty or blank answer 400', async () => {
    const author = await registerUser(app);
    const review = await reviewBy(author.client);
    expect((await author.client.post(`/api/reviews/${review.id}/comments`, { body: 'c'.repeat(2000) })).status).toBe(201);
    for (const body of ['c'.repeat(2001), '', '  \n ', 17, null]) {
      const res = await author.client.post(`/api/reviews/${review.id}/comments`, { body });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'body' })]);
    }
    expect(await knex()('review_comments').where({ review_id: review.id })).toHaveLength(1);
  });

  it('when commenting on a deleted review, then it answers 404', async () => {
    const author = await registerUser(app);
    const fan = await registerUser(app);
    const review = await reviewBy(author.client);
    await author.client.delete(`/api/reviews/${review.id}`).then((r) => expect(r.status).toBe(204));
    const res = await fan.client.post(`/api/reviews/${review.id}/comments`, { body: 'Too late' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
    expect((await app.client().get(`/api/reviews/${review.id}/comments`)).status).toBe(404);
  });

  it('when a stranger deletes a comment, then it answers 403 and it stays; its author and the review author may delete', async () => {
    const author = await registerUser(app);
    const commenter = await registerUser(app);
    const stranger = await registerUser(app);
    const review = await reviewBy(author.client);
    const first = (await commenter.client.post(`/api/reviews/${review.id}/comments`, { body: 'First' })).body;
    const second = (await commenter.client.post(`/api/reviews/${review.id}/comments`, { body: 'Second' })).body;
    const denied = await stranger.client.delete(`/api/comments/${first.id}`);
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('not_allowed');
    expect((await commenter.client.delete(`/api/comments/${first.id}`)).status).toBe(204);
    expect((await author.client.delete(`/api/comments/${second.id}`)).status).toBe(204);
    expect((await author.client.delete(`/api/comments/${second.id}`)).status).toBe(404);
    const detail = await app.client().get(`/api/reviews/${review.id}`).expect(200);
    expect(detail.body).toMatchObject({ commentCount: 0, comments: { items: [], nextCursor: null } });
  });

  it('when someone who may not see a followers-only review tries to delete a comment on it, then it answers 404 like a missing comment, not 403', async () => {
    const author = await registerUser(app);
    const fan = await registerUser(app);
    const stranger = await registerUser(app);
    await follow(app, fan.session.user.id, author.session.user.id);
    const album = await makeAlbum(knex());
    const created = await author.client.post(`/api/albums/${album.id}/reviews`, { body: 'For the ones who follow', visibility: 'followers' });
    const comment = (await fan.client.post(`/api/reviews/${created.body.id}/comments`, { body: 'Seen it' })).body;
    const probe = await stranger.client.delete(`/api/comments/${comment.id}`);
    const missing = await stranger.client.delete('/api/comments/999999999');
    expect({ status: probe.status, code: probe.body.code }).toEqual({ status: missing.status, code: missing.body.code });
    expect(probe.status).toBe(404);
    expect(await knex()('review_comments').where({ id: comment.id })).toHaveLength(1);
  });
});

describe('notifications to the review author', () => {
  it('when a review is liked, then its author is notified once even after unlike and like again, and the liker is not', async () => {
    const author = await registerUser(app, { displayName: 'Ana' });
    const fan = await registerUser(app, { displayName: 'Bo 🎸' });
    const review = await reviewBy(author.client);
    await fan.client.send('put', `/api/reviews/${review.id}/like`);
    await jobsSettled(app, ['notifications']);
    await fan.client.delete(`/api/reviews/${review.id}/like`);
    await fan.client.send('put', `/api/reviews/${review.id}/like`);
    const got = await reviewNotifications(author.client);
    expect(got).toEqual([expect.objectContaining({ type: 'review_liked', title: 'Bo 🎸 liked your review of Kid A', link: `/reviews/${review.id}` })]);
    expect(await reviewNotifications(fan.client)).toEqual([]);
  });

  it('when a like is withdrawn before the job runs, then no notification is sent', async () => {
    const author = await registerUser(app);
    const fan = await registerUser(app);
    const review = await reviewBy(author.client);
    const queue = app.container.queues.byName.notifications;
    await jobsSettled(app, ['notifications']);
    await queue.pause();
    try {
      await fan.client.send('put', `/api/reviews/${review.id}/like`);
      await fan.client.delete(`/api/reviews/${review.id}/like`);
      expect(await queue.count()).toBe(1);
    } finally {
      await queue.resume();
    }
    expect(await reviewNotifications(author.client)).toEqual([]);
  });

  it('when someone comments, then the author gets the comment’s excerpt; the author’s own comments notify nobody', async () => {
    const author = await registerUser(app);
    const fan = await registerUser(app, { displayName: 'Cy' });
    const review = await reviewBy(author.client);
    const long = `${'🎶'.repeat(199)}ab${'z'.repeat(50)}`;
    await fan.client.post(`/api/reviews/${review.id}/comments`, { body: long });
    await author.client.post(`/api/reviews/${review.id}/comments`, { body: 'Thanks!' });
    const got = await reviewNotifications(author.client);
    expect(got).toEqual([expect.objectContaining({ type: 'review_commented', title: 'Cy commented on your review of Kid A', link: `/reviews/${review.id}` })]);
    // Cut by characters, so the emoji survive whole.
    expect(got[0]!.body).toBe(`${'🎶'.repeat(199)}a…`);
    expect(await reviewNotifications(fan.client)).toEqual([]);
  });
});
