import type { ProviderName } from '@muse/shared';
import type { Logger } from '../../lib/logger';
import { normaliseArtist, normaliseTitle } from '../../lib/music-text';
import { type MusicProvider, type ProviderAlbumSummary, ProviderError } from '../../providers/music-provider.port';
import type { AlbumWithoutCoverRow, ArtworkRepo } from './artwork.repo';
import type { ArtworkService } from './artwork.service';
import { isDownloadableUrl } from './image-download';

export interface CoverBackfillDeps {
  repo: ArtworkRepo;
  artwork: Pick<ArtworkService, 'requestCover'>;
  /** Which services this server can ask, and an app-level provider for each. */
  providers: { available(name: ProviderName): boolean; appProvider(name: ProviderName): MusicProvider };
  logger: Logger;
  /** Albums looked at per run (default 100). */
  batch?: number;
  /** Days before an album no service had is looked up again (default 7). */
  recheckAfterDays?: number;
}

/** What one run did, for the log and the tests. */
export interface BackfillRun {
  looked: number;
  requested: number;
  notFound: number;
}

const SERVICES: readonly ProviderName[] = ['spotify', 'apple'];

/** Strict text match for a cover: the same normalised title and version markers, and the first credited artist among the album's artists. */
function isThisAlbum(hit: ProviderAlbumSummary, album: AlbumWithoutCoverRow): boolean {
  const a = normaliseTitle(hit.title.replace(/\s+-\s+(Single|EP)$/i, ''));
  const b = normaliseTitle(album.title);
  if (!a.text || a.text !== b.text || a.tags.join() !== b.tags.join()) return false;
  const ours = new Set([album.artist_credit, ...album.names].map(normaliseArtist));
  return hit.artists.some((name) => ours.has(normaliseArtist(name))) || ours.has(normaliseArtist(hit.artists.join(' & ')));
}

/** A service that failed in a way that will fail the rest of the run too. */
const serviceIsDown = (err: unknown) =>
  err instanceof ProviderError && (err.kind === 'unavailable' || err.kind === 'rate_limited' || err.kind === 'unauthorized');

/**
 * Gets covers for albums that have none stored: an album that knows its cover's address has it
 * fetched; one that does not is looked up on the usable services (by UPC on Spotify, else by
 * artist and title with a strict match) for the service's artwork, whose address names the
 * service's image at each width pages need (`artworkAddress`). Each run takes a bounded batch, so
 * the worker re-runs it periodically until the catalog is covered. The downloads themselves are
 * `fetch-artwork` jobs.
 */
export class CoverBackfill {
  private readonly batch: number;
  private readonly recheckAfterDays: number;

  constructor(private readonly deps: CoverBackfillDeps) {
    this.batch = deps.batch ?? 100;
    this.recheckAfterDays = deps.recheckAfterDays ?? 7;
  }

  /** Looks at one batch of albums without a stored cover and asks the worker for the covers found. */
  async runOnce(): Promise<BackfillRun> {
    const services = SERVICES.filter((s) => this.deps.providers.available(s));
    const albums = await this.deps.repo.claimAlbumsWithoutCover(this.batch, { lookupPossible: services.length > 0, recheckAfterDays: this.recheckAfterDays });
    const run: BackfillRun = { looked: albums.length, requested: 0, notFound: 0 };
    const down = new Set<ProviderName>();
    const retryLater: string[] = [];
    for (const album of albums) {
      let source = album.cover_url;
      if (!source) {
        const usable = services.filter((s) => !down.has(s));
        if (!usable.length) {
          retryLater.push(album.id);
          continue;
        }
        const found = await this.lookUp(album, usable, down);
        if (found === 'retry') {
          retryLater.push(album.id);
          continue;
        }
        source = found;
      }
      if (!source || !isDownloadableUrl(source)) {
        run.notFound += 1;
        continue;
      }
      await this.deps.artwork.requestCover(album.id, source);
      run.requested += 1;
    }
    await this.deps.repo.releaseClaims(retryLater);
    if (albums.length) this.deps.logger.info({ ...run, retryLater: retryLater.length }, 'cover backfill');
    return run;
  }

  /** The artwork address of the album on the first service that has it; 'retry' when a service failed before saying. */
  private async lookUp(album: AlbumWithoutCoverRow, services: ProviderName[], down: Set<ProviderName>): Promise<string | null | 'retry'> {
    let failed = false;
    for (const name of services) {
      try {
        const url = await this.lookUpOn(name, album);
        if (url) return url;
      } catch (err) {
        failed = true;
        if (serviceIsDown(err)) down.add(name);
        this.deps.logger.warn({ err, albumId: album.id, provider: name }, 'cover look-up failed');
      }
    }
    return failed ? 'retry' : null;
  }

  private async lookUpOn(name: ProviderName, album: AlbumWithoutCoverRow): Promise<string | null> {
    const provider = this.deps.providers.appProvider(name);
    const artist = album.names[0] ?? album.artist_credit;
    if (name === 'spotify' && album.upc) {
      // A UPC names one release; a UPC search that answers several is not trusted.
      const byUpc = await provider.searchAlbums(`upc:${album.upc}`, 2);
      if (byUpc.length === 1 && byUpc[0]!.artworkUrl) return byUpc[0]!.artworkUrl;
    }
    const query = name === 'spotify' ? `album:"${album.title.replace(/"/g, '')}" artist:"${artist.replace(/"/g, '')}"` : `${album.title} ${artist}`;
    const hits = await provider.searchAlbums(query, 10);
    return hits.find((hit) => hit.artworkUrl && isThisAlbum(hit, album))?.artworkUrl ?? null;
  }
}
