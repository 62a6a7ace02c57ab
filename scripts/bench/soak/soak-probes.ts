import type { Client } from 'pg';
import type { Redis } from 'ioredis';

/** The api's own figures at one moment, from its `/metrics` (summed over several apis), with the stores' connection counts. */
export interface SoakSample {
  at: number;
  rssBytes: number;
  /** V8's heap in use (live objects and garbage not yet collected): beside RSS, it tells a growing cache or leak from memory V8 keeps. */
  heapUsedBytes: number;
  /** p99 of the event-loop delay since the previous scrape (prom-client resets it on each). */
  loopP99Ms: number;
  /** Connections to the bench database in `pg_stat_activity`, this probe's own left out. */
  postgresConnections: number;
  /** `connected_clients` of Redis's `INFO clients` (the whole server, whoever else uses it). */
  redisClients: number;
}

/** The value of an unlabelled sample in Prometheus exposition text. */
export function metricValue(text: string, name: string): number {
  const match = new RegExp(`^${name} ([0-9.e+-]+)$`, 'm').exec(text);
  if (!match) throw new Error(`the api's /metrics has no ${name}`);
  return Number(match[1]);
}

/**
 * Reads the apis' metrics (with their METRICS_TOKEN) and counts Postgres and Redis connections.
 * With several apis, their resident memory is summed and the worst event-loop delay is kept.
 */
export async function sample(apiUrls: string[], token: string, db: Client, redis: Redis): Promise<SoakSample> {
  const texts = await Promise.all(
    apiUrls.map(async (url) => {
      const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`GET ${url}/metrics answered ${res.status}`);
      return res.text();
    }),
  );
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  const clients = /^connected_clients:(\d+)/m.exec(await redis.info('clients'));
  return {
    at: Date.now(),
    rssBytes: texts.reduce((sum, text) => sum + metricValue(text, 'process_resident_memory_bytes'), 0),
    heapUsedBytes: texts.reduce((sum, text) => sum + metricValue(text, 'nodejs_heap_size_used_bytes'), 0),
    loopP99Ms: Math.max(...texts.map((text) => metricValue(text, 'nodejs_eventloop_lag_p99_seconds') * 1000)),
    postgresConnections: rows[0]!.n,
    redisClients: clients ? Number(clients[1]) : NaN,
  };
}
