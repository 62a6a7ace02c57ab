import type { Client } from 'pg';
import type { BenchSession } from '../server/session-pool';
import type { SoakTargets } from './soak-mix';

/** What the mix's reads and writes aim at, chosen so that every request can succeed and be undone. */
export async function readTargets(db: Client, sessions: BenchSession[]): Promise<SoakTargets> {
  const ids = sessions.map((s) => s.userId);
  const reviews = await db.query<{ id: string }>(
    `SELECT id::text FROM reviews WHERE hidden_at IS NULL AND visibility = 'public' ORDER BY hashint8(id) LIMIT 5000`,
  );
  const albums = await db.query<{ id: string }>(
    `SELECT id::text FROM albums a WHERE NOT EXISTS (SELECT 1 FROM reviews r WHERE r.album_id = a.id AND r.user_id = ANY($1::bigint[])) ORDER BY hashint8(id) LIMIT 100`,
    [ids],
  );
  const people = await db.query<{ handle: string }>(
    `SELECT handle FROM users u
      WHERE NOT u.is_private AND u.suspended_at IS NULL AND u.id <> ALL($1::bigint[])
        AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.followee_id = u.id AND f.follower_id = ANY($1::bigint[]))
        AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = u.id AND b.blocked_id = ANY($1::bigint[])) OR (b.blocked_id = u.id AND b.blocker_id = ANY($1::bigint[])))
      ORDER BY hashint8(u.id) LIMIT 1000`,
    [ids],
  );
  return { reviewIds: reviews.rows.map((r) => r.id), reviewAlbums: albums.rows.map((r) => r.id), followHandles: people.rows.map((r) => r.handle) };
}

/** Runs `task` over `items`, `concurrency` at a time. */
async function eachLimited<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

/**
 * Puts back what the soak wrote, where that is cheap: every pair it followed is unfollowed, the
 * reviews its users wrote on its albums are deleted through the API, and the notifications its
 * follows made are removed. Ratings and playlist entries stay, as they do after `npm run bench`.
 * Answers how many of each it undid.
 */
export async function undoWrites(
  apiUrl: string,
  db: Client,
  sessions: BenchSession[],
  targets: SoakTargets,
  touched: Map<string, { session: BenchSession; handle: string }>,
  since: Date,
) {
  await eachLimited([...touched.values()], 8, async ({ session, handle }) => {
    const res = await fetch(`${apiUrl}/api/users/${encodeURIComponent(handle)}/follow`, {
      method: 'DELETE',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    await res.arrayBuffer();
  });
  const bySession = new Map(sessions.map((s) => [s.userId, s]));
  const { rows } = await db.query<{ id: string; user_id: string }>(
    'SELECT id::text, user_id::text FROM reviews WHERE user_id = ANY($1::bigint[]) AND album_id = ANY($2::bigint[]) AND created_at >= $3',
    [sessions.map((s) => s.userId), targets.reviewAlbums, since],
  );
  await eachLimited(rows, 8, async ({ id, user_id }) => {
    const session = bySession.get(user_id)!;
    const res = await fetch(`${apiUrl}/api/reviews/${id}`, { method: 'DELETE', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken } });
    await res.arrayBuffer();
  });
  const { rowCount } = await db.query(`DELETE FROM notifications WHERE created_at >= $1 AND user_id IN (SELECT id FROM users WHERE handle = ANY($2::text[]))`, [
    since,
    targets.followHandles,
  ]);
  return { unfollowed: touched.size, reviews: rows.length, notifications: rowCount ?? 0 };
}
