import { z } from 'zod';

export const AlbumTypeSchema = z.enum(['album', 'ep', 'single', 'compilation', 'live']);
export type AlbumType = z.infer<typeof AlbumTypeSchema>;

export const DatePrecisionSchema = z.enum(['year', 'month', 'day']);
export type DatePrecision = z.infer<typeof DatePrecisionSchema>;

/** Positive bigint id in a path, as a string. */
export const IdSchema = z.string().regex(/^[1-9][0-9]{0,17}$/, 'Id must be a positive integer');
export const IdParamsSchema = z.object({ id: IdSchema });

export interface ArtistCredit {
  artistId: string;
  name: string;
  /** Printed after this artist: " feat. ", " & ", ", " or "". */
  joinPhrase: string;
}

/** count, mean (stars), 10-bucket histogram (index 0 = half a star … 9 = five stars), weighted (Bayesian, stars). */
export interface RatingStats {
  count: number;
  mean: number | null;
  histogram: number[];
  weighted: number | null;
  /** While a surge of ratings from low-history accounts is looked at, `weighted` is held at its last stable value since this time. */
  heldSince?: string | null;
}

export interface AlbumSummary {
  id: string;
  title: string;
  artistCredit: string;
  releaseYear: number | null;
  type: AlbumType;
  coverUrl: string | null;
  genres: string[];
}

export interface AlbumDetail extends AlbumSummary {
  credits: ArtistCredit[];
  releaseDate: string | null;
  releaseDatePrecision: DatePrecision | null;
  styles: string[];
  label: string | null;
  catalogNumber: string | null;
  country: string | null;
  upc: string | null;
  spotifyId: string | null;
  appleId: string | null;
  discogsId: string | null;
}

export interface TrackView {
  id: string;
  disc: number;
  position: number;
  positionLabel: string | null;
  title: string;
  artistCredit: string;
  durationMs: number | null;
  isrc: string | null;
  stats: { count: number; mean: number | null };
  /** The signed-in viewer's rating in stars, or null. */
  viewerRating: number | null;
}

export interface UserSummary {
  id: string;
  handle: string;
  displayName: string;
}

export interface ArtistSummary {
  id: string;
  name: string;
  albumCount: number;
}

export interface ArtistPage {
  artist: ArtistSummary;
  albums: (AlbumSummary & { stats: RatingStats })[];
}
