import type { Client } from 'pg';
import { createKnex, migrateLatest } from '../../../server/src/db/knex';
import { hashPassword } from '../../../server/src/features/auth/password-hasher';
import { connect, databaseExists, recreateDatabase } from '../lib/pg-admin';
import { loadArtistsAndAlbums, loadTracks, loadUsers } from './catalog-load.sql';
import { BENCH_PASSWORD, DATASET_VERSION, type DatasetScale } from './dataset-scale';
import { installGeneratorFunctions } from './generator-functions.sql';
import { checkReferences } from './reference-check';
import { deferSecondaryIndexes, restoreIndexes } from './index-deferral';
import { checkPlaylistDocuments } from './playlist-check';
import { buildEntryRuns, dropEntryRuns } from './playlist-entry-runs.sql';
import { loadClones, loadPlaylistLikes } from './playlist-social-load.sql';
import { insertPlannedPlaylists, planPlaylists, recordScenarioPlaylists, shareWithFollowers } from './playlists-load.sql';
import { loadActivity, loadFollows, loadRatings, loadReviews } from './social-load.sql';

/** Which database gets which data set. */
export interface DatasetOptions {
  databaseUrl: string;
  scale: DatasetScale;
  /** Build anew even when a matching data set is there. */
  rebuild: boolean;
  log(line: string): void;
}

/** Whether the data set was reused, and how long its build took. */
export interface DatasetInfo {
  reused: boolean;
  /** How long the build took (this run's, or the reused data set's). */
  buildSeconds: number;
}

const LOADED_TABLES = [
  'users',
  'artists',
  'albums',
  'album_artists',
  'tracks',
  'album_ratings',
  'album_rating_stats',
  'reviews',
  'review_likes',
  'doc_activity',
  'follows',
  'doc_playlists',
  'playlist_stats',
  'playlist_likes',
  'playlist_clones',
];
/** Connections that generate playlists at once: their entries are most of the build's work, and the machine has two cores. */
const PLAYLIST_CONNECTIONS = 2;
/** What every loading connection sets first. */
const LOAD_SETTINGS = `SET synchronous_commit = off; SET work_mem = '512MB'; SET maintenance_work_mem = '1GB'`;
const IDENTITY_TABLES = ['users', 'artists', 'albums', 'tracks', 'reviews'];

async function readMarker(db: Client): Promise<{ version: number; scale: DatasetScale; build_seconds: string } | null> {
  const { rows } = await db.query(`SELECT to_regclass('bench.dataset') IS NOT NULL AS present`);
  if (!rows[0].present) return null;
  const marker = await db.query('SELECT version, scale, build_seconds FROM bench.dataset LIMIT 1');
  return marker.rows[0] ?? null;
}

function sameScale(a: DatasetScale, b: DatasetScale): boolean {
  return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}

/**
 * Generates the planned playlists on `PLAYLIST_CONNECTIONS` connections at once (`db` and fresh
 * ones), each taking its share of the plan.
 */
async function loadPlaylistsInParallel(databaseUrl: string, db: Client, scale: DatasetScale): Promise<void> {
  const extra = await Promise.all(Array.from({ length: PLAYLIST_CONNECTIONS - 1 }, () => connect(databaseUrl)));
  try {
    for (const client of extra) await client.query(`${LOAD_SETTINGS}; SET session_replication_role = replica`);
    const clients = [db, ...extra];
    await Promise.all(clients.map((client, part) => insertPlannedPlaylists(client, scale, part, clients.length)));
  } finally {
    await Promise.all(extra.map((client) => client.end()));
  }
}

/** The marker of a complete data set of this version and scale, or null when there is none. */
export async function findDataset(databaseUrl: string, scale: DatasetScale): Promise<DatasetInfo | null> {
  if (!(await databaseExists(databaseUrl))) return null;
  const db = await connect(databaseUrl);
  try {
    const marker = await readMarker(db);
    if (!marker || marker.version !== DATASET_VERSION || !sameScale(marker.scale, scale)) return null;
    return { reused: true, buildSeconds: Number(marker.build_seconds) };
  } finally {
    await db.end();
  }
}

/**
 * Makes sure the database holds a complete data set of `scale`: reuses one that a marker row
 * vouches for, else drops the database, runs the product's migrations and generates every table
 * inside Postgres. The marker is written last, so an interrupted build is rebuilt next time.
 */
export async function ensureDataset(options: DatasetOptions): Promise<DatasetInfo> {
  const { databaseUrl, scale, log } = options;
  if (!options.rebuild) {
    const existing = await findDataset(databaseUrl, scale);
    if (existing) {
      log(`data set: reusing the ${scale.name} data set (built in ${existing.buildSeconds.toFixed(1)} s; --rebuild to build it anew)`);
      return existing;
    }
  }
  const started = performance.now();
  log(`data set: building the ${scale.name} data set in ${new URL(databaseUrl).pathname.slice(1)}`);
  await recreateDatabase(databaseUrl);
  const knex = createKnex(databaseUrl, 1);
  try {
    await migrateLatest(knex);
  } finally {
    await knex.destroy();
  }

  const db = await connect(databaseUrl);
  try {
    await db.query(LOAD_SETTINGS);
    // Replica mode skips the per-row foreign-key checks, which cost six times the insert itself;
    // the generator only draws ids that exist, and checkReferences proves it before the marker.
    await db.query('SET session_replication_role = replica');
    const step = async (label: string, fn: () => Promise<unknown>) => {
      const t0 = performance.now();
      await fn();
      log(`  ${label.padEnd(34, '.')} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    };
    await installGeneratorFunctions(db);
    const deferred = await deferSecondaryIndexes(db, LOADED_TABLES);
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    await step(`users (${scale.users})`, () => loadUsers(db, scale, passwordHash));
    await step(`artists, albums (${scale.albums})`, () => loadArtistsAndAlbums(db, scale));
    await step(`tracks (${scale.tracks})`, () => loadTracks(db, scale));
    await step(`ratings + stats (${scale.ratings})`, () => loadRatings(db, scale));
    await step(`reviews + likes (${scale.reviews})`, () => loadReviews(db, scale));
    await step(`activity (${scale.activity})`, () => loadActivity(db, scale));
    await step(`follows (${scale.feedUsers} x ${scale.followsPerFeedUser})`, () => loadFollows(db, scale));
    await step('playlist plan, entry runs', async () => {
      await planPlaylists(db, scale);
      await buildEntryRuns(db, scale);
    });
    await step(`playlists (${scale.playlists - scale.playlistClones})`, () => loadPlaylistsInParallel(databaseUrl, db, scale));
    await step(`clones, likes, shares (${scale.playlistClones}, ${scale.playlistLikes})`, async () => {
      await loadClones(db, scale);
      await loadPlaylistLikes(db, scale);
      await shareWithFollowers(db);
      await recordScenarioPlaylists(db);
      await dropEntryRuns(db);
      await db.query('DROP TABLE bench.playlist_plan');
    });
    // Replica mode skipped the triggers that teach the search lexicon every new word.
    await step('search lexicon', () => db.query('SELECT muse_refresh_search_words()'));
    await step(`indexes (${deferred.definitions.length})`, () => restoreIndexes(db, deferred));
    await step('reference check', () => checkReferences(db));
    await step('playlist documents check', () => checkPlaylistDocuments(db));
    for (const table of IDENTITY_TABLES) {
      await db.query(`SELECT setval(pg_get_serial_sequence('public.${table}', 'id'), (SELECT max(id) FROM ${table}))`);
    }
    await step('vacuum analyze', () => db.query('VACUUM (ANALYZE)'));
    const buildSeconds = (performance.now() - started) / 1000;
    await db.query(
      'CREATE TABLE bench.dataset (version int NOT NULL, scale jsonb NOT NULL, built_at timestamptz NOT NULL DEFAULT now(), build_seconds numeric NOT NULL)',
    );
    await db.query('INSERT INTO bench.dataset (version, scale, build_seconds) VALUES ($1, $2, $3)', [
      DATASET_VERSION,
      JSON.stringify(scale),
      buildSeconds.toFixed(1),
    ]);
    log(`data set: built in ${buildSeconds.toFixed(1)} s`);
    return { reused: false, buildSeconds };
  } finally {
    await db.end();
  }
}
