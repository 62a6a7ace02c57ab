import type { RecommendationPage } from '@muse/shared';
import { useTestApp } from '../../testing/test-app';
import { makeAlbum, makeUsers, rateAlbum, registerPerson } from '../../testing/factories';
import { waitFor } from '../../testing/wait-for';

const app = useTestApp({ worker: true });

describe('recommendation jobs in the worker', () => {
  it('when the worker starts, then it rebuilds; after three new ratings it refreshes that user alone', async () => {
    const redis = app.container.redis;
    const prefix = app.container.config.REDIS_PREFIX;
    await waitFor('the rebuild the worker starts with', async () => (await redis.get(`${prefix}recs:version`)) ?? undefined);

    const albums = await Promise.all(Array.from({ length: 6 }, (_, i) => makeAlbum(app, { title: `Folk ${i}`, genres: ['Folk'] })));
    const fans = await makeUsers(app, 5);
    for (const a of albums) await rateAlbum(app, a.id, 5, fans);
    const person = await registerPerson(app);
    for (const a of albums.slice(0, 3)) expect((await person.client.send('put', `/api/albums/${a.id}/rating`, { rating: 5 })).status).toBe(200);

    // The refresh writes the list in the worker, before the user ever asks.
    const key = `${prefix}recs:user:${person.id}:album`;
    await waitFor('the refreshed list', async () => (await redis.get(key)) ?? undefined);
    const page = (await person.client.get('/api/recommendations?limit=50').expect(200)).body as RecommendationPage;
    expect(page.computedAt).not.toBeNull();
    const ids = page.items.map((r) => r.album.id);
    expect(ids).toEqual(expect.arrayContaining(albums.slice(3).map((a) => a.id)));
    expect(ids).not.toEqual(expect.arrayContaining([albums[0]!.id]));
  });
});
