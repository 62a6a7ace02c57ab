/**
 * The one interface Muse's features use to talk to a music service. Adapters (Spotify, Apple Music)
 * turn each service's shapes into these, so import, conversion and enrichment never see a service's JSON.
 */

export type ProviderName = 'spotify' | 'apple';

/** A track as a service describes it; `available` is false when it cannot be played in the user's market. */
export interface ProviderTrack {
  id: string;
  title: string;
  artists: string[];
  album: { id: string | null; title: string; upc?: string | null; releaseYear?: number | null; artworkUrl?: string | null } | null;
  durationMs: number | null;
  isrc: string | null;
  explicit: boolean | null;
  available: boolean;
  /** A Spotify local file: it has no catalog id, only the text the user's file carried. */
  isLocal: boolean;
  previewUrl?: string | null;
  url?: string | null;
}

/** A search hit for an album: enough to show it and to read it in full with `readAlbum`. */
export interface ProviderAlbumSummary {
  id: string;
  title: string;
  artists: string[];
  releaseDate: string | null;
  artworkUrl: string | null;
  trackCount: number | null;
  url: string | null;
  /** The UPC when the service gives it in search results (Apple does; Spotify only on the album itself). */
  upc?: string | null;
}

/** An album with every track (ISRCs and UPC when the service gives them), for catalog enrichment. */
export interface ProviderAlbum {
  id: string;
  title: string;
  artists: string[];
  upc: string | null;
  releaseDate: string | null;
  artworkUrl: string | null;
  url?: string | null;
  tracks: ProviderTrack[];
}

export interface ProviderPlaylistSummary {
  id: string;
  name: string;
  /** Plain text as the service gives it; null when it has none. */
  description?: string | null;
  ownerId: string;
  ownerName: string | null;
  /** 0 when the service does not say (Apple's library playlists). */
  trackCount: number;
  url: string | null;
  artworkUrl: string | null;
  ownedByUser: boolean;
}

/** One page of a service's list; `next` is an opaque cursor to pass back (null on the last page). */
export interface Page<T> {
  items: T[];
  next: string | null;
  total: number | null;
}

export interface ProviderUser {
  id: string;
  displayName: string | null;
  email?: string | null;
  country?: string | null;
}

/** What a connection stores; Apple calls use `musicUserToken` (the developer token is app-level). */
export interface ProviderCredentials {
  accessToken: string;
  refreshToken?: string | null;
  expiresAt?: Date | null;
  musicUserToken?: string | null;
  storefront?: string | null;
}

/**
 * A connection to one service for one user. Every method may throw `ProviderError`; pages are read one
 * at a time so a 10,000-track playlist never sits in memory whole.
 */
export interface MusicProvider {
  readonly name: ProviderName;
  currentUser(): Promise<ProviderUser>;
  listPlaylists(cursor?: string | null): Promise<Page<ProviderPlaylistSummary>>;
  readPlaylist(id: string, cursor?: string | null): Promise<{ playlist: ProviderPlaylistSummary; tracks: Page<ProviderTrack> }>;
  /** Keys are the upper-cased ISRCs asked for; a service may know several tracks per ISRC (album, single, compilation). */
  tracksByIsrc(isrcs: string[]): Promise<Map<string, ProviderTrack[]>>;
  /** Spotify answers at most 10 per call; a larger limit is capped. */
  searchTracks(query: string, limit?: number): Promise<ProviderTrack[]>;
  searchAlbums(query: string, limit?: number): Promise<ProviderAlbumSummary[]>;
  readAlbum(id: string): Promise<ProviderAlbum>;
  createPlaylist(name: string, description?: string): Promise<ProviderPlaylistSummary>;
  /** Appends in the given order, in batches of at most 100 per call. */
  appendTracks(playlistId: string, trackIds: string[]): Promise<void>;
  previewUrl(trackId: string): Promise<string | null>;
}

export type ProviderErrorKind = 'not_found' | 'forbidden_dev_mode' | 'forbidden' | 'unauthorized' | 'rate_limited' | 'unavailable' | 'bad_response';

/**
 * The one error a provider call throws, whatever went wrong on the wire: callers decide from `kind`
 * (e.g. a job gives up on `rate_limited` after the bounded wait, import explains `forbidden_dev_mode`).
 */
export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  /** HTTP status the service answered, or 0 when there was no answer (network error, timeout). */
  readonly status: number;
  /** Endpoint template, e.g. `GET /v1/playlists/{id}/items`. */
  readonly endpoint: string;
  readonly retryAfterSeconds?: number;

  constructor(kind: ProviderErrorKind, message: string, opts: { status: number; endpoint: string; retryAfterSeconds?: number; cause?: unknown }) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'ProviderError';
    this.kind = kind;
    this.status = opts.status;
    this.endpoint = opts.endpoint;
    if (opts.retryAfterSeconds !== undefined) this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

/** Called after a 401 made the adapter refresh its tokens, so the connection can store the new ones. */
export type OnTokens = (refreshed: ProviderCredentials) => void | Promise<void>;
