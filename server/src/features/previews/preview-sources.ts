import type { ProviderName } from '@muse/shared';
import { ProviderError, type MusicProvider, type ProviderTrack } from '../../providers/music-provider.port';
import { decideMatch, searchQueries, type SourceTrack } from '../../lib/track-matching';
import type { PreviewTrackRow } from './previews.repo';

/** Where a track's clip can be downloaded, and the service id it was found as when the track lacked one. */
export interface PreviewSource {
  provider: ProviderName;
  url: string;
  /** Set when the track had no id on that service and a lookup found it (the caller remembers it). */
  foundId: string | null;
}

export interface PreviewSourcesDeps {
  /** Whether a service can be used on this server (real credentials or the sandbox). */
  available(name: ProviderName): boolean;
  /** An app-level provider (no user) for catalog calls. */
  appProvider(name: ProviderName): MusicProvider;
}

// Apple gives nearly every song a preview; Spotify has dropped `preview_url` for new apps.
const SERVICE_ORDER: readonly ProviderName[] = ['apple', 'spotify'];
// Text searches per service when the ISRC finds nothing sure: the matcher's most specific queries.
const MAX_SEARCHES = 2;
const SEARCH_LIMIT = 10;

/**
 * Finds a track's preview address on the usable services, Apple first: by the service id the
 * track has, else by its ISRC, else by artist + title (+ album) search, and only when the
 * conversion matcher accepts the candidate (a wrong clip is worse than none). Provider failures
 * that a retry may fix (down, throttled, odd answers) are thrown once no service gave a source.
 */
export class PreviewSources {
  constructor(private readonly deps: PreviewSourcesDeps) {}

  /** Whether any service is usable at all; without one, every track is "no preview" without a job. */
  anyUsable(): boolean {
    return SERVICE_ORDER.some((name) => this.deps.available(name));
  }

  /** The first service's clip address for the track, or null when no usable service has one. */
  async find(track: PreviewTrackRow): Promise<PreviewSource | null> {
    let failure: unknown = null;
    for (const name of SERVICE_ORDER.filter((n) => this.deps.available(n))) {
      try {
        const source = await this.findOn(name, this.deps.appProvider(name), track);
        if (source) return source;
      } catch (err) {
        if (err instanceof ProviderError && err.kind === 'not_found') continue;
        failure ??= err;
      }
    }
    if (failure) throw failure;
    return null;
  }

  private async findOn(name: ProviderName, provider: MusicProvider, track: PreviewTrackRow): Promise<PreviewSource | null> {
    const knownId = name === 'apple' ? track.apple_id : track.spotify_id;
    if (knownId) {
      const url = await provider.previewUrl(knownId);
      return url ? { provider: name, url, foundId: null } : null;
    }
    const match = await this.lookUp(provider, track);
    if (!match) return null;
    const url = match.previewUrl ?? (await provider.previewUrl(match.id));
    return url ? { provider: name, url, foundId: match.id } : null;
  }

  /** The service's track that is this one, by ISRC then by search, as the matcher decides; null when none is sure. */
  private async lookUp(provider: MusicProvider, track: PreviewTrackRow): Promise<ProviderTrack | null> {
    const source: SourceTrack = {
      title: track.title,
      artists: track.artists.length ? track.artists : [track.artist_credit],
      album: track.album_title,
      durationMs: track.duration_ms,
      isrc: track.isrc,
      explicit: null,
    };
    const candidates: Array<{ track: ProviderTrack; via: 'isrc' | 'search' }> = [];
    if (track.isrc) {
      const byIsrc = await provider.tracksByIsrc([track.isrc]);
      for (const t of byIsrc.get(track.isrc.toUpperCase()) ?? []) candidates.push({ track: t, via: 'isrc' });
      const decision = decideMatch(source, candidates);
      if (decision.outcome === 'matched') return decision.chosen!.track;
    }
    for (const query of searchQueries(source).slice(0, MAX_SEARCHES)) {
      for (const t of await provider.searchTracks(query, SEARCH_LIMIT)) candidates.push({ track: t, via: 'search' });
      const decision = decideMatch(source, candidates);
      if (decision.outcome === 'matched') return decision.chosen!.track;
    }
    return null;
  }
}
