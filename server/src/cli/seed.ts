import { ConfigError, loadConfig } from '../config/config';
import { InfrastructureError, resolveInfrastructure } from '../config/infrastructure';
import { createKnex, migrateLatest } from '../db/knex';
import { createLogger } from '../lib/logger';
import { seedDemoCatalog } from '../seed/seed-catalog';

/**
 * `npm run seed`: loads the Discogs demo catalog into the database `npm start` would use (same
 * resolution of DATABASE_URL, local or embedded Postgres), migrating it first. Safe to rerun:
 * rows are updated in place and ratings are kept.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL).child({ role: 'seed' });
  const infra = await resolveInfrastructure(config, logger);
  const knex = createKnex(infra.databaseUrl);
  try {
    await migrateLatest(knex);
    const started = Date.now();
    const summary = await seedDemoCatalog(knex);
    process.stdout.write(
      `Demo catalog loaded: ${summary.artists} artists, ${summary.albums} albums, ${summary.tracks} tracks (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
    );
  } finally {
    await knex.destroy();
    await infra.stop();
  }
}

main().catch((err: unknown) => {
  const known = err instanceof ConfigError || err instanceof InfrastructureError;
  console.error(known ? (err as Error).message : 'Seeding failed:', known ? '' : err);
  process.exit(1);
});
