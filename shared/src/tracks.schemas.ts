import type { AlbumSummary, TrackView } from './catalog.schemas';

/** GET /api/tracks/:id: a track with its album, its aggregate and the viewer's rating and newest review. */
export interface TrackPage {
  track: TrackView;
  album: AlbumSummary;
  /** Null when signed out. */
  viewer: { reviewId: string | null } | null;
}
