import { PAGE_CACHE_MAX_AGE_MS, PAGE_CACHE_TTL_MS } from './playlist-page-cache';
import { useTestApp } from '../../testing/test-app';
import { makeAlbum, registerPerson } from '../../testing/factories';
import { waitFor } from '../../testing/wait-for';
import { clockAhead } from '../../testing/clock-ahead';

const app = useTestApp();
const knex = () => app.container.knex;

describe('the playlist page kept in process', () => {
  it('when its community stars are stale, then the kept page answers at once and is read again behind it; when too old, it is rebuilt first', async () => {
    const owner = await registerPerson(app);
    const album = await makeAlbum(knex(), { tracks: ['Opener'] });
    const trackId = album.trackIds[0]!;
    const created = await owner.client.post('/api/playlists', { title: 'Kept', kind: 'playlist' });
    await owner.client.post(`/api/playlists/${created.body.id}/entries`, { trackId });
    const raters = async () => ((await owner.client.get(`/api/playlists/${created.body.id}`)).body.entries[0].stats?.count as number | undefined) ?? 0;
    const rate = (value: number) => knex()('track_ratings').insert({ user_id: owner.id, track_id: trackId, value }).onConflict(['user_id', 'track_id']).merge();

    expect(await raters()).toBe(0);
    const clock = clockAhead();
    try {
      // Fresh: a rating written behind the page's back is not shown yet.
      await rate(8);
      expect(await raters()).toBe(0);

      // Stale: the request that finds it answers with the kept page, and the page is read again.
      clock.advance(PAGE_CACHE_TTL_MS + 1);
      expect(await raters()).toBe(0);
      await waitFor('the refreshed page', async () => (await raters()) === 1);

      // Too old (its refresh never came): rebuilt before answering.
      await knex()('track_ratings').where({ track_id: trackId }).delete();
      clock.advance(PAGE_CACHE_MAX_AGE_MS + 1);
      expect(await raters()).toBe(0);
    } finally {
      clock.restore();
    }
  });
});
