import type { Knex } from 'knex';
import type { Logger } from '../lib/logger';
import { CatalogSeedRepo } from './catalog-seed.repo';
import { seedDemoCatalog, type SeedOptions, type SeedSummary } from './seed-catalog';

export interface FirstRunSeedInput {
  knex: Knex;
  logger: Logger;
  config: { SEED_DEMO_CATALOG: boolean };
}

/**
 * Loads the demo catalog when the albums table is empty; otherwise does nothing. Processes that
 * start together take turns on an advisory lock, so exactly one seeds; the import is one
 * transaction here, so a crash leaves an empty catalog (seeded next start), never half of one.
 * Returns what was loaded, or null when nothing was.
 */
export async function seedOnFirstRun(input: FirstRunSeedInput, options: SeedOptions = {}): Promise<SeedSummary | null> {
  if (!input.config.SEED_DEMO_CATALOG) return null;
  const summary = await new CatalogSeedRepo(input.knex).withSeedLock(async (locked, trx) => {
    if (!(await locked.catalogIsEmpty())) return null;
    return seedDemoCatalog(trx, options);
  });
  if (summary) input.logger.info(summary, `demo catalog seeded: ${summary.artists} artists, ${summary.albums} albums, ${summary.tracks} tracks`);
  return summary;
}
