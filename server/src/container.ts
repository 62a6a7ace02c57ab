import type { Redis } from 'ioredis';
import type { Knex } from 'knex';
import { cookiesAreSecure, type Config } from './config/config';
import { createBlockingRedis, createFailFastRedis, redisReady } from './config/infrastructure/redis-connections';
import { composeServices, type Composition, type Services } from './composition-root';
import { createKnex } from './db/knex';
import { createDocumentStore } from './docstore/create-document-store';
import { CachedActivityReads } from './docstore/cached-activity';
import type { DocumentStore } from './docstore/document-store.port';
import { SessionStore } from './features/auth/session.store';
import { ReadinessChecks } from './features/health/readiness';
import { JobQueues } from './jobs/queues';
import { RateLimiter } from './lib/rate-limiter';
import type { Logger } from './lib/logger';
import { DomainEventPublisher } from './realtime/domain-events';
import { type ProviderSetup } from './providers/provider-config';
import { ProviderFactory } from './providers/provider-factory';
import { SharedPacing } from './providers/shared-token-bucket';
import { collectDbPool, collectQueueDepths } from './observability/collectors';
import { MuseMetrics } from './observability/metrics';
import { timeRedisCommands } from './observability/redis-timing';

export interface ContainerInput {
  config: Config;
  logger: Logger;
  databaseUrl: string;
  redisUrl: string;
  mongoUrl?: string;
  /** Where Spotify and Apple Music are (real or the sandbox); none when omitted, so provider features say they are unavailable. */
  providerSetup?: ProviderSetup;
  /** The process's metrics (a process makes them once, with its process metrics); a fresh registry when omitted. */
  metrics?: MuseMetrics;
}

/** Everything a process needs, built once; `close` releases it in reverse order. */
export interface Container {
  config: Config;
  logger: Logger;
  redisUrl: string;
  secureCookies: boolean;
  knex: Knex;
  redis: Redis;
  docs: DocumentStore;
  sessions: SessionStore;
  rateLimiter: RateLimiter;
  events: DomainEventPublisher;
  queues: JobQueues;
  /** Checks that running parts (the api's domain-event consumer) add to /readyz. */
  readiness: ReadinessChecks;
  /** Makes Spotify and Apple Music providers (per connection and app-level) for this process. */
  providers: ProviderFactory;
  /** Prometheus metrics of this process, served at /metrics. */
  metrics: MuseMetrics;
  repos: Composition['repos'];
  services: Services;
  /** A new Redis connection for consumers that block (BullMQ workers, stream readers). */
  newRedisConnection(): Redis;
  close(): Promise<void>;
}

/** No music service configured: what a container gets when its starter resolved none. */
const NO_PROVIDERS: ProviderSetup = { spotify: null, apple: null, sandboxUrl: null };

/** Wires the process's dependencies from resolved infrastructure. */
export async function createContainer(input: ContainerInput): Promise<Container> {
  const { config, logger } = input;
  const metrics = input.metrics ?? new MuseMetrics();
  const knex = createKnex(input.databaseUrl, undefined, logger);
  // Concurrent requests' commands (sessions, rate limits, events) share round trips.
  const redis = createFailFastRedis(input.redisUrl, { enableAutoPipelining: true });
  // Enqueuing happens inside requests too, so producers fail fast like the request connection.
  const queueConnection = createFailFastRedis(input.redisUrl);
  const extraConnections: Redis[] = [queueConnection];
  const newRedisConnection = () => {
    const connection = createBlockingRedis(input.redisUrl);
    timeRedisCommands(connection, metrics);
    extraConnections.push(connection);
    return connection;
  };
  timeRedisCommands(redis, metrics);
  timeRedisCommands(queueConnection, metrics);
  await Promise.all([redisReady(redis), redisReady(queueConnection)]).catch(async (err: unknown) => {
    redis.disconnect();
    queueConnection.disconnect();
    await knex.destroy();
    throw err;
  });
  const store = await createDocumentStore({ mongoUrl: input.mongoUrl, knex });
  // Every reader of activity by id shares one cache, and the one deleting activity evicts it.
  const documentStore: DocumentStore = { ...store, activity: new CachedActivityReads(store.activity) };
  const prefix = config.REDIS_PREFIX;
  const sessions = new SessionStore(redis, {
    prefix,
    idleSeconds: config.SESSION_IDLE_MINUTES * 60,
    absoluteSeconds: config.SESSION_ABSOLUTE_DAYS * 24 * 3600,
  });
  const rateLimiter = new RateLimiter(redis, prefix);
  const events = new DomainEventPublisher(redis, prefix);
  const queues = new JobQueues({
    connection: queueConnection,
    prefix: `${prefix}bull`,
    attempts: config.JOB_ATTEMPTS,
    backoffMs: config.JOB_BACKOFF_MS,
    logger,
  });
  const providers = new ProviderFactory(
    input.providerSetup ?? NO_PROVIDERS,
    { maxRateLimitWaitMs: config.PROVIDER_RATE_LIMIT_GIVE_UP_MS },
    (provider, endpoint, outcome) => metrics.providerCalls.inc({ provider, endpoint, outcome }),
    // One token bucket per connection for every process (api and workers), kept in Redis.
    new SharedPacing({ redis, prefix: config.REDIS_PREFIX, logger }),
  );
  collectDbPool(metrics, knex);
  collectQueueDepths(metrics, queues.byName);
  const { services, docs, repos } = composeServices({ config, logger, knex, redis, documentStore, sessions, rateLimiter, events, queues, providers });

  return {
    config,
    logger,
    redisUrl: input.redisUrl,
    secureCookies: cookiesAreSecure(config),
    knex,
    redis,
    docs,
    sessions,
    rateLimiter,
    events,
    queues,
    readiness: new ReadinessChecks(),
    providers,
    metrics,
    repos,
    services,
    newRedisConnection,
    async close() {
      await queues.close();
      await docs.close();
      await knex.destroy();
      await Promise.all([redis, ...extraConnections].map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
