import type { ActivityView, FeedPage } from '@muse/shared';
import { useTestApp } from '../../testing/test-app';
import { follow, makeAlbum, registerPerson, setPrivacy, type TestPerson } from '../../testing/factories';

const app = useTestApp();

type Person = TestPerson;

const person = (displayName?: string) => registerPerson(app, displayName ? { displayName } : {});

const knex = () => app.container.knex;

/** The owner's activity page as `viewer` (null: signed out) gets it; asserts a 200. */
async function activityOf(viewer: Person | null, owner: Person, query = 'limit=50'): Promise<FeedPage> {
  const client = viewer ? viewer.client : app.client();
  const res = await client.get(`/api/users/${owner.handle}/activity?${query}`);
  expect(res.status).toBe(200);
  return res.body as FeedPage;
}

const activities = (page: FeedPage): ActivityView[] => page.items.flatMap((i) => i.activities);
const excerpts = (page: FeedPage) => activities(page).map((a) => a.review?.excerpt);

async function review(p: Person, albumId: string, body: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await p.client.post(`/api/albums/${albumId}/reviews`, { body, ...extra });
  expect(res.status).toBe(201);
  return String(res.body.id);
}

/** A public, a followers-only and a private review by `owner`, newest last. */
async function threeReviews(owner: Person): Promise<void> {
  for (const visibility of ['public', 'followers', 'private']) await review(owner, (await makeAlbum(knex())).id, `${visibility} take`, { visibility });
}

describe('GET /api/users/:handle/activity', () => {
  it('when the profile is public, then a signed-out visitor and a stranger see public activity, a follower also followers-only, and the owner everything', async () => {
    const [owner, follower, stranger] = [await person(), await person(), await person()];
    await follow(app, follower.id, owner.id);
    await threeReviews(owner);

    expect(excerpts(await activityOf(null, owner))).toEqual(['public take']);
    expect(excerpts(await activityOf(stranger, owner))).toEqual(['public take']);
    expect(excerpts(await activityOf(follower, owner))).toEqual(['followers take', 'public take']);
    const own = activities(await activityOf(owner, owner));
    expect(own.map((a) => [a.review?.excerpt, a.visibility])).toEqual([
      ['private take', 'private'],
      ['followers take', 'followers'],
      ['public take', 'public'],
    ]);
    expect(own[0]).toMatchObject({
      type: 'reviewed',
      actor: { id: owner.id, handle: owner.handle },
      review: { author: { id: owner.id, handle: owner.handle } },
    });
  });

  it('when the profile is private, then only followers and the owner see activity, and strangers and visitors get an empty page', async () => {
    const [owner, follower, stranger] = [await person(), await person(), await person()];
    await follow(app, follower.id, owner.id);
    await threeReviews(owner);
    await setPrivacy(app, owner.id, { isPrivate: true });

    for (const viewer of [null, stranger]) expect(await activityOf(viewer, owner)).toEqual({ items: [], nextCursor: null });
    expect(excerpts(await activityOf(follower, owner))).toEqual(['followers take', 'public take']);
    expect(excerpts(await activityOf(owner, owner))).toEqual(['private take', 'followers take', 'public take']);
  });

  it('when every kind of action is taken, then each shows with what it was about, and likes and comments name whose review', async () => {
    const [owner, ben] = [await person('Ana'), await person('Ben')];
    const album = await makeAlbum(knex(), { title: 'Blue' });
    const bensReview = await review(ben, album.id, 'Ben on Blue');
    expect((await owner.client.send('put', `/api/albums/${album.id}/rating`, { rating: 4 })).status).toBe(200);
    expect((await owner.client.post('/api/diary', { albumId: (await makeAlbum(knex())).id, listenedOn: '2026-11-20' })).status).toBe(201);
    expect((await owner.client.send('put', `/api/reviews/${bensReview}/like`)).status).toBe(200);
    expect((await owner.client.post(`/api/reviews/${bensReview}/comments`, { body: 'Agreed' })).status).toBe(201);
    expect((await owner.client.send('put', `/api/users/${ben.handle}/follow`)).status).toBe(200);
    expect((await owner.client.send('put', '/api/me/favourites', { albumIds: [album.id] })).status).toBe(200);

    const seen = activities(await activityOf(null, owner));
    expect(seen.map((a) => a.type)).toEqual(['favourited', 'followed', 'commented', 'liked_review', 'listened', 'rated']);
    const byType = Object.fromEntries(seen.map((a) => [a.type, a]));
    const bensSummary = { id: ben.id, handle: ben.handle, displayName: 'Ben' };
    expect(byType.liked_review).toMatchObject({ album: { title: 'Blue' }, review: { id: bensReview, excerpt: 'Ben on Blue', author: bensSummary } });
    expect(byType.commented!.review).toEqual({ id: bensReview, excerpt: 'Ben on Blue', author: bensSummary, listenNumber: 1 });
    expect(byType.followed!.targetUser).toEqual(bensSummary);
    expect(byType.rated).toMatchObject({ album: { id: album.id }, rating: 4 });
  });

  it('when the owner blocked the viewer, then the viewer sees what a signed-out visitor sees, and nothing of a private profile', async () => {
    const [owner, viewer] = [await person(), await person()];
    expect((await viewer.client.send('put', `/api/users/${owner.handle}/follow`)).status).toBe(200);
    await threeReviews(owner);
    expect(excerpts(await activityOf(viewer, owner))).toEqual(['followers take', 'public take']);

    expect((await owner.client.send('put', `/api/users/${viewer.handle}/block`)).status).toBe(200);
    expect(excerpts(await activityOf(viewer, owner))).toEqual(['public take']);
    await setPrivacy(app, owner.id, { isPrivate: true });
    expect(await activityOf(viewer, owner)).toEqual({ items: [], nextCursor: null });
  });

  it('when the viewer has a block with someone the owner interacted with, then those likes and follows stay out of the viewer’s page', async () => {
    const [owner, viewer, blocked] = [await person(), await person(), await person()];
    const theirs = await review(blocked, (await makeAlbum(knex())).id, 'by the blocked one');
    await owner.client.send('put', `/api/reviews/${theirs}/like`);
    await owner.client.send('put', `/api/users/${blocked.handle}/follow`);
    expect(activities(await activityOf(viewer, owner)).map((a) => a.type)).toEqual(['followed', 'liked_review']);
    expect((await viewer.client.send('put', `/api/users/${blocked.handle}/block`)).status).toBe(200);
    expect(await activityOf(viewer, owner)).toEqual({ items: [], nextCursor: null });
    expect(activities(await activityOf(null, owner))).toHaveLength(2);
  });

  it('when a review or a comment is hidden by moderation, then its activities disappear, even for the owner', async () => {
    const [owner, other] = [await person(), await person()];
    const ownReview = await review(owner, (await makeAlbum(knex())).id, 'my contested take');
    const othersReview = await review(other, (await makeAlbum(knex())).id, 'their take');
    const comment = await owner.client.post(`/api/reviews/${othersReview}/comments`, { body: 'a contested comment' });
    expect(comment.status).toBe(201);
    expect(activities(await activityOf(owner, owner)).map((a) => a.type)).toEqual(['commented', 'reviewed']);

    await knex()('reviews').where({ id: ownReview }).update({ hidden_at: new Date() });
    await knex()('review_comments').where({ id: comment.body.id }).update({ hidden_at: new Date() });
    for (const viewer of [owner, null]) expect(await activityOf(viewer, owner)).toEqual({ items: [], nextCursor: null });
  });

  it('when the owner is suspended, then their activity is gone', async () => {
    const owner = await person();
    await review(owner, (await makeAlbum(knex())).id, 'soon gone');
    expect(activities(await activityOf(null, owner))).toHaveLength(1);
    await knex()('users').where({ id: owner.id }).update({ suspended_at: new Date() });
    expect((await activityOf(null, owner)).items).toEqual([]);
  });

  it('when paging with a small limit, then every visible activity comes exactly once, newest first, and private ones never', async () => {
    const [owner, viewer] = [await person(), await person()];
    const album = await makeAlbum(knex());
    const base = Date.now() - 3600_000;
    const shown: string[] = [];
    // Alternating types so nothing groups; every third one private, which a visitor must not see.
    for (let i = 0; i < 25; i++) {
      const visibility = i % 3 === 2 ? 'private' : 'public';
      const type = i % 2 ? 'rated' : 'listened';
      const a = await app.container.docs.activity.append({
        actorId: owner.id,
        type,
        visibility,
        subject: { kind: 'album', id: album.id },
        data: { rating: 4 },
        createdAt: new Date(base + i * 1000),
      });
      if (visibility === 'public') shown.push(a.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: FeedPage = await activityOf(viewer, owner, `limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...activities(page).map((a) => a.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(seen).toEqual([...shown].reverse());
    expect(pages).toBeGreaterThan(2);
  });

  it('when the cursor or limit is malformed, then it answers 400 problem+json naming the field', async () => {
    const owner = await person();
    for (const query of [
      'cursor=garbage',
      `cursor=${Buffer.from('feed:1 OR 1=1').toString('base64url')}`,
      'limit=0',
      'limit=51',
      'limit=abc',
      `cursor=${'x'.repeat(300)}`,
    ]) {
      const res = await app.client().get(`/api/users/${owner.handle}/activity?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors[0].path).toMatch(/cursor|limit/);
    }
  });

  it('when the handle is unknown, then it answers 404 problem+json; a malformed one answers 400', async () => {
    const res = await app.client().get('/api/users/nobody_goes_by_this/activity');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await app.client().get('/api/users/a/activity')).status).toBe(400);
  });
});
