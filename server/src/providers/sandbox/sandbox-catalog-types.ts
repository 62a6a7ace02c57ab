/** An artist as both services know it: the same name under each service's id. */
export interface SandboxArtist {
  name: string;
  spotifyId: string;
  appleId: string;
}

export type SpotifyAlbumType = 'album' | 'single' | 'compilation';
export type DatePrecision = 'year' | 'month' | 'day';

export interface SpotifyAlbum {
  id: string;
  name: string;
  albumType: SpotifyAlbumType;
  artists: SandboxArtist[];
  releaseDate: string;
  releaseDatePrecision: DatePrecision;
  upc: string;
  label: string;
  genres: string[];
  trackIds: string[];
}

export interface SpotifyTrack {
  id: string;
  name: string;
  artists: SandboxArtist[];
  albumId: string;
  discNumber: number;
  trackNumber: number;
  durationMs: number;
  explicit: boolean;
  isrc: string;
  /** False when the track is not licensed in the listener's market (`is_playable: false`). */
  playable: boolean;
}

export type ContentRating = 'explicit' | 'clean';

export interface AppleAlbum {
  id: string;
  name: string;
  artistName: string;
  artists: SandboxArtist[];
  releaseDate: string;
  upc: string;
  recordLabel: string;
  genreNames: string[];
  isSingle: boolean;
  isCompilation: boolean;
  contentRating: ContentRating | null;
  songIds: string[];
}

export interface AppleSong {
  id: string;
  name: string;
  artistName: string;
  artists: SandboxArtist[];
  albumId: string;
  albumName: string;
  discNumber: number;
  trackNumber: number;
  durationMs: number;
  isrc: string;
  contentRating: ContentRating | null;
  genreNames: string[];
  releaseDate: string;
  /** Storefronts the song is sold in; a song missing from `us` answers 404 there. */
  storefronts: readonly string[];
}

/** How many of each real-world difference the catalog holds, so tests can ask for them by kind. */
export interface DivergenceCounts {
  missingOnApple: number;
  missingOnSpotify: number;
  titleVariants: number;
  isrcDisagreements: number;
  unplayableOnSpotify: number;
  outsideUsStorefront: number;
  appleSingles: number;
  appleCompilationSongs: number;
  cleanVersions: number;
  deluxeBonusTracks: number;
}

/** Both services' catalogs built from Muse's demo catalog, with lookups by id and ISRC. */
export interface SandboxCatalog {
  seed: string;
  spotify: {
    tracks: SpotifyTrack[];
    albums: SpotifyAlbum[];
    trackById: Map<string, SpotifyTrack>;
    albumById: Map<string, SpotifyAlbum>;
  };
  apple: {
    songs: AppleSong[];
    albums: AppleAlbum[];
    songById: Map<string, AppleSong>;
    albumById: Map<string, AppleAlbum>;
    songsByIsrc: Map<string, AppleSong[]>;
  };
  divergence: DivergenceCounts;
  /**
   * Demo playlists draw from the first this many Spotify tracks and Apple songs (those derived
   * from the demo releases, compilations included), so the service-only new releases appended
   * after them change no playlist.
   */
  playlistPool: { spotifyTracks: number; appleSongs: number };
}

export const APPLE_STOREFRONTS = ['us', 'gb'] as const;
