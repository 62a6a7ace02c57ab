import type { Knex } from 'knex';
import { ArtistsRepo } from '../artists/artists.repo';
import { ArtistsService } from '../artists/artists.service';
import { CatalogRepo } from '../catalog/catalog.repo';
import { PriorMeanCache } from '../ratings/prior-mean.cache';
import { SearchRepo } from './search.repo';
import { SearchService } from './search.service';

/** Finding music: the search box and artist pages. */
export interface DiscoveryServices {
  search: SearchService;
  artists: ArtistsService;
}

/** Wires search and artist pages; they share one in-process cache (60 s) of the album prior. */
export function createDiscoveryServices(knex: Knex): DiscoveryServices {
  const catalog = new CatalogRepo(knex);
  const prior = new PriorMeanCache(() => catalog.globalAlbumMean());
  const priorMean = () => prior.get();
  return {
    search: new SearchService({ repo: new SearchRepo(knex), priorMean }),
    artists: new ArtistsService({ repo: new ArtistsRepo(knex), catalog, priorMean }),
  };
}
