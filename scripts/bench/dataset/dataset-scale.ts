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
};

/**
 * Bumped whenever the generator changes what it writes, so that an older data set is rebuilt
 * instead of silently reused.
 */
export const DATASET_VERSION = 2;

/** The one password every generated user has, so the bench can sign in as any of them. */
export const BENCH_PASSWORD = 'muse-bench-password-1';
