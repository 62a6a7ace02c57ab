/** How many rows of each kind a data set holds. */
export interface DatasetScale {
  name: 'full' | 'smoke';
  users: number;
  artists: number;
  albums: number;
  /** A multiple of `albums`: every album gets the same number of tracks. */
  tracks: number;
  ratings: number;
  reviews: number;
  activity: number;
  /** Users (the first of the sign-in order) who follow others, for the feed scenario. */
  feedUsers: number;
  /** How many recently active users each of them follows. */
  followsPerFeedUser: number;
  /** Playlist and list documents in all, clones included. */
  playlists: number;
  /** How many of them are clones of popular public playlists. */
  playlistClones: number;
  /** Likes on public playlists; 5 % of them placed in the last week (about 9 % land there in all). */
  playlistLikes: number;
  /** Public playlists of exactly 500 entries, for the page scenario. */
  pagePlaylists: number;
  /** Users (the first of the sign-in order) who own playlists for the add scenario to append to. */
  playlistWriters: number;
  /** How many such playlists each of them owns. */
  playlistsPerWriter: number;
}

/** DESIGN.md's scale data set. */
export const FULL_SCALE: DatasetScale = {
  name: 'full',
  users: 100_000,
  artists: 20_000,
  albums: 50_000,
  tracks: 500_000,
  ratings: 2_000_000,
  reviews: 200_000,
  activity: 1_000_000,
  feedUsers: 200,
  followsPerFeedUser: 500,
  playlists: 200_000,
  playlistClones: 2_000,
  playlistLikes: 600_000,
  pagePlaylists: 200,
  playlistWriters: 200,
  playlistsPerWriter: 5,
};

/** A few thousand rows: enough for every scenario to find data, built in about a second. */
export const SMOKE_SCALE: DatasetScale = {
  name: 'smoke',
  users: 400,
  artists: 120,
  albums: 300,
  tracks: 3_000,
  ratings: 8_000,
  reviews: 1_000,
  activity: 5_000,
  feedUsers: 200,
  followsPerFeedUser: 50,
  playlists: 2_000,
  playlistClones: 20,
  playlistLikes: 5_000,
  pagePlaylists: 10,
  playlistWriters: 200,
  playlistsPerWriter: 2,
};

/**
 * Bumped whenever the generator changes what it writes, so that an older data set is rebuilt
 * instead of silently reused.
 */
export const DATASET_VERSION = 4;

/** The one password every generated user has, so the bench can sign in as any of them. */
export const BENCH_PASSWORD = 'muse-bench-password-1';
