import knexFactory, { type Knex } from 'knex';
import type { Logger } from '../lib/logger';
import { migrations } from './migrations';

/**
 * Prepared statements (`preparedQuery`) are planned once per connection, never per call. By
 * default Postgres plans a prepared statement anew for its first five runs and keeps doing so
 * whenever the generic plan's estimate looks worse than the custom ones, which for the `= ANY($1)`
 * lookups of the hot paths it always does: adding a playlist entry spent about 1.7 ms of its
 * Postgres time planning three statements on every call. The setting also reaches knex's own
 * parameterised queries (unnamed statements, still planned at each run, but without looking at
 * the values). Compared statement by statement on the bench data set (every statement of every
 * `npm run bench` scenario logged in both modes), none ran slower with generic plans, and the
 * catalog matching of a conversion into Muse took 20.7 s instead of 104.7 s for 10,000 tracks.
 */
const PLAN_ONCE = '-c plan_cache_mode=force_generic_plan';

/** Opens a knex pool on a Postgres URL; knex's own warnings (a pooled connection lost) go to `logger` when given. */
export function createKnex(databaseUrl: string, poolMax = 10, logger?: Logger): Knex {
  return knexFactory({
    client: 'pg',
    connection: { connectionString: databaseUrl, application_name: 'muse', options: PLAN_ONCE },
    pool: { min: 0, max: poolMax },
    ...(logger && {
      log: {
        warn: (message: unknown) => logger.warn({ knex: message }, 'knex warning'),
        error: (message: unknown) => logger.error({ knex: message }, 'knex error'),
        deprecate: (method: string, alternative: string) => logger.warn({ method, alternative }, 'knex deprecation'),
        debug: (message: unknown) => logger.debug({ knex: message }, 'knex debug'),
      },
    }),
  });
}

const migrationSource: Knex.MigrationSource<readonly [string, { up: Knex.Migration['up']; down?: Knex.Migration['down'] }]> = {
  getMigrations: async () => [...migrations],
  getMigrationName: (m) => m[0],
  getMigration: async (m) => m[1] as Knex.Migration,
};

const migratorConfig = { migrationSource, tableName: 'knex_migrations' };

/** Applies every pending migration; safe to run from several processes at once (knex locks). */
export async function migrateLatest(knex: Knex): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest(migratorConfig)) as [number, string[]];
  return applied;
}

/** Rolls back every migration (used by tests of the `down` functions). */
export async function migrateRollbackAll(knex: Knex): Promise<void> {
  await knex.migrate.rollback(migratorConfig, true);
}

export type { Knex };
