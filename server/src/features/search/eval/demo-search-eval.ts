import type { Knex } from 'knex';
import { seedDemoCatalog } from '../../../seed/seed-catalog';
import { createDiscoveryServices } from '../discovery-services';
import { EvalCatalogRepo } from './eval-catalog.repo';
import { buildQuerySet, type QuerySetOptions } from './eval-queries';
import { runSearchEval, type KindResult } from './search-eval';

/** The evaluation's default: 300 albums of the demo catalog, drawn with seed 8. */
export const DEFAULT_EVAL_OPTIONS: QuerySetOptions = { seed: 8, sample: 300 };

/**
 * Loads the demo catalog into a freshly migrated database, builds the labelled query set from
 * it, and runs every query through the real search service.
 */
export async function evaluateDemoSearch(knex: Knex, options: QuerySetOptions = DEFAULT_EVAL_OPTIONS): Promise<KindResult[]> {
  await seedDemoCatalog(knex);
  const catalog = await new EvalCatalogRepo(knex).albums();
  const queries = buildQuerySet(catalog, options);
  return runSearchEval(createDiscoveryServices(knex).search, queries, catalog);
}
