import type { ClientBase } from 'pg';

/**
 * Every foreign key the generator fills, as (table, column, referenced table). Loading with
 * session_replication_role = replica skips the per-row checks, so these are checked in bulk.
 */
const REFERENCES: ReadonlyArray<readonly [string, string, string]> = [
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
];

/** Throws naming the first foreign key that a generated row breaks. */
export async function checkReferences(db: ClientBase): Promise<void> {
  for (const [table, column, target] of REFERENCES) {
    const { rows } = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${table} x WHERE NOT EXISTS (SELECT 1 FROM ${target} t WHERE t.id = x.${column})`,
    );
    if (Number(rows[0]!.n) > 0) throw new Error(`${rows[0]!.n} rows of ${table}.${column} point at no ${target} row`);
  }
}
