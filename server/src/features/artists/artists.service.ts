import type { ArtistPage } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { AggregateHidden } from '../../http/presenters/catalog.presenter';
import type { CatalogReadModel } from '../catalog/catalog.read-model';
import { presentArtistPage } from './artists.presenter';
import type { ArtistsRepo } from './artists.repo';

export interface ArtistsServiceDeps {
  repo: ArtistsRepo;
  catalog: CatalogReadModel;
  /** The Bayesian prior for album stats (cached by the caller). */
  priorMean: () => Promise<number>;
  /** The pre-release embargo: albums whose aggregate is hidden (none unless given). */
  aggregateHidden?: AggregateHidden;
}

/** Artist pages. */
export class ArtistsService {
  constructor(private readonly deps: ArtistsServiceDeps) {}

  /** The artist and the albums credited to them, newest first; 404 when there is no such artist. */
  async page(id: string): Promise<ArtistPage> {
    const { repo, catalog, priorMean } = this.deps;
    const artist = await repo.findArtist(id);
    if (!artist) throw AppError.notFound('Artist');
    const [albums, prior] = await Promise.all([repo.albumIdsCreditedTo(id).then((ids) => catalog.albumSummaries(ids)), priorMean()]);
    return presentArtistPage(artist, albums, prior, this.deps.aggregateHidden);
  }
}
