import type { FeedItem, FeedPage } from '@muse/shared';
import { useTestApp } from '../../testing/test-app';
import { block, follow, makeAlbum, registerPerson, setPrivacy, type TestPerson } from '../../testing/factories';
import { jobsSettled } from '../../testing/jobs-settled';
import { clockAhead } from '../../testing/clock-ahead';
import { ACTIVITY_ALBUMS_TTL_MS } from './activity-lookups.read-model';

const app = useTestApp({ worker: true });

type Person = TestPerson;

const person = () => registerPerson(app);

async function feedOf(p: Person, query = 'limit=50'): Promise<FeedPage> {
  await jobsSettled(app, ['feed']);
  const res = await p.client.get(`/api/feed?${query}`).expect(200);
  return res.body as FeedPage;
}

const activities = (page: FeedPage) => page.items.flatMap((i: FeedItem) => i.activities);

async function review(p: Person, albumId: string, body = 'Great record', extra: Record<string, unknown> = {}): Promise<string> {
  const res = await p.client.post(`/api/albums/${albumId}/reviews`, { body, ...extra });
  expect(res.status).toBe(201);
  return String(res.body.id);
}

/** Hides a review as an administrator does: a report, resolved with "hide". */
async function hideByModeration(reviewId: string, reporter: Person, moderator: Person): Promise<void> {
  const { moderation } = app.container.services;
  const filed = await moderation.report(reporter.id, { targetType: 'review', targetId: reviewId, reason: 'Spam' });
  await moderation.resolve(moderator.id, filed.id, { action: 'hide', note: '' });
}

async function listen(p: Person, albumId: string, listenedOn = '2026-11-20'): Promise<void> {
  const res = await p.client.post('/api/diary', { albumId, listenedOn });
  expect(res.status).toBe(201);
}

describe('GET /api/feed', () => {
  it('when signed out, then it answers 401 problem+json', async () => {
    const res = await app.client().get('/api/feed').expect(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('when the viewer follows nobody, then the feed is empty and has no next page', async () => {
    const v = await person();
    const a = await person();
    await review(a, (await makeAlbum(app.container.knex)).id);
    expect(await feedOf(v)).toEqual({ items: [], nextCursor: null });
  });

  it('when a followee reviews and likes, then the follower sees both with album, excerpt and actor', async () => {
    const [v, a, b] = [await person(), await person(), await person()];
    await follow(app, v.id, a.id);
    const album = await makeAlbum(app.container.knex, { title: 'Homogenic', artist: 'Björk' });
    const reviewId = await review(b, album.id, 'Jóga — 🎻 strings and beats', { rating: 4.5 });
    await review(a, album.id, 'Still a marvel', { rating: 5 });
    await a.client.send('put', `/api/reviews/${reviewId}/like`).then((r) => expect(r.status).toBe(200));
    const page = await feedOf(v);
    expect(page.items.map((i) => i.type)).toEqual(['liked_review', 'reviewed', 'rated']);
    const [liked, reviewed] = activities(page);
    expect(liked).toMatchObject({ actor: { id: a.id, handle: a.handle }, album: { id: album.id, title: 'Homogenic', artistCredit: 'Björk' } });
    expect(liked!.albumArtists).toEqual([{ id: album.artistId, name: 'Björk' }]);
    expect(liked!.review).toEqual({
      id: reviewId,
      excerpt: 'Jóga — 🎻 strings and beats',
      author: { id: b.id, handle: b.handle, displayName: b.displayName },
      listenNumber: 1,
    });
    expect(reviewed).toMatchObject({ type: 'reviewed', rating: 5, review: { excerpt: 'Still a marvel', author: { id: a.id } }, visibility: 'public' });
  });

  it('when a followee reviews an album after logging it twice, then the feed labels the review as after three listens, as its card does', async () => {
    const [v, a] = [await person(), await person()];
    await follow(app, v.id, a.id);
    const album = await makeAlbum(app.container.knex, { title: 'Vespertine' });
    for (const listenedOn of ['2024-01-01', '2024-02-01']) expect((await a.client.post('/api/diary', { albumId: album.id, listenedOn })).status).toBe(201);
    const reviewId = await review(a, album.id, 'It grew on me');
    const reviewed = activities(await feedOf(v)).find((x) => x.type === 'reviewed');
    expect(reviewed!.review).toMatchObject({ id: reviewId, listenNumber: 3 });
    expect((await v.client.get(`/api/reviews/${reviewId}`)).body.listenNumber).toBe(3);
  });

  it('when the actor chose followers-only or private, then a follower sees followers-only and never private, and a stranger sees nothing', async () => {
    const [v, a, stranger] = [await person(), await person(), await person()];
    await follow(app, v.id, a.id);
    const [pub, fol, priv] = [await makeAlbum(app.container.knex), await makeAlbum(app.container.knex), await makeAlbum(app.container.knex)];
    await review(a, pub.id, 'public take');
    await setPrivacy(app, a.id, { defaultVisibility: 'followers' });
    await review(a, fol.id, 'for followers');
    await setPrivacy(app, a.id, { defaultVisibility: 'private' });
    await review(a, priv.id, 'just for me');
    await listen(a, priv.id);
    const seen = activities(await feedOf(v));
    expect(seen.map((x) => x.album?.id)).toEqual([fol.id, pub.id]);
    expect(seen.map((x) => x.visibility)).toEqual(['followers', 'public']);
    expect(JSON.stringify(await feedOf(v))).not.toContain('just for me');
    expect((await feedOf(stranger)).items).toEqual([]);
  });

  it('when the author picks a visibility for one review or listen, then it overrides their default', async () => {
    const [v, a] = [await person(), await person()];
    await follow(app, v.id, a.id);
    const [kept, hidden, logged] = [await makeAlbum(app.container.knex), await makeAlbum(app.container.knex), await makeAlbum(app.container.knex)];
    await review(a, hidden.id, 'only mine', { visibility: 'private' });
    await setPrivacy(app, a.id, { defaultVisibility: 'private' });
    await review(a, kept.id, 'for my followers', { visibility: 'followers' });
    expect((await a.client.post('/api/diary', { albumId: logged.id, listenedOn: '2026-11-19', visibility: 'public' })).status).toBe(201);
    expect((await a.client.post('/api/diary', { albumId: logged.id, listenedOn: '2026-11-19', visibility: 'everyone' })).status).toBe(400);
    const seen = activities(await feedOf(v));
    expect(seen.map((x) => [x.type, x.album?.id, x.visibility])).toEqual([
      ['listened', logged.id, 'public'],
      ['reviewed', kept.id, 'followers'],
    ]);
  });

  it('when a followee rates with a followers-only or private default, then the rating shows as they chose, and a private listen’s rating does not leak', async () => {
    const [v, a] = [await person(), await person()];
    await follow(app, v.id, a.id);
    const [shown, secret, secretListen] = [await makeAlbum(app.container.knex), await makeAlbum(app.container.knex), await makeAlbum(app.container.knex)];
    await setPrivacy(app, a.id, { defaultVisibility: 'followers' });
    expect((await a.client.send('put', `/api/albums/${shown.id}/rating`, { rating: 3.5 })).status).toBe(200);
    await setPrivacy(app, a.id, { defaultVisibility: 'private' });
    expect((await a.client.send('put', `/api/albums/${secret.id}/rating`, { rating: 1 })).status).toBe(200);
    await setPrivacy(app, a.id, { defaultVisibility: 'public' });
    expect((await a.client.post('/api/diary', { albumId: secretListen.id, listenedOn: '2026-11-18', rating: 2, visibility: 'private' })).status).toBe(201);
    const seen = activities(await feedOf(v));
    expect(seen.map((x) => [x.type, x.album?.id, x.rating, x.visibility])).toEqual([['rated', shown.id, 3.5, 'followers']]);
  });

  it('when the followee blocks the viewer, then none of their activity stays in the viewer’s feed', async () => {
    const [v, a] = [await person(), await person()];
    await follow(app, v.id, a.id);
    await review(a, (await makeAlbum(app.container.knex)).id, 'before the block');
    expect(activities(await feedOf(v))).toHaveLength(1);
    await block(app, a.id, v.id);
    await review(a, (await makeAlbum(app.container.knex)).id, 'after the block');
    expect((await feedOf(v)).items).toEqual([]);
  });

  it('when a reviewed review is hidden by moderation, then its review, like and comment activities disappear', async () => {
    const [v, a, b] = [await person(), await person(), await person()];
    await follow(app, v.id, a.id);
    const album = await makeAlbum(app.container.knex);
    const reviewId = await review(b, album.id, 'contested take');
    await a.client.send('put', `/api/reviews/${reviewId}/like`);
    await a.client.post(`/api/reviews/${reviewId}/comments`, { body: 'hmm' });
    const before = activities(await feedOf(v));
    expect(before.map((x) => [x.type, x.review?.author.id])).toEqual([
      ['commented', b.id],
      ['liked_review', b.id],
    ]);
    await hideByModeration(reviewId, a, v);
    expect((await feedOf(v)).items).toEqual([]);
  });

  it('when an album is corrected in the catalog, then cards keep the kept album for at most a minute, while a hidden review leaves at once', async () => {
    const [v, a] = [await person(), await person()];
    await follow(app, v.id, a.id);
    const album = await makeAlbum(app.container.knex, { title: 'Debut (Rmaster)' });
    const reviewId = await review(a, album.id, 'Human Behaviour still stuns', { rating: 4 });
    const titles = async () => activities(await feedOf(v)).map((x) => x.album?.title);
    expect(await titles()).toEqual(['Debut (Rmaster)', 'Debut (Rmaster)']);
    await app.container.knex('albums').where({ id: album.id }).update({ title: 'Debut (Remaster)' });
    const clock = clockAhead();
    try {
      expect(await titles()).toEqual(['Debut (Rmaster)', 'Debut (Rmaster)']);
      clock.advance(ACTIVITY_ALBUMS_TTL_MS);
      expect(await titles()).toEqual(['Debut (Remaster)', 'Debut (Remaster)']);
      // What decides who may see an activity is never kept: hiding the review takes it away at once.
      await hideByModeration(reviewId, v, await person());
      expect(activities(await feedOf(v)).map((x) => x.type)).toEqual(['rated']);
    } finally {
      clock.restore();
    }
  });

  it('when a followee is suspended, then their activity leaves the feed', async () => {
    const [v, a] = [await person(), await person()];
    await follow(app, v.id, a.id);
    await review(a, (await makeAlbum(app.container.knex)).id);
    await app.container.knex('users').where({ id: a.id }).update({ suspended_at: new Date() });
    expect((await feedOf(v)).items).toEqual([]);
  });
});

describe('feed filters', () => {
  it('when the viewer mutes a user, an artist or an activity type, then matching activities are gone and the rest stay', async () => {
    const [v, a, b] = [await person(), await person(), await person()];
    await follow(app, v.id, a.id);
    await follow(app, v.id, b.id);
    const muted = await makeAlbum(app.container.knex, { artist: 'Muted Artist' });
    const kept = await makeAlbum(app.container.knex, { artist: 'Kept Artist' });
    await review(a, muted.id, 'about the muted artist');
    await review(a, kept.id, 'about the kept artist');
    await listen(a, kept.id);
    await review(b, kept.id, 'b says');
    expect(activities(await feedOf(v))).toHaveLength(4);

    expect((await v.client.post('/api/me/mutes', { kind: 'artist', target: muted.artistId })).status).toBe(201);
    expect(activities(await feedOf(v)).map((x) => x.album?.id)).not.toContain(muted.id);

    expect((await v.client.post('/api/me/mutes', { kind: 'user', target: b.handle })).status).toBe(201);
    expect(activities(await feedOf(v)).map((x) => x.actor.id)).toEqual([a.id, a.id]);

    expect((await v.client.post('/api/me/mutes', { kind: 'activity_type', target: 'listened' })).status).toBe(201);
    const left = activities(await feedOf(v));
    expect(left.map((x) => [x.type, x.review?.excerpt])).toEqual([['reviewed', 'about the kept artist']]);

    expect((await v.client.delete(`/api/me/mutes/user/${b.handle}`)).status).toBe(204);
    expect(activities(await feedOf(v)).map((x) => x.actor.id)).toEqual([b.id, a.id]);
  });

  it('when an album credits several artists, then each item carries them once in credit order, and muting the second one hides it', async () => {
    const [v, a] = [await person(), await person()];
    await follow(app, v.id, a.id);
    const { knex } = app.container;
    const duet = await makeAlbum(knex, { title: 'Duet', artist: 'Nico' });
    const solo = await makeAlbum(knex, { title: 'Solo', artist: 'Cale' });
    const [guest] = await knex('artists').insert({ name: 'John Cale' }).returning('id');
    const guestId = String(guest.id);
    await knex('album_artists').insert([
      { album_id: duet.id, position: 2, artist_id: guestId, credited_name: 'Cale', join_phrase: ' & ' },
      // The same artist credited twice (say, as a featured guest) is offered once.
      { album_id: duet.id, position: 3, artist_id: duet.artistId, credited_name: 'Nico' },
    ]);
    await review(a, solo.id, 'solo take');
    await review(a, duet.id, 'duet take');
    const page = await feedOf(v);
    expect(activities(page).map((x) => [x.album?.title, x.albumArtists])).toEqual([
      [
        'Duet',
        [
          { id: duet.artistId, name: 'Nico' },
          { id: guestId, name: 'John Cale' },
        ],
      ],
      ['Solo', [{ id: solo.artistId, name: 'Cale' }]],
    ]);

    expect((await v.client.post('/api/me/mutes', { kind: 'artist', target: guestId })).body).toEqual({ kind: 'artist', target: guestId, label: 'John Cale' });
    expect(activities(await feedOf(v)).map((x) => x.review?.excerpt)).toEqual(['solo take']);
  });

  it('when a followee follows someone, then the item has no album and no album artists', async () => {
    const [v, a, b] = [await person(), await person(), await person()];
    await follow(app, v.id, a.id);
    expect((await a.client.send('put', `/api/users/${b.handle}/follow`)).status).toBeLessThan(300);
    const [followed] = activities(await feedOf(v));
    expect(followed).toMatchObject({ type: 'followed', album: null, albumArtists: [], targetUser: { id: b.id } });
  });

  it('when the viewer hides takes on albums they have not logged, then only takes on albums they rated or logged remain', async () => {
    const [v, a] = [await person(), await person()];
    await follow(app, v.id, a.id);
    const [rated, logged, unknown] = [await makeAlbum(app.container.knex), await makeAlbum(app.container.knex), await makeAlbum(app.container.knex)];
    await v.client.send('put', `/api/albums/${rated.id}/rating`, { rating: 3 });
    await listen(v, logged.id);
    for (const album of [rated, logged, unknown]) await review(a, album.id, `take on ${album.id}`);
    expect(activities(await feedOf(v))).toHaveLength(3);
    await setPrivacy(app, v.id, { hideUnloggedTakes: true });
    expect(
      activities(await feedOf(v))
        .map((x) => x.album?.id)
        .sort(),
    ).toEqual([rated.id, logged.id].sort());
  });
});

describe('grouping and paging', () => {
  async function appendAt(actorId: string, type: string, albumId: string, at: Date) {
    return app.container.docs.activity.append({ actorId, type, subject: { kind: 'album', id: albumId }, data: { rating: 4 }, createdAt: at });
  }

  it('when one followee logs several listens within hours, then they show as one item, split where the gap is too long', async () => {
    const [v, a] = [await person(), await person()];
    await follow(app, v.id, a.id);
    const album = await makeAlbum(app.container.knex);
    const now = Date.now();
    const ids = [];
    for (const hoursAgo of [20, 3, 2, 1]) ids.push((await appendAt(a.id, 'listened', album.id, new Date(now - hoursAgo * 3600_000))).id);
    const page = await feedOf(v);
    expect(page.items.map((i) => i.activities.map((x) => x.id))).toEqual([[ids[3], ids[2], ids[1]], [ids[0]]]);
    expect(page.items[0]!.id).toBe(ids[3]);
  });

  it('when paging with a small limit, then every activity comes exactly once, newest first', async () => {
    const [v, a, b] = [await person(), await person(), await person()];
    await follow(app, v.id, a.id);
    await follow(app, v.id, b.id);
    const album = await makeAlbum(app.container.knex);
    const base = Date.now() - 3600_000;
    const written: string[] = [];
    // Alternating actors so nothing groups; equal times for pairs test the tie order.
    for (let i = 0; i < 23; i++) written.push((await appendAt(i % 2 ? a.id : b.id, 'rated', album.id, new Date(base + Math.floor(i / 2) * 1000))).id);
    const expected = [...written].sort().reverse();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: FeedPage = await feedOf(v, `limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...activities(page).map((x) => x.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(seen).toEqual(expected);
  });

  it('when the cursor or limit is malformed, then it answers 400 with the field named', async () => {
    const v = await person();
    for (const query of [
      'cursor=garbage',
      'cursor=' + Buffer.from('feed:1 OR 1=1').toString('base64url'),
      'limit=0',
      'limit=51',
      'limit=abc',
      `cursor=${'x'.repeat(300)}`,
    ]) {
      const res = await v.client.get(`/api/feed?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toMatch(/cursor|limit/);
    }
  });
});

describe('kept pages', () => {
  // A page is kept until someone it depends on changes; each test reads the feed first, so the
  // second read would serve the kept page if the change were not marked.
  it('when the author makes a review private after a follower read it, then the follower’s next read no longer shows it', async () => {
    const [v, a] = [await person(), await person()];
    await follow(app, v.id, a.id);
    const reviewId = await review(a, (await makeAlbum(app.container.knex)).id, 'soon private');
    expect(activities(await feedOf(v)).map((x) => x.review?.excerpt)).toEqual(['soon private']);
    expect((await a.client.send('patch', `/api/reviews/${reviewId}`, { visibility: 'private' })).status).toBe(200);
    expect((await feedOf(v)).items).toEqual([]);
  });

  it('when a private account approves the viewer’s request after the viewer read their feed, then its activity shows at once', async () => {
    const [v, owner] = [await person(), await person()];
    await setPrivacy(app, owner.id, { isPrivate: true });
    expect((await v.client.send('put', `/api/users/${owner.handle}/follow`)).body).toMatchObject({ status: 'requested' });
    await review(owner, (await makeAlbum(app.container.knex)).id, 'for followers');
    expect((await feedOf(v)).items).toEqual([]);
    expect((await owner.client.post(`/api/me/follow-requests/${v.handle}/approve`)).status).toBe(204);
    expect(activities(await feedOf(v)).map((x) => x.review?.excerpt)).toEqual(['for followers']);
  });

  it('when the followee blocks the viewer through the API, then the viewer’s next read drops them', async () => {
    const [v, a] = [await person(), await person()];
    await follow(app, v.id, a.id);
    await review(a, (await makeAlbum(app.container.knex)).id, 'before the block');
    expect(activities(await feedOf(v))).toHaveLength(1);
    expect((await a.client.send('put', `/api/users/${v.handle}/block`)).status).toBe(200);
    expect((await feedOf(v)).items).toEqual([]);
  });

  it('when an administrator lifts a suspension, then the account’s activity returns to a feed read during it', async () => {
    const [v, a, reporter, moderator] = [await person(), await person(), await person(), await person()];
    await follow(app, v.id, a.id);
    const albumId = (await makeAlbum(app.container.knex)).id;
    await review(a, albumId, 'kept review');
    const { moderation } = app.container.services;
    const other = await review(a, (await makeAlbum(app.container.knex)).id, 'reported one');
    const filed = await moderation.report(reporter.id, { targetType: 'review', targetId: other, reason: 'Spam' });
    await moderation.resolve(moderator.id, filed.id, { action: 'suspend_author', note: '' });
    expect((await feedOf(v)).items).toEqual([]);
    await moderation.unsuspend(moderator.id, a.id);
    expect(activities(await feedOf(v)).some((x) => x.review?.excerpt === 'kept review')).toBe(true);
  });
});
