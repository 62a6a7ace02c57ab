import type { Client } from 'pg';
import type { BenchSession } from '../server/session-pool';
import { FOLLOWS_PER_SESSION, type SoakTargets } from './soak-mix';

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
  // A pool of public, unsuspended people; each user gets the first few of them (from their own
  // place in the pool) that they neither follow nor block, nor are blocked by.
  const pool = await db.query<{ id: string; handle: string }>(
    `SELECT id::text, handle FROM users WHERE NOT is_private AND suspended_at IS NULL ORDER BY hashint8(id) LIMIT 2000`,
  );
  const poolIds = pool.rows.map((r) => r.id);
  const taken = await db.query<{ pair: string }>(
    `SELECT follower_id || ':' || followee_id AS pair FROM follows WHERE follower_id = ANY($1::bigint[]) AND followee_id = ANY($2::bigint[])
     UNION ALL SELECT requester_id || ':' || target_id FROM follow_requests WHERE requester_id = ANY($1::bigint[]) AND target_id = ANY($2::bigint[])
     UNION ALL SELECT blocker_id || ':' || blocked_id FROM blocks WHERE blocker_id = ANY($1::bigint[]) AND blocked_id = ANY($2::bigint[])
     UNION ALL SELECT blocked_id || ':' || blocker_id FROM blocks WHERE blocked_id = ANY($1::bigint[]) AND blocker_id = ANY($2::bigint[])`,
    [ids, poolIds],
  );
  const excluded = new Set(taken.rows.map((r) => r.pair));
  const follows = sessions.map((session, i) => {
    const mine: string[] = [];
    for (let k = 0; k < pool.rows.length && mine.length < FOLLOWS_PER_SESSION; k += 1) {
      const person = pool.rows[(i * FOLLOWS_PER_SESSION + k) % pool.rows.length]!;
      if (person.id !== session.userId && !excluded.has(`${session.userId}:${person.id}`)) mine.push(person.handle);
    }
    return mine;
  });
  return { reviewIds: reviews.rows.map((r) => r.id), reviewAlbums: albums.rows.map((r) => r.id), follows };
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
  // A follow's notification names its follower, and its dedupe key (kept apart, so that following
  // again never notifies twice) too: both go, so a later soak's follows notify as this one's did.
  const followers = sessions.map((s) => s.userId);
  const followees = `SELECT id FROM users WHERE handle = ANY($3::text[])`;
  const { rowCount } = await db.query(
    `DELETE FROM notifications WHERE created_at >= $1 AND type = 'new_follower' AND data->>'followerId' = ANY($2::text[]) AND user_id IN (${followees})`,
    [since, followers, targets.follows.flat()],
  );
  await db.query(`DELETE FROM notification_dedupe_keys WHERE created_at >= $1 AND key = ANY($2::text[]) AND user_id IN (${followees})`, [
    since,
    followers.map((id) => `new_follower:${id}`),
    targets.follows.flat(),
  ]);
  return { unfollowed: touched.size, reviews: rows.length, notifications: rowCount ?? 0 };
}
