import path from 'node:path';
import type { Logger } from '../lib/logger';
import type { Config } from './config';
import { startEmbeddedPostgres } from './infrastructure/embedded-postgres';
import { describeError, InfrastructureError } from './infrastructure/infrastructure-error';
import { probeTcp } from './infrastructure/net';
import { ensureDatabase, ensureDatabaseAtUrl, maintenanceConnection, MUSE_DATABASE, postgresUrl } from './infrastructure/postgres-database';
import { findExecutable, pingFailure, startRedisServer } from './infrastructure/redis-server';

export { InfrastructureError };

export type PostgresSource = 'env' | 'local' | 'embedded';
export type RedisSource = 'env' | 'local' | 'spawned';

export interface Infrastructure {
  databaseUrl: string;
  redisUrl: string;
  mongoUrl?: string;
  sources: { postgres: PostgresSource; redis: RedisSource; documents: 'mongo' | 'postgres' };
  /** Stops whatever this module started (embedded postgres, spawned redis-server); idempotent. */
  stop(): Promise<void>;
}

export interface ResolveOptions {
  /** redis-server to start when no Redis answers: a name looked up on PATH, or a path. Default 'redis-server'. */
  redisServerBin?: string;
  /** Where local servers are probed for. Default '127.0.0.1'. */
  probeHost?: string;
  /** How long a TCP probe waits for an answer. Default 500 ms. */
  probeTimeoutMs?: number;
}

interface Settings {
  host: string;
  probeTimeoutMs: number;
  dataDir: string;
  redisServerBin: string;
}

interface Resolved<S> {
  url: string;
  source: S;
  stop(): Promise<void>;
}

const nothingToStop = async () => undefined;
// Connecting also authenticates, which takes longer than a bare TCP probe.
const LOCAL_CONNECT_TIMEOUT_MS = 3_000;

/**
 * Nothing can start without the database DATABASE_URL names, so a server that cannot be reached
 * (or refuses the credentials) ends the start with one line naming host:port, never the password.
 */
function databaseUrlUnreachable(url: string, reason: string): InfrastructureError {
  const { hostname, port } = new URL(url);
  return new InfrastructureError(
    `Muse could not connect to Postgres at ${hostname}:${port || 5432} from DATABASE_URL (${reason}): ` +
      'start Postgres there, or correct the host, port, user and password in DATABASE_URL (or unset it to use a local or embedded Postgres).',
  );
}

async function resolvePostgres(config: Config, logger: Logger, settings: Settings): Promise<Resolved<PostgresSource>> {
  if (config.DATABASE_URL) {
    logger.info('postgres: using DATABASE_URL');
    const check = await ensureDatabaseAtUrl(config.DATABASE_URL, LOCAL_CONNECT_TIMEOUT_MS);
    if (check.outcome === 'created')
      logger.info(`postgres: database ${decodeURIComponent(new URL(config.DATABASE_URL).pathname.slice(1))} did not exist; created it`);
    if (check.outcome === 'unreachable') throw databaseUrlUnreachable(config.DATABASE_URL, check.reason);
    return { url: config.DATABASE_URL, source: 'env', stop: nothingToStop };
  }
  const { host } = settings;
  const port = config.LOCAL_PG_PORT;
  if (await probeTcp(host, port, settings.probeTimeoutMs)) {
    try {
      const created = await ensureDatabase(maintenanceConnection(host, port, LOCAL_CONNECT_TIMEOUT_MS), MUSE_DATABASE);
      logger.info(`postgres: using local server at ${host}:${port} (database ${MUSE_DATABASE}${created === 'created' ? ', just created' : ''})`);
      return { url: postgresUrl(host, port, MUSE_DATABASE), source: 'local', stop: nothingToStop };
    } catch (err) {
      logger.warn(
        `postgres: a server answers at ${host}:${port} but using it as user postgres without a password failed (${describeError(err)}); starting an embedded Postgres instead`,
      );
    }
  } else {
    logger.warn(`postgres: no DATABASE_URL and nothing answered at ${host}:${port} within ${settings.probeTimeoutMs} ms; starting an embedded Postgres`);
  }
  const embedded = await startEmbeddedPostgres(settings.dataDir, logger);
  return { url: embedded.url, source: 'embedded', stop: embedded.stop };
}

function redisMissing(settings: Settings, port: number): InfrastructureError {
  return new InfrastructureError(
    `Muse needs Redis, and none was found: REDIS_URL is not set, nothing answered at ${settings.host}:${port}, ` +
      `and there is no ${settings.redisServerBin} on PATH for Muse to start. Either set REDIS_URL (e.g. REDIS_URL=redis://127.0.0.1:6379), ` +
      'install Redis so Muse can start it itself (apt-get install redis-server, or brew install redis), or run `docker compose up -d redis`.',
  );
}

async function resolveRedis(config: Config, logger: Logger, settings: Settings): Promise<Resolved<RedisSource>> {
  if (config.REDIS_URL) {
    logger.info('redis: using REDIS_URL');
    return { url: config.REDIS_URL, source: 'env', stop: nothingToStop };
  }
  const { host } = settings;
  const port = config.LOCAL_REDIS_PORT;
  const url = `redis://${host}:${port}`;
  if (await probeTcp(host, port, settings.probeTimeoutMs)) {
    const failure = await pingFailure(url);
    if (!failure) {
      logger.info(`redis: using local server at ${host}:${port}`);
      return { url, source: 'local', stop: nothingToStop };
    }
    logger.warn(`redis: something answers at ${host}:${port} but PING failed (${failure}); starting a redis-server instead`);
  } else {
    logger.warn(`redis: no REDIS_URL and nothing answered at ${host}:${port} within ${settings.probeTimeoutMs} ms; starting a redis-server`);
  }
  const bin = await findExecutable(settings.redisServerBin);
  if (!bin) throw redisMissing(settings, port);
  const spawned = await startRedisServer(bin, settings.dataDir, logger);
  return { url: spawned.url, source: 'spawned', stop: spawned.stop };
}

function once(stop: () => Promise<void>): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => (stopping ??= stop());
}

/**
 * Resolves Postgres, Redis and the document store as DESIGN.md's "Embedded defaults" say: configured URLs
 * first, then servers already running on this machine, then servers this module starts under DATA_DIR
 * (stopped by the returned stop()). Rejects with InfrastructureError when the user must act, and then
 * leaves nothing running.
 */
export async function resolveInfrastructure(config: Config, logger: Logger, options: ResolveOptions = {}): Promise<Infrastructure> {
  const settings: Settings = {
    host: options.probeHost ?? '127.0.0.1',
    probeTimeoutMs: options.probeTimeoutMs ?? 500,
    dataDir: path.resolve(process.cwd(), config.DATA_DIR),
    redisServerBin: options.redisServerBin ?? 'redis-server',
  };
  // Side by side, so an embedded Postgres and a spawned redis-server start at the same time.
  const [postgres, redis] = await Promise.allSettled([resolvePostgres(config, logger, settings), resolveRedis(config, logger, settings)]);
  if (postgres.status === 'rejected' || redis.status === 'rejected') {
    await Promise.all([postgres, redis].map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)));
    throw postgres.status === 'rejected' ? postgres.reason : (redis as PromiseRejectedResult).reason;
  }
  const documents = config.MONGO_URL ? 'mongo' : 'postgres';
  logger.info(documents === 'mongo' ? 'documents: using MongoDB at MONGO_URL' : 'documents: no MONGO_URL; using the Postgres document store');
  return {
    databaseUrl: postgres.value.url,
    redisUrl: redis.value.url,
    mongoUrl: config.MONGO_URL,
    sources: { postgres: postgres.value.source, redis: redis.value.source, documents },
    stop: once(async () => {
      await Promise.all([postgres.value.stop(), redis.value.stop()]);
    }),
  };
}
