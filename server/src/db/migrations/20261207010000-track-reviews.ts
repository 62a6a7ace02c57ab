import type { Knex } from 'knex';

/**
 * Reviews of tracks share the reviews table (and with it likes, comments, reports, visibility
 * and every rule written against it). A track review names its track and also carries that
 * track's album, so every read that shows a review's album keeps working; a composite foreign
 * key keeps the pair consistent (a track moved to another album carries its reviews along, a
 * deleted track takes them away). An album review is one without a track.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE tracks ADD CONSTRAINT tracks_id_album_key UNIQUE (id, album_id);
    ALTER TABLE reviews
      ADD COLUMN track_id bigint,
      ADD CONSTRAINT reviews_track_fk FOREIGN KEY (track_id, album_id) REFERENCES tracks (id, album_id) ON DELETE CASCADE ON UPDATE CASCADE;
    CREATE INDEX reviews_track_recent_idx ON reviews (track_id, created_at DESC) WHERE track_id IS NOT NULL;
    CREATE INDEX reviews_track_popular_idx ON reviews (track_id, like_count DESC, created_at DESC) WHERE track_id IS NOT NULL;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DELETE FROM reviews WHERE track_id IS NOT NULL;
    ALTER TABLE reviews DROP CONSTRAINT IF EXISTS reviews_track_fk, DROP COLUMN IF EXISTS track_id;
    ALTER TABLE tracks DROP CONSTRAINT IF EXISTS tracks_id_album_key;
  `);
}
