import type { ProfileView } from '@muse/shared';
import { useTestApp, type TestClient } from '../../testing/test-app';
import { makeAlbum, registerPerson, type TestPerson } from '../../testing/factories';

const app = useTestApp({ env: { ADMIN_HANDLES: 'mod_boss' } });

const knex = () => app.container.knex;

let admin: TestPerson | undefined;
async function theAdmin(): Promise<TestPerson> {
  admin ??= await registerPerson(app, { handle: 'mod_boss' });
  return admin;
}

const clientOf = (viewer: TestPerson | null): TestClient => (viewer ? viewer.client : app.client());

async function profileOf(viewer: TestPerson | null, owner: TestPerson): Promise<ProfileView> {
  const res = await clientOf(viewer).get(`/api/users/${owner.handle}`);
  expect(res.status).toBe(200);
  return res.body as ProfileView;
}

/**
 * A public account with a bio, an avatar, a favourite, a diary entry with a review (which is
 * also activity), a follower and a followee; and a stranger who rated the same album.
 */
async function scene() {
  const [owner, follower, followee, stranger] = [await registerPerson(app), await registerPerson(app), await registerPerson(app), await registerPerson(app)];
  expect((await owner.client.send('patch', '/api/me/profile', { bio: 'Loud opinions', avatarUrl: 'https://img.example/owner.png' })).status).toBe(200);
  const album = await makeAlbum(knex(), { title: 'Spiderland' });
  expect((await owner.client.send('put', '/api/me/favourites', { albumIds: [album.id] })).status).toBe(200);
  const logged = await owner.client.post('/api/diary', { albumId: album.id, listenedOn: '2026-03-01', rating: 4.5, review: 'Breathtaking, and here is why' });
  expect(logged.status).toBe(201);
  expect((await stranger.client.send('put', `/api/albums/${album.id}/rating`, { rating: 3 })).status).toBe(200);
  expect((await follower.client.send('put', `/api/users/${owner.handle}/follow`)).status).toBe(200);
  expect((await owner.client.send('put', `/api/users/${followee.handle}/follow`)).status).toBe(200);
  return { owner, follower, followee, stranger, album, reviewId: String(logged.body.reviewId) };
}

/**
 * Suspends `owner` the way administrators do: through a report of their review, filed by
 * someone who may read it (a follower, once the profile is private).
 */
async function suspend(owner: TestPerson, reviewId: string, by?: TestPerson): Promise<void> {
  const reporter = by ?? (await registerPerson(app));
  const filed = await reporter.client.post('/api/reports', { targetType: 'review', targetId: reviewId, reason: 'Abusive' });
  expect(filed.status).toBe(201);
  expect((await (await theAdmin()).client.post(`/api/admin/reports/${filed.body.id}/resolve`, { action: 'suspend_author' })).status).toBe(200);
}

async function lift(owner: TestPerson): Promise<void> {
  expect((await (await theAdmin()).client.post(`/api/admin/users/${owner.id}/unsuspend`)).status).toBe(204);
}

const handles = (items: { user: { handle: string } }[]) => items.map((i) => i.user.handle);

describe('GET /api/users/:handle of a suspended account', () => {
  it('when visitors, strangers and followers open it, then they see only name, handle and avatar with suspended: true', async () => {
    const { owner, follower, stranger, reviewId } = await scene();
    const before = await profileOf(stranger, owner);
    expect(before).toMatchObject({ suspended: false, visible: true, user: { bio: 'Loud opinions' } });
    expect(before.favourites).toHaveLength(1);
    expect(before.compatibility).not.toBeNull();

    await suspend(owner, reviewId);

    for (const viewer of [null, stranger, follower]) {
      const view = await profileOf(viewer, owner);
      expect(view).toMatchObject({ suspended: true, visible: false, isOwn: false, favourites: [], stats: null, compatibility: null, settings: null });
      expect(view.user).toMatchObject({
        id: owner.id,
        handle: owner.handle,
        displayName: owner.displayName,
        avatarUrl: 'https://img.example/owner.png',
        bio: '',
      });
    }
    // The viewer's own relationship stays, so a follower still knows they follow the account.
    expect((await profileOf(follower, owner)).relationship).toMatchObject({ following: true });
  });

  it('when an administrator opens it, then they see the whole profile as before, with the flag', async () => {
    const { owner, reviewId } = await scene();
    await suspend(owner, reviewId);
    const view = await profileOf(await theAdmin(), owner);
    expect(view).toMatchObject({ suspended: true, visible: true, isOwn: false, user: { bio: 'Loud opinions' } });
    expect(view.favourites.map((f) => f.title)).toEqual(['Spiderland']);
    expect(view.stats).toMatchObject({ ratingCount: 1, diaryCount: 1 });
  });

  it('when a session of the suspended owner is somehow still live, then their own profile is withheld too, settings included', async () => {
    const owner = await registerPerson(app);
    await owner.client.send('patch', '/api/me/profile', { bio: 'Mine' });
    await knex()('users').where({ id: owner.id }).update({ suspended_at: new Date() });
    const view = await profileOf(owner, owner);
    expect(view).toMatchObject({ suspended: true, visible: false, isOwn: true, settings: null, user: { bio: '' } });
  });

  it('when the suspension is lifted, then everyone sees the profile again and the flag is false', async () => {
    const { owner, stranger, reviewId } = await scene();
    await suspend(owner, reviewId);
    await lift(owner);
    const view = await profileOf(stranger, owner);
    expect(view).toMatchObject({ suspended: false, visible: true, user: { bio: 'Loud opinions' } });
    expect(view.favourites.map((f) => f.title)).toEqual(['Spiderland']);
    expect(view.compatibility).not.toBeNull();
  });
});

describe('the per-user lists of a suspended account', () => {
  it('when anyone but an administrator asks, then activity is an empty page and the diary, reviews and follow lists 403 account_suspended', async () => {
    const { owner, follower, followee, stranger, reviewId } = await scene();
    // Before the suspension the follower sees all four, so the empty answers below are not vacuous.
    expect((await follower.client.get(`/api/users/${owner.handle}/diary`).expect(200)).body.items).toHaveLength(1);
    expect((await follower.client.get(`/api/users/${owner.handle}/activity`).expect(200)).body.items.length).toBeGreaterThan(0);
    expect(handles((await follower.client.get(`/api/users/${owner.handle}/followers`).expect(200)).body.items)).toEqual([follower.handle]);
    expect(handles((await follower.client.get(`/api/users/${owner.handle}/following`).expect(200)).body.items)).toEqual([followee.handle]);

    await suspend(owner, reviewId);

    for (const viewer of [null, stranger, follower]) {
      const client = clientOf(viewer);
      expect((await client.get(`/api/users/${owner.handle}/activity`).expect(200)).body).toEqual({ items: [], nextCursor: null });
      for (const list of ['diary', 'reviews', 'followers', 'following']) {
        const res = await client.get(`/api/users/${owner.handle}/${list}`);
        expect(res.status).toBe(403);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
        expect(res.body.code).toBe('account_suspended');
      }
    }
  });

  it('when an administrator asks, then the diary and follow lists answer as before', async () => {
    const { owner, follower, followee, reviewId } = await scene();
    await suspend(owner, reviewId);
    const { client } = await theAdmin();
    const diary = (await client.get(`/api/users/${owner.handle}/diary`).expect(200)).body;
    expect(diary.items.map((d: { album: { title: string }; rating: number }) => [d.album.title, d.rating])).toEqual([['Spiderland', 4.5]]);
    expect(handles((await client.get(`/api/users/${owner.handle}/followers`).expect(200)).body.items)).toEqual([follower.handle]);
    expect(handles((await client.get(`/api/users/${owner.handle}/following`).expect(200)).body.items)).toEqual([followee.handle]);
  });

  it('when the handle is unknown or malformed, then the lists still answer 404 or 400, suspended or not', async () => {
    for (const list of ['diary', 'activity', 'followers', 'following']) {
      expect((await app.client().get(`/api/users/nobody_goes_by_this/${list}`)).status).toBe(404);
      expect((await app.client().get(`/api/users/a/${list}`)).status).toBe(400);
    }
  });

  it('when the suspension is lifted, then the lists answer everyone again', async () => {
    const { owner, stranger, follower, reviewId } = await scene();
    await suspend(owner, reviewId);
    await lift(owner);
    expect((await stranger.client.get(`/api/users/${owner.handle}/diary`).expect(200)).body.items).toHaveLength(1);
    expect(handles((await stranger.client.get(`/api/users/${owner.handle}/followers`).expect(200)).body.items)).toEqual([follower.handle]);
  });
});

describe('PUT /api/users/:handle/follow of a suspended account', () => {
  it('when someone tries to follow it, then it answers 409 account_suspended and stores nothing; after the lift it follows', async () => {
    const { owner, stranger, reviewId } = await scene();
    await suspend(owner, reviewId);
    const followerCount = async () => (await knex()('users').where({ id: owner.id }).first('follower_count')).follower_count as number;
    const countBefore = await followerCount();

    for (const who of [stranger, await theAdmin()]) {
      const res = await who.client.send('put', `/api/users/${owner.handle}/follow`);
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.code).toBe('account_suspended');
      expect(await knex()('follows').where({ follower_id: who.id, followee_id: owner.id })).toEqual([]);
    }
    expect(await followerCount()).toBe(countBefore);

    await lift(owner);
    expect((await stranger.client.send('put', `/api/users/${owner.handle}/follow`)).body).toEqual({ status: 'following', followerCount: countBefore + 1 });
  });

  it('when the suspended account is private, then a follow request is refused the same way and no request is stored', async () => {
    const { owner, follower, stranger, reviewId } = await scene();
    await owner.client.send('patch', '/api/me/privacy', { isPrivate: true });
    await suspend(owner, reviewId, follower);
    const res = await stranger.client.send('put', `/api/users/${owner.handle}/follow`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('account_suspended');
    expect(await knex()('follow_requests').where({ requester_id: stranger.id, target_id: owner.id })).toEqual([]);
  });

  it('when a follower unfollows a suspended account, then it is allowed', async () => {
    const { owner, follower, reviewId } = await scene();
    await suspend(owner, reviewId);
    const res = await follower.client.delete(`/api/users/${owner.handle}/follow`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('none');
    expect(await knex()('follows').where({ follower_id: follower.id, followee_id: owner.id })).toEqual([]);
  });
});
