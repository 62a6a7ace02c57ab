import { connect } from './pg-admin';

/**
 * What a run writes would otherwise stay in the reused data set and change what the next run
 * measures: its activity (ratings, playlist adds, sign-ins) reaches the feeds of the users the
 * next run reads as (tens of thousands of adds to one playlist made the feed read five rounds a
 * page), and the entries the add scenario appends make its playlists longer, so every append
 * rewrites more. Returns the step that deletes the activity written since now (by the database's
 * clock) and takes the entries added since out of the add scenario's playlists again, in the
 * Postgres document store, and vacuums those tables and the ratings a run rewrites; it answers how many of each.
 */
export async function forgetRunWritesFromNow(databaseUrl: string): Promise<() => Promise<{ activities: number; entries: number }>> {
  const db = await connect(databaseUrl);
  let since: Date;
  try {
    since = (await db.query<{ now: Date }>('SELECT now()')).rows[0]!.now;
  } finally {
    await db.end();
  }
  return async () => {
    const conn = await connect(databaseUrl);
    try {
      const activities = (await conn.query('DELETE FROM doc_activity WHERE created_at >= $1', [since])).rowCount ?? 0;
      // Entries keep their addedAt as an ISO time in UTC, which sorts as text.
      const trimmed = await conn.query<{ removed: number }>(
        `WITH kept AS (
           SELECT p.id, p.entry_count,
                  coalesce((SELECT jsonb_agg(e ORDER BY i) FROM jsonb_array_elements(p.entries) WITH ORDINALITY AS x(e, i)
                             WHERE e->>'addedAt' < $1), '[]'::jsonb) AS entries
             FROM doc_playlists p
            WHERE p.id IN (SELECT id FROM bench.scenario_playlists WHERE role = 'add')
              AND p.updated_at >= $2)
         UPDATE doc_playlists p
            SET entries = kept.entries, entry_count = jsonb_array_length(kept.entries), version = p.version + 1
           FROM kept
          WHERE p.id = kept.id AND jsonb_array_length(kept.entries) < kept.entry_count
        RETURNING kept.entry_count - jsonb_array_length(kept.entries) AS removed`,
        [since.toISOString(), since],
      );
      // What a run wrote and took back leaves dead rows (a run: ~15,000 playlist versions and their
      // TOAST; every rating rewrites its album's stats row, 55,000 dead ones after a few runs), and
      // the bench machine may run without autovacuum: left there, they make the next run's
      // appends, ratings and reads slower. A few seconds here.
      await conn.query('VACUUM ANALYZE doc_playlists, doc_activity, album_ratings, album_rating_stats');
      return { activities, entries: trimmed.rows.reduce((sum, r) => sum + Number(r.removed), 0) };
    } finally {
      await conn.end();
    }
  };
}
