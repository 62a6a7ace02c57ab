import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import type { Response } from 'superagent';
import type { ActivityView, FeedPage, Notification, ReviewView, TrackPage } from '@muse/shared';
import { useTestApp, type TestClient } from '../../testing/test-app';
import { follow, makeAlbum, registerPerson, type TestPerson } from '../../testing/factories';
import { jobsSettled } from '../../testing/jobs-settled';

/**
 * Reviews of tracks through the API: the same model as album reviews (likes, comments,
 * notifications, reports, feeds, exports), kept apart from the album's own reviews.
 * Visibility on every read path is in review-visibility.routes.test.ts, for both kinds.
 */

const ADMIN = 'track_review_admin';
const app = useTestApp({ worker: true, env: { ADMIN_HANDLES: ADMIN } });
const knex = () => app.container.knex;

const write = (client: TestClient, trackId: string, body: unknown) => client.post(`/api/tracks/${trackId}/reviews`, body);
const itemsOf = (res: { body: { items: ReviewView[] } }) => res.body.items.map((r) => r.id);
const activities = (page: FeedPage): ActivityView[] => page.items.flatMap((i) => i.activities);

async function trackReview(p: TestPerson, trackId: string, extra: Record<string, unknown> = {}): Promise<ReviewView> {
  const res = await write(p.client, trackId, { body: 'The bridge makes the whole song', ...extra });
  expect(res.status).toBe(201);
  return res.body as ReviewView;
}

function binary(res: Response, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('POST /api/tracks/:id/reviews', () => {
  it('when a track review carries a rating and a date, then the rating becomes the track rating, the album keeps none, and no diary entry is logged', async () => {
    const me = await registerPerson(app);
    const album = await makeAlbum(knex(), { title: 'Kid A', tracks: ['Everything in Its Right Place', 'Kid A', 'The National Anthem'] });
    const trackId = album.trackIds[2]!;
    const res = await write(me.client, trackId, { body: 'Horns from another planet.', rating: 4.5, listenedOn: '2025-06-01', isRelisten: true });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      album: { id: album.id, title: 'Kid A' },
      track: { id: trackId, title: 'The National Anthem' },
      author: { id: me.id },
      body: 'Horns from another planet.',
      rating: 4.5,
      listenedOn: '2025-06-01',
      isRelisten: true,
    });
    expect(await knex()('track_ratings').where({ user_id: me.id }).select('track_id', 'value')).toEqual([{ track_id: trackId, value: 9 }]);
    expect(await knex()('album_ratings').where({ user_id: me.id })).toEqual([]);
    expect(await knex()('diary_entries').where({ user_id: me.id })).toEqual([]);

    const page = (await me.client.get(`/api/tracks/${trackId}`).expect(200)).body as TrackPage;
    expect(page).toMatchObject({
      track: { id: trackId, title: 'The National Anthem', viewerRating: 4.5, stats: { count: 1, mean: 4.5 } },
      album: { id: album.id, title: 'Kid A' },
      viewer: { reviewId: res.body.id },
    });
  });

  it("when a track is reviewed, then it is on the track's list and never on the album's list, top reviews or the viewer's album review", async () => {
    const me = await registerPerson(app);
    const album = await makeAlbum(knex());
    const review = await trackReview(me, album.trackIds[0]!);
    expect(itemsOf(await app.client().get(`/api/tracks/${album.trackIds[0]}/reviews`).expect(200))).toEqual([review.id]);
    expect(itemsOf(await app.client().get(`/api/tracks/${album.trackIds[1]}/reviews`).expect(200))).toEqual([]);
    expect(itemsOf(await app.client().get(`/api/albums/${album.id}/reviews`).expect(200))).toEqual([]);
    const albumPage = await me.client.get(`/api/albums/${album.id}`).expect(200);
    expect(albumPage.body.topReviews).toEqual([]);
    expect(albumPage.body.viewer.reviewId).toBeNull();
    // The user's own list holds both kinds.
    const albumReview = await me.client.post(`/api/albums/${album.id}/reviews`, { body: 'The whole record' });
    expect(itemsOf(await app.client().get(`/api/users/${me.handle}/reviews`).expect(200))).toEqual([albumReview.body.id, review.id]);
  });

  it('when signed out, then writing answers 401; reading a track page signed out has no viewer part', async () => {
    const album = await makeAlbum(knex());
    expect((await write(app.client(), album.trackIds[0]!, { body: 'anonymous' })).status).toBe(401);
    const page = await app.client().get(`/api/tracks/${album.trackIds[0]}`).expect(200);
    expect(page.body.viewer).toBeNull();
    expect(page.body.track.viewerRating).toBeNull();
    expect(await knex()('reviews').where({ track_id: album.trackIds[0] })).toEqual([]);
  });

  it('when the track does not exist, then writing, listing and the page answer 404 and nothing is stored', async () => {
    const me = await registerPerson(app);
    for (const res of [
      await write(me.client, '987654321', { body: 'ghost', rating: 3 }),
      await app.client().get('/api/tracks/987654321/reviews'),
      await app.client().get('/api/tracks/987654321'),
    ]) {
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await knex()('track_ratings').where({ user_id: me.id })).toEqual([]);
  });

  it.each([
    ['an empty body', { body: '' }, 'body'],
    ['a whitespace body', { body: ' \n\t ' }, 'body'],
    ['a numeric body', { body: 42 }, 'body'],
    ['a body over 10,000 characters', { body: 'x'.repeat(10_001) }, 'body'],
    ['a bad rating', { body: 'ok', rating: 4.2 }, 'rating'],
    ['a string rating', { body: 'ok', rating: '4' }, 'rating'],
    ['six stars', { body: 'ok', rating: 6 }, 'rating'],
    ['a future date', { body: 'ok', listenedOn: '2999-01-01' }, 'listenedOn'],
    ['a bad visibility', { body: 'ok', visibility: 'everyone' }, 'visibility'],
  ])('when the input has %s, then it answers 400 naming the field and stores nothing', async (_name, body, field) => {
    const me = await registerPerson(app);
    const album = await makeAlbum(knex());
    const res = await write(me.client, album.trackIds[0]!, { rating: 3, ...body });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]));
    expect(await knex()('reviews').where({ user_id: me.id })).toEqual([]);
    expect(await knex()('track_ratings').where({ user_id: me.id })).toEqual([]);
  });

  it.each(['abc', '-1', '1.5', '99999999999999999999999'])('when the track id is %s, then it answers 400 naming id', async (id) => {
    const me = await registerPerson(app);
    const res = await write(me.client, id, { body: 'ok' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'id' })]);
    expect((await app.client().get(`/api/tracks/${id}/reviews`)).status).toBe(400);
  });

  it('when the body is unicode, then it comes back exactly', async () => {
    const me = await registerPerson(app);
    const album = await makeAlbum(knex());
    const body = 'Björk — "Jóga" ✨ 東京 🎻\nsecond line';
    expect((await trackReview(me, album.trackIds[0]!, { body })).body).toBe(body);
  });

  it('when the same user reviews one track twice at once, then both reviews stand and one current rating holds', async () => {
    const me = await registerPerson(app);
    const album = await makeAlbum(knex());
    const trackId = album.trackIds[0]!;
    const results = await Promise.all([write(me.client, trackId, { body: 'first', rating: 2 }), write(me.client, trackId, { body: 'second', rating: 4 })]);
    expect(results.map((r) => r.status)).toEqual([201, 201]);
    expect(await knex()('reviews').where({ track_id: trackId })).toHaveLength(2);
    expect((await knex()('track_rating_stats').where({ track_id: trackId }).first()).count).toBe(1);
  });
});

describe('editing and deleting a track review', () => {
  it('when the author changes the rating and date, then the track rating follows, the album rating does not, and no diary entry appears', async () => {
    const me = await registerPerson(app);
    const album = await makeAlbum(knex());
    const trackId = album.trackIds[1]!;
    const review = await trackReview(me, trackId, { rating: 2 });
    const res = await me.client.send('patch', `/api/reviews/${review.id}`, { rating: 5, listenedOn: '2025-01-02', body: 'I came round to it' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rating: 5, listenedOn: '2025-01-02', body: 'I came round to it', track: { id: trackId } });
    expect(await knex()('track_ratings').where({ user_id: me.id }).select('value')).toEqual([{ value: 10 }]);
    expect(await knex()('album_ratings').where({ user_id: me.id })).toEqual([]);
    expect(await knex()('diary_entries').where({ user_id: me.id })).toEqual([]);
  });

  it('when someone else edits or deletes it, then it answers 403 not_author and the review is unchanged', async () => {
    const [me, other] = [await registerPerson(app), await registerPerson(app)];
    const review = await trackReview(me, (await makeAlbum(knex())).trackIds[0]!);
    const edit = await other.client.send('patch', `/api/reviews/${review.id}`, { body: 'mine now' });
    const remove = await other.client.delete(`/api/reviews/${review.id}`);
    expect([edit.status, remove.status]).toEqual([403, 403]);
    expect(edit.body.code).toBe('not_author');
    expect((await knex()('reviews').where({ id: review.id }).first()).body).toBe(review.body);
  });

  it('when the author deletes it, then it leaves the track list and its likes and comments go with it', async () => {
    const [me, fan] = [await registerPerson(app), await registerPerson(app)];
    const trackId = (await makeAlbum(knex())).trackIds[0]!;
    const review = await trackReview(me, trackId);
    expect((await fan.client.send('put', `/api/reviews/${review.id}/like`)).status).toBe(200);
    expect((await fan.client.post(`/api/reviews/${review.id}/comments`, { body: 'agreed' })).status).toBe(201);
    expect((await me.client.delete(`/api/reviews/${review.id}`)).status).toBeLessThan(300);
    expect(itemsOf(await app.client().get(`/api/tracks/${trackId}/reviews`).expect(200))).toEqual([]);
    expect(await knex()('review_likes').where({ review_id: review.id })).toEqual([]);
    expect(await knex()('review_comments').where({ review_id: review.id })).toEqual([]);
  });

  it('when a track moves to another album, then its reviews move with it; when the track is deleted, they go', async () => {
    const me = await registerPerson(app);
    const [from, to] = [await makeAlbum(knex()), await makeAlbum(knex())];
    const trackId = from.trackIds[0]!;
    const review = await trackReview(me, trackId);
    await knex()('tracks').where({ id: trackId }).update({ album_id: to.id, position: 9 });
    expect((await app.client().get(`/api/reviews/${review.id}`).expect(200)).body.album.id).toBe(to.id);
    await knex()('tracks').where({ id: trackId }).delete();
    expect((await app.client().get(`/api/reviews/${review.id}`)).status).toBe(404);
  });

  it('when a review names a track of another album, then the database refuses it', async () => {
    const me = await registerPerson(app);
    const [a, b] = [await makeAlbum(knex()), await makeAlbum(knex())];
    await expect(knex()('reviews').insert({ user_id: me.id, album_id: a.id, track_id: b.trackIds[0], body: 'mismatch' })).rejects.toThrow(/reviews_track_fk/);
  });
});

describe('likes, comments, notifications and reports on a track review', () => {
  it('when a fan likes and comments, then the author is notified about the track by name', async () => {
    const [me, fan] = [await registerPerson(app), await registerPerson(app)];
    const album = await makeAlbum(knex(), { title: 'In Rainbows', tracks: ['15 Step', 'Bodysnatchers', 'Nude'] });
    const review = await trackReview(me, album.trackIds[2]!);
    expect((await fan.client.send('put', `/api/reviews/${review.id}/like`)).body).toEqual({ liked: true, likeCount: 1 });
    expect((await fan.client.post(`/api/reviews/${review.id}/comments`, { body: 'That falsetto' })).status).toBe(201);
    await jobsSettled(app, ['notifications']);
    const notes = ((await me.client.get('/api/notifications?limit=50').expect(200)).body.items as Notification[]).filter((n) => n.type.startsWith('review_'));
    expect(notes.map((n) => [n.type, n.title, n.link]).sort()).toEqual([
      ['review_commented', `${fan.displayName} commented on your review of Nude`, `/reviews/${review.id}`],
      ['review_liked', `${fan.displayName} liked your review of Nude`, `/reviews/${review.id}`],
    ]);
    expect((await fan.client.get(`/api/reviews/${review.id}`).expect(200)).body).toMatchObject({ likeCount: 1, commentCount: 1, likedByViewer: true });
  });

  it('when a track review is reported and an admin hides it, then it leaves the track list for everyone but stays readable to admins', async () => {
    const [me, reporter] = [await registerPerson(app), await registerPerson(app)];
    const admin = await registerPerson(app, { handle: ADMIN });
    const trackId = (await makeAlbum(knex())).trackIds[0]!;
    const review = await trackReview(me, trackId, { body: 'Buy followers at spam.example' });
    const filed = await reporter.client.post('/api/reports', { targetType: 'review', targetId: review.id, reason: 'Spam' });
    expect(filed.status).toBe(201);
    expect((await admin.client.post(`/api/admin/reports/${filed.body.id}/resolve`, { action: 'hide' })).status).toBe(200);
    expect(itemsOf(await reporter.client.get(`/api/tracks/${trackId}/reviews`).expect(200))).toEqual([]);
    expect((await reporter.client.get(`/api/reviews/${review.id}`)).status).toBe(404);
    expect((await admin.client.get(`/api/reviews/${review.id}`)).status).toBe(200);
    expect((await reporter.client.send('put', `/api/reviews/${review.id}/like`)).status).toBe(404);
  });

  it('when a stranger reports a private track review they cannot see, then it answers 404 as for a missing one', async () => {
    const [me, stranger] = [await registerPerson(app), await registerPerson(app)];
    const review = await trackReview(me, (await makeAlbum(knex())).trackIds[0]!, { visibility: 'private' });
    const res = await stranger.client.post('/api/reports', { targetType: 'review', targetId: review.id, reason: 'Spam' });
    expect(res.status).toBe(404);
  });
});

describe('track reviews and ratings in feeds and activity', () => {
  it("when a followee reviews and rates tracks, then the follower's feed and the profile activity show them with the track and its album", async () => {
    const [author, fan] = [await registerPerson(app), await registerPerson(app)];
    await follow(app, fan.id, author.id);
    const album = await makeAlbum(knex(), { title: 'Blue Lines', tracks: ['Safe from Harm', 'One Love', 'Unfinished Sympathy'] });
    const review = await trackReview(author, album.trackIds[2]!, { body: 'Strings that never end', rating: 5 });
    expect((await author.client.send('put', `/api/tracks/${album.trackIds[0]}/rating`, { rating: 3.5 })).status).toBe(200);
    await jobsSettled(app, ['feed']);

    const feed = activities((await fan.client.get('/api/feed?limit=50').expect(200)).body as FeedPage);
    const reviewed = feed.find((a) => a.type === 'reviewed');
    expect(reviewed).toMatchObject({
      review: { id: review.id },
      album: { id: album.id, title: 'Blue Lines' },
      track: { id: album.trackIds[2], title: 'Unfinished Sympathy' },
    });
    const rated = feed.filter((a) => a.type === 'rated').map((a) => [a.track?.title, a.album?.id, a.rating]);
    expect(rated).toEqual(
      expect.arrayContaining([
        ['Safe from Harm', album.id, 3.5],
        ['Unfinished Sympathy', album.id, 5],
      ]),
    );

    const profile = activities((await app.client().get(`/api/users/${author.handle}/activity?limit=50`).expect(200)).body as FeedPage);
    expect(profile.find((a) => a.type === 'reviewed')?.track?.id).toBe(album.trackIds[2]);
    expect(profile.some((a) => a.type === 'rated' && a.track?.id === album.trackIds[0])).toBe(true);
  });

  it("when a track rating is private or the track is gone, then nobody else's feed or activity page shows it", async () => {
    const [author, fan] = [await registerPerson(app), await registerPerson(app)];
    await follow(app, fan.id, author.id);
    const album = await makeAlbum(knex());
    await trackReview(author, album.trackIds[0]!, { body: 'only mine', rating: 4, visibility: 'private' });
    expect((await author.client.send('put', `/api/tracks/${album.trackIds[1]}/rating`, { rating: 2 })).status).toBe(200);
    await knex()('tracks').where({ id: album.trackIds[1] }).delete();
    await jobsSettled(app, ['feed']);
    const feed = activities((await fan.client.get('/api/feed?limit=50').expect(200)).body as FeedPage);
    expect(feed.filter((a) => a.album?.id === album.id)).toEqual([]);
    const profile = activities((await fan.client.get(`/api/users/${author.handle}/activity?limit=50`).expect(200)).body as FeedPage);
    expect(profile.filter((a) => a.album?.id === album.id)).toEqual([]);
  });

  it('when the follower mutes the artist or the rated type, then track ratings and reviews of it leave the feed', async () => {
    const [author, fan] = [await registerPerson(app), await registerPerson(app)];
    await follow(app, fan.id, author.id);
    const album = await makeAlbum(knex(), { artist: 'Muted For Tracks' });
    expect((await author.client.send('put', `/api/tracks/${album.trackIds[0]}/rating`, { rating: 4 })).status).toBe(200);
    await trackReview(author, album.trackIds[1]!);
    await jobsSettled(app, ['feed']);
    const ofAlbum = async () => activities((await fan.client.get('/api/feed?limit=50').expect(200)).body as FeedPage).filter((a) => a.album?.id === album.id);
    expect((await ofAlbum()).map((a) => a.type).sort()).toEqual(['rated', 'reviewed']);
    expect((await fan.client.post('/api/me/mutes', { kind: 'artist', target: album.artistId })).status).toBe(201);
    expect(await ofAlbum()).toEqual([]);
  });
});

describe('exporting track reviews', () => {
  it('when a user has reviewed a track, then reviews.csv and the JSON name the track, its ISRC and its album', async () => {
    const me = await registerPerson(app);
    const album = await makeAlbum(knex(), {
      title: 'Homogenic',
      tracks: [{ title: 'Jóga', isrc: 'GBAAA9700001', spotifyId: 'sp-joga-track' }, 'Bachelorette'],
    });
    await trackReview(me, album.trackIds[0]!, { body: 'Volcanic, "tender"', rating: 5 });
    await me.client.post(`/api/albums/${album.id}/reviews`, { body: 'The album as a whole' });
    const res = await me.client
      .get('/api/me/export')
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    const rows = parse(strFromU8(files['reviews.csv']!), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.item_type, r.album_title, r.track_title, r.isrc, r.track_spotify_id, r.stars, r.body])).toEqual([
      ['track', 'Homogenic', 'Jóga', 'GBAAA9700001', 'sp-joga-track', '5', 'Volcanic, "tender"'],
      ['album', 'Homogenic', '', '', '', '', 'The album as a whole'],
    ]);
    const json = JSON.parse(strFromU8(files['muse-export.json']!));
    expect(json.reviews[0]).toMatchObject({ itemType: 'track', trackId: album.trackIds[0], trackTitle: 'Jóga', albumId: album.id });
    expect(json.reviews[1]).toMatchObject({ itemType: 'album', trackId: null });
  });
});
