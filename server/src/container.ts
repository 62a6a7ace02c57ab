import type { Redis } from 'ioredis';
import type { Knex } from 'knex';
import { cookiesAreSecure, type Config } from './config/config';
import { createBlockingRedis, createFailFastRedis, redisReady } from './config/infrastructure/redis-connections';
import { createKnex } from './db/knex';
import { createDocumentStore } from './docstore/create-document-store';
import type { DocumentStore } from './docstore/document-store.port';
import { AuthService } from './features/auth/auth.service';
import { LoginThrottle } from './features/auth/login-throttle';
import { SessionStore } from './features/auth/session.store';
import { UsersRepo } from './features/auth/users.repo';
import { AdminService } from './features/admin/admin.service';
import { CatalogRepo } from './features/catalog/catalog.repo';
import { ChartsCache } from './features/charts/charts.cache';
import { ChartsRepo } from './features/charts/charts.repo';
import { requestChartsRefresh } from './features/charts/charts-schedule';
import { ChartsService } from './features/charts/charts.service';
import { createImportsService } from './features/imports/imports.factory';
import { ImportRecovery } from './features/imports/import-recovery';
import { ImportsRepo } from './features/imports/imports.repo';
import { ReadinessChecks } from './features/health/readiness';
import { ExportsRepo } from './features/exports/exports.repo';
import { ExportsService } from './features/exports/exports.service';
import type { ImportsService } from './features/imports/imports.service';
import { createListeningServices, type ListeningServices } from './features/albums/listening-services';
import { createDiscoveryServices, type DiscoveryServices } from './features/search/discovery-services';
import { createFeedServices, type FeedServices } from './features/feed/feed-services';
import { createSocialServices, type SocialServices } from './features/follows/social-services';
import { NotificationsRepo } from './features/notifications/notifications.repo';
import { NotificationsService } from './features/notifications/notifications.service';
import { NotificationPreferencesRepo } from './features/notifications/notification-preferences.repo';
import { NotificationPreferencesService } from './features/notifications/notification-preferences.service';
import { ModerationRepo } from './features/moderation/moderation.repo';
import { ModerationService } from './features/moderation/moderation.service';
import { JobQueues } from './jobs/queues';
import { RateLimiter } from './lib/rate-limiter';
import type { Logger } from './lib/logger';
import { DomainEventPublisher } from './realtime/domain-events';

export interface ContainerInput {
  config: Config;
  logger: Logger;
  databaseUrl: string;
  redisUrl: string;
  mongoUrl?: string;
}

/** Notification settings and moderation (reports, hiding, suspension). */
export interface ModerationServices {
  notificationPreferences: NotificationPreferencesService;
  moderation: ModerationService;
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
  repos: { users: UsersRepo; notifications: NotificationsRepo };
  services: { auth: AuthService; notifications: NotificationsService; admin: AdminService; charts: ChartsService; imports: ImportsService; importRecovery: ImportRecovery; exports: ExportsService } & ListeningServices & DiscoveryServices & FeedServices & ModerationServices & SocialServices;
  /** A new Redis connection for consumers that block (BullMQ workers, stream readers). */
  newRedisConnection(): Redis;
  close(): Promise<void>;
}

/** Wires the process's dependencies from resolved infrastructure. */
export async function createContainer(input: ContainerInput): Promise<Container> {
  const { config, logger } = input;
  const knex = createKnex(input.databaseUrl);
  // Concurrent requests' commands (sessions, rate limits, events) share round trips.
  const redis = createFailFastRedis(input.redisUrl, { enableAutoPipelining: true });
  // Enqueuing happens inside requests too, so producers fail fast like the request connection.
  const queueConnection = createFailFastRedis(input.redisUrl);
  const extraConnections: Redis[] = [queueConnection];
  const newRedisConnection = () => {
    const connection = createBlockingRedis(input.redisUrl);
    extraConnections.push(connection);
    return connection;
  };
  await Promise.all([redisReady(redis), redisReady(queueConnection)]).catch(async (err: unknown) => {
    redis.disconnect();
    queueConnection.disconnect();
    await knex.destroy();
    throw err;
  });
  const documentStore = await createDocumentStore({ mongoUrl: input.mongoUrl, knex });
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
  // Every append goes through the activity recorder: default visibility, then feed fan-out.
  const { docs, ...feedServices } = createFeedServices({ knex, redis, prefix, docs: documentStore, queues, events });
  const users = new UsersRepo(knex);
  const notificationsRepo = new NotificationsRepo(knex);
  const notificationPreferencesRepo = new NotificationPreferencesRepo(knex);
  const notifications = new NotificationsService(notificationsRepo, events, notificationPreferencesRepo);
  const moderationServices: ModerationServices = {
    notificationPreferences: new NotificationPreferencesService(notificationPreferencesRepo),
    moderation: new ModerationService({ knex, repo: new ModerationRepo(knex), sessions, events, notifications, logger }),
  };
  const auth = new AuthService({
    users,
    sessions,
    docs,
    queues,
    events,
    adminHandles: config.ADMIN_HANDLES,
    loginThrottle: new LoginThrottle(rateLimiter, config.LOGIN_RATE_ACCOUNT_MAX, config.LOGIN_RATE_WINDOW_SECONDS),
    timelines: feedServices.timelines,
    logger,
  });
  const admin = new AdminService(queues);
  const charts = new ChartsService({
    repo: new ChartsRepo(knex),
    catalog: new CatalogRepo(knex),
    cache: new ChartsCache(redis, prefix),
    requestRefresh: () => requestChartsRefresh(queues),
  });
  const listening = createListeningServices({ knex, docs, events, queues, users, logger });
  const discovery = createDiscoveryServices(knex);
  const social = createSocialServices({ knex, docs, queues, logger });
  const imports = createImportsService({ knex, docs, queues, events, notifications, ratings: listening.ratings });

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
    repos: { users, notifications: notificationsRepo },
    services: { auth, notifications, admin, charts, imports, importRecovery: new ImportRecovery({ repo: new ImportsRepo(knex), queues }), exports: new ExportsService(new ExportsRepo(knex)), ...listening, ...discovery, ...feedServices, ...moderationServices, ...social },
    newRedisConnection,
    async close() {
      await queues.close();
      await docs.close();
      await knex.destroy();
      await Promise.all([redis, ...extraConnections].map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
