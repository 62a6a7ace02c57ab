import type { Knex } from 'knex';
import { seedDemoCatalog } from '../../../seed/seed-catalog';
import { CatalogReadModel } from '../../catalog/catalog.read-model';
import { PriorMeanCache } from '../../../lib/prior-mean.cache';
import { SearchRepo } from '../search.repo';
import { SearchService } from '../search.service';
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
  const prior = new PriorMeanCache(() => new CatalogReadModel(knex).globalAlbumMean());
  // The evaluation measures catalog search; playlists are not part of its query set.
  const search = new SearchService({ repo: new SearchRepo(knex), priorMean: () => prior.get(), playlists: async () => [] });
  return runSearchEval(search, queries, catalog);
}
