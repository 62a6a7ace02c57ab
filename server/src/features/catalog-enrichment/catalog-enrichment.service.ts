import type { Knex } from 'knex';
import type { ExternalAlbumAdded, ExternalAlbumAddInput, ExternalSearchQuery, ExternalSearchResults, ProviderName } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { Logger } from '../../lib/logger';
import type { CatalogChangeMarks } from '../search/search-versions';
import { normaliseTitle } from '../../lib/music-text';
import type { MusicProvider, ProviderAlbum } from '../../providers/music-provider.port';
import type { ArtworkService } from '../artwork/artwork.service';
import { presentCoverUrl } from '../../http/presenters/catalog.presenter';
import type { ConnectionsService } from '../connections/connections.service';
import { withDeadline } from '../../lib/deadline';
import { normaliseIsrc } from '../../lib/isrc';
import { cleanUpc, creditOf, editionOf, isrcSetsAgree, releaseDateOf, sameRelease } from './album-identity';
import type { CandidateAlbumRow, CatalogEnrichmentRepo, NewAlbum } from './catalog-enrichment.repo';
import { CounterpartLookup, otherService } from './counterpart-lookup';
import { asProblem, serviceName } from './provider-problems';

export interface CatalogEnrichmentDeps {
  repo: CatalogEnrichmentRepo;
  /** Whether a service is usable on this server, and a provider acting for a user's connection. */
  connections: Pick<ConnectionsService, 'available' | 'providerFor'>;
  /** App-level providers, for people who have not connected the service. */
  appProvider(name: ProviderName): MusicProvider;
  artwork: Pick<ArtworkService, 'requestCover'>;
  /** Told after an album is added or merged, so kept search answers are read again. */
  catalogChanges?: CatalogChangeMarks;
  logger: Logger;
  /**
   * How long a person waits for the service before a 503 (default 15 s for a search, 45 s for reading
   * an album), and for the other service's counterpart of an added album before the album is added
   * without it (default 10 s, and never past the album's own deadline).
   */
  deadlines?: { searchMs: number; readAlbumMs: number; counterpartMs?: number };
}

/** Albums a service search shows; Spotify answers at most 10. */
const SEARCH_LIMIT = 10;
const TITLE_MAX = 1000;
const NAME_MAX = 500;

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);
const serviceColumn = (provider: ProviderName): 'spotify_id' | 'apple_id' => (provider === 'spotify' ? 'spotify_id' : 'apple_id');

/**
 * Grows the catalog from Spotify and Apple Music: searches a service for albums (marking those
 * Muse has already), and adds one with its tracks, ISRCs and UPC once, merging it into the
 * album Muse already has (by UPC, then ISRC set, then artist and title) instead of making a
 * second one. The same release on the other service gives the album and its tracks that
 * service's ids too, when it is found in time. The cover is left to the worker; nothing here
 * waits for it.
 */
export class CatalogEnrichmentService {
  private readonly deadlines: { searchMs: number; readAlbumMs: number; counterpartMs: number };
  private readonly counterparts: CounterpartLookup;

  constructor(private readonly deps: CatalogEnrichmentDeps) {
    this.deadlines = { searchMs: 15_000, readAlbumMs: 45_000, counterpartMs: 10_000, ...deps.deadlines };
    this.counterparts = new CounterpartLookup({ available: (name) => deps.connections.available(name), appProvider: (name) => deps.appProvider(name) });
  }

  /** Albums on the service, each with the catalog album it already is (or null). */
  async search(userId: string, query: ExternalSearchQuery): Promise<ExternalSearchResults> {
    const provider = await this.providerFor(userId, query.provider);
    const hits = await asProblem(query.provider, () => provider.searchAlbums(query.q, SEARCH_LIMIT), { deadlineMs: this.deadlines.searchMs });
    const candidates = await this.deps.repo.candidates(
      query.provider,
      hits.map((h) => ({ serviceId: h.id, upc: cleanUpc(h.upc), text: `${h.title} ${h.artists.join(' ')}` })),
    );
    return {
      provider: query.provider,
      query: query.q,
      albums: hits.map((hit, i) => {
        const known = this.knownAs(query.provider, { id: hit.id, upc: cleanUpc(hit.upc), title: hit.title, artists: hit.artists }, candidates.get(i) ?? []);
        return {
          provider: query.provider,
          id: hit.id,
          title: hit.title,
          artists: hit.artists,
          releaseYear: releaseDateOf(hit.releaseDate).year,
          trackCount: hit.trackCount,
          url: hit.url,
          inCatalog: known?.id ?? null,
          coverUrl: known ? presentCoverUrl(known.cover_key) : null,
        };
      }),
    };
  }

  /**
   * Adds the service's album to the catalog, or finds the album it already is there and gives
   * that the service's ids, UPC and ISRCs. `created` says which. The other service's album,
   * when found in time, gives its ids too. Concurrent calls for one album make one album: the
   * writes take one lock, and look again for the album under it.
   */
  async addAlbum(userId: string, input: ExternalAlbumAddInput): Promise<ExternalAlbumAdded> {
    const started = Date.now();
    const provider = await this.providerFor(userId, input.provider);
    const already = await this.deps.repo.findByServiceId(input.provider, input.id);
    if (already) return { albumId: already.id, created: false };

    const album = await asProblem(input.provider, () => provider.readAlbum(input.id), { what: 'album', deadlineMs: this.deadlines.readAlbumMs });
    const wanted = this.newAlbum(input.provider, album);
    // Merging into an album that has the other service's id already, there is nothing to look up.
    const known = await this.findExisting(wanted);
    const counterpart = known?.[serviceColumn(otherService(input.provider))]
      ? null
      : await this.counterpartOf(input.provider, album, Math.min(this.deadlines.counterpartMs, this.deadlines.readAlbumMs - (Date.now() - started)));
    const outcome = await this.deps.repo.withEnrichmentLock(async (trx) => {
      const existing =
        (await this.findExisting(wanted, trx)) ?? (counterpart ? await this.deps.repo.findByServiceId(counterpart.provider, counterpart.serviceId, trx) : null);
      if (existing) {
        await this.merge(trx, existing, wanted);
        if (counterpart) await this.merge(trx, existing, counterpart);
        return { albumId: existing.id, created: false, hasCover: existing.cover_key !== null };
      }
      const albumId = await this.deps.repo.insertAlbum(trx, wanted);
      if (counterpart) await this.merge(trx, { id: albumId }, counterpart);
      return { albumId, created: true, hasCover: false };
    });
    await this.deps.catalogChanges?.changed();
    if (!outcome.hasCover && wanted.coverUrl) await this.requestCover(outcome.albumId, wanted.coverUrl);
    return { albumId: outcome.albumId, created: outcome.created };
  }

  /**
   * The same release on the other service, as the catalog would store it, or null: that service
   * is not set up, has no album sure to be this one, fails, or takes longer than `budgetMs`. Never
   * an error, and never a wait past the budget: the album is then added with one service's ids,
   * and adding it later from the other service still merges the two.
   */
  private async counterpartOf(from: ProviderName, album: ProviderAlbum, budgetMs: number): Promise<NewAlbum | null> {
    if (budgetMs <= 0) return null;
    const other = otherService(from);
    const stop = new AbortController();
    try {
      const found = await withDeadline(this.counterparts.find(from, album, stop.signal), budgetMs, () => 'late' as const);
      if (found === 'late') {
        this.deps.logger.info(
          { provider: other, albumId: album.id, budgetMs },
          'the other service was too slow to find an added album on; it keeps one service’s ids',
        );
        return null;
      }
      return found && this.newAlbum(other, found);
    } catch (err) {
      this.deps.logger.warn({ err, provider: other, albumId: album.id }, 'could not look an added album up on the other service; it keeps one service’s ids');
      return null;
    } finally {
      // A lookup still running makes no further call.
      stop.abort();
    }
  }

  /** The user's own connection when it works, else the app's access to the service. */
  private async providerFor(userId: string, name: ProviderName): Promise<MusicProvider> {
    if (!this.deps.connections.available(name)) throw new AppError(404, 'provider_not_configured', `${serviceName(name)} is not set up on this server.`);
    try {
      return await this.deps.connections.providerFor(userId, name);
    } catch (err) {
      // Not connected, or the connection needs reconnecting: the catalog is public either way.
      if (err instanceof AppError && (err.status === 404 || err.status === 409)) return this.deps.appProvider(name);
      throw err;
    }
  }

  /** The catalog album a search hit already is: the one with its service id, else its UPC, else one with the same artist and title. */
  private knownAs(
    provider: ProviderName,
    hit: { id: string; upc: string | null; title: string; artists: string[] },
    candidates: CandidateAlbumRow[],
  ): CandidateAlbumRow | null {
    const column = provider === 'spotify' ? 'spotify_id' : 'apple_id';
    return (
      candidates.find((c) => c[column] === hit.id) ??
      (hit.upc ? candidates.find((c) => c.upc === hit.upc) : undefined) ??
      candidates.find((c) => sameRelease(hit, { title: c.title, artistCredit: c.artist_credit, names: c.names })) ??
      null
    );
  }

  /** The catalog album this one is: by service id, then UPC, then ISRC set, then artist and title. */
  private async findExisting(album: NewAlbum, db?: Knex): Promise<CandidateAlbumRow | null> {
    const { repo } = this.deps;
    const byId = await repo.findByServiceId(album.provider, album.serviceId, db);
    if (byId) return byId;
    if (album.upc) {
      const byUpc = await repo.findByUpc(album.upc, db);
      if (byUpc[0]) return byUpc[0];
    }
    const isrcs = new Set(album.tracks.flatMap((t) => (t.isrc ? [t.isrc] : [])));
    const sharing = await repo.albumsSharingIsrcs([...isrcs], db);
    const byIsrcs = sharing.find((s) => isrcSetsAgree(isrcs, new Set(s.isrcs)));
    if (byIsrcs) return repo.findById(byIsrcs.album_id, db);
    const byText =
      (await repo.candidates(album.provider, [{ serviceId: album.serviceId, text: `${album.title} ${album.artists.join(' ')}` }], db)).get(0) ?? [];
    return byText.find((c) => sameRelease(album, { title: c.title, artistCredit: c.artist_credit, names: c.names })) ?? null;
  }

  /**
   * Gives the catalog album the service's id (unless another album carries it), UPC and cover
   * source where it has none, and each of its tracks the service's track id and ISRC, matched by
   * ISRC, else by title in order.
   */
  private async merge(trx: Knex.Transaction, existing: { id: string }, album: NewAlbum): Promise<void> {
    const { repo } = this.deps;
    const holder = await repo.findByServiceId(album.provider, album.serviceId, trx);
    await repo.fillAlbum(trx, existing.id, {
      provider: album.provider,
      serviceId: holder && holder.id !== existing.id ? null : album.serviceId,
      upc: album.upc,
      coverUrl: album.coverUrl,
    });
    const tracks = await repo.tracksOf(existing.id, trx);
    const taken = await repo.takenTrackIds(
      album.provider,
      album.tracks.map((t) => t.serviceId),
      trx,
    );
    const column = serviceColumn(album.provider);
    const used = new Set<string>();
    for (const track of album.tracks) {
      const title = normaliseTitle(track.title);
      const ours =
        (track.isrc ? tracks.find((t) => !used.has(t.id) && t.isrc === track.isrc) : undefined) ??
        tracks.find((t) => {
          if (used.has(t.id)) return false;
          const theirs = normaliseTitle(t.title);
          return theirs.text === title.text && theirs.tags.join() === title.tags.join();
        });
      if (!ours) continue;
      used.add(ours.id);
      const serviceId = ours[column] === null && !taken.has(track.serviceId) ? track.serviceId : null;
      const isrc = ours.isrc === null ? track.isrc : null;
      if (serviceId || isrc) await repo.fillTrack(trx, ours.id, { provider: album.provider, serviceId, isrc });
      if (serviceId) taken.add(serviceId);
    }
  }

  /** The service's album as the catalog stores it: clipped text, clean ISRCs and UPC, the edition suffix read as the type. */
  private newAlbum(provider: ProviderName, album: ProviderAlbum): NewAlbum {
    const edition = editionOf(album.title.trim() || 'Untitled');
    const artists = album.artists.map((a) => clip(a.trim(), NAME_MAX)).filter(Boolean);
    const released = releaseDateOf(album.releaseDate);
    return {
      provider,
      serviceId: album.id,
      title: clip(edition.title, TITLE_MAX),
      artists,
      artistCredit: clip(creditOf(artists), TITLE_MAX),
      releaseDate: released.date,
      releaseDatePrecision: released.precision,
      releaseYear: released.year,
      type: edition.type,
      upc: cleanUpc(album.upc),
      coverUrl: album.artworkUrl ?? null,
      tracks: album.tracks
        .filter((t) => !t.isLocal && t.id)
        .map((t) => {
          const trackArtists = t.artists.map((a) => clip(a.trim(), NAME_MAX)).filter(Boolean);
          const credited = trackArtists.length ? trackArtists : artists;
          return {
            title: clip(t.title.trim() || 'Untitled', TITLE_MAX),
            artists: credited,
            artistCredit: clip(creditOf(credited), TITLE_MAX),
            durationMs: t.durationMs && t.durationMs > 0 ? Math.round(t.durationMs) : null,
            isrc: normaliseIsrc(t.isrc),
            serviceId: t.id,
          };
        }),
    };
  }

  /** Asks the worker for the cover; a refused address or Redis being down leaves it to the cover backfill. */
  private async requestCover(albumId: string, coverUrl: string): Promise<void> {
    try {
      await this.deps.artwork.requestCover(albumId, coverUrl);
    } catch (err) {
      this.deps.logger.warn({ err, albumId }, 'could not ask for an added album’s cover; the cover backfill will');
    }
  }
}
