import { GROWERS_MIN_PAIRS, type Chart } from '@muse/shared';
import { useTestApp } from '../../testing/test-app';
import { makeAlbum, makeUsers } from '../../testing/factories';

const app = useTestApp();
const knex = () => app.container.knex;

/** Each user first rated `first` (stored 1..10) in 2024, a relisten replaced it with `latest`. */
async function relistened(albumId: string, users: string[], first: number, latest: number) {
  await knex()('album_ratings').insert(users.map((user_id) => ({ user_id, album_id: albumId, value: latest })));
  await knex()('rating_history').insert(
    users.map((user_id) => ({
      user_id,
      item_type: 'album',
      item_id: albumId,
      value: first,
      rated_at: '2024-01-01T00:00:00Z',
      replaced_at: '2024-06-01T00:00:00Z',
    })),
  );
}

describe('growers chart', () => {
  it(`when albums have relisten pairs, then only those with at least ${GROWERS_MIN_PAIRS} pairs and a rise are charted, largest mean rise first`, async () => {
    expect(GROWERS_MIN_PAIRS).toBe(3);
    const users = await makeUsers(knex(), 8);
    const grows = await makeAlbum(knex(), { title: 'Grows' });
    const twoOnly = await makeAlbum(knex(), { title: 'Two Only' });
    const fades = await makeAlbum(knex(), { title: 'Fades' });
    const mixed = await makeAlbum(knex(), { title: 'Mixed' });
    await relistened(grows.id, users.slice(0, 3), 4, 8);
    // A bigger rise, but from too few people to chart.
    await relistened(twoOnly.id, users.slice(0, 2), 1, 10);
    await relistened(fades.id, users.slice(0, 3), 9, 3);
    // Two rises of 1 star, and a relisten that kept its rating (no history): 3 pairs, mean 2/3 star.
    await relistened(mixed.id, users.slice(3, 5), 6, 8);
    await knex()('album_ratings').insert({ user_id: users[5], album_id: mixed.id, value: 8 });
    await knex()('diary_entries').insert({ user_id: users[5], album_id: mixed.id, listened_on: '2024-05-01', rating: 8, is_relisten: true });
    // Plain ratings without relistens do not count.
    await knex()('album_ratings').insert(users.slice(6).map((user_id) => ({ user_id, album_id: grows.id, value: 1 })));

    await app.container.services.charts.refresh();
    const chart: Chart = (await app.client().get('/api/charts?kind=growers').expect(200)).body;
    expect(chart.kind).toBe('growers');
    expect(chart.items.map((i) => [i.rank, i.album.title, i.growth, i.provisional])).toEqual([
      [1, 'Grows', { meanRise: 2, pairs: 3 }, false],
      [2, 'Mixed', { meanRise: 2 / 3, pairs: 3 }, false],
    ]);
    // The aggregate shown beside it is the album's whole one (every rater, relistening or not).
    expect(chart.items[0]!.stats.count).toBe(5);
  });

  it('when nobody relistened, then the growers chart is empty (not an error)', async () => {
    await knex().raw('TRUNCATE albums, rating_history RESTART IDENTITY CASCADE');
    const [user] = await makeUsers(knex(), 1);
    const album = await makeAlbum(knex());
    await knex()('album_ratings').insert({ user_id: user, album_id: album.id, value: 7 });
    await app.container.services.charts.refresh();
    const chart: Chart = (await app.client().get('/api/charts?kind=growers&limit=10').expect(200)).body;
    expect(chart.items).toEqual([]);
    expect(chart.computedAt).not.toBeNull();
  });

  it('when the kind is unknown, then 400 names the field', async () => {
    const res = await app.client().get('/api/charts?kind=growerz');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toContain('kind');
  });
});
