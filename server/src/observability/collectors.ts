import { Gauge } from 'prom-client';
import type { Knex } from 'knex';
import type { Queue } from 'bullmq';
import { METRIC_PREFIX, type MuseMetrics } from './metrics';

/** The job states a queue's depth is reported in. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/** What the knex pool (tarn) tells about itself. */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
  max: number;
}

/**
 * Reports a knex pool at scrape time: connections in use and idle (their sum is the pool's size),
 * queries waiting for a connection, and the pool's ceiling.
 */
export function collectDbPool(metrics: MuseMetrics, knex: Knex, pool = 'main'): void {
  const tarn = () => (knex.client as { pool?: TarnPool }).pool;
  new Gauge({
    name: `${METRIC_PREFIX}db_pool_connections`,
    help: 'Postgres connections of the pool, by state (used or idle).',
    labelNames: ['pool', 'state'] as const,
    registers: [metrics.registry],
    collect() {
      const p = tarn();
      this.set({ pool, state: 'used' }, p?.numUsed() ?? 0);
      this.set({ pool, state: 'idle' }, p?.numFree() ?? 0);
    },
  });
  new Gauge({
    name: `${METRIC_PREFIX}db_pool_waiting`,
    help: 'Queries waiting for a Postgres connection from the pool (including connections being opened for them).',
    labelNames: ['pool'] as const,
    registers: [metrics.registry],
    collect() {
      const p = tarn();
      this.set({ pool }, (p?.numPendingAcquires() ?? 0) + (p?.numPendingCreates() ?? 0));
    },
  });
  new Gauge({
    name: `${METRIC_PREFIX}db_pool_max`,
    help: 'Most connections the pool may open.',
    labelNames: ['pool'] as const,
    registers: [metrics.registry],
    collect() {
      this.set({ pool }, tarn()?.max ?? 0);
    },
  });
}

/**
 * Reports how many jobs each queue holds per state, read with `getJobCounts` at scrape time. The
 * counts are kept `cacheMs`, so several scrapers (or a scrape every second) cost Redis one read
 * per queue per period; a failed read drops the series until the next one succeeds, rather than
 * showing stale depths as current.
 */
export function collectQueueDepths(metrics: MuseMetrics, queues: Record<string, Queue>, cacheMs = 5_000): void {
  let cached: { at: number; counts: Promise<Array<[string, Record<string, number>]>> } | undefined;
  const read = () =>
    Promise.all(Object.entries(queues).map(async ([name, q]) => [name, await q.getJobCounts(...QUEUE_STATES)] as [string, Record<string, number>]));
  new Gauge({
    name: `${METRIC_PREFIX}queue_jobs`,
    help: 'Jobs in each BullMQ queue, by state (waiting, active, delayed, failed, completed).',
    labelNames: ['queue', 'state'] as const,
    registers: [metrics.registry],
    async collect() {
      const now = Date.now();
      if (!cached || now - cached.at >= cacheMs) cached = { at: now, counts: read() };
      const mine = cached;
      let counts: Array<[string, Record<string, number>]>;
      try {
        counts = await mine.counts;
      } catch {
        if (cached === mine) cached = undefined;
        this.reset();
        return;
      }
      for (const [queue, byState] of counts) for (const state of QUEUE_STATES) this.set({ queue, state }, byState[state] ?? 0);
    },
  });
}
