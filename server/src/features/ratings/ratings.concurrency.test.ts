import fc from 'fast-check';
import { useTestApp } from '../../testing/test-app';
import { makeAlbum, registerUser } from '../../testing/factories';
import { recomputedAlbumStats, storedAlbumStats } from '../../testing/album-stats';

const app = useTestApp();

const knex = () => app.container.knex;

describe('concurrent ratings', () => {
  it('when 40 users rate one album at once, then count, sum and histogram exactly match the ratings table', async () => {
    const album = await makeAlbum(knex());
    // Registered one by one: only the ratings are meant to race.
    const users = [];
    for (let i = 0; i < 40; i++) users.push(await registerUser(app));
    const results = await Promise.all(users.map((u, i) => u.client.send('put', `/api/albums/${album.id}/rating`, { rating: ((i % 10) + 1) / 2 })));
    expect(results.map((r) => r.status)).toEqual(Array(40).fill(200));
    const stored = await storedAlbumStats(knex(), album.id);
    expect(stored).toEqual(await recomputedAlbumStats(knex(), album.id));
    expect(stored).toEqual({ count: 40, sum: 4 * 55, histogram: Array(10).fill(4) });
  });

  it('when one user fires 10 different ratings at once, then exactly one current rating exists and the count is 1', async () => {
    const album = await makeAlbum(knex());
    const { client, session } = await registerUser(app);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => client.send('put', `/api/albums/${album.id}/rating`, { rating: (i + 1) / 2 })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    const rows = await knex()('album_ratings').where({ user_id: session.user.id, album_id: album.id });
    expect(rows).toHaveLength(1);
    const stored = await storedAlbumStats(knex(), album.id);
    expect(stored).toEqual({ count: 1, sum: rows[0].value, histogram: Array.from({ length: 10 }, (_, i) => (i + 1 === rows[0].value ? 1 : 0)) });
  });

  it('when one user fires 9 different relistens at once, then every replaced value is in the history exactly once', async () => {
    const album = await makeAlbum(knex());
    const { session } = await registerUser(app);
    const userId = session.user.id;
    const { ratings } = app.container.services;
    await ratings.rateAlbum(userId, album.id, 0.5);
    // Stars 1 to 5: nine values, each different from the first rating and from each other.
    await Promise.all(Array.from({ length: 9 }, (_, i) => ratings.rateAlbum(userId, album.id, (i + 2) / 2, { relisten: true })));
    const history: { value: number }[] = await knex()('rating_history').where({ user_id: userId, item_id: album.id }).orderBy('id');
    const current = (await knex()('album_ratings').where({ user_id: userId, album_id: album.id }).first()).value;
    // Each write replaced whatever was current when it got the lock: values are never lost or repeated.
    const values = [...history.map((h) => h.value), current];
    expect(values[0]).toBe(1);
    expect(values).toHaveLength(10);
    expect(new Set(values).size).toBe(10);
    expect((await storedAlbumStats(knex(), album.id)).count).toBe(1);
  });

  it('when users rate and remove in any order, then the aggregate always equals a recount', async () => {
    const album = await makeAlbum(knex());
    const users = await Promise.all(Array.from({ length: 4 }, () => registerUser(app)));
    const op = fc.record({
      user: fc.nat({ max: 3 }),
      stars: fc.option(
        fc.integer({ min: 1, max: 10 }).map((v) => v / 2),
        { nil: null },
      ),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        await Promise.all(
          ops.map(({ user, stars }) => {
            const id = users[user]!.session.user.id;
            return stars === null
              ? app.container.services.ratings.removeAlbumRating(id, album.id)
              : app.container.services.ratings.rateAlbum(id, album.id, stars);
          }),
        );
        expect(await storedAlbumStats(knex(), album.id)).toEqual(await recomputedAlbumStats(knex(), album.id));
      }),
      { numRuns: 15 },
    );
  });
});
