import { base62Id, chance, hash32 } from './sandbox-random';
import type { AppleSong, SandboxCatalog, SpotifyTrack } from './sandbox-catalog-types';

/** A person who can sign in on the sandbox's authorize pages. */
export interface SandboxUser {
  id: string;
  displayName: string;
  email: string;
  country: string;
}

/** The demo listeners of the contract: `demo-listener` imports, `someone-else` owns what dev mode hides. */
export const SANDBOX_USERS: readonly SandboxUser[] = [
  { id: 'demo-listener', displayName: 'Demo Listener', email: 'demo-listener@sandbox.invalid', country: 'US' },
  { id: 'someone-else', displayName: 'Someone Else', email: 'someone-else@sandbox.invalid', country: 'US' },
];

/** A local file in a Spotify playlist: no id, only what the listener's own file said. */
export interface LocalFile {
  local: true;
  name: string;
  artist: string;
  album: string;
  durationMs: number;
}

export type SpotifyEntryItem = SpotifyTrack | LocalFile;

export interface SpotifyEntry {
  item: SpotifyEntryItem;
  addedAt: string;
  addedBy: string;
}

/**
 * A Spotify playlist. Its first `generated` entries are computed on demand from the seed (so a
 * 10,000-track playlist costs nothing until read); entries added through the API follow them.
 */
export interface SpotifyPlaylist {
  id: string;
  name: string;
  description: string;
  ownerId: string;
  public: boolean;
  collaborative: boolean;
  collaborators: string[];
  /** Users who follow the playlist without owning or collaborating on it. */
  followers: string[];
  generated: number;
  appended: SpotifyEntry[];
  version: number;
}

/** An Apple library playlist: generated songs first, then what was appended through the API. */
export interface AppleLibraryPlaylist {
  id: string;
  ownerId: string;
  name: string;
  description: string;
  dateAdded: string;
  generated: number;
  appended: AppleLibraryEntry[];
}

/** A song in a library: a catalog song, or an upload the catalog does not know. */
export interface AppleLibraryEntry {
  libraryId: string;
  song: AppleSong | null;
  upload: { name: string; artistName: string; albumName: string; durationMs: number } | null;
}

const EPOCH = Date.UTC(2024, 0, 1);
export const DEMO_PLAYLIST_SIZES = [5, 50, 300, 2000, 10000] as const;

/** Total entries of a playlist. */
export function spotifyPlaylistLength(p: SpotifyPlaylist): number {
  return p.generated + p.appended.length;
}

/** Entry `index` of a playlist; every playlist of two or more has an unavailable track at 1 and a local file at 3 when it is long enough. */
export function spotifyEntryAt(catalog: SandboxCatalog, p: SpotifyPlaylist, index: number): SpotifyEntry {
  if (index >= p.generated) return p.appended[index - p.generated]!;
  const key = `${catalog.seed}:playlist:${p.id}:${index}`;
  const addedAt = new Date(EPOCH + index * 3_600_000).toISOString().replace('.000Z', 'Z');
  const tracks = catalog.spotify.tracks;
  const pick = tracks[hash32(key) % catalog.playlistPool.spotifyTracks]!;
  if (index === 3 || chance(`${key}:local`) < 0.01) {
    return {
      addedAt,
      addedBy: p.ownerId,
      item: { local: true, name: `${pick.name} (my rip)`, artist: pick.artists[0]?.name ?? 'Unknown', album: 'Home recordings', durationMs: pick.durationMs },
    };
  }
  if (index === 1) {
    const unplayable = tracks.slice(0, catalog.playlistPool.spotifyTracks).filter((t) => !t.playable);
    if (unplayable.length) return { addedAt, addedBy: p.ownerId, item: unplayable[hash32(key) % unplayable.length]! };
  }
  return { addedAt, addedBy: p.ownerId, item: pick };
}

/** Entry `index` of an Apple library playlist. */
export function appleEntryAt(catalog: SandboxCatalog, p: AppleLibraryPlaylist, index: number): AppleLibraryEntry {
  if (index >= p.generated) return p.appended[index - p.generated]!;
  const key = `${catalog.seed}:library:${p.id}:${index}`;
  const songs = catalog.apple.songs;
  const song = songs[hash32(key) % catalog.playlistPool.appleSongs]!;
  if (index === 2 || chance(`${key}:upload`) < 0.01) {
    return {
      libraryId: `i.${base62Id(`${key}:upload`, 14)}`,
      song: null,
      upload: { name: `${song.name} (voice memo)`, artistName: song.artistName, albumName: 'Uploads', durationMs: song.durationMs },
    };
  }
  return { libraryId: libraryIdOf(song), song, upload: null };
}

/** The id a catalog song has once it is in a listener's library. */
export function libraryIdOf(song: AppleSong): string {
  return `i.${base62Id(`library-song:${song.id}`, 14)}`;
}

/** The demo listeners' playlists: the contract's sizes, a followed playlist and a collaborative one owned by someone else. */
export function demoSpotifyPlaylists(seed: string): SpotifyPlaylist[] {
  const make = (key: string, name: string, ownerId: string, generated: number, extra: Partial<SpotifyPlaylist> = {}): SpotifyPlaylist => ({
    id: base62Id(`${seed}:spotify-playlist:${key}`),
    name,
    description: `${name} (sandbox playlist of ${generated} tracks)`,
    ownerId,
    public: true,
    collaborative: false,
    collaborators: [],
    followers: [],
    generated,
    appended: [],
    version: 1,
    ...extra,
  });
  return [
    ...DEMO_PLAYLIST_SIZES.map((size) => make(`demo-${size}`, `Demo mix ${size.toLocaleString('en-US')}`, 'demo-listener', size)),
    make('followed', 'Someone else’s favourites', 'someone-else', 40, { followers: ['demo-listener'] }),
    make('collaborative', 'Road trip (collaborative)', 'someone-else', 20, { public: false, collaborative: true, collaborators: ['demo-listener'] }),
    make('someone-else-own', 'Quiet evenings', 'someone-else', 12),
  ];
}

/** Which playlists a user sees in `GET /me/playlists`: owned, followed, collaborating. */
export function followedBy(userId: string, p: SpotifyPlaylist): boolean {
  return p.ownerId === userId || p.collaborators.includes(userId) || p.followers.includes(userId);
}

/** The Apple demo library. */
export function demoApplePlaylists(seed: string): AppleLibraryPlaylist[] {
  return [5, 50, 300, 2000].map((size) => ({
    id: `p.${base62Id(`${seed}:apple-playlist:${size}`, 15)}`,
    ownerId: 'demo-listener',
    name: `Library mix ${size.toLocaleString('en-US')}`,
    description: `A sandbox library playlist of ${size} songs`,
    dateAdded: new Date(EPOCH).toISOString().replace('.000Z', 'Z'),
    generated: size,
    appended: [],
  }));
}
