import fs from 'node:fs';
import path from 'node:path';
import { createKnex, migrateLatest, migrateRollbackAll } from './knex';
import { migrations } from './migrations';
import { createTestDatabase } from '../testing/test-infra';

const ALL_TABLES = [
  'album_artists',
  'album_rating_stats',
  'album_ratings',
  'albums',
  'artists',
  'blocks',
  'conversion_fix_writes',
  'conversion_rules',
  'conversions',
  'diary_entries',
  'doc_activity',
  'doc_conversion_report_chunks',
  'doc_playlists',
  'favourites',
  'follow_requests',
  'follows',
  'imports',
  'listen_later',
  'moderation_log',
  'mutes',
  'notification_actors',
  'notification_dedupe_keys',
  'notification_preferences',
  'notifications',
  'parties',
  'party_invites',
  'party_messages',
  'party_participants',
  'party_ratings',
  'playlist_clones',
  'playlist_likes',
  'playlist_stats',
  'provider_connections',
  'rating_history',
  'recommendation_dismissals',
  'reports',
  'review_comments',
  'review_likes',
  'reviews',
  'search_word_variants',
  'service_imports',
  'track_artists',
  'track_counterparts',
  'track_previews',
  'track_rating_stats',
  'track_ratings',
  'tracks',
  'users',
];

describe('migrations', () => {
  it('when a migration file exists in the folder, then it is listed in the index', () => {
    const files = fs
      .readdirSync(path.join(__dirname, 'migrations'))
      .filter((f) => /^\d{14}-.+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(migrations.map(([name]) => name)).toEqual(files);
  });

  it('when migrated up, down and up again, then every table comes and goes cleanly', async () => {
    const db = await createTestDatabase('migrations');
    const knex = createKnex(db.url, 2);
    const tables = async () =>
      (await knex.raw(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'knex_%' ORDER BY 1`)).rows.map(
        (r: { tablename: string }) => r.tablename,
      );
    try {
      expect(await migrateLatest(knex)).toHaveLength(migrations.length);
      expect(await tables()).toEqual(ALL_TABLES);
      await migrateRollbackAll(knex);
      expect(await tables()).toEqual([]);
      await migrateLatest(knex);
      expect(await migrateLatest(knex)).toEqual([]);
      expect(await tables()).toEqual(ALL_TABLES);
    } finally {
      await knex.destroy();
      await db.drop();
    }
  });
});
