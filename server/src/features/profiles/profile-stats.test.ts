import { useTestApp } from '../../testing/test-app';
import { makeAlbum, registerUser } from '../../testing/factories';

const app = useTestApp();

const knex = () => app.container.knex;
type User = Awaited<ReturnType<typeof registerUser>>;
const idOf = (u: User) => u.session.user.id;

async function rate(u: User, albumId: string, value: number, createdAt = '2025-05-05T12:00:00Z') {
  await knex()('album_ratings').insert({ user_id: idOf(u), album_id: albumId, value, created_at: createdAt, updated_at: createdAt });
}

/** A calendar day `daysAgo` before today, UTC, as YYYY-MM-DD. */
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

async function logDays(u: User, albumId: string, days: string[]) {
  await knex()('diary_entries').insert(days.map((listened_on) => ({ user_id: idOf(u), album_id: albumId, listened_on })));
}

describe('profile stats', () => {
  it('when a user rated, reviewed and logged a hand-made set, then every number matches it', async () => {
    const u = await registerUser(app);
    const a1 = await makeAlbum(knex(), { artist: 'Alpha', releaseDate: '1975-01-01', genres: ['Rock', 'Jazz'] });
    const a2 = await makeAlbum(knex(), { artist: 'Alpha', releaseDate: '1979-06-01', genres: ['Rock'] });
    await knex()('album_artists').where({ album_id: a2.id }).update({ artist_id: a1.artistId });
    const a3 = await makeAlbum(knex(), { artist: 'Béta', releaseDate: '1991-01-01', genres: ['Electronic'] });
    const a4 = await makeAlbum(knex(), { artist: 'Gamma', releaseDate: null, genres: ['Rock'] });
    await rate(u, a1.id, 10, '2024-03-01T10:00:00Z');
    await rate(u, a2.id, 6, '2025-01-10T10:00:00Z');
    await rate(u, a3.id, 9, '2025-06-01T10:00:00Z');
    await rate(u, a4.id, 1, '2025-07-01T10:00:00Z');
    await knex()('reviews').insert([
      { user_id: idOf(u), album_id: a1.id, body: 'shown' },
      { user_id: idOf(u), album_id: a2.id, body: 'hidden by a moderator', hidden_at: new Date() },
    ]);
    // Current streak: today, yesterday, two days ago. Longest: five days in January 2025 (one day logged twice).
    await logDays(u, a1.id, [day(0), day(1), day(2), '2025-01-01', '2025-01-02', '2025-01-02', '2025-01-03', '2025-01-04', '2025-01-05', '2024-12-30']);
    // Someone else's ratings must not count.
    const other = await registerUser(app);
    await rate(other, a1.id, 2);

    const res = await app.client().get(`/api/users/${u.input.handle}`).expect(200);
    expect(res.body.stats).toEqual({
      ratingCount: 4,
      reviewCount: 1,
      diaryCount: 10,
      histogram: [1, 0, 0, 0, 0, 1, 0, 0, 1, 1],
      byDecade: [
        { decade: 1970, count: 2, mean: 4 },
        { decade: 1990, count: 1, mean: 4.5 },
      ],
      byYearRated: [
        { year: 2024, count: 1 },
        { year: 2025, count: 3 },
      ],
      topArtists: [
        { artistId: a1.artistId, name: 'Alpha', count: 2, mean: 4 },
        { artistId: a3.artistId, name: 'Béta', count: 1, mean: 4.5 },
        { artistId: a4.artistId, name: 'Gamma', count: 1, mean: 0.5 },
      ],
      topGenres: [
        { genre: 'Rock', count: 3, mean: 2.83 },
        { genre: 'Jazz', count: 1, mean: 5 },
        { genre: 'Electronic', count: 1, mean: 4.5 },
      ],
      diaryStreak: { current: 3, longest: 5 },
    });
  });

  it('when the last diary day was two days ago, then the current streak is 0; yesterday alone counts as 1', async () => {
    const [lapsed, recent] = [await registerUser(app), await registerUser(app)];
    const album = await makeAlbum(knex());
    await logDays(lapsed, album.id, [day(2), day(3)]);
    await logDays(recent, album.id, [day(1), day(3)]);
    expect((await app.client().get(`/api/users/${lapsed.input.handle}`)).body.stats.diaryStreak).toEqual({ current: 0, longest: 2 });
    expect((await app.client().get(`/api/users/${recent.input.handle}`)).body.stats.diaryStreak).toEqual({ current: 1, longest: 1 });
  });

  it('when a user has done nothing yet, then the stats are zeros and empty lists', async () => {
    const u = await registerUser(app);
    expect((await app.client().get(`/api/users/${u.input.handle}`)).body.stats).toEqual({
      ratingCount: 0,
      reviewCount: 0,
      diaryCount: 0,
      histogram: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      byDecade: [],
      byYearRated: [],
      topArtists: [],
      topGenres: [],
      diaryStreak: { current: 0, longest: 0 },
    });
  });
});

describe('taste compatibility', () => {
  it('when two users share six ratings, then the score follows the formula and disagreements come biggest first', async () => {
    const [viewer, owner] = [await registerUser(app), await registerUser(app)];
    const albums = [];
    for (let i = 0; i < 8; i++) albums.push(await makeAlbum(knex(), { title: `Shared ${i}` }));
    const pairs: [number, number][] = [
      [10, 10],
      [2, 10],
      [6, 9],
      [8, 3],
      [5, 4],
      [9, 2],
    ];
    for (const [i, [mine, theirs]] of pairs.entries()) {
      await rate(viewer, albums[i]!.id, mine);
      await rate(owner, albums[i]!.id, theirs);
    }
    await rate(viewer, albums[6]!.id, 1);
    await rate(owner, albums[7]!.id, 10);

    const res = await viewer.client.get(`/api/users/${owner.input.handle}`).expect(200);
    // Mean absolute difference: (0+8+3+5+1+7)/6 = 4 values = 2 stars; 100 × (1 − 2/4.5) = 55.6.
    expect(res.body.compatibility.score).toBe(56);
    expect(res.body.compatibility.sharedCount).toBe(6);
    expect(
      res.body.compatibility.disagreements.map((d: { album: { title: string }; yours: number; theirs: number }) => [d.album.title, d.yours, d.theirs]),
    ).toEqual([
      ['Shared 1', 1, 5],
      ['Shared 5', 4.5, 1],
      ['Shared 3', 4, 1.5],
      ['Shared 2', 3, 4.5],
      ['Shared 4', 2.5, 2],
    ]);
    // Seen from the other side: same score, the ratings swap.
    const back = await owner.client.get(`/api/users/${viewer.input.handle}`).expect(200);
    expect(back.body.compatibility.score).toBe(56);
    expect(back.body.compatibility.disagreements[0]).toMatchObject({ yours: 5, theirs: 1 });
  });

  it('when fewer than three ratings are shared, then there is no score but the count and disagreements show', async () => {
    const [viewer, owner] = [await registerUser(app), await registerUser(app)];
    const [x, y] = [await makeAlbum(knex()), await makeAlbum(knex())];
    await rate(viewer, x.id, 10);
    await rate(owner, x.id, 2);
    await rate(viewer, y.id, 4);
    await rate(owner, y.id, 4);
    const res = await viewer.client.get(`/api/users/${owner.input.handle}`).expect(200);
    expect(res.body.compatibility).toMatchObject({ score: null, sharedCount: 2 });
    expect(res.body.compatibility.disagreements).toHaveLength(1);
  });

  it('when identical tastes or opposite extremes, then the score is 100 or 0', async () => {
    const [viewer, twin, opposite] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    for (let i = 0; i < 3; i++) {
      const album = await makeAlbum(knex());
      await rate(viewer, album.id, 10);
      await rate(twin, album.id, 10);
      await rate(opposite, album.id, 1);
    }
    expect((await viewer.client.get(`/api/users/${twin.input.handle}`)).body.compatibility).toMatchObject({ score: 100, disagreements: [] });
    expect((await viewer.client.get(`/api/users/${opposite.input.handle}`)).body.compatibility.score).toBe(0);
  });

  it('when looking at your own profile or signed out, then there is no compatibility', async () => {
    const u = await registerUser(app);
    expect((await u.client.get(`/api/users/${u.input.handle}`)).body.compatibility).toBeNull();
    expect((await app.client().get(`/api/users/${u.input.handle}`)).body.compatibility).toBeNull();
  });
});
