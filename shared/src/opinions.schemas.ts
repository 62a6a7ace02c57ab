import type { AlbumSummary } from './catalog.schemas';

/** Where a point of a rating timeline came from: a diary listen with a rating, or a rating given without one. */
export type TimelinePointSource = 'diary' | 'rating';

/** One rating of the viewer's timeline of an album, oldest first. */
export interface RatingTimelinePoint {
  /** The day of the listen (diary) or of the rating (YYYY-MM-DD). */
  on: string;
  /** Stars. */
  rating: number;
  source: TimelinePointSource;
  /** 1 for the first listen, then 2, 3… */
  listenNumber: number;
  /** The review written with this listen, if any. */
  reviewId: string | null;
}

/** `GET /api/albums/:id/my-timeline`: the viewer's own ratings of the album over time. */
export interface RatingTimeline {
  albumId: string;
  points: RatingTimelinePoint[];
  /** The latest point's stars minus the first's; null with fewer than two points. */
  change: number | null;
}

/** One album whose rating moved between a user's first and latest rating of it. */
export interface OpinionChange {
  album: AlbumSummary;
  /** Stars first given. */
  first: number;
  /** Stars now (the current rating). */
  latest: number;
  /** latest − first, in stars. */
  change: number;
  /** How many ratings the user gave the album (at least two). */
  ratings: number;
}

/** `GET /api/users/:handle/opinion-changes`: the largest rises (growers) and falls (faders). */
export interface OpinionChanges {
  growers: OpinionChange[];
  faders: OpinionChange[];
}

/** How many growers and faders My Muse lists of each. */
export const OPINION_CHANGES_LIMIT = 5;
