import type { FollowSuggestions, RecommendationPage, SimilarAlbums } from '@muse/shared';
import { useTestApp } from '../../testing/test-app';
import { follow, makeAlbum, makeUsers, rateAlbum, registerPerson, setPrivacy, type MadeAlbum, type TestPerson } from '../../testing/factories';
import { refreshUserRecommendationsJob } from './recommendations.jobs';
import { materiallyChanged, RecommendationsService } from './recommendations.service';
import type { ArrayTrainer } from './recommendations.training';
import { trainOnThread } from './training-thread-runner';

const app = useTestApp();

interface World {
  jazz: MadeAlbum[];
  rock: MadeAlbum[];
  jazzFans: string[];
  viewer: TestPerson;
}

/** Two tastes: jazz fans love eight 1970s jazz albums, rock fans eight 1990s rock albums. */
async function makeWorld(): Promise<World> {
  const jazz: MadeAlbum[] = [];
  const rock: MadeAlbum[] = [];
  for (let i = 0; i < 8; i += 1) {
    jazz.push(await makeAlbum(app, { title: `Jazz ${i}`, genres: ['Jazz'], year: 1975, artist: `Jazz Artist ${i}` }));
    rock.push(await makeAlbum(app, { title: `Rock ${i}`, genres: ['Rock'], year: 1995, artist: `Rock Artist ${i}` }));
  }
  const jazzFans = await makeUsers(app, 8);
  const rockFans = await makeUsers(app, 8);
  for (const a of jazz) await rateAlbum(app, a.id, 5, jazzFans);
  for (const a of rock) await rateAlbum(app, a.id, 5, rockFans);
  const viewer = await registerPerson(app);
  for (const a of jazz.slice(0, 3)) expect((await viewer.client.send('put', `/api/albums/${a.id}/rating`, { rating: 5 })).status).toBe(200);
  return { jazz, rock, jazzFans, viewer };
}

async function picks(person: TestPerson, query = ''): Promise<RecommendationPage> {
  return (await person.client.get(`/api/recommendations${query}`).expect(200)).body as RecommendationPage;
}

describe('recommendations', () => {
  it('when signed out, then the personal endpoints answer 401 and similar albums are public', async () => {
    const anon = app.client();
    const album = await makeAlbum(app);
    expect((await anon.get('/api/recommendations')).status).toBe(401);
    expect((await anon.post('/api/recommendations/dismiss', { albumId: album.id })).status).toBe(401);
    expect((await anon.get('/api/users/me/follow-suggestions')).status).toBe(401);
    expect((await anon.get(`/api/albums/${album.id}/similar`)).status).toBe(200);
  });

  it('when a user rated jazz, then after a rebuild the other jazz albums come first, explained by their own ratings', async () => {
    const { jazz, viewer } = await makeWorld();
    const result = await app.container.services.recommendations.rebuild();
    // How long each part took is kept beside the version (the bench reads it).
    expect(result.phases.map((p) => p.kind)).toEqual(['album', 'track']);
    expect(result.phases[0]!.users).toBeGreaterThanOrEqual(17);
    expect(result.phases[0]!.items).toBeGreaterThanOrEqual(16);
    const stored = await app.container.redis.get(`${app.container.config.REDIS_PREFIX}recs:rebuild`);
    expect(JSON.parse(stored!)).toEqual(result.phases);
    const page = await picks(viewer, '?limit=5');
    const ids = page.items.map((r) => r.album.id);
    expect(ids).toHaveLength(5);
    for (const id of ids) expect(jazz.slice(3).map((a) => a.id)).toContain(id);
    expect(page.items[0]!.reasons[0]).toMatchObject({ kind: 'rated', rating: 5 });
    expect(page.items[0]!.reasons[0]!.text).toMatch(/^Because you rated Jazz [0-2] 5$/);
    expect(page.computedAt).not.toBeNull();
  });

  it('when an album is rated, logged, dismissed or by a muted artist, then it is never recommended', async () => {
    const { jazz, viewer } = await makeWorld();
    await app.container.services.recommendations.rebuild();
    const [, , , muted, logged, dismissed, ratedLater] = jazz;
    expect((await viewer.client.post('/api/me/mutes', { kind: 'artist', target: muted!.artistId })).status).toBe(201);
    await app.container.knex('diary_entries').insert({ user_id: viewer.id, album_id: logged!.id, listened_on: '2026-01-01' });
    expect((await viewer.client.post('/api/recommendations/dismiss', { albumId: dismissed!.id })).status).toBe(204);
    expect((await viewer.client.send('put', `/api/albums/${ratedLater!.id}/rating`, { rating: 2 })).status).toBe(200);
    const shown = new Set((await picks(viewer, '?limit=50')).items.map((r) => r.album.id));
    for (const a of [...jazz.slice(0, 3), muted!, logged!, dismissed!, ratedLater!]) expect(shown.has(a.id)).toBe(false);
    expect(shown.has(jazz[7]!.id)).toBe(true);
    // Remembered: the next rebuild still leaves the dismissed album out.
    await app.container.services.recommendations.rebuild();
    expect((await picks(viewer, '?limit=50')).items.map((r) => r.album.id)).not.toContain(dismissed!.id);
    expect(await app.container.knex('recommendation_dismissals').where({ user_id: viewer.id }).count('* as n')).toEqual([{ n: '1' }]);
  });

  it('when followees loved a pick, then only those whose ratings the viewer may see are counted, and nobody is named', async () => {
    const { jazz, jazzFans, viewer } = await makeWorld();
    const [open, hidden, privateProfile] = jazzFans;
    await setPrivacy(app, hidden!, { defaultVisibility: 'private' });
    await setPrivacy(app, privateProfile!, { isPrivate: true, defaultVisibility: 'private' });
    for (const f of [open!, hidden!, privateProfile!]) await follow(app, viewer.id, f);
    await app.container.services.recommendations.rebuild();
    const page = await picks(viewer, '?limit=50');
    const pick = page.items.find((r) => r.album.id === jazz[3]!.id)!;
    expect(pick.reasons).toContainEqual({ kind: 'followees', text: 'Loved by 1 person you follow', count: 1 });
    const handles = await app.container.knex('users').whereIn('id', jazzFans).pluck('handle');
    const text = JSON.stringify(page);
    for (const h of handles) expect(text).not.toContain(h);
  });

  it('when filtered by genre or decade and paged, then every item matches and pages do not overlap', async () => {
    const { viewer } = await makeWorld();
    await app.container.services.recommendations.rebuild();
    const rock = await picks(viewer, '?genre=rock&limit=50');
    expect(rock.items.length).toBeGreaterThan(0);
    expect(rock.items.every((r) => r.album.genres.includes('Rock'))).toBe(true);
    const seventies = await picks(viewer, '?decade=1970&limit=50');
    expect(seventies.items.length).toBeGreaterThan(0);
    expect(seventies.items.every((r) => r.album.releaseYear === 1975)).toBe(true);
    const first = await picks(viewer, '?limit=2');
    expect(first.nextCursor).not.toBeNull();
    const second = await picks(viewer, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(2);
    expect(second.items.map((r) => r.album.id)).not.toEqual(expect.arrayContaining(first.items.map((r) => r.album.id)));
    expect((await viewer.client.get('/api/recommendations?cursor=nonsense')).status).toBe(400);
    expect((await viewer.client.get('/api/recommendations?kind=songs')).status).toBe(400);
    expect((await viewer.client.get('/api/recommendations?decade=1975')).status).toBe(400);
    expect((await viewer.client.get('/api/recommendations?limit=0')).status).toBe(400);
  });

  it('when a new user has no ratings, then they get the most liked albums, computed on request and cached', async () => {
    await makeWorld();
    const newcomer = await registerPerson(app);
    const page = await picks(newcomer, '?limit=3');
    expect(page.items).toHaveLength(3);
    expect(page.items.every((r) => r.reasons[0]!.kind === 'popular')).toBe(true);
    expect(page.computedAt).toBeNull();
    expect((await picks(newcomer, '?limit=3')).computedAt).not.toBeNull();
    // Every world of this file has albums rated 5 stars by eight or nine people: those come first.
    const counts = await app.container
      .knex('album_ratings')
      .whereIn(
        'album_id',
        page.items.map((r) => r.album.id),
      )
      .groupBy('album_id')
      .select('album_id')
      .count('* as n');
    expect(counts.every((c) => Number(c.n) >= 8)).toBe(true);
  });

  it('when tracks are asked for, then rated tracks are left out and each pick names its album', async () => {
    const { jazz, jazzFans, viewer } = await makeWorld();
    await app.container
      .knex('track_ratings')
      .insert(jazzFans.flatMap((u) => jazz.flatMap((a) => a.trackIds.map((t) => ({ user_id: u, track_id: t, value: 9 })))));
    expect((await viewer.client.send('put', `/api/tracks/${jazz[0]!.trackIds[0]}/rating`, { rating: 5 })).status).toBe(200);
    await app.container.services.recommendations.rebuild();
    const page = await picks(viewer, '?kind=tracks&limit=10');
    expect(page.items.length).toBe(10);
    expect(page.items.map((r) => r.track!.id)).not.toContain(jazz[0]!.trackIds[0]);
    expect(page.items.every((r) => r.kind === 'track' && r.track!.album.id === r.album.id)).toBe(true);
  });

  it('when dismissing, then bad bodies are named and unknown items are 404', async () => {
    const viewer = await registerPerson(app);
    const album = await makeAlbum(app);
    expect((await viewer.client.post('/api/recommendations/dismiss', {})).status).toBe(400);
    expect((await viewer.client.post('/api/recommendations/dismiss', { albumId: album.id, trackId: album.trackIds[0] })).status).toBe(400);
    expect((await viewer.client.post('/api/recommendations/dismiss', { albumId: 'abc' })).status).toBe(400);
    expect((await viewer.client.post('/api/recommendations/dismiss', { albumId: '999999999' })).status).toBe(404);
    expect((await viewer.client.post('/api/recommendations/dismiss', { trackId: album.trackIds[0] })).status).toBe(204);
    expect((await viewer.client.post('/api/recommendations/dismiss', { trackId: album.trackIds[0] })).status).toBe(204);
  });

  it('when an album is asked for its similar albums, then albums of the same taste come first; unknown albums are 404', async () => {
    const { jazz, viewer } = await makeWorld();
    await app.container.services.recommendations.rebuild();
    const similar = (await viewer.client.get(`/api/albums/${jazz[0]!.id}/similar`).expect(200)).body as SimilarAlbums;
    expect(similar.items.length).toBeGreaterThan(0);
    expect(similar.items.slice(0, 7).every((a) => a.genres.includes('Jazz'))).toBe(true);
    expect(similar.items.map((a) => a.id)).not.toContain(jazz[0]!.id);
    expect((await viewer.client.get('/api/albums/999999999/similar')).status).toBe(404);
    expect((await viewer.client.get('/api/albums/abc/similar')).status).toBe(400);
  });

  it('when people agree with the viewer on enough albums, then they are suggested, never private profiles or people already followed', async () => {
    const { jazzFans, viewer } = await makeWorld();
    const [followed, privateProfile] = jazzFans;
    await follow(app, viewer.id, followed!);
    await setPrivacy(app, privateProfile!, { isPrivate: true });
    const { items } = (await viewer.client.get('/api/users/me/follow-suggestions').expect(200)).body as FollowSuggestions;
    const ids = items.map((s) => s.user.id);
    expect(ids).toHaveLength(6);
    expect(ids).not.toContain(followed);
    expect(ids).not.toContain(privateProfile);
    expect(items.every((s) => s.sharedCount === 3 && s.compatibility === 100)).toBe(true);
    const loner = await registerPerson(app);
    expect((await loner.client.get('/api/users/me/follow-suggestions').expect(200)).body).toEqual({ items: [] });
  });

  it('when a user rates three more albums, then one refresh of their list is queued', async () => {
    const viewer = await registerPerson(app);
    const albums = [await makeAlbum(app), await makeAlbum(app), await makeAlbum(app)];
    for (const a of albums) expect((await viewer.client.send('put', `/api/albums/${a.id}/rating`, { rating: 4 })).status).toBe(200);
    const jobs = await app.container.queues.byName.recommendations.getJobs(['waiting', 'delayed', 'prioritized']);
    expect(jobs.filter((j) => j.name === refreshUserRecommendationsJob.name && j.data.userId === viewer.id)).toHaveLength(1);
  });

  it('when a refreshed list changed materially, then the user gets a live "new recommendations" notification', async () => {
    const { viewer } = await makeWorld();
    const recs = app.container.services.recommendations;
    await recs.rebuild();
    expect((await recs.refreshUser(viewer.id)).changed).toBe(false);
    // A stale list (as if made before the latest ratings): the refresh finds a different top 10.
    await app.container.services.recommendations['deps'].cache.setList(viewer.id, 'album', {
      version: 'old',
      computedAt: new Date(0).toISOString(),
      picks: ['1', '2', '3', '4', '5'].map((id) => ({ id: `99999${id}`, score: 1, because: [], source: 'model' as const })),
    });
    expect((await recs.refreshUser(viewer.id)).changed).toBe(true);
    const notifications = (await viewer.client.get('/api/notifications').expect(200)).body.items;
    expect(notifications.map((n: { type: string }) => n.type)).toContain('new_recommendations');
  });

  it('when a process without a model (a restarted worker) refreshes two lists at once, then it trains once per kind and the lists come from the model', async () => {
    const { jazz, viewer } = await makeWorld();
    const second = await registerPerson(app);
    for (const a of jazz.slice(0, 3)) expect((await second.client.send('put', `/api/albums/${a.id}/rating`, { rating: 5 })).status).toBe(200);
    const deps = app.container.services.recommendations['deps'];
    const kinds: string[] = [];
    const counting: ArrayTrainer = (input) => {
      kinds.push(input.kind);
      return trainOnThread(input);
    };
    const restarted = new RecommendationsService({ ...deps, trainer: counting });
    await Promise.all([restarted.refreshUser(viewer.id), restarted.refreshUser(second.id)]);
    expect(kinds).toEqual(['album', 'track']);
    for (const person of [viewer, second]) {
      const list = await deps.cache.getList(person.id, 'album');
      expect(list!.picks[0]!.source).toBe('model');
      expect(jazz.slice(3).map((a) => a.id)).toContain(list!.picks[0]!.id);
    }
  });

  it('materiallyChanged counts new items in the top 10 only', () => {
    const list = (ids: string[]) => ({ version: 'v', computedAt: '', picks: ids.map((id) => ({ id, score: 1, because: [], source: 'model' as const })) });
    const before = list(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(materiallyChanged(before, list(['1', '2', '3', '4', '5', '6', '7', '8', '11', '12']))).toBe(false);
    expect(materiallyChanged(before, list(['1', '2', '3', '4', '5', '6', '7', '11', '12', '13']))).toBe(true);
  });
});
