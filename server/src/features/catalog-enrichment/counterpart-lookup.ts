import type { ProviderName } from '@muse/shared';
import { normaliseIsrc } from '../../lib/isrc';
import { type MusicProvider, type ProviderAlbum, type ProviderAlbumSummary, ProviderError } from '../../providers/music-provider.port';
import { cleanUpc, creditOf, sameRelease, sameReleaseOnBothServices, sameUpc, type ServiceRelease } from './album-identity';

/** The service an album was not added from. */
export const otherService = (name: ProviderName): ProviderName => (name === 'spotify' ? 'apple' : 'spotify');

/** Albums read in full before giving up: each is a call or two on Apple Music, one per track on Spotify (its album tracks carry no ISRC). */
const MAX_READS = 2;
/** ISRCs looked up when no album has the UPC: Apple answers 25 in one call, Spotify one per call. */
const ISRC_PROBES: Record<ProviderName, number> = { apple: 25, spotify: 2 };
const SEARCH_LIMIT = 5;

export interface CounterpartLookupDeps {
  /** Whether a service is usable on this server (real credentials or the sandbox). */
  available(name: ProviderName): boolean;
  /** App-level providers: catalog calls need no user's connection. */
  appProvider(name: ProviderName): MusicProvider;
}

/** An album as the identity rule compares it. */
function releaseOf(album: ProviderAlbum): ServiceRelease {
  const isrcs = new Set(album.tracks.flatMap((t) => normaliseIsrc(t.isrc) ?? []));
  return { title: album.title, artists: album.artists, upc: cleanUpc(album.upc), isrcs, trackCount: album.tracks.filter((t) => !t.isLocal).length };
}

const sameByText = (source: ServiceRelease, hit: ProviderAlbumSummary) =>
  sameRelease(source, { title: hit.title, artistCredit: creditOf(hit.artists), names: hit.artists });

/**
 * Finds the album added from one service on the other (its counterpart), with few calls: the
 * albums with its UPC (Spotify's search filters by it, Apple's results carry it), else the albums
 * its tracks' ISRCs name, else those with its artist and title; at most two are read in full, and
 * one is taken only when `sameReleaseOnBothServices` says it is the same release. Every call
 * first checks `signal`, so a caller that stopped waiting stops the lookup at its next call.
 */
export class CounterpartLookup {
  constructor(private readonly deps: CounterpartLookupDeps) {}

  /** The counterpart on the other service, or null when it is not set up or has no album sure to be this one. */
  async find(from: ProviderName, album: ProviderAlbum, signal: AbortSignal): Promise<ProviderAlbum | null> {
    const to = otherService(from);
    if (!this.deps.available(to)) return null;
    const provider = this.deps.appProvider(to);
    const call = <T>(work: () => Promise<T>): Promise<T> => {
      signal.throwIfAborted();
      return work();
    };
    const source = releaseOf(album);
    for (const id of (await this.candidates(to, provider, album, source, call)).slice(0, MAX_READS)) {
      const candidate = await call(() => provider.readAlbum(id)).catch((err: unknown) =>
        // Gone since it was found, or not sold in this storefront: the next candidate may do.
        err instanceof ProviderError && err.kind === 'not_found' ? null : Promise.reject(err),
      );
      if (candidate && sameReleaseOnBothServices(source, releaseOf(candidate))) return candidate;
    }
    return null;
  }

  /** Ids of the other service's albums that may be this one, most likely first. */
  private async candidates(
    to: ProviderName,
    provider: MusicProvider,
    album: ProviderAlbum,
    source: ServiceRelease,
    call: <T>(work: () => Promise<T>) => Promise<T>,
  ): Promise<string[]> {
    const ids: string[] = [];
    const add = (id: string | null | undefined) => {
      if (id && !ids.includes(id)) ids.push(id);
    };
    const upc = source.upc;
    const text = `${album.title} ${album.artists.join(' ')}`;
    let hits: ProviderAlbumSummary[] | null = null;
    if (to === 'spotify' && upc) for (const hit of await call(() => provider.searchAlbums(`upc:${upc}`, SEARCH_LIMIT))) add(hit.id);
    if (to === 'apple') {
      hits = await call(() => provider.searchAlbums(text, SEARCH_LIMIT));
      for (const hit of hits) if (sameUpc(hit.upc, upc)) add(hit.id);
    }
    if (ids.length) return ids;

    // A track found by ISRC names its album; the album holding most of the asked recordings comes first.
    const probes = [...source.isrcs].slice(0, ISRC_PROBES[to]);
    if (probes.length) {
      const found = await call(() => provider.tracksByIsrc(probes));
      const held = new Map<string, number>();
      for (const tracks of found.values()) for (const id of new Set(tracks.flatMap((t) => t.album?.id ?? []))) held.set(id, (held.get(id) ?? 0) + 1);
      for (const [id] of [...held].sort((a, b) => b[1] - a[1])) add(id);
    }
    if (ids.length >= MAX_READS) return ids;
    hits ??= await call(() => provider.searchAlbums(text, SEARCH_LIMIT));
    for (const hit of hits) if (sameByText(source, hit)) add(hit.id);
    return ids;
  }
}
