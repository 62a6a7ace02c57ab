import type { Knex } from 'knex';
import { createKnex, migrateLatest } from '../db/knex';
import { createLogger } from '../lib/logger';
import { createTestDatabase } from '../testing/test-infra';
import { seedDemoCatalog } from './seed-catalog';
import { seedOnFirstRun } from './seed-on-first-run';

// Facts below were read from the Discogs XML in ./data/discogs.
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let knex: Knex;
let firstRun: Awaited<ReturnType<typeof seedDemoCatalog>>;

async function counts() {
  const [row] = (
    await knex.raw(`SELECT (SELECT count(*) FROM artists)::int AS artists, (SELECT count(*) FROM albums)::int AS albums, (SELECT count(*) FROM tracks)::int AS tracks,
      (SELECT count(*) FROM album_artists)::int AS album_artists, (SELECT count(*) FROM track_artists)::int AS track_artists`)
  ).rows;
  return row as { artists: number; albums: number; tracks: number; album_artists: number; track_artists: number };
}

async function album(discogsId: number) {
  return knex('albums').where({ discogs_id: discogsId }).first('*', knex.raw(`to_char(release_date, 'YYYY-MM-DD') AS release_day`));
}

async function tracksOf(albumId: string) {
  return knex('tracks')
    .where({ album_id: albumId })
    .orderBy(['disc', 'position'])
    .select('id', 'disc', 'position', 'position_label', 'title', 'duration_ms', 'artist_credit');
}

beforeAll(async () => {
  db = await createTestDatabase('seed');
  knex = createKnex(db.url);
  await migrateLatest(knex);
  firstRun = await seedDemoCatalog(knex);
});

afterAll(async () => {
  await knex.destroy();
  await db.drop();
});

describe('demo catalog import', () => {
  it('when the sample is imported, then its 1,000 releases, their tracks and artists are stored', async () => {
    expect(firstRun).toEqual({ artists: 1992, albums: 1000, tracks: 9184 });
    const c = await counts();
    expect(c).toMatchObject({ artists: 1992, albums: 1000, tracks: 9184 });
  });

  it('when release 1 is read back, then it is "Stockholm" by The Persuader with its label, date, genre and six tracks', async () => {
    const stockholm = await album(1);
    expect(stockholm).toMatchObject({
      title: 'Stockholm',
      artist_credit: 'The Persuader',
      release_day: '1999-03-01',
      release_date_precision: 'month',
      release_year: 1999,
      type: 'album',
      label: 'Svek',
      catalog_number: 'SK032',
      country: 'Sweden',
      genres: ['Electronic'],
      styles: ['Deep House'],
      upc: null,
      cover_url: null,
      discogs_master_id: '1660109',
    });
    const tracks = await tracksOf(stockholm.id);
    expect(tracks.map((t) => [t.disc, t.position, t.position_label, t.title, t.duration_ms])).toEqual([
      [1, 1, 'A', 'Östermalm', 285_000],
      [1, 2, 'B1', 'Vasastaden', 371_000],
      [1, 3, 'B2', 'Kungsholmen', 169_000],
      [2, 1, 'C1', 'Södermalm', 338_000],
      [2, 2, 'C2', 'Norrmalm', 292_000],
      [2, 3, 'D', 'Gamla Stan', 316_000],
    ]);
    expect(tracks.every((t) => t.artist_credit === 'The Persuader')).toBe(true);
    const credits = await knex('album_artists as aa')
      .join('artists as ar', 'ar.id', 'aa.artist_id')
      .where('aa.album_id', stockholm.id)
      .select('ar.name', 'ar.discogs_id');
    expect(credits).toEqual([{ name: 'The Persuader', discogs_id: '1' }]);
  });

  it('when a credit joins two artists, one under a name variation, then the credit and its rows keep the join phrase', async () => {
    const loungin = await album(41);
    expect(loungin.artist_credit).toBe('Fredrik Stark & Citydreams');
    const credits = await knex('album_artists as aa')
      .join('artists as ar', 'ar.id', 'aa.artist_id')
      .where('aa.album_id', loungin.id)
      .orderBy('aa.position')
      .select('ar.name', 'aa.credited_name', 'aa.join_phrase');
    expect(credits).toEqual([
      { name: 'Fredrik Stark', credited_name: 'Fredrik Stark', join_phrase: ' & ' },
      { name: 'City Dreams', credited_name: 'Citydreams', join_phrase: '' },
    ]);
    expect((await album(46)).artist_credit).toBe('Håkan feat. Laid');
  });

  it('when a release has a barcode, then its digits become the UPC', async () => {
    expect((await album(4)).upc).toBe('093624755524');
  });

  it('when a release gives no durations, then its tracks have none rather than zero', async () => {
    const tracks = await tracksOf((await album(13)).id);
    expect(tracks).toHaveLength(4);
    expect(tracks.every((t) => t.duration_ms === null)).toBe(true);
  });

  it('when a tracklist has headings and index tracks, then only playable tracks are stored, sub-tracks titled after their work', async () => {
    const tracks = await tracksOf((await album(4497810)).id);
    expect(tracks.find((t) => t.position_label === 'A2')?.title).toBe('Konzert Nr. 1 Bwv 1046: Adagio');
    expect(tracks.every((t) => t.position_label)).toBe(true);
  });

  it('when positions say "CD1", "CD2" after the vinyl sides, then they are numbered on after them, not read as side "CD"', async () => {
    const tracks = await tracksOf((await album(3019946)).id);
    expect(tracks.map((t) => [t.disc, t.position, t.position_label])).toEqual([
      [1, 1, 'A'],
      [1, 2, 'B1'],
      [1, 3, 'B2'],
      [1, 4, 'CD1'],
      [1, 5, 'CD2'],
      [1, 6, 'CD3'],
    ]);
  });

  it('when the import runs again, then counts and ids stay, edits are restored, enrichment and rated tracks survive', async () => {
    const before = await counts();
    const stockholm = await album(1);
    const tracksBefore = await tracksOf(stockholm.id);
    const [user] = await knex('users').insert({ handle: 'rater', email: 'rater@example.test', display_name: 'Rater', password_hash: 'x' }).returning('id');
    await knex('track_ratings').insert({ user_id: user.id, track_id: tracksBefore[0]!.id, value: 9 });
    // A track the source does not list: gone after the rerun unless someone rated it.
    const [ghost] = await knex('tracks').insert({ album_id: stockholm.id, disc: 9, position: 1, title: 'Ghost', artist_credit: 'X' }).returning('id');
    const [ratedGhost] = await knex('tracks')
      .insert({ album_id: stockholm.id, disc: 9, position: 2, title: 'Rated ghost', artist_credit: 'X' })
      .returning('id');
    await knex('track_ratings').insert({ user_id: user.id, track_id: ratedGhost.id, value: 4 });
    await knex('albums').where({ id: stockholm.id }).update({ title: 'Vandalised', cover_url: 'https://img.example/cover.jpg', spotify_id: 'sp1' });

    const second = await seedDemoCatalog(knex, { batchSize: 97 });

    expect(second).toEqual(firstRun);
    expect(await counts()).toEqual({ ...before, tracks: before.tracks + 1 });
    const again = await album(1);
    expect(again).toMatchObject({ id: stockholm.id, title: 'Stockholm', cover_url: 'https://img.example/cover.jpg', spotify_id: 'sp1' });
    const tracksAfter = await tracksOf(stockholm.id);
    expect(tracksAfter.slice(0, 6)).toEqual(tracksBefore);
    expect(await knex('tracks').where({ id: ghost.id }).first()).toBeUndefined();
    expect(await knex('tracks').where({ id: ratedGhost.id }).first('title')).toEqual({ title: 'Rated ghost' });
    expect(await knex('track_ratings').where({ user_id: user.id }).orderBy('value').select('track_id', 'value')).toEqual([
      { track_id: ratedGhost.id, value: 4 },
      { track_id: tracksBefore[0]!.id, value: 9 },
    ]);
    expect(await knex('track_rating_stats').where({ track_id: tracksBefore[0]!.id }).first('count')).toEqual({ count: 1 });
  });
});

describe('seeding on first run', () => {
  const logger = createLogger('silent');

  it('when two processes start on an empty catalog at once, then exactly one seeds it', async () => {
    const fresh = await createTestDatabase('seedrun');
    const a = createKnex(fresh.url);
    const b = createKnex(fresh.url);
    try {
      await migrateLatest(a);
      const config = { SEED_DEMO_CATALOG: true };
      const results = await Promise.all([seedOnFirstRun({ knex: a, logger, config }), seedOnFirstRun({ knex: b, logger, config })]);
      expect(results.filter(Boolean)).toEqual([{ artists: 1992, albums: 1000, tracks: 9184 }]);
      const [row] = (await a.raw('SELECT count(*)::int AS n FROM albums')).rows;
      expect(row.n).toBe(1000);
      expect(await seedOnFirstRun({ knex: a, logger, config })).toBeNull();
    } finally {
      await a.destroy();
      await b.destroy();
      await fresh.drop();
    }
  });

  it('when seeding is switched off, then an empty catalog stays empty', async () => {
    const fresh = await createTestDatabase('seedoff');
    const k = createKnex(fresh.url);
    try {
      await migrateLatest(k);
      expect(await seedOnFirstRun({ knex: k, logger, config: { SEED_DEMO_CATALOG: false } })).toBeNull();
      expect(await k('albums').first('id')).toBeUndefined();
    } finally {
      await k.destroy();
      await fresh.drop();
    }
  });

  it('when the data files are missing, then seeding fails and leaves no half catalog', async () => {
    const fresh = await createTestDatabase('seedmissing');
    const k = createKnex(fresh.url);
    try {
      await migrateLatest(k);
      await expect(seedOnFirstRun({ knex: k, logger, config: { SEED_DEMO_CATALOG: true } }, { dataDir: '/nonexistent/discogs' })).rejects.toThrow(/ENOENT/);
      expect(await k('artists').first('id')).toBeUndefined();
    } finally {
      await k.destroy();
      await fresh.drop();
    }
  });
});
