import { fork } from 'node:child_process';
import path from 'node:path';
import { connect } from '../lib/pg-admin';
import type { ScenarioResult } from '../report/report';
import { verdictOf } from '../report/report';
import { startMuse, startMuseWorker } from '../server/muse-server';
import { signInPool, type BenchSession } from '../server/session-pool';
import type { ConnectOrder, FromClients } from '../sockets/socket-clients';
import { percentile, round2, type LoadJobRun } from './job-run';

/** Signed-in users holding sockets, and sockets each (tabs and devices): 5,000 in all. */
const HOLDERS = 500;
const SOCKETS_PER_HOLDER = 10;
/** Sockets (the first ones opened, one per holder and more) watching one album page. */
const WATCHERS = 1000;
/** Users who follow the holders (one follow, so one notification, per holder) and rate the watched album. */
const ACTORS = 100;
/** Follows per second while the notifications are timed, and ratings of the watched album. */
const FOLLOW_RATE = 25;
const RATINGS = 40;
const RATING_GAP_MS = 250;
/** How long deliveries may trail the last trigger before the missing ones count as lost. */
const SETTLE_MS = 10_000;

const now = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Trigger {
  sentAt: number;
  status: number;
}

/**
 * A row of the table: `rps` counts triggers fully delivered per second (deliveries over the
 * sockets each trigger reaches), so it compares with the offered rate; p50/p99 are per delivery.
 */
function row(
  name: string,
  latencies: number[],
  fanout: number,
  missing: number,
  failed: number,
  budget: number,
  rate: number,
  seconds: number,
  statuses: Record<string, number>,
): ScenarioResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const result = {
    name,
    rps: round2(latencies.length / Math.max(1, fanout) / seconds),
    p50_ms: sorted.length ? round2(percentile(sorted, 50)) : 0,
    p99_ms: sorted.length ? round2(percentile(sorted, 99)) : 0,
    errors: missing + failed,
    budget_p99_ms: budget,
    target_rate: rate,
    max_rps: 0,
    requests: latencies.length,
    status_codes: statuses,
  };
  return { ...result, verdict: verdictOf(result) };
}

/**
 * `sockets`: DESIGN.md's notification budgets, never measured before. Starts an api and a
 * separate worker on the data set (no music services, no recommendations schedule: nothing else
 * shares the cores with the measurement), signs in 600 users, and has a separate
 * load process (sockets/socket-clients.ts) hold 5,000 Socket.IO clients: 10 for each of 500
 * users, 1,000 of them watching one album page. Then:
 * 1. 500 follows at 25/s, each of a different holder by an actor, so the worker creates one
 *    `new_follower` notification per holder; timed from the follow request leaving the bench
 *    until each of the holder's 10 sockets has it (budget p99 < 100 ms; the time from the
 *    notification's creation, the budget's own definition, is printed too);
 * 2. 40 ratings of the watched album, one every 250 ms by different actors; timed from each
 *    rating request leaving until each of the 1,000 watchers has the aggregate with that rating
 *    counted (budget p99 < 200 ms).
 * A delivery that never arrives counts as an error. The follows, ratings and notifications made
 * are removed at the end, so the reused data set stays the same.
 */
export async function runSockets(run: LoadJobRun): Promise<{ scenarios: ScenarioResult[] }> {
  // No music services (no cover backfill) and no recommendations schedule (no rebuild of 100k
  // users' lists at start): the worker has only the notifications to do, as the budget means.
  const servers = {
    databaseUrl: run.databaseUrl,
    redisUrl: run.redisUrl,
    redisPrefix: run.redisPrefix,
    root: run.root,
    env: { PROVIDER_SANDBOX: 'off', RECS_REBUILD_EVERY_MINUTES: '0' },
  };
  const worker = await startMuseWorker(servers);
  run.stopLater('stop the sockets worker', () => worker.stop());
  const api = await startMuse(servers);
  run.stopLater('stop the sockets api', () => api.stop());
  run.log(`sockets: Muse api at ${api.url} and a worker apart`);

  const sessions = await signInPool(api.url, run.databaseUrl, HOLDERS + ACTORS, run.password);
  const holders = sessions.slice(0, HOLDERS);
  const actors = sessions.slice(HOLDERS);
  const db = await connect(run.databaseUrl);
  const startedAt = new Date();
  const made = { follows: [] as { actor: BenchSession; handle: string }[], ratings: [] as { actor: BenchSession; albumId: string }[] };
  const clients = fork(path.join(__dirname, '../sockets/socket-clients.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  run.stopLater('stop the socket load process', async () => {
    if (clients.exitCode === null) clients.kill('SIGKILL');
  });
  const next = (type: FromClients['type']) => new Promise<FromClients>((resolve) => clients.once('message', (m: FromClients) => m.type === type && resolve(m)));
  try {
    const { rows: handles } = await db.query<{ id: string; handle: string }>('SELECT id::text, handle FROM users WHERE id = ANY($1::bigint[])', [
      holders.map((h) => h.userId),
    ]);
    const handleOf = new Map(handles.map((r) => [r.id, r.handle]));
    const { rows: existing } = await db.query<{ pair: string }>(
      `SELECT follower_id || ':' || followee_id AS pair FROM follows WHERE follower_id = ANY($1::bigint[]) AND followee_id = ANY($2::bigint[])`,
      [actors.map((a) => a.userId), holders.map((h) => h.userId)],
    );
    const followed = new Set(existing.map((r) => r.pair));
    const { rows: albums } = await db.query<{ id: string; count: number }>(
      `SELECT a.id::text, coalesce(s.count, 0) AS count FROM albums a LEFT JOIN album_rating_stats s ON s.album_id = a.id
        WHERE NOT EXISTS (SELECT 1 FROM album_ratings r WHERE r.album_id = a.id AND r.user_id = ANY($1::bigint[]))
        ORDER BY a.id LIMIT 1`,
      [actors.map((a) => a.userId)],
    );
    const album = albums[0]!;

    const connected = next('connected');
    clients.send({
      type: 'connect',
      url: api.url,
      cookies: holders.map((h) => h.cookie),
      socketsPerUser: SOCKETS_PER_HOLDER,
      albumId: album.id,
      watchers: WATCHERS,
    } satisfies ConnectOrder);
    const opened = (await connected) as Extract<FromClients, { type: 'connected' }>;
    run.log(
      `sockets: ${opened.sockets} sockets connected in ${opened.seconds.toFixed(1)} s (${opened.failed} refused), ${opened.watching} watching album ${album.id}`,
    );

    // 1. Notifications: one follow per holder, at a steady rate, never waiting on an answer.
    const follows = new Map<number, Trigger>();
    const sends: Promise<void>[] = [];
    const t0 = now();
    holders.forEach((holder, user) => {
      // Actors in turn, skipping one who already follows this holder (no new notification then).
      const turn = Array.from({ length: ACTORS }, (_, n) => actors[(user + n) % ACTORS]!);
      const actor = turn.find((a) => a.userId !== holder.userId && !followed.has(`${a.userId}:${holder.userId}`));
      if (!actor) return;
      const handle = handleOf.get(holder.userId)!;
      sends.push(
        (async () => {
          await sleep(Math.max(0, t0 + (user * 1000) / FOLLOW_RATE - now()));
          const sentAt = now();
          const res = await fetch(`${api.url}/api/users/${encodeURIComponent(handle)}/follow`, {
            method: 'PUT',
            headers: { cookie: actor.cookie, 'x-csrf-token': actor.csrfToken },
          });
          await res.arrayBuffer();
          follows.set(user, { sentAt, status: res.status });
          if (res.ok) made.follows.push({ actor, handle });
        })(),
      );
    });
    await Promise.all(sends);
    const followSeconds = (now() - t0) / 1000;
    await sleep(SETTLE_MS);

    // 2. Album page: one rating at a time, each counted once more in the aggregate.
    const ratings: Trigger[] = [];
    for (let k = 0; k < RATINGS; k += 1) {
      const slot = now();
      const actor = actors[k]!;
      const res = await fetch(`${api.url}/api/albums/${album.id}/rating`, {
        method: 'PUT',
        headers: { cookie: actor.cookie, 'x-csrf-token': actor.csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ rating: 4 }),
      });
      await res.arrayBuffer();
      ratings.push({ sentAt: slot, status: res.status });
      if (res.ok) made.ratings.push({ actor, albumId: album.id });
      await sleep(Math.max(0, slot + RATING_GAP_MS - now()));
    }
    const ratingSeconds = (RATINGS * RATING_GAP_MS) / 1000;
    await sleep(SETTLE_MS);

    const reported = next('report');
    clients.send({ type: 'report' });
    const report = (await reported) as Extract<FromClients, { type: 'report' }>;

    const statuses = (triggers: Iterable<Trigger>) => {
      const out: Record<string, number> = {};
      for (const t of triggers) out[String(t.status)] = (out[String(t.status)] ?? 0) + 1;
      return out;
    };
    // Each holder's sockets: the first notification after the follow left, one per socket.
    const endToEnd: number[] = [];
    const fromCreation: number[] = [];
    for (const seen of report.notifications) {
      const trigger = follows.get(seen.user);
      if (!trigger || seen.at < trigger.sentAt) continue;
      endToEnd.push(seen.at - trigger.sentAt);
      fromCreation.push(seen.at - Date.parse(seen.createdAt));
    }
    const okFollows = [...follows.values()].filter((t) => t.status >= 200 && t.status < 300).length;
    const notificationRow = row(
      `socket-notification (${opened.sockets} sockets)`,
      endToEnd,
      SOCKETS_PER_HOLDER,
      Math.max(0, okFollows * SOCKETS_PER_HOLDER - endToEnd.length),
      follows.size - okFollows,
      100,
      FOLLOW_RATE,
      followSeconds,
      statuses(follows.values()),
    );
    const created = [...fromCreation].sort((a, b) => a - b);
    run.log(
      `sockets: ${endToEnd.length} notifications delivered of ${okFollows * SOCKETS_PER_HOLDER} expected; from the follow request p50 ${notificationRow.p50_ms} ms, p99 ${notificationRow.p99_ms} ms; from the notification's creation p50 ${created.length ? round2(percentile(created, 50)) : '-'} ms, p99 ${created.length ? round2(percentile(created, 99)) : '-'} ms`,
    );

    // Watchers: the aggregate counting rating k arrives as count = before + k + 1.
    const live: number[] = [];
    for (const seen of report.stats) {
      const k = seen.count - album.count - 1;
      const trigger = ratings[k];
      if (trigger && seen.at >= trigger.sentAt) live.push(seen.at - trigger.sentAt);
    }
    const okRatings = ratings.filter((t) => t.status >= 200 && t.status < 300).length;
    const albumRow = row(
      `album-live (${opened.watching} watchers)`,
      live,
      opened.watching,
      Math.max(0, okRatings * opened.watching - live.length),
      ratings.length - okRatings,
      200,
      RATINGS / ratingSeconds,
      ratingSeconds,
      statuses(ratings),
    );
    run.log(
      `sockets: ${live.length} album updates delivered of ${okRatings * opened.watching} expected; ${report.disconnects} sockets disconnected during the run`,
    );
    return { scenarios: [notificationRow, albumRow] };
  } finally {
    clients.send({ type: 'close' });
    for (const { actor, handle } of made.follows)
      await fetch(`${api.url}/api/users/${encodeURIComponent(handle)}/follow`, {
        method: 'DELETE',
        headers: { cookie: actor.cookie, 'x-csrf-token': actor.csrfToken },
      }).catch(() => undefined);
    for (const { actor, albumId } of made.ratings)
      await fetch(`${api.url}/api/albums/${albumId}/rating`, { method: 'DELETE', headers: { cookie: actor.cookie, 'x-csrf-token': actor.csrfToken } }).catch(
        () => undefined,
      );
    // The follows' notifications and their dedupe keys (kept apart so that following again never
    // notifies twice): without the keys, the next run's follows of the same pairs would notify nobody.
    const holderIds = holders.map((h) => h.userId);
    await db
      .query(`DELETE FROM notifications WHERE user_id = ANY($1::bigint[]) AND created_at >= $2 AND type = 'new_follower'`, [holderIds, startedAt])
      .catch(() => undefined);
    await db
      .query('DELETE FROM notification_dedupe_keys WHERE user_id = ANY($1::bigint[]) AND created_at >= $2 AND key = ANY($3::text[])', [
        holderIds,
        startedAt,
        actors.map((a) => `new_follower:${a.userId}`),
      ])
      .catch(() => undefined);
    await db.end();
  }
}
