import type { ClientBase } from 'pg';

/**
 * Every foreign key the generator fills, as (table, column, referenced table, its key column
 * when not `id`). Loading with session_replication_role = replica skips the per-row checks, so
 * these are checked in bulk. The playlist counts point at documents too, which no key enforces.
 */
const REFERENCES: ReadonlyArray<readonly [string, string, string, string?]> = [
  ['album_artists', 'album_id', 'albums'],
  ['album_artists', 'artist_id', 'artists'],
  ['tracks', 'album_id', 'albums'],
  ['album_ratings', 'user_id', 'users'],
  ['album_ratings', 'album_id', 'albums'],
  ['album_rating_stats', 'album_id', 'albums'],
  ['reviews', 'user_id', 'users'],
  ['reviews', 'album_id', 'albums'],
  ['review_likes', 'review_id', 'reviews'],
  ['review_likes', 'user_id', 'users'],
  ['follows', 'follower_id', 'users'],
  ['follows', 'followee_id', 'users'],
  ['playlist_stats', 'owner_id', 'users'],
  ['playlist_stats', 'playlist_id', 'doc_playlists'],
  ['playlist_likes', 'playlist_id', 'playlist_stats', 'playlist_id'],
  ['playlist_likes', 'user_id', 'users'],
  ['playlist_clones', 'source_id', 'playlist_stats', 'playlist_id'],
  ['playlist_clones', 'clone_id', 'doc_playlists'],
  ['playlist_clones', 'user_id', 'users'],
];

/** Throws naming the first foreign key that a generated row breaks. */
export async function checkReferences(db: ClientBase): Promise<void> {
  for (const [table, column, target, key = 'id'] of REFERENCES) {
    const { rows } = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${table} x WHERE NOT EXISTS (SELECT 1 FROM ${target} t WHERE t.${key} = x.${column})`,
    );
    if (Number(rows[0]!.n) > 0) throw new Error(`${rows[0]!.n} rows of ${table}.${column} point at no ${target} row`);
  }
}
