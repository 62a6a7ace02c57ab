import type { Visibility } from '@muse/shared';
import { useTestApp } from '../../testing/test-app';
import { block, follow, makeAlbum, registerPerson, setPrivacy, type TestPerson } from '../../testing/factories';

/**
 * The profile's review count is part of what a viewer learns about the user's reviews, so it
 * counts only the reviews the viewer may see under the one visibility rule (the owner sees all).
 */

const app = useTestApp();

const knex = () => app.container.knex;

/** Writes one review per visibility given, each of its own album. */
async function reviewsOf(owner: TestPerson, visibilities: Visibility[]): Promise<void> {
  for (const visibility of visibilities) {
    const album = await makeAlbum(knex());
    await knex()('reviews').insert({ user_id: owner.id, album_id: album.id, body: `A ${visibility} review`, visibility });
  }
}

async function reviewCountSeenBy(viewer: TestPerson | null, owner: TestPerson): Promise<number | null> {
  const client = viewer ? viewer.client : app.client();
  const res = await client.get(`/api/users/${owner.handle}`).expect(200);
  return (res.body.stats as { reviewCount: number } | null)?.reviewCount ?? null;
}

describe('GET /api/users/:handle review count', () => {
  it('when a public profile has public, followers-only and private reviews, then each viewer counts only those they may see', async () => {
    const owner = await registerPerson(app);
    const follower = await registerPerson(app);
    const stranger = await registerPerson(app);
    const blockedFollower = await registerPerson(app);
    await follow(knex(), follower.id, owner.id);
    await follow(knex(), blockedFollower.id, owner.id);
    await block(knex(), owner.id, blockedFollower.id);
    await reviewsOf(owner, ['public', 'public', 'followers', 'private', 'private']);

    expect(await reviewCountSeenBy(owner, owner)).toBe(5);
    expect(await reviewCountSeenBy(follower, owner)).toBe(3);
    expect(await reviewCountSeenBy(stranger, owner)).toBe(2);
    expect(await reviewCountSeenBy(null, owner)).toBe(2);
    expect(await reviewCountSeenBy(blockedFollower, owner)).toBe(2);
  });

  it('when a private profile is seen by a follower, then its private reviews are not counted', async () => {
    const owner = await registerPerson(app);
    const follower = await registerPerson(app);
    await setPrivacy(knex(), owner.id, { isPrivate: true });
    await follow(knex(), follower.id, owner.id);
    await reviewsOf(owner, ['public', 'followers', 'private']);

    expect(await reviewCountSeenBy(owner, owner)).toBe(3);
    expect(await reviewCountSeenBy(follower, owner)).toBe(2);
  });
});
